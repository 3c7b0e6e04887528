// The forms for every step of the file, on a demo database of their own: the sick report holds
// no free text; each role is offered only its forms and refused the others; every form refuses
// an impossible date, a future date, an empty required input and an unknown option with the
// message next to the input, keeps what was typed and writes nothing; saved forms redirect to the
// case and the entry exists; a medical note is stored sealed and never shown to the case
// manager; XSS payloads come back escaped; every form reads in Dutch and English without a raw
// key; "add a row" works without JavaScript; a form sent after someone else added to the file is
// refused with the input kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "tests/web/web_test_support.h"
#include "web/catalogue.h"
#include "web/entry_form_spec.h"

namespace spoorboek::webtest {
namespace {

using apitest::Json;
using web::Destination;
using web::EntryFormSpec;
using web::GroupSpec;
using web::InputKind;
using web::InputSpec;

const char* const kPayloads[] = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                 "'><svg onload=alert(1)>"};

// One demo database for this file: the forms write to it.
class FormSite {
 public:
  static FormSite& instance() {
    static FormSite site;
    return site;
  }
  std::uint16_t port() const { return server_->port(); }
  const std::string& db_path() const { return db_; }

 private:
  FormSite() : db_(dir_.file("forms.db")) {
    if (apitest::run_spoorboek({"demo", "--db", db_}) != 0) ADD_FAILURE() << "demo failed";
    server_ = serve_pages(db_);
    if (!server_->running()) ADD_FAILURE() << server_->error();
  }
  ScratchDir dir_;
  std::string db_;
  std::unique_ptr<InProcessServer> server_;
};

Browser logged_in(const std::string& who) {
  Browser browser(FormSite::instance().port());
  const Page answer = browser.log_in(who + "@demo.test", kDemoPassword);
  EXPECT_EQ(answer.status, 303) << who << ": " << answer.body;
  return browser;
}

apitest::Session api_session(const std::string& who) {
  apitest::Client client(FormSite::instance().port());
  return client.login(who + "@demo.test", kDemoPassword);
}

Json case_file(std::int64_t case_id, const std::string& who = "casemanager") {
  apitest::Client client(FormSite::instance().port());
  return client.get("/api/v1/cases/" + std::to_string(case_id), api_session(who).bearer()).json();
}

std::size_t entry_count(std::int64_t case_id) {
  const Json file = case_file(case_id);
  return file.contains("entries") ? file["entries"].size() : 0;
}

// The open cases a person reaches, from the JSON API.
std::vector<std::int64_t> cases_of(const std::string& who) {
  apitest::Client client(FormSite::instance().port());
  const Json list = client.get("/api/v1/cases", api_session(who).bearer()).json();
  std::vector<std::int64_t> ids;
  if (!list.contains("cases")) return ids;
  for (const auto& row : list["cases"]) ids.push_back(row["case_id"].get<std::int64_t>());
  return ids;
}

// A fresh case of an employee without an open one, reported sick 60 days ago by the case
// manager through the form; the forms below write into it.
std::int64_t fresh_case();

// The employee demo account's own case, reached by the manager, case manager and doctor too.
std::int64_t own_case() {
  const auto ids = cases_of("employee");
  EXPECT_FALSE(ids.empty());
  return ids.empty() ? 0 : ids.front();
}

std::string form_url(std::int64_t case_id, std::string_view slug) {
  return "/cases/" + std::to_string(case_id) + "/entries/new/" + std::string(slug);
}

// The values of the <option>s of a <select name="name">.
std::vector<std::string> options_of(const std::string& html, const std::string& name) {
  std::vector<std::string> values;
  const auto start = html.find("name=\"" + name + "\"");
  if (start == std::string::npos) return values;
  const auto end = html.find("</select>", start);
  static const std::regex option("<option value=\"([^\"]*)\"");
  const std::string part = html.substr(start, end - start);
  for (auto it = std::sregex_iterator(part.begin(), part.end(), option); it != std::sregex_iterator();
       ++it) {
    if (!(*it)[1].str().empty()) values.push_back((*it)[1].str());
  }
  return values;
}

std::string hidden_value(const std::string& html, const std::string& name) {
  const std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch match;
  return std::regex_search(html, match, field) ? match[1].str() : std::string();
}

std::string cell(std::string_view group, int row, std::string_view column) {
  return web::group_cell_name(group, row, column);
}

// A value core accepts for an input (the version and employee choices come from the page).
std::string valid_value(const InputSpec& input, const std::string& page) {
  switch (input.kind) {
    case InputKind::date: return apitest::iso_day(-1);
    case InputKind::number: return "50";
    case InputKind::yes_no: return "no";
    case InputKind::phone: return "06-12345678";
    case InputKind::lines: return "A. Jansen\nB. de Boer";
    case InputKind::choice: return std::string(input.options.front());
    case InputKind::version:
    case InputKind::employee: {
      const auto values = options_of(page, std::string(input.name));
      return values.empty() ? std::string() : values.back();
    }
    case InputKind::entry: {  // listed latest first: the latest entry
      const auto values = options_of(page, std::string(input.name));
      return values.empty() ? std::string() : values.front();
    }
    default: return "Tekst voor " + std::string(input.name);
  }
}

// The fields of a valid form: every input shown on `page` filled in, the first row of each group.
Fields valid_fields(const EntryFormSpec& spec, const std::string& page, const std::string& date_name,
                    const std::string& date) {
  Fields fields{{"csrf", csrf_of(page)}, {date_name, date}};
  if (const auto seq = hidden_value(page, "expected_seq"); !seq.empty()) {
    fields.emplace_back("expected_seq", seq);
  }
  for (const auto& item : spec.items) {
    if (const auto* input = std::get_if<InputSpec>(&item)) {
      if (!contains(page, "name=\"" + std::string(input->name)) &&
          input->kind != InputKind::checklist) {
        continue;  // not shown to this viewer (MEDICAL)
      }
      if (input->name == "extension_end") continue;  // an extension gives its weeks or its end
      if (input->kind == InputKind::checklist) {
        fields.emplace_back(std::string(input->name) + "_" + std::string(input->options.front()),
                            "1");
      } else if (input->name == "replaces_seq" || input->name == "adjustment_reason") {
        // A first version, or an adjustment of the version in force (listed last).
        if (options_of(page, "replaces_seq").empty()) continue;
        fields.emplace_back(std::string(input->name), input->name == "replaces_seq"
                                                          ? options_of(page, "replaces_seq").back()
                                                          : std::string(input->options.front()));
      } else {
        fields.emplace_back(std::string(input->name), valid_value(*input, page));
      }
      continue;
    }
    const auto& group = std::get<GroupSpec>(item);
    for (const auto& column : group.columns) {
      std::string value = valid_value(column, page);
      if (column.kind == InputKind::date) value = apitest::iso_day(30);  // a due date ahead
      fields.emplace_back(cell(group.name, 0, column.name), value);
    }
  }
  return fields;
}

Fields with(Fields fields, const std::string& name, const std::string& value) {
  for (auto& [key, typed] : fields) {
    if (key == name) {
      typed = value;
      return fields;
    }
  }
  fields.emplace_back(name, value);
  return fields;
}

Fields without(Fields fields, const std::string& name) {
  std::erase_if(fields, [&](const auto& field) { return field.first == name; });
  return fields;
}

// Whether the page shows an error next to input `name` and marks the input invalid.
::testing::AssertionResult error_next_to(const Page& page, const std::string& name) {
  const std::string id = "f-" + name;
  if (!contains(page.body, "id=\"" + id + "-error\"")) {
    return ::testing::AssertionFailure() << "no message by " << name << " (" << page.status << ")";
  }
  const std::regex input("<(input|select|textarea)[^>]*id=\"" + id +
                         "\"[^>]*aria-invalid=\"true\"");
  if (!std::regex_search(page.body, input)) {
    return ::testing::AssertionFailure() << name << " is not marked aria-invalid";
  }
  const std::regex described("id=\"" + id + "\"[^>]*aria-describedby=\"[^\"]*" + id + "-error");
  if (!std::regex_search(page.body, described)) {
    return ::testing::AssertionFailure() << name << " is not described by its message";
  }
  return ::testing::AssertionSuccess();
}

// Whether the refused page shows `value` in input `name`: as its value, its text, the selected
// option or a ticked box.
bool kept_in(const std::string& html, const std::string& name, const std::string& value) {
  if (contains(html, "name=\"" + name + "\" value=\"" + value + "\"")) return true;
  if (contains(html, "name=\"" + name + "\" value=\"1\" checked")) return true;
  const auto at = html.find("name=\"" + name + "\"");
  if (at == std::string::npos) return false;
  const auto tag_end = html.find('>', at);
  const std::string text = ">" + value + "</textarea>";  // the tag at `at` is a textarea
  if (tag_end != std::string::npos && html.compare(tag_end, text.size(), text) == 0) return true;
  const auto end = html.find("</select>", at);
  return end != std::string::npos &&
         html.substr(at, end - at).find("value=\"" + value + "\" selected") != std::string::npos;
}

// Who fills in a form in these tests.
std::string filler_of(const EntryFormSpec& spec) {
  if (spec.audience == web::Audience::own_employee) return "employee";
  // The GP conversation, the vangnet situation and the actueel oordeel are the doctor's.
  if (spec.medical_only || spec.type == core::EntryType::current_judgement) return "doctor";
  return "casemanager";
}

std::int64_t case_of_redirect(const Page& page) {
  static const std::regex target("^/cases/([0-9]+)$");
  std::smatch match;
  return std::regex_match(page.location, match, target) ? std::stoll(match[1].str()) : 0;
}

std::int64_t fresh_case() {
  static const std::int64_t id = [] {
    Browser browser = logged_in("casemanager");
    const Page form = browser.get("/cases/new");
    // An employee without an open case: their option does not carry the "open file" note.
    static const std::regex free_option("<option value=\"([0-9]+)\">[^<]*</option>");
    std::string employee;
    for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), free_option);
         it != std::sregex_iterator(); ++it) {
      if ((*it).str().find("open dossier") == std::string::npos) employee = (*it)[1].str();
    }
    EXPECT_FALSE(employee.empty()) << form.body;
    const Page saved = browser.post(
        "/cases/new", {{"csrf", csrf_of(form.body)}, {"employee_id", employee},
                       {"first_sick_day", apitest::iso_day(-60)}, {"expected_duration", "over_6_weeks"},
                       {"safety_net_applies", "no"}, {"work_accident", "no"},
                       {"third_party_liability", "no"}, {"contact_phone", "06 1234 5678"},
                       {"appointments_0_on", apitest::iso_day(-55)},
                       {"appointments_0_with", "company_doctor"}});
    EXPECT_EQ(saved.status, 303) << saved.body;
    return case_of_redirect(saved);
  }();
  return id;
}

