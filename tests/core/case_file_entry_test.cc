// Entry drafts: every type's field list accepts a realistic payload and refuses bad input with
// the offending field named.
#include <gtest/gtest.h>

#include "core/case_file.h"
#include "core/case_file_facts.h"
#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using testing::simple;
using testing::sick_report;

struct ValidCase {
  const char* type;
  const char* payload;
};

// One realistic payload per type: each must be accepted and come back canonical.
const ValidCase kValid[] = {
    {"sick_report",
     R"({"expected_duration":"1_to_6_weeks","safety_net_applies":true,"work_accident":false,
        "third_party_liability":true,"contact_phone":"+31 6 1234-5678",
        "appointments":[{"on":"2026-03-04","with":"company_doctor"}]})"},
    {"recovery", "{}"},
    {"relapse", R"({"same_cause_as_before":true})"},
    {"partial_work", R"({"percentage":50,"kind":"therapeutic"})"},
    {"maternity_leave", R"({"end":"2026-07-01"})"},
    {"long_term_expected", R"({"medical":{"note":"only for the doctor"}})"},
    {"company_doctor_report", R"({"company_doctor":"Arbodienst Noord"})"},
    {"problem_analysis",
     R"({"author":"B. Arts","limitations":["no lifting over 5 kg"],"possibilities":["desk work"],
        "prognosis":"partial return in 8 weeks","advice":"build up hours",
        "medical":{"diagnosis":"confidential"}})"},
    {"plan_of_action",
     R"({"goal":"own_work_adapted","case_manager":"C. Manager","employee_agreement":"agreed",
        "activities":[{"description":"build up to 20 h","owner":"employee","due":"2026-05-01"}]})"},
    {"progress_evaluation",
     R"({"attendees":["employee","manager"],"employee_agreement":"agreed_with_remarks",
        "actions":[{"description":"try 4 h/day","owner":"manager","due":"2026-06-01"}],
        "next_evaluation_on":"2026-07-01"})"},
    {"reintegration_interview", R"({"attendees":["employee"],"employee_agreement":"pending"})"},
    {"uwv_42_week_report", R"({"reference":"UWV-123"})"},
    {"first_year_evaluation",
     R"({"track_decision":"start_track_2","reason":"no suitable work","on_course":false})"},
    {"track_1_attempt",
     R"({"option":"other_job_internal","description":"planner","outcome":"failed",
        "reason":"exceeded capacity per doctor's advice"})"},
    {"track_2_decision",
     R"({"start":"2026-06-01","provider":"Re-integratie BV","reason":"track 1 exhausted"})"},
    {"uwv_wia_letter", "{}"},
    {"reintegration_report", R"({"handed_to_employee_on":"2026-06-02"})"},
    {"wia_application", "{}"},
    {"voluntary_extension", R"({"weeks":26})"},
    {"wage_sanction", R"({"weeks":52,"repaired_on":"2026-06-03"})"},
    {"employment_end", R"({"uwv_reported_on":"2026-06-03"})"},
    {"safety_net", R"({"kind":"no_risk"})"},
    {"deviation", R"({"milestone":"plan_of_action","reason":"employee in hospital"})"},
    {"correction", R"({"corrects_seq":2,"reason":"typo in the date","new_occurred_on":"2026-03-01"})"},
    {"plan_agreement", R"({"plan_seq":4,"agreement":"agreed_with_remarks","remarks":"start at 2 h"})"},
    {"employee_view", R"({"subject":"plan_of_action","view":"I would rather start in the morning"})"},
    {"file_copy_request", R"({"documents":"whole_file","note":"for my lawyer"})"},
    {"gp_conversation",
     R"({"attendees":["employee","B. Arts, company doctor"],
        "preparation":["doctor_advice","timeline"],
        "medical":{"gp_position":"can work 4 h a day","next_step":"start the track-2 intake"}})"},
    {"expert_opinion",
     R"({"stage":"answered","requested_by":"employee","question":"employer_efforts",
        "conclusion":"the efforts were sufficient","request_seq":7})"},
    {"occupational_expert_report",
     R"({"author":"A. Deskundige","question":"which work fits the capacity?",
        "own_job_possible":"no","own_job_adaptable":"partly",
        "other_internal_work":"none at this location","external_directions":["administration"],
        "conclusion_track":"track_2","advice":"start spoor 2 with a search profile"})"},
    {"current_judgement",
     R"({"author":"B. Arts","course_of_incapacity":"slow improvement, stable for 3 months",
        "limitations":["no lifting"],"possibilities":["desk work 4 h a day"],
        "prognosis":"no further improvement expected","working_relationship_view":"good",
        "suitable_work_at_employer_view":"no suitable work at the employer"})"},
    {"end_evaluation",
     R"({"nature_of_business":"bakery with 40 staff",
        "reintegration_status":{"hours_per_week":8,"tasks":"ordering","structural":false},
        "summary_track_1":"two adaptations failed","summary_track_2":"coaching, 12 applications",
        "employer_view_working_relationship":"good","employer_view_suitable_work":"none",
        "employee_remarks":"agreed"})"},
    {"track_2_activity",
     R"({"kind":"application","description":"applied by letter","employer_name":"Gemeente X",
        "position":"receptionist","fits_search_profile":true})"},
};

