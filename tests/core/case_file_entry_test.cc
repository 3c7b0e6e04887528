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
};

TEST(CaseFileEntry, EveryTypeAcceptsARealisticPayload) {
  for (const auto& valid : kValid) {
    const auto draft = parse_entry_draft(simple(valid.type, "2026-03-02", valid.payload));
    ASSERT_TRUE(draft.ok()) << valid.type << ": " << draft.error().field << " "
                            << draft.error().message;
    EXPECT_EQ(entry_type_name(draft->type), valid.type);
    // Canonical: canonicalising the stored form again changes nothing.
    const auto again = canonicalize_payload(draft->type, draft->payload);
    ASSERT_TRUE(again.ok()) << valid.type;
    EXPECT_EQ(again->payload, draft->payload) << valid.type;
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
                "medical_misplaced", "payload.new_payload.medical"}));

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