// ---- the sick report ----------------------------------------------------------------------

TEST(EntryForms, TheSickReportHasNoFieldWhereADiagnosisCouldLand) {
  Browser browser = logged_in("casemanager");
  const Page form = browser.get("/cases/new");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_FALSE(contains(form.body, "<textarea"));
  EXPECT_FALSE(contains(form.body, "type=\"text\""));
  EXPECT_TRUE(contains(form.body, "type=\"tel\""));  // the phone number: digits only
  EXPECT_TRUE(contains(form.body, "name=\"expected_duration\""));
  EXPECT_TRUE(contains(form.body, "name=\"safety_net_applies\""));
  EXPECT_FALSE(contains(form.body, "name=\"medical"));
  // A diagnosis typed into the phone number is refused by its field, not stored.
  const Page refused = browser.post("/cases/new", {{"csrf", csrf_of(form.body)},
                                                   {"employee_id", options_of(form.body, "employee_id").front()},
                                                   {"first_sick_day", apitest::iso_day(-1)},
                                                   {"expected_duration", "unknown"},
                                                   {"safety_net_applies", "no"},
                                                   {"work_accident", "no"},
                                                   {"third_party_liability", "no"},
                                                   {"contact_phone", "burn-out"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "contact_phone") || error_next_to(refused, "employee_id"));
}

TEST(EntryForms, TheSickReportOpensACaseAndRedirectsToIt) {
  const std::int64_t case_id = fresh_case();
  ASSERT_GT(case_id, 0);
  const Json file = case_file(case_id);
  ASSERT_EQ(file["entries"].size(), 1u) << file.dump();
  EXPECT_EQ(file["entries"][0]["type"], "sick_report");
  EXPECT_EQ(file["entries"][0]["payload"]["appointments"][0]["with"], "company_doctor");
}

TEST(EntryForms, TheSickReportRefusesBadInputByItsFieldAndWritesNothing) {
  Browser browser = logged_in("manager");  // a line manager reports their team's sickness
  const Page form = browser.get("/cases/new");
  ASSERT_EQ(form.status, 200) << form.body;
  const auto before = cases_of("casemanager").size();
  const Fields good = valid_fields(web::sick_report_form(), form.body, "first_sick_day",
                                   apitest::iso_day(-2));
  const struct {
    Fields fields;
    const char* input;
  } cases[] = {
      {with(good, "first_sick_day", "2026-02-30"), "first_sick_day"},
      {with(good, "first_sick_day", apitest::iso_day(5)), "first_sick_day"},
      {without(good, "expected_duration"), "expected_duration"},
      {with(good, "expected_duration", "forever"), "expected_duration"},
      {with(good, "work_accident", "maybe"), "work_accident"},
      {with(good, "appointments_0_on", "2026-13-01"), "appointments_0_on"},
      {with(good, "employee_id", "999999"), "employee_id"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.input);
    const Page refused = browser.post("/cases/new", bad.fields);
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(error_next_to(refused, bad.input));
    EXPECT_TRUE(contains(refused.body, "role=\"alert\""));
    for (const auto& [name, value] : bad.fields) {
      if (name == "csrf" || name == "employee_id" || value.empty() || name == bad.input) continue;
      EXPECT_TRUE(kept_in(refused.body, name, value)) << name << " not kept";
    }
  }
  EXPECT_EQ(cases_of("casemanager").size(), before);
  Browser doctor = logged_in("doctor");
  EXPECT_EQ(doctor.get("/cases/new").status, 403);
  EXPECT_EQ(logged_in("employee").get("/cases/new").status, 403);
}

// ---- who is offered which form ------------------------------------------------------------

TEST(EntryForms, EachRoleIsOfferedOnlyItsFormsAndRefusedTheOthers) {
  const std::int64_t case_id = own_case();
  ASSERT_GT(case_id, 0);
  struct Expectation {
    const char* who;
    std::set<std::string> offered;
  };
  const Expectation roles[] = {
      {"casemanager",
       {"recovery", "relapse", "partial_work", "maternity_leave", "company_doctor_report",
        "long_term_expected", "problem_analysis", "plan_of_action", "reintegration_interview",
        "progress_evaluation", "uwv_42_week_report", "first_year_evaluation", "track_1_attempt",
        "occupational_expert_report", "track_2_decision", "track_2_activity",
        "track_2_application", "track_2_progress_report", "expert_opinion",
        "expert_opinion_answer", "end_evaluation", "reintegration_report", "uwv_wia_letter",
        "wia_application", "voluntary_extension", "wage_sanction", "employment_end", "deviation",
        "correction"}},
      {"manager",
       {"recovery", "relapse", "partial_work", "reintegration_interview", "progress_evaluation",
        "track_1_attempt"}},
      {"doctor",
       {"long_term_expected", "safety_net", "problem_analysis", "reintegration_interview",
        "progress_evaluation", "gp_conversation", "occupational_expert_report",
        "current_judgement", "correction"}},
      {"expert",
       {"reintegration_interview", "progress_evaluation", "track_1_attempt",
        "occupational_expert_report"}},
      {"employee", {"employee_opinion", "plan_agreement", "file_copy_request", "own_wia_application"}},
  };
  for (const auto& role : roles) {
    SCOPED_TRACE(role.who);
    Browser browser = logged_in(role.who);
    const Page index = browser.get("/cases/" + std::to_string(case_id) + "/entries/new");
    ASSERT_EQ(index.status, 200) << index.body;
    for (const auto& spec : web::entry_form_specs()) {
      const std::string url = form_url(case_id, spec.slug);
      const bool expected = role.offered.contains(std::string(spec.slug));
      EXPECT_EQ(contains(index.body, "href=\"" + url + "\""), expected) << spec.slug;
      const Page page = browser.get(url);
      // The case page links the employee by entry type: that leads to their own form.
      std::string own_form;
      if (std::string(role.who) == "employee" && !expected) {
        if (spec.type == core::EntryType::wia_application) own_form = "own_wia_application";
      }
      EXPECT_EQ(page.status, expected ? 200 : own_form.empty() ? 403 : 303) << spec.slug;
      if (!own_form.empty()) {
        EXPECT_EQ(page.location, form_url(case_id, own_form));
      }
      if (!expected) {
        // Posting is refused the same way, and writes nothing.
        const auto before = entry_count(case_id);
        const Page posted = browser.post(url, {{"csrf", csrf_of(index.body)},
                                               {"occurred_on", apitest::iso_day(-1)}});
        EXPECT_EQ(posted.status, 403) << spec.slug;
        EXPECT_EQ(entry_count(case_id), before);
      }
    }
  }
  // A case out of reach is not found; an unknown form neither.
  Browser coach = logged_in("coach");
  EXPECT_EQ(coach.get(form_url(case_id, "reintegration_interview")).status, 404);
  Browser casemanager = logged_in("casemanager");
  EXPECT_EQ(casemanager.get(form_url(case_id, "no_such_form")).status, 404);
  EXPECT_EQ(casemanager.get("/cases/999999/entries/new/recovery").status, 404);
}

TEST(EntryForms, MedicalInputsAreShownOnlyToWhoWritesMedicalData) {
  const std::int64_t case_id = own_case();
  const Page doctor = logged_in("doctor").get(form_url(case_id, "problem_analysis"));
  EXPECT_TRUE(contains(doctor.body, "name=\"medical_note\""));
  const Page casemanager = logged_in("casemanager").get(form_url(case_id, "problem_analysis"));
  ASSERT_EQ(casemanager.status, 200);
  EXPECT_FALSE(contains(casemanager.body, "name=\"medical_note\""));
  EXPECT_FALSE(contains(logged_in("casemanager").get(form_url(case_id, "reintegration_interview")).body,
                        "name=\"medical_note\""));
}

// ---- bad input, every form ------------------------------------------------------------------

// The case a form is tried on: the employee's forms on their own case, the others on the fresh one.
std::int64_t case_for(const EntryFormSpec& spec) {
  return spec.audience == web::Audience::own_employee ? own_case() : fresh_case();
}

// Makes sure the employee's case has a plan of action to respond to.
void ensure_plan(std::int64_t case_id) {
  const Json file = case_file(case_id);
  for (const auto& entry : file["entries"]) {
    if (entry["type"] == "plan_of_action") return;
  }
  Browser browser = logged_in("casemanager");
  const Page form = browser.get(form_url(case_id, "plan_of_action"));
  const Page saved = browser.post(form_url(case_id, "plan_of_action"),
                                  valid_fields(*web::find_entry_form("plan_of_action"), form.body,
                                               "occurred_on", apitest::iso_day(-1)));
  ASSERT_EQ(saved.status, 303) << saved.body;
}

TEST(EntryForms, EveryFormRefusesBadInputByItsFieldKeepsItAndWritesNothing) {
  ensure_plan(own_case());
  for (const auto& spec : web::entry_form_specs()) {
    SCOPED_TRACE(std::string(spec.slug));
    const std::int64_t case_id = case_for(spec);
    Browser browser = logged_in(filler_of(spec));
    const std::string url = form_url(case_id, spec.slug);
    const Page form = browser.get(url);
    ASSERT_EQ(form.status, 200) << form.body;
    const Fields good = valid_fields(spec, form.body, "occurred_on", apitest::iso_day(-1));
    std::vector<std::pair<Fields, std::string>> bad{
        {with(good, "occurred_on", "2026-02-30"), "occurred_on"},
        {without(good, "occurred_on"), "occurred_on"},
    };
    // A maternity leave may be announced ahead (AMaternityLeaveMayBeAnnouncedAhead).
    if (spec.type != core::EntryType::maternity_leave) {
      bad.emplace_back(with(good, "occurred_on", apitest::iso_day(3)), "occurred_on");
    }
    for (const auto& item : spec.items) {
      const auto* input = std::get_if<InputSpec>(&item);
      if (!input || !contains(form.body, "name=\"" + std::string(input->name) + "\"")) continue;
      if (input->required) bad.emplace_back(without(good, std::string(input->name)), input->name);
      if (input->kind == InputKind::choice || input->kind == InputKind::yes_no) {
        bad.emplace_back(with(good, std::string(input->name), "not_an_option"), input->name);
      }
      if (input->kind == InputKind::date) {
        bad.emplace_back(with(good, std::string(input->name), "2025-04-31"), input->name);
      }
    }
    const auto before = entry_count(case_id);
    for (const auto& [fields, input] : bad) {
      SCOPED_TRACE(input);
      const Page refused = browser.post(url, fields);
      EXPECT_EQ(refused.status, 422) << refused.body.substr(0, 3000);
      EXPECT_TRUE(error_next_to(refused, input));
      for (const auto& [name, value] : fields) {
        if (name == "csrf" || value.empty() || value.find('\n') != std::string::npos) continue;
        if (value == "not_an_option") continue;  // a select cannot show what it does not offer
        EXPECT_TRUE(kept_in(refused.body, name, value)) << name << "=" << value << " not kept";
      }
    }
    EXPECT_EQ(entry_count(case_id), before);
  }
}

// ---- saving ---------------------------------------------------------------------------------

TEST(EntryForms, EveryFormSavesARedirectsAndTheEntryExists) {
  ensure_plan(own_case());
  // In an order the file allows: recovery ends the sickness, a relapse starts it again.
  // The correction moves the latest entry (the deviation) to the day it has already; the leave
  // follows the recovery and precedes the relapse.
  const char* const order[] = {
      "company_doctor_report", "long_term_expected", "safety_net", "problem_analysis",
      "plan_of_action", "reintegration_interview", "progress_evaluation", "gp_conversation",
      "partial_work", "track_1_attempt", "uwv_42_week_report", "first_year_evaluation",
      "occupational_expert_report", "track_2_decision", "track_2_activity", "track_2_application",
      "track_2_progress_report", "expert_opinion", "expert_opinion_answer", "current_judgement",
      "end_evaluation", "reintegration_report", "uwv_wia_letter", "wia_application",
      "voluntary_extension", "wage_sanction", "employment_end", "deviation", "correction",
      "recovery", "maternity_leave", "relapse", "employee_opinion", "plan_agreement",
      "file_copy_request", "own_wia_application"};
  EXPECT_EQ(std::size(order), web::entry_form_specs().size());
  for (const char* slug : order) {
    SCOPED_TRACE(slug);
    const EntryFormSpec& spec = *web::find_entry_form(slug);
    const std::int64_t case_id = case_for(spec);
    Browser browser = logged_in(filler_of(spec));
    const std::string url = form_url(case_id, slug);
    const Page form = browser.get(url);
    ASSERT_EQ(form.status, 200);
    const auto before = entry_count(case_id);
    const std::string day = std::string(slug) == "relapse" ? apitest::iso_day(0) : apitest::iso_day(-1);
    const Page saved = browser.post(url, valid_fields(spec, form.body, "occurred_on", day));
    EXPECT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.location, "/cases/" + std::to_string(case_id));
    // As the one who filled it in reads the file: a MEDICAL entry's type is hidden from others.
    const Json file = case_file(case_id, filler_of(spec));
    ASSERT_EQ(file["entries"].size(), before + 1);
    EXPECT_EQ(file["entries"].back()["type"], core::entry_type_name(spec.type));
  }
}