TEST(CaseFileEntry, EveryTypeAcceptsARealisticPayload) {
  for (const auto& valid : kValid) {
    const auto draft = parse_entry_draft(simple(valid.type, "2026-03-02", valid.payload));
    ASSERT_TRUE(draft.ok()) << valid.type << ": " << draft.error().field << " "
                            << draft.error().message;
    EXPECT_EQ(entry_type_name(draft->type), valid.type);
    // Canonical: canonicalising the stored form again (with its medical part, as submitted)
    // changes nothing.
    std::string submitted = draft->payload;
    if (draft->medical) {
      submitted = "{\"medical\":" + *draft->medical + (submitted == "{}" ? "" : ",") +
                  submitted.substr(1);
    }
    const auto again = canonicalize_payload(draft->type, submitted);
    ASSERT_TRUE(again.ok()) << valid.type;
    EXPECT_EQ(again->payload, draft->payload) << valid.type;
    EXPECT_EQ(again->medical, draft->medical) << valid.type;
    EXPECT_EQ(draft->payload.find('\n'), std::string::npos) << valid.type;
    EXPECT_EQ(draft->payload.find("medical"), std::string::npos) << valid.type;
  }
  EXPECT_EQ(std::size(kValid), kEntryTypeCount);
}

TEST(CaseFileEntry, TypeNamesRoundTrip) {
  for (std::size_t i = 0; i < kEntryTypeCount; ++i) {
    const auto type = static_cast<EntryType>(i);
    EXPECT_EQ(entry_type_from_name(entry_type_name(type)), type);
    EXPECT_FALSE(entry_type_dutch_name(type).empty());
  }
  EXPECT_FALSE(entry_type_from_name("diagnosis").has_value());
  EXPECT_EQ(visibility_from_name("MEDICAL"), Visibility::medical);
  EXPECT_EQ(visibility_name(Visibility::employee_own), "EMPLOYEE_OWN");
}

TEST(CaseFileEntry, MedicalObjectIsSplitOffAndCanonical) {
  const auto draft = parse_entry_draft(simple(
      "problem_analysis", "2026-03-02",
      R"({"medical": {"z":1, "a":"x"}, "author":"B. Arts","limitations":[],"possibilities":[],
          "prognosis":"p","advice":"a"})"));
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  ASSERT_TRUE(draft->medical.has_value());
  EXPECT_EQ(*draft->medical, R"({"a":"x","z":1})");
  EXPECT_EQ(draft->payload,
            R"({"advice":"a","author":"B. Arts","limitations":[],"possibilities":[],"prognosis":"p"})");
  EXPECT_EQ(default_visibility(EntryType::problem_analysis), Visibility::functional);
}

