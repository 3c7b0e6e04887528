// The field list of every entry type: what is validated and which facts the fold takes from it.
// Sources: research/documents-and-privacy.md §2-9 (kept lean: the engine's needs plus the key
// content fields) and domain.md §2.
#include "core/case_file_facts.h"

#include "core/case_file_json.h"

namespace spoorboek::core {
namespace {

using detail::Json;
using detail::kMaxNameLength;
using detail::ObjectReader;

// The employee's agreement with a plan or a conversation report (documents-and-privacy.md §3.3).
void read_agreement(ObjectReader& r) {
  r.required_choice("employee_agreement", {"agreed", "agreed_with_remarks", "refused", "pending"});
}

// Actions agreed in a plan or a conversation: who does what by when.
void read_action(ObjectReader& item) {
  item.required_text("description");
  item.required_text("owner", kMaxNameLength);
  item.required_date("due");
}

// The sick report holds only what the employer may register (AP "De zieke werknemer" §4):
// closed choices and yes/no answers, a phone number, appointments. No text a diagnosis fits in.
void read_sick_report(ObjectReader& r) {
  r.required_choice("expected_duration",
                    {"up_to_1_week", "1_to_6_weeks", "over_6_weeks", "unknown"});
  r.required_bool("safety_net_applies");
  r.required_bool("work_accident");
  r.required_bool("third_party_liability");
  if (auto phone = r.optional_text("contact_phone", 20)) {
    if (phone->find_first_not_of("0123456789+-() ") != std::string::npos) {
      r.fail("contact_phone", "invalid_phone", "may hold only digits, spaces and + - ( )");
    }
  }
  r.object_list("appointments", false, 0, [](ObjectReader& item) {
    item.required_date("on");
    item.required_choice("with", {"employer", "company_doctor", "case_manager"});
  });
}

void read_relapse(ObjectReader& r, EntryFacts& facts) {
  facts.same_cause_as_before = r.optional_bool("same_cause_as_before");
}

void read_partial_work(ObjectReader& r, EntryFacts& facts) {
  facts.percentage = static_cast<int>(r.required_integer("percentage", 1, 100));
  r.required_choice("kind", {"therapeutic", "own_work", "suitable_work"});
}

void read_company_doctor_report(ObjectReader& r) {
  r.optional_text("company_doctor", kMaxNameLength);
}

void read_version(ObjectReader& r, EntryFacts& facts) {
  facts.replaces_seq = r.optional_integer("replaces_seq", 1, INT64_MAX);
}

void read_problem_analysis(ObjectReader& r, EntryFacts& facts) {
  read_version(r, facts);
  r.required_text("author", kMaxNameLength);
  r.text_list("limitations", true, 0);
  r.text_list("possibilities", true, 0);
  r.required_text("prognosis");
  r.required_text("advice");
  r.optional_bool("no_sustainable_possibilities");
}

void read_plan_of_action(ObjectReader& r, EntryFacts& facts) {
  read_version(r, facts);
  r.required_choice("goal",
                    {"own_work", "own_work_adapted", "other_work_internal", "work_external"});
  r.object_list("activities", true, 1, read_action);
  r.required_text("case_manager", kMaxNameLength);
  r.optional_text("employee_view");
  read_agreement(r);
  r.optional_choice("adjustment_reason", {"evaluation", "new_doctor_advice", "situation_change",
                                          "stagnation", "first_year_evaluation"});
  if (facts.replaces_seq && !r.has("adjustment_reason")) {
    r.fail("adjustment_reason", "missing_field", "is required for an adjustment (bijstelling)");
  }
}

// A reintegration interview or progress evaluation (documents-and-privacy.md §4.4).
void read_conversation(ObjectReader& r) {
  r.text_list("attendees", true, 1, kMaxNameLength);
  r.optional_text("summary");
  r.object_list("actions", false, 0, read_action);
  r.optional_text("employee_view");
  read_agreement(r);
  r.optional_date("next_evaluation_on");
}

void read_first_year_evaluation(ObjectReader& r, EntryFacts& facts) {
  facts.track_decision =
      r.required_choice("track_decision", {"continue_track_1", "start_track_2", "neither"});
  r.required_text("reason");
  r.required_bool("on_course");
}

void read_track_1_attempt(ObjectReader& r) {
  r.required_choice("option",
                    {"own_job_partial", "own_job_adapted", "other_job_internal", "employee_proposal"});
  r.required_text("description");
  const auto outcome = r.required_choice(
      "outcome", {"ongoing", "success_structural", "partial", "failed", "declined_by_employee",
                  "rejected_by_employer"});
  const bool needs_reason = outcome == "failed" || outcome == "declined_by_employee" ||
                            outcome == "rejected_by_employer";
  if (needs_reason) {
    r.required_text("reason");
  } else {
    r.optional_text("reason");
  }
}

void read_track_2_decision(ObjectReader& r, EntryFacts& facts) {
  facts.start = r.required_date("start");
  r.required_text("provider", kMaxNameLength);
  r.optional_text("coach", kMaxNameLength);
  r.required_text("reason");
}

void read_voluntary_extension(ObjectReader& r, EntryFacts& facts) {
  facts.end = r.optional_date("end");
  facts.weeks = static_cast<int>(r.optional_integer("weeks", 1, 520).value_or(0));
  if (!r.failed() && facts.end.has_value() == (facts.weeks > 0)) {
    r.fail("end", "one_of", "give either the end date UWV set or a number of weeks, not both");
  }
}

void read_wage_sanction(ObjectReader& r, EntryFacts& facts) {
  facts.weeks = static_cast<int>(r.required_integer("weeks", 1, 52));
  facts.repaired_on = r.optional_date("repaired_on");
}

void read_safety_net(ObjectReader& r, EntryFacts& facts) {
  const auto kind = r.required_choice("kind", {"organ_donation", "pregnancy", "no_risk"});
  facts.safety_net = kind == "organ_donation" ? SafetyNet::organ_donation
                     : kind == "pregnancy"    ? SafetyNet::pregnancy
                                              : SafetyNet::no_risk;
  facts.uwv_reported_on = r.optional_date("uwv_reported_on");
}

void read_deviation(ObjectReader& r, EntryFacts& facts) {
  const auto name = r.required_text("milestone", kMaxNameLength);
  facts.reason = r.required_text("reason");
  if (r.failed()) return;
  facts.milestone = milestone_key_from_name(name);
  if (!facts.milestone) {
    r.fail("milestone", "unknown_milestone", "'" + name + "' is not a milestone key");
  } else if (!deviation_allowed(*facts.milestone)) {
    r.fail("milestone", "deviation_not_allowed",
           "the term of '" + name + "' is statutory: RPG art. 5 allows no deviation from it");
  }
}

void read_correction(ObjectReader& r, EntryFacts& facts) {
  facts.corrects_seq = r.required_integer("corrects_seq", 1, INT64_MAX);
  facts.reason = r.required_text("reason");
  facts.voids = r.optional_bool("void").value_or(false);
  facts.new_occurred_on = r.optional_date("new_occurred_on");
  const auto new_payload = r.optional_object("new_payload");
  if (r.failed()) return;
  if (new_payload) {
    if (new_payload->contains("medical")) {
      r.fail("new_payload.medical", "medical_misplaced",
             "put a corrected medical object at the top level of the correction's payload");
      return;
    }
    facts.new_payload = new_payload->dump();
  }
  const bool replaces = facts.new_occurred_on || facts.new_payload;
  if (facts.voids == replaces) {
    r.fail("void", "one_of",
           "a correction either voids the entry (\"void\": true) or gives new_occurred_on "
           "and/or new_payload");
  }
}

// The employee's answer to a version of the plan (WVP: the plan is drawn up together and the
// employee says whether they agree); remarks are required unless they simply agree.
void read_plan_agreement(ObjectReader& r, EntryFacts& facts) {
  facts.plan_seq = r.required_integer("plan_seq", 1, INT64_MAX);
  facts.agreement = r.required_choice("agreement", {"agreed", "agreed_with_remarks", "refused"});
  if (facts.agreement == "agreed") {
    r.optional_text("remarks");
  } else {
    r.required_text("remarks");
  }
}

void read_employee_view(ObjectReader& r) {
  r.required_choice("subject",
                    {"plan_of_action", "reintegration", "reintegration_report", "other"});
  r.required_text("view");
}

void read_file_copy_request(ObjectReader& r) {
  r.required_choice("documents", {"whole_file", "plan_of_action", "problem_analysis",
                                  "reintegration_report"});
  r.optional_text("note");
}

// The conversation with the GP (documents-and-privacy.md §9, seed 001): who took part and what the
// employee took along; what the GP said is MEDICAL (check_medical_part).
void read_gp_conversation(ObjectReader& r) {
  r.text_list("attendees", true, 1, kMaxNameLength);
  r.choice_list("preparation", false,
                {"doctor_advice", "reintegration_history", "analysis_and_plan", "timeline"});
}

void read_gp_conversation_medical(ObjectReader& m) {
  m.required_text("gp_position");
  m.optional_text("medical_considerations");
  m.required_text("next_step");
}

// A deskundigenoordeel (BW 7:629a, §6.5): the request, or UWV's answer with its conclusion.
void read_expert_opinion(ObjectReader& r, EntryFacts& facts) {
  facts.expert_stage = r.required_choice("stage", {"requested", "answered"});
  r.required_choice("requested_by", {"employer", "employee"});
  r.required_choice("question", {"work_capacity_own_work", "suitability_offered_work",
                                 "employee_efforts", "employer_efforts"});
  if (facts.expert_stage == "answered") {
    r.required_text("conclusion");
    facts.request_seq = r.optional_integer("request_seq", 1, INT64_MAX);
    return;
  }
  for (const std::string_view key : {"conclusion", "request_seq"}) {
    if (r.has(key)) r.fail(key, "only_when_answered", "belongs to UWV's answer, not to a request");
  }
}

// The arbeidsdeskundig rapport (§6.2): the four standard questions and the track conclusion.
void read_occupational_expert_report(ObjectReader& r) {
  r.required_text("author", kMaxNameLength);
  r.required_text("question");
  r.required_choice("own_job_possible", {"yes", "partly", "no"});
  r.optional_choice("own_job_adaptable", {"yes", "partly", "no"});
  r.optional_text("other_internal_work");
  r.text_list("external_directions", false, 0);
  r.required_choice("conclusion_track", {"track_1", "track_2", "both"});
  r.required_text("advice");
}

// The company doctor's actueel oordeel (§8.5, RIV art. 6(1)(i)(j)(k)), in functional terms.
void read_current_judgement(ObjectReader& r) {
  r.required_text("author", kMaxNameLength);
  r.required_text("course_of_incapacity");
  r.text_list("limitations", false, 0);
  r.text_list("possibilities", false, 0);
  r.required_text("prognosis");
  r.optional_text("working_relationship_view");
  r.required_text("suitable_work_at_employer_view");
}

// The eindevaluatie of the plan of action by employer and employee (§8.5).
void read_end_evaluation(ObjectReader& r) {
  r.required_text("nature_of_business");
  if (const auto status = r.optional_object("reintegration_status")) {
    ObjectReader s(*status, r.field("reintegration_status"));
    s.required_integer("hours_per_week", 0, 80);
    s.required_text("tasks");
    s.required_bool("structural");
    r.adopt(s.finish());
  } else if (!r.failed()) {
    r.fail("reintegration_status", "missing_field",
           "is required: the hours and tasks worked now, and whether that is structural");
  }
  r.required_text("summary_track_1");
  r.optional_text("summary_track_2");
  r.required_text("employer_view_working_relationship");
  r.required_text("employer_view_suitable_work");
  r.optional_text("employee_remarks");
}

// One step of a spoor 2 trajectory (§6.4): what an application or a progress report must say.
void read_track_2_activity(ObjectReader& r) {
  const auto kind =
      r.required_choice("kind", {"intake", "person_profile", "search_profile", "training",
                                 "application", "placement", "coaching", "progress_report"});
  r.required_text("description");
  if (r.failed()) return;
  // The fields of one kind, refused on another with a message that says whose they are.
  const auto only_for = [&r, &kind](std::string_view wanted,
                                    std::initializer_list<std::string_view> keys) {
    if (kind == wanted) return true;
    for (const auto key : keys) {
      if (r.has(key)) {
        r.fail(key, "not_for_this_kind", "is recorded only for kind " + std::string(wanted));
      }
    }
    return false;
  };
  if (only_for("application", {"employer_name", "position", "fits_search_profile"})) {
    r.required_text("employer_name", kMaxNameLength);
    r.required_text("position", kMaxNameLength);
    r.optional_bool("fits_search_profile");
  }
  if (only_for("progress_report", {"applications_count", "assessment", "next_steps"})) {
    r.optional_integer("applications_count", 0, 10000);
    r.required_text("assessment");
    r.optional_text("next_steps");
  }
}

void read_fields(EntryType type, ObjectReader& r, EntryFacts& facts) {
  switch (type) {
    case EntryType::sick_report: return read_sick_report(r);
    case EntryType::recovery: return;
    case EntryType::relapse: return read_relapse(r, facts);
    case EntryType::partial_work: return read_partial_work(r, facts);
    case EntryType::maternity_leave: facts.end = r.required_date("end"); return;
    case EntryType::long_term_expected: return;
    case EntryType::company_doctor_report: return read_company_doctor_report(r);
    case EntryType::problem_analysis: return read_problem_analysis(r, facts);
    case EntryType::plan_of_action: return read_plan_of_action(r, facts);
    case EntryType::progress_evaluation:
    case EntryType::reintegration_interview: return read_conversation(r);
    case EntryType::uwv_42_week_report: r.optional_text("reference", kMaxNameLength); return;
    case EntryType::first_year_evaluation: return read_first_year_evaluation(r, facts);
    case EntryType::track_1_attempt: return read_track_1_attempt(r);
    case EntryType::track_2_decision: return read_track_2_decision(r, facts);
    case EntryType::uwv_wia_letter: return;
    case EntryType::reintegration_report: r.optional_date("handed_to_employee_on"); return;
    case EntryType::wia_application: return;
    case EntryType::voluntary_extension: return read_voluntary_extension(r, facts);
    case EntryType::wage_sanction: return read_wage_sanction(r, facts);
    case EntryType::employment_end: facts.uwv_reported_on = r.optional_date("uwv_reported_on"); return;
    case EntryType::safety_net: return read_safety_net(r, facts);
    case EntryType::deviation: return read_deviation(r, facts);
    case EntryType::correction: return read_correction(r, facts);
    case EntryType::plan_agreement: return read_plan_agreement(r, facts);
    case EntryType::employee_view: return read_employee_view(r);
    case EntryType::file_copy_request: return read_file_copy_request(r);
    case EntryType::gp_conversation: return read_gp_conversation(r);
    case EntryType::expert_opinion: return read_expert_opinion(r, facts);
    case EntryType::occupational_expert_report: return read_occupational_expert_report(r);
    case EntryType::current_judgement: return read_current_judgement(r);
    case EntryType::end_evaluation: return read_end_evaluation(r);
    case EntryType::track_2_activity: return read_track_2_activity(r);
    case EntryType::count_: return;
  }
}

}  // namespace

namespace detail {

Result<EntryFacts> read_entry_facts_json(EntryType type, const Json& payload,
                                         std::string_view field_prefix) {
  ObjectReader reader(payload, std::string(field_prefix));
  EntryFacts facts;
  read_fields(type, reader, facts);
  if (reader.has("medical")) {
    if (type == EntryType::sick_report) {
      reader.fail("medical", "medical_not_allowed",
                  "the sick report is the employer's form and holds no medical data; the "
                  "company doctor records it in their own entries");
    } else if (!payload.at("medical").is_object()) {
      reader.fail("medical", "invalid_type", "must be an object");
    }
  }
  reader.accept("medical");
  const Status status = reader.finish();
  if (!status.ok()) return status.error();
  return facts;
}

Status check_medical_part(EntryType type, const Json& payload, std::string_view field_prefix) {
  if (type != EntryType::gp_conversation) return ok_status();
  const std::string field =
      field_prefix.empty() ? std::string("medical") : std::string(field_prefix) + ".medical";
  const auto it = payload.find("medical");
  if (it == payload.end() || it->is_null()) {
    return make_error("missing_field", field,
                      "is required: the GP's position and the agreed next step are medical data, "
                      "recorded by the company doctor");
  }
  if (!it->is_object()) return make_error("invalid_type", field, "must be an object");
  ObjectReader part(*it, field);
  read_gp_conversation_medical(part);
  return part.finish();
}

}  // namespace detail

Result<EntryFacts> read_entry_facts(EntryType type, std::string_view payload_json,
                                    std::string_view field_prefix) {
  auto payload = detail::parse_json_object(payload_json, field_prefix);
  if (!payload.ok()) return payload.error();
  return detail::read_entry_facts_json(type, *payload, field_prefix);
}

}  // namespace spoorboek::core