TEST(EntryForms, AConversationKeepsTheTopicsAndTheActionItems) {
  const std::int64_t case_id = own_case();
  Browser browser = logged_in("casemanager");
  const std::string url = form_url(case_id, "reintegration_interview");
  const Page form = browser.get(url);
  Fields fields{{"csrf", csrf_of(form.body)}, {"expected_seq", hidden_value(form.body, "expected_seq")},
                {"occurred_on", apitest::iso_day(-1)}, {"attendees", "J. Jansen\nCasemanager"},
                {"work_capacity", "4 uur per dag volgens advies bedrijfsarts"},
                {"end_goal", "Eigen werk in 12 weken"}, {"schedule_0_period", "Week 1-2"},
                {"schedule_0_hours", "4 uur/dag"}, {"schedule_0_activities", "Administratie"},
                {"actions_1_description", "Werkplek aanpassen"}, {"actions_1_owner", "Werkgever"},
                {"actions_1_due", apitest::iso_day(14)}, {"what_if", "Bijstelling en bedrijfsarts"},
                {"employee_agreement", "agreed"}};
  const Page saved = browser.post(url, fields);
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json entry = case_file(case_id)["entries"].back();
  const std::string summary = entry["payload"]["summary"];
  EXPECT_TRUE(contains(summary, "Belastbaarheid volgens het advies van de bedrijfsarts: 4 uur"));
  EXPECT_TRUE(contains(summary, "Week 1-2"));
  EXPECT_TRUE(contains(summary, "Bijstelling en bedrijfsarts"));
  ASSERT_EQ(entry["payload"]["actions"].size(), 1u);
  EXPECT_EQ(entry["payload"]["actions"][0]["owner"], "Werkgever");
  // A refused action item is named by its own row, though empty rows are left out.
  const Page refused = browser.post(url, with(with(fields, "actions_1_owner", ""), "expected_seq",
                                              std::to_string(std::stoll(fields[1].second) + 1)));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "actions_1_owner"));
}

