// The plan of action, the conversation reports, the first-year evaluation and the GP preparation
// pack (document_riv.cc holds the re-integratieverslag).
#include "app/document_builder.h"

#include <algorithm>

#include "app/policy.h"

namespace spoorboek::app::detail {
namespace {

using core::EntryType;
using core::MilestoneKey;
using nlohmann::json;

json parse_object(const std::string& text) {
  json value = json::parse(text, nullptr, false);
  return value.is_object() ? value : json::object();
}

// Whether an entry of this class goes into the document: the employer's documents hold what the
// employer's case manager reads (policy.h), whoever makes them; the employee's hold all the
// maker reads.
bool in_document(core::Visibility visibility, bool with_medical) {
  return with_medical || may_read(Role::case_manager, visibility);
}

// The entries a document may show: corrections applied, voided and unreadable ones left out.
std::vector<Item> readable_items(const CaseFileView& file, bool with_medical) {
  // The latest correction of each entry (seq order: a later one wins).
  std::map<std::int64_t, const EntryView*> corrections;
  for (const auto& entry : file.entries) {
    if (entry.type != EntryType::correction || entry.redacted || entry.voided) continue;
    const json payload = parse_object(entry.payload);
    if (payload.contains("corrects_seq") && payload["corrects_seq"].is_number_integer()) {
      corrections[payload["corrects_seq"].get<std::int64_t>()] = &entry;
    }
  }
  std::vector<Item> items;
  for (const auto& entry : file.entries) {
    if (entry.type == EntryType::correction || entry.voided || entry.redacted) continue;
    if (!in_document(entry.visibility, with_medical)) continue;
    Item item;
    item.seq = entry.seq;
    item.type = entry.type;
    item.occurred_on = entry.occurred_on;
    item.actor = entry.actor;
    item.payload = parse_object(entry.payload);
    if (with_medical && entry.medical) item.medical = parse_object(*entry.medical);
    if (const auto found = corrections.find(entry.seq); found != corrections.end()) {
      const json correction = parse_object(found->second->payload);
      if (correction.contains("new_occurred_on") && correction["new_occurred_on"].is_string()) {
        if (auto day = core::parse_iso_date(correction["new_occurred_on"].get<std::string>())) {
          item.occurred_on = *day;
        }
      }
      if (correction.contains("new_payload") && correction["new_payload"].is_object()) {
        item.payload = correction["new_payload"];
      }
      if (with_medical && found->second->medical) {
        item.medical = parse_object(*found->second->medical);
      }
    }
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.occurred_on < b.occurred_on;
  });
  return items;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const CaseFileView& file, store::Employee employee,
                                 std::map<std::string, Author> authors,
                                 const DocumentWords& words, bool with_medical)
    : file_(file),
      employee_(std::move(employee)),
      authors_(std::move(authors)),
      words_(words),
      with_medical_(with_medical),
      items_(readable_items(file, with_medical)) {}

// ---- words ----

std::string DocumentBuilder::fill(
    std::string_view key, const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string result = t(key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = result.find(placeholder); at != std::string::npos;
         at = result.find(placeholder, at + value.size())) {
      result.replace(at, placeholder.size(), value);
    }
  }
  return result;
}

std::string DocumentBuilder::date(core::Date day) const {
  return core::format_long_date(day, words_.language);
}

std::string DocumentBuilder::date_of(const json& payload, const char* field) const {
  if (!payload.contains(field) || !payload[field].is_string()) return "";
  const auto day = core::parse_iso_date(payload[field].get<std::string>());
  return day ? date(*day) : payload[field].get<std::string>();
}

std::string DocumentBuilder::text_of(const json& payload, const char* field) const {
  if (!payload.contains(field)) return "";
  const json& value = payload[field];
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return t(value.get<bool>() ? "case.yes" : "case.no");
  if (value.is_number()) return value.dump();
  return "";
}

// A closed choice in words ("case.value.<choice>"); an unknown one as written.
std::string DocumentBuilder::choice(const json& payload, const char* field) const {
  const std::string value = text_of(payload, field);
  if (value.empty()) return value;
  const std::string key = "case.value." + value;
  const std::string words = t(key);
  return words == key ? value : words;
}

std::string DocumentBuilder::list_of(const json& payload, const char* field) const {
  if (!payload.contains(field) || !payload[field].is_array()) return "";
  std::string result;
  for (const auto& item : payload[field]) {
    if (!item.is_string()) continue;
    result += (result.empty() ? "" : "\n") + std::string("• ") + item.get<std::string>();
  }
  return result;
}