TEST(CaseFileEntry, SickReportHasNoPlaceForADiagnosis) {
  const auto with_medical = parse_entry_draft(simple(
      "sick_report", "2026-03-02",
      R"({"expected_duration":"unknown","safety_net_applies":false,"work_accident":false,
          "third_party_liability":false,"medical":{"diagnosis":"flu"}})"));
  ASSERT_FALSE(with_medical.ok());
  EXPECT_EQ(with_medical.error().field, "payload.medical");

  const auto with_remarks = parse_entry_draft(simple(
      "sick_report", "2026-03-02",
      R"({"expected_duration":"unknown","safety_net_applies":false,"work_accident":false,
          "third_party_liability":false,"remarks":"burn-out"})"));
  ASSERT_FALSE(with_remarks.ok());
  EXPECT_EQ(with_remarks.error().code, "unknown_field");
  EXPECT_EQ(with_remarks.error().field, "payload.remarks");

  const auto phone_as_text = parse_entry_draft(simple(
      "sick_report", "2026-03-02",
      R"({"expected_duration":"unknown","safety_net_applies":false,"work_accident":false,
          "third_party_liability":false,"contact_phone":"flu, call"})"));
  ASSERT_FALSE(phone_as_text.ok());
  EXPECT_EQ(phone_as_text.error().field, "payload.contact_phone");
}

struct BadCase {
  std::string json;
  const char* code;
  const char* field;
};

class CaseFileEntryRefuses : public ::testing::TestWithParam<BadCase> {};