TEST(EntryForms, AddARowWorksWithoutJavaScriptAndKeepsTheInput) {
  const std::int64_t case_id = own_case();
  Browser browser = logged_in("casemanager");
  const std::string url = form_url(case_id, "plan_of_action");
  const Page form = browser.get(url);
  EXPECT_TRUE(contains(form.body, "name=\"activities_2_description\""));
  EXPECT_FALSE(contains(form.body, "name=\"activities_3_description\""));
  const auto before = entry_count(case_id);
  const Page more = browser.post(url, {{"csrf", csrf_of(form.body)},
                                       {"activities_rows", "3"},
                                       {"activities_0_description", "Gesprek"},
                                       {"add_row", "activities"}});
  EXPECT_EQ(more.status, 200);
  EXPECT_TRUE(contains(more.body, "name=\"activities_3_description\""));
  EXPECT_TRUE(contains(more.body, "value=\"Gesprek\""));
  EXPECT_TRUE(contains(more.body, "name=\"activities_rows\" value=\"4\""));
  EXPECT_EQ(entry_count(case_id), before);
}

// ---- privacy and safety ---------------------------------------------------------------------

TEST(EntryForms, TheDoctorsMedicalNoteIsSealedAndNeverShownToTheCaseManager) {
  const std::int64_t case_id = own_case();
  const std::string marker = "MEDMARK" + apitest::random_hex();
  Browser doctor = logged_in("doctor");
  const std::string url = form_url(case_id, "problem_analysis");
  const Page form = doctor.get(url);
  const Fields fields = with(valid_fields(*web::find_entry_form("problem_analysis"), form.body,
                                          "occurred_on", apitest::iso_day(-1)),
                             "medical_note", marker);
  const Page saved = doctor.post(url, fields);
  ASSERT_EQ(saved.status, 303) << saved.body;
  const std::string db = FormSite::instance().db_path();
  EXPECT_FALSE(contains(apitest::file_bytes(db), marker));
  EXPECT_FALSE(contains(apitest::file_bytes(db + "-wal"), marker));
  EXPECT_TRUE(contains(case_file(case_id, "doctor").dump(), marker));  // stored, for the doctor
  EXPECT_FALSE(contains(case_file(case_id, "casemanager").dump(), marker));
  Browser casemanager = logged_in("casemanager");
  std::vector<std::string> pages{"/dashboard", "/cases/" + std::to_string(case_id),
                                 "/cases/" + std::to_string(case_id) + "/entries/new"};
  for (const auto& spec : web::entry_form_specs()) pages.push_back(form_url(case_id, spec.slug));
  for (const auto& path : pages) {
    EXPECT_FALSE(contains(casemanager.get(path).body, marker)) << path;
  }
}