std::string DocumentBuilder::field_label(std::string_view field) const {
  const std::string key = "case.field." + std::string(field);
  std::string label = t(key);
  if (label != key) return label;
  label = std::string(field);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

std::string DocumentBuilder::author_of(const Item& item) const {
  const auto found = authors_.find(item.actor);
  if (found == authors_.end()) return item.actor;
  const Author& author = found->second;
  return author.function.empty() ? author.name : author.name + " (" + author.function + ")";
}

// ---- the file ----

std::vector<const Item*> DocumentBuilder::all_of(std::initializer_list<EntryType> types) const {
  std::vector<const Item*> found;
  for (const auto& item : items_) {
    if (std::find(types.begin(), types.end(), item.type) != types.end()) found.push_back(&item);
  }
  return found;
}

const Item* DocumentBuilder::latest(EntryType type) const {
  const auto found = all_of({type});
  return found.empty() ? nullptr : found.back();
}

std::vector<const Item*> DocumentBuilder::versions(EntryType type) const {
  // The fold refuses an adjustment that does not replace the current version, so seq order is
  // version order.
  auto found = all_of({type});
  std::sort(found.begin(), found.end(), [](const Item* a, const Item* b) { return a->seq < b->seq; });
  return found;
}

std::pair<std::string, std::string> DocumentBuilder::plan_agreement(const Item& plan) const {
  const Item* answer = nullptr;
  for (const Item* agreement : all_of({EntryType::plan_agreement})) {
    const json& p = agreement->payload;
    if (p.contains("plan_seq") && p["plan_seq"].is_number_integer() &&
        p["plan_seq"].get<std::int64_t>() == plan.seq) {
      if (!answer || agreement->seq > answer->seq) answer = agreement;
    }
  }
  if (answer) {
    std::string status = choice(answer->payload, "agreement") + " (" + date(answer->occurred_on) + ")";
    return {status, text_of(answer->payload, "remarks")};
  }
  return {choice(plan.payload, "employee_agreement"), ""};
}

std::string DocumentBuilder::company_doctor() const {
  if (const Item* analysis = latest(EntryType::problem_analysis)) {
    const std::string author = text_of(analysis->payload, "author");
    if (!author.empty()) return author;
  }
  if (const Item* report = latest(EntryType::company_doctor_report)) {
    const std::string doctor = text_of(report->payload, "company_doctor");
    if (!doctor.empty()) return doctor;
  }
  return t("document.unknown");
}

std::string DocumentBuilder::case_manager() const {
  if (const Item* plan = latest(EntryType::plan_of_action)) {
    const std::string name = text_of(plan->payload, "case_manager");
    if (!name.empty()) return name;
  }
  return t("document.unknown");
}

std::optional<core::Date> DocumentBuilder::milestone_due(MilestoneKey key) const {
  for (const auto& m : file_.milestones) {
    if (m.key == key) return m.due;
  }
  return std::nullopt;
}

std::optional<core::Date> DocumentBuilder::milestone_done(MilestoneKey key) const {
  for (const auto& m : file_.milestones) {
    if (m.key == key) return m.done_on;
  }
  return std::nullopt;
}

// ---- parts ----

report::Document DocumentBuilder::base(std::string_view kind) const {
  report::Document document;
  const std::string kind_name(kind);
  document.title = t("document.title." + kind_name);
  document.subtitle = t("document.subtitle." + kind_name);
  document.author = "Spoorboek";
  const std::string unknown = t("document.unknown");
  document.identity = {
      {t("document.identity.employee"), employee_.name},
      {t("document.identity.personnel_number"),
       employee_.personnel_number.empty() ? unknown : employee_.personnel_number},
      {t("document.identity.employer"), file_.record.employer_name},
      {t("document.identity.case"), std::to_string(file_.record.id)},
      {t("document.identity.first_sick_day"),
       file_.state.first_sick_day ? date(*file_.state.first_sick_day) : unknown},
  };
  if (file_.has_timeline) {
    document.identity.push_back(
        {t("document.identity.sick_week"),
         fill("document.identity.sick_week_value",
              {{"week", std::to_string(file_.sick_week)}, {"date", date(file_.as_of)}})});
  }
  document.identity.push_back({t("document.identity.company_doctor"), company_doctor()});
  document.identity.push_back({t("document.identity.case_manager"), case_manager()});
  document.identity.push_back({t("document.identity.made_on"), date(file_.as_of)});
  document.footer = fill("document.footer", {{"case", std::to_string(file_.record.id)},
                                             {"employee", employee_.name},
                                             {"title", document.title}});
  document.page_number_format = t("document.page");
  document.signatures_heading = t("document.signatures");
  document.signature_label = t("document.signature_line");
  return document;
}

void DocumentBuilder::sign(report::Document& document, bool employer, bool employee,
                           bool company_doctor, const std::string& agreement) const {
  const std::string blank = "…………………………";
  if (employer) {
    document.signatories.push_back(
        {t("document.signatory.employer"),
         {{t("document.signatory.name"), case_manager()},
          {t("document.signatory.employer_name"), file_.record.employer_name},
          {t("document.signatory.date"), blank}}});
  }
  if (employee) {
    report::Signatory signatory{t("document.signatory.employee"),
                                {{t("document.signatory.name"), employee_.name},
                                 {t("document.signatory.date"), blank}}};
    if (!agreement.empty()) {
      signatory.lines.push_back({t("document.signatory.agreement"), agreement});
    }
    document.signatories.push_back(std::move(signatory));
  }
  if (company_doctor) {
    document.signatories.push_back(
        {t("document.signatory.company_doctor"),
         {{t("document.signatory.name"), this->company_doctor()},
          {t("document.signatory.date"), blank}}});
  }
}

report::Table DocumentBuilder::actions_table(const json& payload, const char* field) const {
  report::Table table;
  table.columns = {field_label("description"), field_label("owner"), field_label("due")};
  table.widths = {6, 2.5, 2};
  if (payload.contains(field) && payload[field].is_array()) {
    for (const auto& action : payload[field]) {
      if (!action.is_object()) continue;
      table.rows.push_back(
          {text_of(action, "description"), text_of(action, "owner"), date_of(action, "due")});
    }
  }
  return table;
}

std::vector<report::Block> DocumentBuilder::plan_blocks(const Item& plan, std::size_t version,
                                                        std::size_t count) const {
  const json& p = plan.payload;
  const auto [agreement, remarks] = plan_agreement(plan);
  report::FieldList fields;
  fields.fields.push_back({t("document.plan.version"),
                           fill("document.plan.version_of", {{"version", std::to_string(version)},
                                                             {"versions", std::to_string(count)}})});
  fields.fields.push_back({t("document.date"), date(plan.occurred_on)});
  fields.fields.push_back({t("document.recorded_by"), author_of(plan)});
  // The problem analysis the plan builds on: the latest version before the plan's date.
  const Item* analysis = nullptr;
  for (const Item* candidate : all_of({EntryType::problem_analysis})) {
    if (candidate->occurred_on <= plan.occurred_on) analysis = candidate;
  }
  if (analysis) fields.fields.push_back({t("document.plan.based_on"), date(analysis->occurred_on)});
  if (p.contains("adjustment_reason")) {
    fields.fields.push_back({field_label("adjustment_reason"), choice(p, "adjustment_reason")});
  }
  fields.fields.push_back({field_label("goal"), choice(p, "goal")});
  fields.fields.push_back({field_label("case_manager"), text_of(p, "case_manager")});
  if (const auto due = milestone_due(MilestoneKey::first_year_evaluation)) {
    fields.fields.push_back({t("document.plan.evaluation_moments"),
                             fill("document.plan.evaluation_moments_value", {{"date", date(*due)}})});
  }
  if (p.contains("employee_view")) {
    fields.fields.push_back({field_label("employee_view"), text_of(p, "employee_view")});
  }
  fields.fields.push_back({field_label("employee_agreement"), agreement});
  if (!remarks.empty()) fields.fields.push_back({t("document.remarks"), remarks});
  std::vector<report::Block> blocks{fields};
  blocks.push_back(caption(t("document.plan.activities")));
  blocks.push_back(actions_table(p, "activities"));
  return blocks;
}

report::Table DocumentBuilder::plan_history() const {
  report::Table table;
  table.columns = {t("document.plan.version"), t("document.date"), t("document.plan.kind"),
                   field_label("adjustment_reason"), t("document.recorded_by"),
                   field_label("employee_agreement")};
  table.widths = {1.2, 2.2, 1.8, 2.4, 3, 2.6};
  const auto plans = versions(EntryType::plan_of_action);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const Item& plan = *plans[i];
    const bool adjustment = plan.payload.contains("replaces_seq");
    table.rows.push_back({std::to_string(i + 1), date(plan.occurred_on),
                          t(adjustment ? "document.plan.adjustment" : "document.plan.initial"),
                          adjustment ? choice(plan.payload, "adjustment_reason") : "–",
                          author_of(plan), plan_agreement(plan).first});
  }
  return table;
}