TEST_P(CaseFileEntryRefuses, NamesTheField) {
  const auto& bad = GetParam();
  const auto draft = parse_entry_draft(bad.json);
  ASSERT_FALSE(draft.ok()) << bad.json;
  EXPECT_EQ(draft.error().code, bad.code) << bad.json << ": " << draft.error().message;
  EXPECT_EQ(draft.error().field, bad.field) << bad.json << ": " << draft.error().message;
  EXPECT_FALSE(draft.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, CaseFileEntryRefuses,
    ::testing::Values(
        BadCase{"", "invalid_json", ""},
        BadCase{"not json", "invalid_json", ""},
        BadCase{"[1,2]", "invalid_type", ""},
        BadCase{R"({"occurred_on":"2026-03-02","payload":{}})", "missing_field", "type"},
        BadCase{R"({"type":"diagnosis","occurred_on":"2026-03-02","payload":{}})", "unknown_type",
                "type"},
        BadCase{R"({"type":"recovery","payload":{}})", "missing_field", "occurred_on"},
        BadCase{simple("recovery", "2026-02-30"), "invalid_date", "occurred_on"},
        BadCase{simple("recovery", "2026-2-3"), "invalid_date", "occurred_on"},
        BadCase{R"({"type":"recovery","occurred_on":"2026-03-02"})", "missing_field", "payload"},
        BadCase{R"({"type":"recovery","occurred_on":"2026-03-02","payload":[]})", "invalid_type",
                "payload"},
        BadCase{R"({"type":"recovery","occurred_on":"2026-03-02","payload":{},"x":1})",
                "unknown_field", "x"},
        BadCase{R"({"type":"recovery","occurred_on":"2026-03-02","payload":{},"expected_seq":0})",
                "out_of_range", "expected_seq"},
        BadCase{simple("recovery", "2026-03-02", R"({"note":"x"})"), "unknown_field",
                "payload.note"},
        BadCase{simple("sick_report", "2026-03-02", R"({"expected_duration":"forever"})"),
                "invalid_choice", "payload.expected_duration"},
        BadCase{simple("sick_report", "2026-03-02",
                       R"({"expected_duration":"unknown","safety_net_applies":"no"})"),
                "invalid_type", "payload.safety_net_applies"},
        BadCase{simple("sick_report", "2026-03-02",
                       R"({"expected_duration":"unknown","safety_net_applies":false,
                           "work_accident":false})"),
                "missing_field", "payload.third_party_liability"},
        BadCase{simple("sick_report", "2026-03-02",
                       R"({"expected_duration":"unknown","safety_net_applies":false,
                           "work_accident":false,"third_party_liability":false,
                           "appointments":[{"on":"2026-13-01","with":"employer"}]})"),
                "invalid_date", "payload.appointments[0].on"},
        BadCase{simple("partial_work", "2026-03-02", R"({"percentage":0,"kind":"own_work"})"),
                "out_of_range", "payload.percentage"},
        BadCase{simple("partial_work", "2026-03-02", R"({"percentage":50.5,"kind":"own_work"})"),
                "invalid_type", "payload.percentage"},
        BadCase{simple("maternity_leave", "2026-03-02", "{}"), "missing_field", "payload.end"},
        BadCase{simple("maternity_leave", "2026-03-02", R"({"end":"2026-02-29"})"),
                "invalid_date", "payload.end"},
        BadCase{simple("long_term_expected", "2026-03-02", R"({"medical":"flu"})"),
                "invalid_type", "payload.medical"},
        BadCase{simple("problem_analysis", "2026-03-02",
                       R"({"author":"A","limitations":"none","possibilities":[],
                           "prognosis":"p","advice":"a"})"),
                "invalid_type", "payload.limitations"},
        BadCase{simple("problem_analysis", "2026-03-02",
                       R"({"author":"A","limitations":[],"possibilities":[],"prognosis":"  ",
                           "advice":"a"})"),
                "empty_text", "payload.prognosis"},
        BadCase{simple("plan_of_action", "2026-03-02",
                       R"({"goal":"own_work","case_manager":"C","employee_agreement":"agreed",
                           "activities":[]})"),
                "too_few_items", "payload.activities"},
        BadCase{simple("plan_of_action", "2026-03-02",
                       R"({"goal":"own_work","case_manager":"C","employee_agreement":"agreed",
                           "activities":[{"description":"d","owner":"o"}]})"),
                "missing_field", "payload.activities[0].due"},
        BadCase{simple("plan_of_action", "2026-03-02",
                       R"({"replaces_seq":4,"goal":"own_work","case_manager":"C",
                           "employee_agreement":"agreed",
                           "activities":[{"description":"d","owner":"o","due":"2026-04-01"}]})"),
                "missing_field", "payload.adjustment_reason"},
        BadCase{simple("progress_evaluation", "2026-03-02",
                       R"({"attendees":[],"employee_agreement":"agreed"})"),
                "too_few_items", "payload.attendees"},
        BadCase{simple("first_year_evaluation", "2026-03-02",
                       R"({"track_decision":"maybe","reason":"r","on_course":true})"),
                "invalid_choice", "payload.track_decision"},
        BadCase{simple("first_year_evaluation", "2026-03-02",
                       R"({"track_decision":"neither","on_course":true})"),
                "missing_field", "payload.reason"},
        BadCase{simple("track_1_attempt", "2026-03-02",
                       R"({"option":"own_job_partial","description":"d","outcome":"failed"})"),
                "missing_field", "payload.reason"},
        BadCase{simple("track_2_decision", "2026-03-02", R"({"provider":"P","reason":"r"})"),
                "missing_field", "payload.start"},
        BadCase{simple("voluntary_extension", "2026-03-02", "{}"), "one_of", "payload.end"},
        BadCase{simple("voluntary_extension", "2026-03-02", R"({"end":"2027-01-01","weeks":13})"),
                "one_of", "payload.end"},
        BadCase{simple("voluntary_extension", "2026-03-02", R"({"weeks":0})"), "out_of_range",
                "payload.weeks"},
        BadCase{simple("wage_sanction", "2026-03-02", R"({"weeks":53})"), "out_of_range",
                "payload.weeks"},
        BadCase{simple("safety_net", "2026-03-02", R"({"kind":"pregnant"})"), "invalid_choice",
                "payload.kind"},
        BadCase{simple("deviation", "2026-03-02", R"({"milestone":"lunch","reason":"r"})"),
                "unknown_milestone", "payload.milestone"},
        BadCase{simple("deviation", "2026-03-02",
                       R"({"milestone":"wia_application","reason":"r"})"),
                "deviation_not_allowed", "payload.milestone"},
        BadCase{simple("deviation", "2026-03-02", R"({"milestone":"plan_of_action"})"),
                "missing_field", "payload.reason"},
        BadCase{simple("correction", "2026-03-02", R"({"corrects_seq":1,"reason":"r"})"),
                "one_of", "payload.void"},
        BadCase{simple("correction", "2026-03-02",
                       R"({"corrects_seq":1,"reason":"r","void":true,"new_payload":{}})"),
                "one_of", "payload.void"},
        BadCase{simple("correction", "2026-03-02", R"({"corrects_seq":0,"reason":"r","void":true})"),
                "out_of_range", "payload.corrects_seq"},
        BadCase{simple("correction", "2026-03-02",
                       R"({"corrects_seq":1,"reason":"r","new_payload":{"medical":{}}})"),
                "medical_misplaced", "payload.new_payload.medical"},
        // The conversation with the GP: its medical part is required and has a field list.
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"medical":{"next_step":"intake"}})"),
                "missing_field", "payload.medical.gp_position"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"medical":{"gp_position":"p"}})"),
                "missing_field", "payload.medical.next_step"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"medical":{"gp_position":"p","next_step":"n",
                           "diagnosis":"d"}})"),
                "unknown_field", "payload.medical.diagnosis"},
        BadCase{simple("gp_conversation", "2026-03-02", R"({"attendees":["employee"]})"),
                "missing_field", "payload.medical"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"medical":"p"})"),
                "invalid_type", "payload.medical"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"medical":{"gp_position":"p","next_step":"n"}})"),
                "missing_field", "payload.attendees"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"preparation":["timeline","lab_results"],
                           "medical":{"gp_position":"p","next_step":"n"}})"),
                "invalid_choice", "payload.preparation[1]"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"preparation":["timeline","timeline"],
                           "medical":{"gp_position":"p","next_step":"n"}})"),
                "duplicate", "payload.preparation[1]"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"preparation":"timeline",
                           "medical":{"gp_position":"p","next_step":"n"}})"),
                "invalid_type", "payload.preparation"},
        BadCase{simple("gp_conversation", "2026-03-02",
                       R"({"attendees":["employee"],"gp_position":"p",
                           "medical":{"gp_position":"p","next_step":"n"}})"),
                "unknown_field", "payload.gp_position"},
        // Deskundigenoordeel.
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"sent","requested_by":"employer","question":"employee_efforts"})"),
                "invalid_choice", "payload.stage"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"requested","question":"employee_efforts"})"),
                "missing_field", "payload.requested_by"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"requested","requested_by":"employer","question":"wages"})"),
                "invalid_choice", "payload.question"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"answered","requested_by":"employer",
                           "question":"employee_efforts"})"),
                "missing_field", "payload.conclusion"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"requested","requested_by":"employer",
                           "question":"employee_efforts","conclusion":"c"})"),
                "only_when_answered", "payload.conclusion"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"requested","requested_by":"employer",
                           "question":"employee_efforts","request_seq":2})"),
                "only_when_answered", "payload.request_seq"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"answered","requested_by":"employer",
                           "question":"employee_efforts","conclusion":"c","request_seq":"2"})"),
                "invalid_type", "payload.request_seq"},
        BadCase{simple("expert_opinion", "2026-03-02",
                       R"({"stage":"answered","requested_by":"employer",
                           "question":"employee_efforts","conclusion":"c","request_seq":0})"),
                "out_of_range", "payload.request_seq"},
        // Arbeidsdeskundig rapport.
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"question":"q","own_job_possible":"no","conclusion_track":"track_2",
                           "advice":"a"})"),
                "missing_field", "payload.author"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"maybe",
                           "conclusion_track":"track_2","advice":"a"})"),
                "invalid_choice", "payload.own_job_possible"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"no",
                           "own_job_adaptable":true,"conclusion_track":"track_2","advice":"a"})"),
                "invalid_choice", "payload.own_job_adaptable"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"no",
                           "conclusion_track":"track_3","advice":"a"})"),
                "invalid_choice", "payload.conclusion_track"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"no",
                           "external_directions":"admin","conclusion_track":"both","advice":"a"})"),
                "invalid_type", "payload.external_directions"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"no",
                           "conclusion_track":"both"})"),
                "missing_field", "payload.advice"},
        BadCase{simple("occupational_expert_report", "2026-03-02",
                       R"({"author":"A","question":"q","own_job_possible":"no",
                           "conclusion_track":"both","advice":"a","fml":"x"})"),
                "unknown_field", "payload.fml"},
        // Actueel oordeel.
        BadCase{simple("current_judgement", "2026-03-02",
                       R"({"author":"B","prognosis":"p","suitable_work_at_employer_view":"v"})"),
                "missing_field", "payload.course_of_incapacity"},
        BadCase{simple("current_judgement", "2026-03-02",
                       R"({"author":"B","course_of_incapacity":"c","prognosis":"p"})"),
                "missing_field", "payload.suitable_work_at_employer_view"},
        BadCase{simple("current_judgement", "2026-03-02",
                       R"({"author":"B","course_of_incapacity":"c","prognosis":"p",
                           "suitable_work_at_employer_view":"v","limitations":[""]})"),
                "invalid_type", "payload.limitations[0]"},
        BadCase{simple("current_judgement", "2026-03-02",
                       R"({"author":"B","course_of_incapacity":"c","prognosis":7,
                           "suitable_work_at_employer_view":"v"})"),
                "invalid_type", "payload.prognosis"},
        // Eindevaluatie.
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","summary_track_1":"s",
                           "employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "missing_field", "payload.reintegration_status"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":8,
                           "structural":true},"summary_track_1":"s",
                           "employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "missing_field", "payload.reintegration_status.tasks"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":81,
                           "tasks":"t","structural":true},"summary_track_1":"s",
                           "employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "out_of_range", "payload.reintegration_status.hours_per_week"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":8,
                           "tasks":"t","structural":"yes"},"summary_track_1":"s",
                           "employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "invalid_type", "payload.reintegration_status.structural"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":8,
                           "tasks":"t","structural":true,"wage":1},"summary_track_1":"s",
                           "employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "unknown_field", "payload.reintegration_status.wage"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":"8 h",
                           "summary_track_1":"s","employer_view_working_relationship":"w",
                           "employer_view_suitable_work":"v"})"),
                "invalid_type", "payload.reintegration_status"},
        BadCase{simple("end_evaluation", "2026-03-02",
                       R"({"nature_of_business":"n","reintegration_status":{"hours_per_week":8,
                           "tasks":"t","structural":true},"summary_track_1":"s",
                           "employer_view_working_relationship":"w"})"),
                "missing_field", "payload.employer_view_suitable_work"},
        // Spoor 2-activiteit.
        BadCase{simple("track_2_activity", "2026-03-02", R"({"kind":"walk","description":"d"})"),
                "invalid_choice", "payload.kind"},
        BadCase{simple("track_2_activity", "2026-03-02", R"({"kind":"intake"})"),
                "missing_field", "payload.description"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"application","description":"d","position":"p"})"),
                "missing_field", "payload.employer_name"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"application","description":"d","employer_name":"E"})"),
                "missing_field", "payload.position"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"application","description":"d","employer_name":"E",
                           "position":"p","fits_search_profile":"yes"})"),
                "invalid_type", "payload.fits_search_profile"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"coaching","description":"d","employer_name":"E"})"),
                "not_for_this_kind", "payload.employer_name"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"progress_report","description":"d"})"),
                "missing_field", "payload.assessment"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"progress_report","description":"d","assessment":"a",
                           "applications_count":-1})"),
                "out_of_range", "payload.applications_count"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"intake","description":"d","assessment":"a"})"),
                "not_for_this_kind", "payload.assessment"},
        BadCase{simple("track_2_activity", "2026-03-02",
                       R"({"kind":"intake","description":"d","coach":"c"})"),
                "unknown_field", "payload.coach"}));