TEST(EntryForms, XssPayloadsInEveryTextFieldComeBackEscaped) {
  ensure_plan(own_case());
  std::vector<const EntryFormSpec*> specs{&web::sick_report_form()};
  for (const auto& spec : web::entry_form_specs()) specs.push_back(&spec);
  for (const char* payload : kPayloads) {
    for (const EntryFormSpec* spec : specs) {
      SCOPED_TRACE(std::string(spec->slug) + " " + payload);
      const bool sick_report = spec->type == core::EntryType::sick_report;
      const std::int64_t case_id = sick_report ? 0 : case_for(*spec);
      const std::string url = sick_report ? "/cases/new" : form_url(case_id, spec->slug);
      const std::string date_name = sick_report ? "first_sick_day" : "occurred_on";
      Browser browser = logged_in(sick_report ? "casemanager" : filler_of(*spec));
      const Page form = browser.get(url);
      // The payload in the date too: refused, so the form comes back with everything typed.
      Fields fields{{"csrf", csrf_of(form.body)}, {date_name, payload}};
      for (const auto& item : spec->items) {
        if (const auto* input = std::get_if<InputSpec>(&item)) {
          fields.emplace_back(std::string(input->name), payload);
          continue;
        }
        const auto& group = std::get<GroupSpec>(item);
        for (const auto& column : group.columns) {
          fields.emplace_back(cell(group.name, 0, column.name), payload);
        }
      }
      const Page refused = browser.post(url, fields);
      EXPECT_EQ(refused.status, 422);
      EXPECT_FALSE(contains(refused.body, payload));
      EXPECT_TRUE(contains(refused.body, "&lt;"));
    }
  }
}