std::vector<report::Block> DocumentBuilder::conversation_blocks(const Item& conversation) const {
  const json& p = conversation.payload;
  report::FieldList fields;
  fields.fields.push_back({t("document.date"), date(conversation.occurred_on)});
  fields.fields.push_back({t("document.kind"), t("entry_type." + std::string(core::entry_type_name(conversation.type)))});
  fields.fields.push_back({t("document.recorded_by"), author_of(conversation)});
  fields.fields.push_back({field_label("attendees"), list_of(p, "attendees")});
  if (p.contains("summary")) fields.fields.push_back({field_label("summary"), text_of(p, "summary")});
  if (p.contains("employee_view")) {
    fields.fields.push_back({field_label("employee_view"), text_of(p, "employee_view")});
  }
  fields.fields.push_back({field_label("employee_agreement"), choice(p, "employee_agreement")});
  if (p.contains("next_evaluation_on")) {
    fields.fields.push_back({field_label("next_evaluation_on"), date_of(p, "next_evaluation_on")});
  }
  std::vector<report::Block> blocks{fields};
  if (p.contains("actions") && p["actions"].is_array() && !p["actions"].empty()) {
    blocks.push_back(caption(field_label("actions")));
    blocks.push_back(actions_table(p, "actions"));
  }
  return blocks;
}

