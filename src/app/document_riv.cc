// The re-integratieverslag bundle: elements a-l in the order of Regeling procesgang art. 6 lid 1,
// each with the entries core::riv_elements() assigns to it (one concept, one place), the
// employee's opinion as element l, the attachments UWV may ask for, and the audit chain's final
// hash. The medical information is not in it: the employee sends that to UWV (vorm art. 2 lid 2
// e; documents-and-privacy.md §8.1).
#include <algorithm>

#include "app/document_builder.h"

namespace spoorboek::app::detail {
namespace {

using core::EntryType;
using core::RivElement;
using nlohmann::json;

}  // namespace

const Item* DocumentBuilder::item_by_seq(std::int64_t seq) const {
  for (const auto& item : items_) {
    if (item.seq == seq) return &item;
  }
  return nullptr;
}

std::string DocumentBuilder::item_heading(const Item& item) const {
  return fill("document.riv.item_heading",
              {{"kind", t("entry_type." + std::string(core::entry_type_name(item.type)))},
               {"date", date(item.occurred_on)}});
}

std::string DocumentBuilder::value_text(const json& value) const {
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    if (const auto day = core::parse_iso_date(text); day && text.size() == 10) return date(*day);
    // A closed choice reads as words; free text never matches a key of this form.
    if (!text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                             std::string::npos) {
      const std::string key = "case.value." + text;
      const std::string words = t(key);
      if (words != key) return words;
    }
    return text;
  }
  if (value.is_boolean()) return t(value.get<bool>() ? "case.yes" : "case.no");
  if (value.is_number()) return value.dump();
  std::string text;
  if (value.is_array()) {
    for (const auto& element : value) {
      text += (text.empty() ? "" : "\n") + std::string("• ") + value_text(element);
    }
  } else if (value.is_object()) {
    for (const auto& [name, inner] : value.items()) {
      text += (text.empty() ? "" : "; ") + field_label(name) + ": " + value_text(inner);
    }
  }
  return text;
}

std::vector<report::Block> DocumentBuilder::answer_blocks(
    const Item& item, const std::vector<std::string_view>& fields) const {
  report::FieldList list;
  list.fields.push_back({t("document.date"), date(item.occurred_on)});
  list.fields.push_back({t("document.recorded_by"), author_of(item)});
  for (const auto field : fields) {
    const std::string name(field);
    if (item.payload.contains(name)) {
      list.fields.push_back({field_label(name), value_text(item.payload[name])});
    }
  }
  return {list};
}

std::vector<report::Block> DocumentBuilder::item_blocks(const Item& item) const {
  switch (item.type) {
    case EntryType::problem_analysis: return problem_analysis_blocks(item);
    case EntryType::plan_of_action: {
      const auto plans = versions(EntryType::plan_of_action);
      const auto at = std::find(plans.begin(), plans.end(), &item);
      return plan_blocks(item, static_cast<std::size_t>(at - plans.begin()) + 1, plans.size());
    }
    case EntryType::reintegration_interview:
    case EntryType::progress_evaluation: return conversation_blocks(item);
    case EntryType::first_year_evaluation: return first_year_evaluation_blocks(item);
    default: break;
  }
  report::FieldList fields;
  fields.fields.push_back({t("document.date"), date(item.occurred_on)});
  fields.fields.push_back({t("document.recorded_by"), author_of(item)});
  for (const auto& [name, value] : item.payload.items()) {
    // Links between entries are the file's bookkeeping, not the reader's.
    if (name == "replaces_seq" || name == "plan_seq" || name == "request_seq") continue;
    fields.fields.push_back({field_label(name), value_text(value)});
  }
  std::vector<report::Block> blocks{fields};
  // Only in a document that holds medical parts (the GP pack) is there one to show.
  if (auto medical = medical_fields(item)) {
    blocks.push_back(caption(t("document.gp.medical")));
    blocks.push_back(std::move(*medical));
  }
  return blocks;
}