TEST(EntryForms, AFormWithoutTheSessionsCsrfTokenIsRefused) {
  const std::int64_t case_id = own_case();
  Browser browser = logged_in("casemanager");
  const auto before = entry_count(case_id);
  const Page refused = browser.post(form_url(case_id, "recovery"),
                                    {{"csrf", "forged"}, {"occurred_on", apitest::iso_day(-1)}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(entry_count(case_id), before);
}

TEST(EntryForms, AFormSentAfterSomeoneElseAddedIsRefusedWithTheInputKept) {
  const std::int64_t case_id = own_case();
  Browser casemanager = logged_in("casemanager");
  const std::string url = form_url(case_id, "progress_evaluation");
  const Page form = casemanager.get(url);
  const Fields fields = with(valid_fields(*web::find_entry_form("progress_evaluation"), form.body,
                                          "occurred_on", apitest::iso_day(-1)),
                             "notes", "Afspraak over de opbouw");
  // Meanwhile the doctor records a conversation.
  Browser doctor = logged_in("doctor");
  const Page other = doctor.get(form_url(case_id, "reintegration_interview"));
  ASSERT_EQ(doctor.post(form_url(case_id, "reintegration_interview"),
                        valid_fields(*web::find_entry_form("reintegration_interview"), other.body,
                                     "occurred_on", apitest::iso_day(-1)))
                .status,
            303);
  const auto before = entry_count(case_id);
  const Page stale = casemanager.post(url, fields);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Bekijk het dossier"));
  EXPECT_TRUE(contains(stale.body, ">Afspraak over de opbouw</textarea>"));
  EXPECT_EQ(entry_count(case_id), before);
  // Sent again after checking: it is added to the file as it is now.
  const Page again = casemanager.post(
      url, with(fields, "expected_seq", hidden_value(stale.body, "expected_seq")));
  EXPECT_EQ(again.status, 303) << again.body;
}

// ---- languages ------------------------------------------------------------------------------

TEST(EntryForms, EveryFormReadsInDutchAndEnglishWithoutARawKey) {
  ensure_plan(own_case());
  for (const char* lang : {"nl", "en"}) {
    SCOPED_TRACE(lang);
    const std::string query = std::string("?lang=") + lang;
    const std::string html_lang = std::string("<html lang=\"") + lang + "\">";
    Browser casemanager = logged_in("casemanager");
    const Page sick = casemanager.get("/cases/new" + query);
    EXPECT_TRUE(contains(sick.body, html_lang));
    EXPECT_EQ(raw_keys(sick.body), std::vector<std::string>{});
    for (const char* who : {"casemanager", "doctor", "employee"}) {
      Browser browser = logged_in(who);
      const Page index = browser.get("/cases/" + std::to_string(own_case()) + "/entries/new" + query);
      EXPECT_EQ(raw_keys(index.body), std::vector<std::string>{}) << who;
    }
    for (const auto& spec : web::entry_form_specs()) {
      SCOPED_TRACE(std::string(spec.slug));
      Browser browser = logged_in(filler_of(spec));
      const std::string url = form_url(case_for(spec), spec.slug) + query;
      const Page form = browser.get(url);
      ASSERT_EQ(form.status, 200);
      EXPECT_TRUE(contains(form.body, html_lang));
      EXPECT_EQ(raw_keys(form.body), std::vector<std::string>{});
      // And a refusal, with its messages.
      const Page refused = browser.post(url, {{"csrf", csrf_of(form.body)}, {"occurred_on", "x"}});
      EXPECT_EQ(raw_keys(refused.body), std::vector<std::string>{});
    }
  }
  const web::Catalogue& texts = web::Catalogue::instance();
  EXPECT_EQ(texts.text(web::Language::nl, "forms.title.problem_analysis"), "Probleemanalyse");
  EXPECT_EQ(texts.text(web::Language::nl, "forms.title.first_year_evaluation"),
            "Eerstejaarsevaluatie");
  EXPECT_EQ(texts.text(web::Language::nl, "forms.title.uwv_42_week_report"), "42e-weeksmelding");
  EXPECT_EQ(texts.text(web::Language::nl, "forms.title.sick_report"), "Ziekmelding");
}

// Every key the form table builds exists in both languages (the catalogue test finds only
// literal keys in the code).
TEST(EntryForms, EveryKeyTheFormTableBuildsExists) {
  const web::Catalogue& texts = web::Catalogue::instance();
  auto expect_key = [&](const std::string& key) {
    EXPECT_TRUE(texts.has(web::Language::nl, key)) << key;
    EXPECT_TRUE(texts.has(web::Language::en, key)) << key;
  };
  auto expect_input = [&](const InputSpec& input, const std::string& label_name) {
    expect_key("forms.field." + label_name);
    if (input.kind == InputKind::choice || input.kind == InputKind::checklist) {
      for (const auto option : input.options) {
        expect_key("forms.option." + std::string(input.name) + "." + std::string(option));
      }
    }
  };
  std::vector<const EntryFormSpec*> specs{&web::sick_report_form()};
  for (const auto& spec : web::entry_form_specs()) specs.push_back(&spec);
  for (const EntryFormSpec* spec : specs) {
    expect_key("forms.title." + std::string(spec->slug));
    expect_key("forms.date." + std::string(spec->slug));
    for (const auto& item : spec->items) {
      if (const auto* input = std::get_if<InputSpec>(&item)) {
        expect_input(*input, std::string(input->name));
        continue;
      }
      const auto& group = std::get<GroupSpec>(item);
      expect_key("forms.group." + std::string(group.name));
      for (const auto& column : group.columns) {
        expect_input(column, std::string(group.name) + "_" + std::string(column.name));
      }
    }
  }
}

}  // namespace
}  // namespace spoorboek::webtest

namespace spoorboek::webtest {
namespace {

// A link may name an entry type instead of a form: it leads the employee to their own form of
// that type; a type nobody's form records here, or a name that is neither, is not found.
TEST(EntryForms, AnEntryTypeNameLeadsTheEmployeeToTheirOwnForm) {
  const std::int64_t case_id = own_case();
  Browser employee = logged_in("employee");
  const Page moved = employee.get(form_url(case_id, "employee_view"));
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(moved.location, form_url(case_id, "employee_opinion"));
  EXPECT_EQ(employee.get(form_url(case_id, "no_such_thing")).status, 404);
  Browser manager = logged_in("casemanager");
  EXPECT_EQ(manager.get(form_url(case_id, "employee_view")).status, 404);
}

}  // namespace
}  // namespace spoorboek::webtest