TEST(CaseFileEntry, GpConversationKeepsWhatTheGpSaidInTheMedicalPart) {
  const auto draft = parse_entry_draft(simple(
      "gp_conversation", "2026-03-02",
      R"({"attendees":["employee"],"preparation":["analysis_and_plan"],
          "medical":{"gp_position":"4 h a day","medical_considerations":"no night shifts",
                     "next_step":"intake"}})"));
  ASSERT_TRUE(draft.ok()) << draft.error().field << " " << draft.error().message;
  EXPECT_EQ(draft->payload, R"({"attendees":["employee"],"preparation":["analysis_and_plan"]})");
  ASSERT_TRUE(draft->medical.has_value());
  EXPECT_EQ(*draft->medical,
            R"({"gp_position":"4 h a day","medical_considerations":"no night shifts",)"
            R"("next_step":"intake"})");
  EXPECT_EQ(default_visibility(EntryType::gp_conversation), Visibility::medical);
  // The stored payload (without its sealed medical part) still reads for the fold.
  EXPECT_TRUE(read_entry_facts(EntryType::gp_conversation, draft->payload).ok());
  // canonicalize_payload checks the medical part as parse_entry_draft does.
  const auto without = canonicalize_payload(EntryType::gp_conversation, draft->payload);
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().field, "payload.medical");
}