std::vector<report::Section> DocumentBuilder::riv_element(RivElement element,
                                                          const std::vector<std::int64_t>& seqs) const {
  const std::string letter(core::riv_element_letter(element));
  report::Section chapter;
  chapter.heading = letter + ". " + std::string(core::riv_element_name(element, words_.language));
  std::vector<report::Section> sections;
  // Element a: the administrative data are records of the app, with the entries behind them.
  if (element == RivElement::a_administrative_data) {
    const std::string unknown = t("document.unknown");
    chapter.blocks.push_back(report::FieldList{{
        {t("document.identity.employee"), employee_.name},
        {t("document.identity.personnel_number"),
         employee_.personnel_number.empty() ? unknown : employee_.personnel_number},
        {t("document.identity.bsn"), t("document.identity.bsn_value")},
        {t("document.identity.employer"), file_.record.employer_name},
        {t("document.identity.company_doctor"), company_doctor()},
        {t("document.identity.case_manager"), case_manager()},
    }});
  } else if (element == RivElement::e_first_sick_day) {
    chapter.blocks.push_back(report::FieldList{{
        {t("document.identity.first_sick_day"),
         file_.state.first_sick_day ? date(*file_.state.first_sick_day) : t("document.unknown")},
    }});
  }
  std::vector<const Item*> items;
  for (const auto seq : seqs) {
    if (const Item* item = item_by_seq(seq)) items.push_back(item);
  }
  // Elements b, i and k are one question each, answered in an entry that holds more: only the
  // answer is shown there (the whole entry is in its own element).
  std::vector<std::string_view> only;
  switch (element) {
    case RivElement::b_nature_of_business: only = {"nature_of_business"}; break;
    case RivElement::i_working_relationship:
      only = {"working_relationship_view", "employer_view_working_relationship"};
      break;
    case RivElement::k_suitable_work:
      only = {"suitable_work_at_employer_view", "employer_view_suitable_work"};
      break;
    default: break;
  }
  if (items.empty() && chapter.blocks.empty()) {
    chapter.blocks.push_back(report::Paragraph{
        t(element == RivElement::c_function || element == RivElement::d_competences
              ? "document.riv.not_recorded"
              : "document.riv.missing"),
        report::Paragraph::Style::note});
  }
  if (element == RivElement::g_plan_of_action && !items.empty()) {
    chapter.blocks.push_back(caption(t("document.plan.history")));
    chapter.blocks.push_back(plan_history());
  }
  sections.push_back(std::move(chapter));
  for (const Item* item : items) {
    // The plan's agreements are in its history and in each version's fields.
    if (element == RivElement::g_plan_of_action && item->type == EntryType::plan_agreement) continue;
    if (element == RivElement::e_first_sick_day && item->type == EntryType::sick_report) continue;
    sections.push_back({item_heading(*item), 2, false,
                        only.empty() ? item_blocks(*item) : answer_blocks(*item, only)});
  }
  return sections;
}

report::Document DocumentBuilder::reintegration_report(const core::RivElements& elements) const {
  report::Document document = base("riv");
  document.contents_heading = t("document.contents");
  document.identity.insert(document.identity.begin() + 2,
                           {t("document.identity.bsn"), t("document.identity.bsn_value")});
  document.sections.push_back({t("document.riv.about"), 1, false,
                               {report::Paragraph{t("document.riv.about_text")},
                                report::Paragraph{t("document.riv.medical_note"),
                                                  report::Paragraph::Style::note}}});
  for (std::size_t e = 0; e < core::kRivElementCount; ++e) {
    const auto element = static_cast<RivElement>(e);
    if (element == RivElement::medical_information) continue;  // never in the employer's bundle
    for (auto& section : riv_element(element, elements.of(element))) {
      document.sections.push_back(std::move(section));
    }
  }
  std::vector<const Item*> attachments;
  for (const auto seq : elements.attachments) {
    if (const Item* item = item_by_seq(seq)) attachments.push_back(item);
  }
  document.sections.push_back(
      {t("document.riv.attachments"), 1, false,
       {attachments.empty() ? report::Block(none())
                            : report::Block(report::Paragraph{t("document.riv.attachments_text")})}});
  for (const Item* item : attachments) {
    document.sections.push_back({item_heading(*item), 2, false, item_blocks(*item)});
  }
  // The audit chain: its last link covers every entry of the file, shown here or not.
  report::FieldList audit;
  audit.fields.push_back({t("document.riv.entries"), std::to_string(file_.entries.size())});
  if (!file_.entries.empty()) {
    audit.fields.push_back({t("document.riv.last_seq"), std::to_string(file_.entries.back().seq)});
  }
  audit.fields.push_back({t("document.identity.made_on"), date(file_.as_of)});
  std::vector<report::Block> audit_blocks{report::Paragraph{t("document.riv.audit_text")}, audit};
  if (!file_.entries.empty()) {
    // On a line of its own: 64 hex digits fit the page's width, not a field's column.
    audit_blocks.push_back(caption(t("document.riv.final_hash")));
    audit_blocks.push_back(report::Paragraph{file_.entries.back().hash});
  }
  document.sections.push_back({t("document.riv.audit"), 1, false, std::move(audit_blocks)});
  sign(document, true, true, true, "");
  return document;
}

}  // namespace spoorboek::app::detail