std::vector<report::Block> DocumentBuilder::problem_analysis_blocks(const Item& analysis) const {
  const json& p = analysis.payload;
  report::FieldList fields;
  fields.fields.push_back({t("document.date"), date(analysis.occurred_on)});
  fields.fields.push_back({field_label("author"), text_of(p, "author")});
  fields.fields.push_back({field_label("limitations"), list_of(p, "limitations")});
  fields.fields.push_back({field_label("possibilities"), list_of(p, "possibilities")});
  fields.fields.push_back({field_label("prognosis"), text_of(p, "prognosis")});
  fields.fields.push_back({field_label("advice"), text_of(p, "advice")});
  if (p.contains("no_sustainable_possibilities")) {
    fields.fields.push_back(
        {field_label("no_sustainable_possibilities"), text_of(p, "no_sustainable_possibilities")});
  }
  std::vector<report::Block> blocks{fields};
  if (auto medical = medical_fields(analysis)) {
    blocks.push_back(caption(t("document.gp.medical")));
    blocks.push_back(std::move(*medical));
  }
  return blocks;
}

std::vector<report::Block> DocumentBuilder::first_year_evaluation_blocks(
    const Item& evaluation) const {
  const json& p = evaluation.payload;
  report::FieldList fields;
  fields.fields.push_back({t("document.date"), date(evaluation.occurred_on)});
  fields.fields.push_back({t("document.recorded_by"), author_of(evaluation)});
  fields.fields.push_back({field_label("track_decision"), choice(p, "track_decision")});
  fields.fields.push_back({field_label("reason"), text_of(p, "reason")});
  fields.fields.push_back({field_label("on_course"), text_of(p, "on_course")});
  return {fields};
}

report::Table DocumentBuilder::track_1_table() const {
  report::Table table;
  table.columns = {t("document.date"), field_label("option"), field_label("description"),
                   field_label("outcome"), field_label("reason")};
  table.widths = {2.6, 2.2, 4, 2, 3.5};
  for (const Item* attempt : all_of({EntryType::track_1_attempt})) {
    const json& p = attempt->payload;
    table.rows.push_back({date(attempt->occurred_on), choice(p, "option"),
                          text_of(p, "description"), choice(p, "outcome"), text_of(p, "reason")});
  }
  return table;
}

report::Table DocumentBuilder::milestone_table() const {
  report::Table table;
  table.columns = {t("document.milestone.name"), t("document.milestone.due"),
                   t("document.milestone.done_on"), t("document.milestone.status")};
  table.widths = {4, 2.2, 2.2, 2.2};
  for (const auto& m : file_.milestones) {
    if (m.status == core::MilestoneStatus::not_applicable) continue;
    table.rows.push_back({t("milestone." + std::string(core::milestone_key_name(m.key))),
                          m.due ? date(*m.due) : "–", m.done_on ? date(*m.done_on) : "–",
                          t("milestone_status." + std::string(core::status_name(m.status)))});
  }
  return table;
}