TEST(CaseFileEntry, NewTypesHaveTheirVisibility) {
  EXPECT_EQ(default_visibility(EntryType::expert_opinion), Visibility::admin);
  EXPECT_EQ(default_visibility(EntryType::occupational_expert_report), Visibility::functional);
  EXPECT_EQ(default_visibility(EntryType::current_judgement), Visibility::functional);
  EXPECT_EQ(default_visibility(EntryType::end_evaluation), Visibility::admin);
  EXPECT_EQ(default_visibility(EntryType::track_2_activity), Visibility::admin);
  EXPECT_EQ(entry_type_dutch_name(EntryType::expert_opinion), "Deskundigenoordeel");
  EXPECT_EQ(entry_type_dutch_name(EntryType::occupational_expert_report), "Arbeidsdeskundig rapport");
  EXPECT_EQ(entry_type_dutch_name(EntryType::current_judgement), "Actueel oordeel");
}

TEST(CaseFileEntry, TrackTwoProgressReportAndExpertRequestAreAccepted) {
  EXPECT_TRUE(parse_entry_draft(simple("track_2_activity", "2026-03-02",
                                       R"({"kind":"progress_report","description":"weeks 1-6",
                                           "applications_count":0,"assessment":"active",
                                           "next_steps":"network meetings"})"))
                  .ok());
  const auto request = read_entry_facts(
      EntryType::expert_opinion,
      R"({"stage":"requested","requested_by":"employer","question":"work_capacity_own_work"})");
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->expert_stage, "requested");
  EXPECT_FALSE(request->request_seq.has_value());
}

