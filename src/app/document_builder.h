// Internal to documents.cc: turns a case file, as one actor read it, into the document model of
// each kind. Knows the entry types' payload fields (core/case_file_facts.cc); decides nothing
// about who may read what (the file it is given is already filtered by policy.h).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/application.h"
#include "app/documents.h"
#include "core/riv_check.h"
#include "report/document.h"
#include "store/store.h"

namespace spoorboek::app::detail {

struct Author {
  std::string name;
  std::string function;  // the user's first role, in the document's language
};

// An entry as a document shows it: not voided, readable, with its latest correction applied.
struct Item {
  std::int64_t seq = 0;
  core::EntryType type = core::EntryType::sick_report;
  core::Date occurred_on{};
  std::string actor;
  nlohmann::json payload;
  std::optional<nlohmann::json> medical;  // only when the document may hold it
};

class DocumentBuilder {
 public:
  DocumentBuilder(const CaseFileView& file, store::Employee employee,
                  std::map<std::string, Author> authors, const DocumentWords& words,
                  bool with_medical);

  report::Document plan_of_action() const;
  report::Document conversations() const;
  report::Document first_year_evaluation() const;
  report::Document gp_pack() const;
  // The RIV bundle with the entries of each element as core::riv_elements() assigns them.
  report::Document reintegration_report(const core::RivElements& elements) const;

 private:
  // ---- words ----
  std::string t(std::string_view key) const { return words_.text(key); }
  std::string fill(std::string_view key,
                   const std::vector<std::pair<std::string, std::string>>& values) const;
  std::string date(core::Date day) const;
  std::string date_of(const nlohmann::json& payload, const char* field) const;
  std::string text_of(const nlohmann::json& payload, const char* field) const;
  std::string choice(const nlohmann::json& payload, const char* field) const;
  std::string list_of(const nlohmann::json& payload, const char* field) const;
  std::string field_label(std::string_view field) const;
  std::string author_of(const Item& item) const;

  // ---- the file ----
  std::vector<const Item*> all_of(std::initializer_list<core::EntryType> types) const;
  const Item* latest(core::EntryType type) const;
  // The versions of the plan (or problem analysis) in version order: each later one replaces the
  // one before.
  std::vector<const Item*> versions(core::EntryType type) const;
  // The employee's answer to a plan version: the latest plan_agreement naming it, else the
  // agreement recorded with the plan.
  std::pair<std::string, std::string> plan_agreement(const Item& plan) const;
  std::string company_doctor() const;
  std::string case_manager() const;
  std::optional<core::Date> milestone_due(core::MilestoneKey key) const;
  std::optional<core::Date> milestone_done(core::MilestoneKey key) const;

  // ---- parts ----
  report::Document base(std::string_view kind) const;
  void sign(report::Document& document, bool employer, bool employee, bool company_doctor,
            const std::string& agreement) const;
  std::vector<report::Block> plan_blocks(const Item& plan, std::size_t version,
                                         std::size_t versions) const;
  report::Table plan_history() const;
  report::Table actions_table(const nlohmann::json& payload, const char* field) const;
  std::vector<report::Block> conversation_blocks(const Item& conversation) const;
  std::vector<report::Block> problem_analysis_blocks(const Item& analysis) const;
  std::vector<report::Block> first_year_evaluation_blocks(const Item& evaluation) const;
  report::Table track_1_table() const;
  report::Table milestone_table() const;
  report::Table conversations_table() const;
  std::optional<report::FieldList> medical_fields(const Item& item) const;
  // Any entry: the blocks of its own kind where there are (plan, analysis, conversation,
  // first-year evaluation), else its date, author and every payload field.
  std::vector<report::Block> item_blocks(const Item& item) const;
  // The date, the author and only these payload fields of an entry.
  std::vector<report::Block> answer_blocks(const Item& item,
                                           const std::vector<std::string_view>& fields) const;
  std::string value_text(const nlohmann::json& value) const;
  std::string item_heading(const Item& item) const;
  const Item* item_by_seq(std::int64_t seq) const;
  std::vector<report::Section> riv_element(core::RivElement element,
                                           const std::vector<std::int64_t>& seqs) const;
  report::Paragraph none() const {
    return report::Paragraph{t("document.none"), report::Paragraph::Style::note};
  }
  static report::Paragraph caption(std::string text) {
    return report::Paragraph{std::move(text), report::Paragraph::Style::caption};
  }

  const CaseFileView& file_;
  store::Employee employee_;
  std::map<std::string, Author> authors_;
  const DocumentWords& words_;
  bool with_medical_;
  std::vector<Item> items_;  // in business-date order
};

}  // namespace spoorboek::app::detail