report::Table DocumentBuilder::conversations_table() const {
  report::Table table;
  table.columns = {t("document.date"), t("document.kind"), field_label("summary")};
  table.widths = {2.6, 2.6, 6.4};
  for (const Item* c : all_of({EntryType::reintegration_interview, EntryType::progress_evaluation})) {
    table.rows.push_back({date(c->occurred_on),
                          t("entry_type." + std::string(core::entry_type_name(c->type))),
                          text_of(c->payload, "summary")});
  }
  return table;
}

std::optional<report::FieldList> DocumentBuilder::medical_fields(const Item& item) const {
  if (!with_medical_ || !item.medical || item.medical->empty()) return std::nullopt;
  report::FieldList fields;
  for (const auto& [name, value] : item.medical->items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_array()) {
      for (const auto& element : value) {
        text += (text.empty() ? "" : "\n") + std::string("• ") +
                (element.is_string() ? element.get<std::string>() : element.dump());
      }
    } else {
      text = value.dump();
    }
    fields.fields.push_back({field_label(name), text});
  }
  return fields;
}

// ---- the documents ----

report::Document DocumentBuilder::plan_of_action() const {
  report::Document document = base("plan");
  const auto plans = versions(EntryType::plan_of_action);
  const Item& current = *plans.back();
  document.sections.push_back({fill("document.plan.current", {{"version", std::to_string(plans.size())}}),
                               1, false, plan_blocks(current, plans.size(), plans.size())});
  document.sections.push_back({t("document.plan.history"), 1, false, {plan_history()}});
  if (plans.size() > 1) {
    document.sections.push_back({t("document.plan.earlier"), 1, false, {}});
    for (std::size_t i = plans.size() - 1; i-- > 0;) {
      document.sections.push_back(
          {fill("document.plan.version_heading",
                {{"version", std::to_string(i + 1)}, {"date", date(plans[i]->occurred_on)}}),
           2, false, plan_blocks(*plans[i], i + 1, plans.size())});
    }
  }
  sign(document, true, true, false, plan_agreement(current).first);
  return document;
}

report::Document DocumentBuilder::conversations() const {
  report::Document document = base("conversation");
  const auto conversations =
      all_of({EntryType::reintegration_interview, EntryType::progress_evaluation});
  for (const Item* c : conversations) {
    document.sections.push_back(
        {fill("document.conversation.heading",
              {{"kind", t("entry_type." + std::string(core::entry_type_name(c->type)))},
               {"date", date(c->occurred_on)}}),
         1, false, conversation_blocks(*c)});
  }
  sign(document, true, true, false,
       conversations.empty() ? "" : choice(conversations.back()->payload, "employee_agreement"));
  return document;
}

report::Document DocumentBuilder::first_year_evaluation() const {
  report::Document document = base("first_year_evaluation");
  const Item& evaluation = *latest(EntryType::first_year_evaluation);
  document.sections.push_back(
      {t("document.title.first_year_evaluation"), 1, false, first_year_evaluation_blocks(evaluation)});
  // Progress against the plan: the version that was current at the evaluation.
  const Item* plan = nullptr;
  for (const Item* candidate : versions(EntryType::plan_of_action)) {
    if (candidate->occurred_on <= evaluation.occurred_on) plan = candidate;
  }
  const auto plans = versions(EntryType::plan_of_action);
  std::vector<report::Block> progress;
  if (plan) {
    const auto at = std::find(plans.begin(), plans.end(), plan);
    progress = plan_blocks(*plan, static_cast<std::size_t>(at - plans.begin()) + 1, plans.size());
  } else {
    progress.push_back(none());
  }
  document.sections.push_back({t("document.eje.progress"), 1, false, std::move(progress)});
  auto track_1 = track_1_table();
  document.sections.push_back(
      {t("document.track_1"), 1, false,
       {track_1.rows.empty() ? report::Block(none()) : report::Block(std::move(track_1))}});
  auto conversations = conversations_table();
  document.sections.push_back(
      {t("document.conversations"), 1, false,
       {conversations.rows.empty() ? report::Block(none()) : report::Block(std::move(conversations))}});
  sign(document, true, true, false, "");
  return document;
}