namespace spoorboek::webtest {
namespace {

// The last entry of a case's file as `who` reads it through the API.
Json last_entry(std::int64_t case_id, const std::string& who = "casemanager") {
  const Json file = case_file(case_id, who);
  return file["entries"].empty() ? Json() : file["entries"].back();
}

// Saves form `slug` in `case_id` as `who` with the valid values and `changes` on top.
Page save_form(const std::string& who, std::int64_t case_id, std::string_view slug,
               const Fields& changes = {}) {
  Browser browser = logged_in(who);
  const std::string url = form_url(case_id, slug);
  const Page form = browser.get(url);
  EXPECT_EQ(form.status, 200) << slug;
  Fields fields = valid_fields(*web::find_entry_form(slug), form.body, "occurred_on",
                               apitest::iso_day(-1));
  for (const auto& [name, value] : changes) fields = with(fields, name, value);
  return browser.post(url, fields);
}

// The conversation with the GP is the doctor's, MEDICAL as a whole: what the GP said is sealed
// and neither it nor the entry's payload reaches the case manager.
TEST(EntryForms, TheGpConversationIsTheDoctorsAndMedical) {
  const std::int64_t case_id = own_case();
  const std::string marker = "GPMARK" + apitest::random_hex();
  const Page saved = save_form("doctor", case_id, "gp_conversation",
                               {{"gp_position", marker}, {"attendees", "Werknemer\nB. Arts"},
                                {"preparation_timeline", "1"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json entry = last_entry(case_id, "doctor");
  EXPECT_EQ(entry["type"], "gp_conversation");
  EXPECT_EQ(entry["visibility"], "MEDICAL");
  EXPECT_EQ(entry["payload"]["attendees"], Json::array({"Werknemer", "B. Arts"}));
  EXPECT_EQ(entry["payload"]["preparation"], Json::array({"doctor_advice", "timeline"}));
  EXPECT_TRUE(contains(entry.dump(), marker));
  EXPECT_FALSE(contains(apitest::file_bytes(FormSite::instance().db_path()), marker));
  const Json seen = last_entry(case_id, "casemanager");
  EXPECT_FALSE(contains(seen.dump(), marker));
  EXPECT_FALSE(contains(seen.dump(), "B. Arts"));
  // Not even its type: that the employee's GP was consulted is itself medical.
  EXPECT_EQ(seen["type"], "confidential");
  EXPECT_EQ(seen["type_label"], "Vertrouwelijk medisch stuk");
  EXPECT_FALSE(contains(seen.dump(), "gp_conversation"));
  const std::string page = logged_in("casemanager").get("/cases/" + std::to_string(case_id)).body;
  EXPECT_FALSE(contains(page, marker));
  EXPECT_TRUE(contains(page, "Vertrouwelijk medisch stuk"));
  EXPECT_FALSE(contains(page, "Gesprek met de huisarts"));
  // The GP's position and the agreed next step are required.
  Browser doctor = logged_in("doctor");
  const Page form = doctor.get(form_url(case_id, "gp_conversation"));
  const Page refused = doctor.post(
      form_url(case_id, "gp_conversation"),
      without(valid_fields(*web::find_entry_form("gp_conversation"), form.body, "occurred_on",
                           apitest::iso_day(-1)),
              "next_step"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "next_step"));
}

TEST(EntryForms, TheCoachRecordsSpoor2InTheCaseOfTheirOffice) {
  const auto coach_cases = cases_of("coach");
  ASSERT_FALSE(coach_cases.empty());
  const std::int64_t case_id = coach_cases.front();
  Browser coach = logged_in("coach");
  const Page index = coach.get("/cases/" + std::to_string(case_id) + "/entries/new");
  ASSERT_EQ(index.status, 200);
  for (const char* slug : {"track_2_activity", "track_2_application", "track_2_progress_report"}) {
    EXPECT_TRUE(contains(index.body, "href=\"" + form_url(case_id, slug) + "\"")) << slug;
  }
  EXPECT_FALSE(contains(index.body, form_url(case_id, "end_evaluation")));
  EXPECT_EQ(coach.get(form_url(case_id, "end_evaluation")).status, 403);
  const Page saved = save_form("coach", case_id, "track_2_application",
                               {{"employer_name", "Gemeente Zwolle"},
                                {"position", "Baliemedewerker"},
                                {"fits_search_profile", "yes"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json entry = last_entry(case_id, "coach");
  EXPECT_EQ(entry["type"], "track_2_activity");
  EXPECT_EQ(entry["payload"]["kind"], "application");
  EXPECT_EQ(entry["payload"]["employer_name"], "Gemeente Zwolle");
  EXPECT_EQ(entry["payload"]["fits_search_profile"], true);
  // A progress report needs its assessment; the count must be a number.
  const Page refused = save_form("coach", case_id, "track_2_progress_report",
                                 {{"assessment", ""}, {"applications_count", "veel"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "assessment"));
  EXPECT_TRUE(error_next_to(refused, "applications_count"));
}

// UWV's answer names the request it answers; only requests are offered.
TEST(EntryForms, AnExpertOpinionAnswerNamesItsRequest) {
  const std::int64_t case_id = own_case();
  ASSERT_EQ(save_form("casemanager", case_id, "expert_opinion",
                      {{"requested_by", "employee"}, {"expert_question_kind", "employer_efforts"}})
                .status,
            303);
  const std::int64_t request_seq = last_entry(case_id)["seq"].get<std::int64_t>();
  EXPECT_EQ(last_entry(case_id)["payload"]["stage"], "requested");
  Browser casemanager = logged_in("casemanager");
  const Page form = casemanager.get(form_url(case_id, "expert_opinion_answer"));
  const auto requests = options_of(form.body, "request");
  ASSERT_FALSE(requests.empty());
  for (const auto& seq : requests) {
    const Json file = case_file(case_id);
    for (const auto& entry : file["entries"]) {
      if (std::to_string(entry["seq"].get<std::int64_t>()) == seq) {
        EXPECT_EQ(entry["payload"]["stage"], "requested") << seq;
      }
    }
  }
  const Page saved = save_form("casemanager", case_id, "expert_opinion_answer",
                               {{"request", std::to_string(request_seq)},
                                {"conclusion", "De werkgever doet voldoende"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json answer = last_entry(case_id);
  EXPECT_EQ(answer["payload"]["stage"], "answered");
  EXPECT_EQ(answer["payload"]["request_seq"], request_seq);
  // The answer itself is no request to name.
  const Page again = casemanager.get(form_url(case_id, "expert_opinion_answer"));
  const auto offered = options_of(again.body, "request");
  EXPECT_EQ(std::count(offered.begin(), offered.end(),
                       std::to_string(answer["seq"].get<std::int64_t>())),
            0);
}

TEST(EntryForms, TheEndEvaluationRecordsTheReintegrationStatusAsOneObject) {
  const std::int64_t case_id = own_case();
  const Page saved = save_form("casemanager", case_id, "end_evaluation",
                               {{"reintegration_hours", "12"},
                                {"reintegration_tasks", "Administratie"},
                                {"reintegration_structural", "yes"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json status = last_entry(case_id)["payload"]["reintegration_status"];
  EXPECT_EQ(status, (Json{{"hours_per_week", 12}, {"structural", true}, {"tasks", "Administratie"}}));
  // Core's range refusal of a field in the object lands next to its input.
  const Page refused = save_form("casemanager", case_id, "end_evaluation",
                                 {{"reintegration_hours", "100"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "reintegration_hours"));
}

TEST(EntryForms, ACorrectionVoidsAnEntryWithItsReason) {
  const std::int64_t case_id = own_case();
  ASSERT_EQ(save_form("casemanager", case_id, "uwv_wia_letter").status, 303);
  const std::int64_t letter = last_entry(case_id)["seq"].get<std::int64_t>();
  Browser casemanager = logged_in("casemanager");
  const Page form = casemanager.get(form_url(case_id, "correction"));
  const auto targets = options_of(form.body, "corrects_seq");
  ASSERT_FALSE(targets.empty());
  EXPECT_EQ(targets.front(), std::to_string(letter));  // the latest first
  // Neither voided nor given a date: core's refusal is shown next to "void".
  const Page neither = save_form("casemanager", case_id, "correction",
                                 {{"corrects_seq", std::to_string(letter)},
                                  {"new_occurred_on", ""}});
  EXPECT_EQ(neither.status, 422);
  EXPECT_TRUE(error_next_to(neither, "void"));
  const Page voided = save_form("casemanager", case_id, "correction",
                                {{"corrects_seq", std::to_string(letter)},
                                 {"void", "yes"},
                                 {"new_occurred_on", ""},
                                 {"correction_reason", "Brief hoort bij een ander dossier"}});
  ASSERT_EQ(voided.status, 303) << voided.body;
  const Json correction = last_entry(case_id);
  EXPECT_EQ(correction["type"], "correction");
  EXPECT_EQ(correction["payload"]["corrects_seq"], letter);
  EXPECT_EQ(correction["payload"]["void"], true);
  // A voided entry and the correction itself are not offered again.
  const auto after = options_of(casemanager.get(form_url(case_id, "correction")).body,
                                "corrects_seq");
  EXPECT_EQ(std::count(after.begin(), after.end(), std::to_string(letter)), 0);
  EXPECT_EQ(std::count(after.begin(), after.end(),
                       std::to_string(correction["seq"].get<std::int64_t>())),
            0);
}

// The doctor's correction form lists only entries the doctor reads; the case manager's never
// lists the doctor's GP conversation (MEDICAL).
TEST(EntryForms, TheCorrectionFormListsOnlyEntriesTheViewerReads) {
  const std::int64_t case_id = own_case();
  ASSERT_EQ(save_form("doctor", case_id, "gp_conversation").status, 303);
  const std::string gp_seq = std::to_string(last_entry(case_id, "doctor")["seq"].get<std::int64_t>());
  const auto doctor = options_of(logged_in("doctor").get(form_url(case_id, "correction")).body,
                                 "corrects_seq");
  EXPECT_EQ(std::count(doctor.begin(), doctor.end(), gp_seq), 1);
  const auto manager = options_of(
      logged_in("casemanager").get(form_url(case_id, "correction")).body, "corrects_seq");
  EXPECT_EQ(std::count(manager.begin(), manager.end(), gp_seq), 0);
}

TEST(EntryForms, AMaternityLeaveMayBeAnnouncedAhead) {
  const std::int64_t case_id = own_case();
  const Page saved = save_form("casemanager", case_id, "maternity_leave",
                               {{"occurred_on", apitest::iso_day(20)},
                                {"leave_end", apitest::iso_day(130)}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  const Json entry = last_entry(case_id);
  EXPECT_EQ(entry["type"], "maternity_leave");
  EXPECT_EQ(entry["payload"]["end"], apitest::iso_day(130));
  // An end before the start is refused next to the last day of leave.
  const Page refused = save_form("casemanager", case_id, "maternity_leave",
                                 {{"occurred_on", apitest::iso_day(200)},
                                  {"leave_end", apitest::iso_day(150)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(error_next_to(refused, "leave_end"));
}

// A next step of the case page links its form only for who is offered it: reporting the vangnet
// to UWV is recorded in the doctor's form (which vangnet applies is MEDICAL), so the case manager
// sees the step without a link that would be refused.
TEST(EntryForms, ANextStepLinksItsFormOnlyForWhoIsOfferedIt) {
  const std::int64_t case_id = own_case();
  ASSERT_EQ(save_form("doctor", case_id, "safety_net", {{"uwv_reported_on", ""}}).status, 303);
  const std::string page = "/cases/" + std::to_string(case_id);
  const std::string link = "href=\"" + form_url(case_id, "safety_net") + "\"";
  const Page doctor = logged_in("doctor").get(page);
  EXPECT_TRUE(contains(doctor.body, link));
  const Page casemanager = logged_in("casemanager").get(page);
  ASSERT_EQ(casemanager.status, 200);
  EXPECT_TRUE(contains(casemanager.body, "Ziekmelding vangnet aan UWV"));
  EXPECT_FALSE(contains(casemanager.body, link));
}

TEST(EntryForms, TheLegalTermsAreTheDutchTitles) {
  const web::Catalogue& texts = web::Catalogue::instance();
  const std::pair<const char*, const char*> titles[] = {
      {"expert_opinion_answer", "Deskundigenoordeel"},
      {"occupational_expert_report", "Arbeidsdeskundig rapport"},
      {"current_judgement", "Actueel oordeel"},
      {"end_evaluation", "Eindevaluatie"},
      {"track_2_activity", "Spoor 2"},
      {"wage_sanction", "Loonsanctie"},
      {"safety_net", "Vangnet"},
      {"maternity_leave", "Zwangerschaps- en bevallingsverlof"},
      {"voluntary_extension", "Vrijwillige verlenging loondoorbetaling"},
  };
  for (const auto& [slug, term] : titles) {
    EXPECT_TRUE(contains(std::string(texts.text(web::Language::nl,
                                                std::string("forms.title.") + slug)),
                         term))
        << slug;
  }
}

}  // namespace
}  // namespace spoorboek::webtest