TEST(CaseFileEntry, CanonicalizePayloadValidatesForTheType) {
  const auto ok = canonicalize_payload(EntryType::maternity_leave, R"({ "end" : "2026-07-01" })");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->payload, R"({"end":"2026-07-01"})");
  const auto bad = canonicalize_payload(EntryType::maternity_leave, "{}", "payload.new_payload");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "payload.new_payload.end");
}

TEST(CaseFileEntry, FactsCarryWhatTheEngineNeeds) {
  const auto extension = read_entry_facts(EntryType::voluntary_extension, R"({"end":"2028-01-01"})");
  ASSERT_TRUE(extension.ok());
  EXPECT_EQ(extension->end, testing::day("2028-01-01"));
  const auto safety = read_entry_facts(EntryType::safety_net, R"({"kind":"pregnancy"})");
  ASSERT_TRUE(safety.ok());
  EXPECT_EQ(safety->safety_net, SafetyNet::pregnancy);
  const auto deviation =
      read_entry_facts(EntryType::deviation, R"({"milestone":"problem_analysis","reason":"r"})");
  ASSERT_TRUE(deviation.ok());
  EXPECT_EQ(deviation->milestone, MilestoneKey::problem_analysis);
}

TEST(CaseFileEntry, FutureFactsAreRefusedButALeaveMayBeAnnounced) {
  const Date today = testing::day("2026-03-02");
  EXPECT_TRUE(check_entry_date(EntryType::recovery, today, today).ok());
  const auto future = check_entry_date(EntryType::recovery, testing::day("2026-03-03"), today);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "occurred_on");
  EXPECT_TRUE(check_entry_date(EntryType::maternity_leave, testing::day("2026-04-01"), today).ok());
}

TEST(CaseFileEntry, ExpectedSeqIsKept) {
  const auto draft = parse_entry_draft(
      R"({"type":"recovery","occurred_on":"2026-03-02","payload":{},"expected_seq":7})");
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->expected_seq, 7);
  EXPECT_TRUE(parse_entry_draft(sick_report("2026-03-02")).ok());
}

}  // namespace
}  // namespace spoorboek::core