report::Document DocumentBuilder::gp_pack() const {
  report::Document document = base("gp_pack");
  document.sections.push_back(
      {t("document.gp.purpose"), 1, false, {report::Paragraph{t("document.gp.purpose_text")}}});

  // 1. The company doctor's most recent advice, with the functional capabilities.
  std::vector<report::Block> advice;
  if (const Item* analysis = latest(EntryType::problem_analysis)) {
    advice = problem_analysis_blocks(*analysis);
  } else {
    advice.push_back(none());
  }
  document.sections.push_back({t("document.gp.advice"), 1, false, std::move(advice)});

  // 2. The re-integration history: track-1 attempts and the conversations.
  std::vector<report::Block> history;
  history.push_back(caption(t("document.track_1")));
  auto track_1 = track_1_table();
  history.push_back(track_1.rows.empty() ? report::Block(none()) : report::Block(std::move(track_1)));
  history.push_back(caption(t("document.conversations")));
  auto conversations = conversations_table();
  history.push_back(conversations.rows.empty() ? report::Block(none())
                                               : report::Block(std::move(conversations)));
  if (const Item* evaluation = latest(EntryType::first_year_evaluation)) {
    history.push_back(caption(t("document.title.first_year_evaluation")));
    for (auto& block : first_year_evaluation_blocks(*evaluation)) history.push_back(std::move(block));
  }
  document.sections.push_back({t("document.gp.history"), 1, false, std::move(history)});

  // Earlier conversations with the GP, with what the GP said (the pack's readers read it).
  const auto gp_conversations = all_of({EntryType::gp_conversation});
  if (!gp_conversations.empty()) {
    document.sections.push_back({t("document.gp.earlier"), 1, false, {}});
    for (const Item* conversation : gp_conversations) {
      document.sections.push_back(
          {item_heading(*conversation), 2, false, item_blocks(*conversation)});
    }
  }

  // 3. The problem analysis (its versions) and the current plan of action.
  document.sections.push_back({t("document.gp.analysis_and_plan"), 1, false, {}});
  const auto analyses = versions(EntryType::problem_analysis);
  report::Table analysis_versions;
  analysis_versions.columns = {t("document.plan.version"), t("document.date"), field_label("author")};
  analysis_versions.widths = {1.5, 3, 6};
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    analysis_versions.rows.push_back({std::to_string(i + 1), date(analyses[i]->occurred_on),
                                      text_of(analyses[i]->payload, "author")});
  }
  document.sections.push_back(
      {t("document.gp.analysis_versions"), 2, false,
       {analyses.empty() ? report::Block(none()) : report::Block(std::move(analysis_versions))}});
  const auto plans = versions(EntryType::plan_of_action);
  document.sections.push_back(
      {t("document.title.plan"), 2, false,
       plans.empty() ? std::vector<report::Block>{none()}
                     : plan_blocks(*plans.back(), plans.size(), plans.size())});

  // 4. The timeline: weeks of sickness and how close the first-year evaluation is.
  report::FieldList when;
  when.fields.push_back({t("document.identity.first_sick_day"),
                         file_.state.first_sick_day ? date(*file_.state.first_sick_day) : "–"});
  when.fields.push_back({t("document.gp.weeks"),
                         fill("document.gp.weeks_value", {{"week", std::to_string(file_.sick_week)},
                                                          {"date", date(file_.as_of)}})});
  if (const auto done = milestone_done(MilestoneKey::first_year_evaluation)) {
    when.fields.push_back({t("milestone.first_year_evaluation"),
                           fill("document.gp.held_on", {{"date", date(*done)}})});
  } else if (const auto due = milestone_due(MilestoneKey::first_year_evaluation)) {
    const long weeks = std::max(0L, (core::days_between(file_.as_of, *due) + 6) / 7);
    when.fields.push_back({t("milestone.first_year_evaluation"),
                           fill("document.gp.due_in", {{"date", date(*due)},
                                                       {"weeks", std::to_string(weeks)}})});
  }
  document.sections.push_back({t("document.gp.timeline"), 1, false, {when, milestone_table()}});

  // 5. What to write down after the conversation (seed 001: document the outcome).
  report::FieldList questions;
  for (const char* key : {"document.gp.question.capacity", "document.gp.question.considerations",
                          "document.gp.question.next_step"}) {
    questions.fields.push_back({t(key), "\n\n\n"});
  }
  document.sections.push_back(
      {t("document.gp.questions"), 1, false,
       {report::Paragraph{t("document.gp.questions_text"), report::Paragraph::Style::note}, questions}});
  sign(document, false, true, false, "");
  return document;
}

}  // namespace spoorboek::app::detail
