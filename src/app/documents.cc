// What each document of a case file holds (documents.h). Texts come from the adapter's catalogue
// ("document.*", and the case page's "case.field.*", "case.value.*", "role.*", "entry_type.*",
// "milestone.*"); the layout is src/report's.
#include "app/documents.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/case_page.h"
#include "app/document_builder.h"
#include "app/policy.h"
#include "core/riv_check.h"
#include "report/pdf.h"

namespace spoorboek::app {
namespace {

using core::EntryType;
using detail::DocumentBuilder;
using detail::Item;
using nlohmann::json;

constexpr std::string_view kKindNames[] = {"plan", "conversation", "first_year_evaluation",
                                           "gp_pack", "riv"};

// The employer's documents never hold medical parts; the GP pack holds what its reader reads.
bool includes_medical(DocumentKind kind) { return kind == DocumentKind::gp_pack; }

bool holds(const CaseFileView& file, std::initializer_list<EntryType> types) {
  for (const auto& entry : file.entries) {
    if (entry.voided || entry.redacted) continue;
    if (std::find(types.begin(), types.end(), entry.type) != types.end()) return true;
  }
  return false;
}

// Which kinds the file can fill, for one that the actor has read.
bool can_make(const CaseFileView& file, DocumentKind kind) {
  switch (kind) {
    case DocumentKind::plan: return holds(file, {EntryType::plan_of_action});
    case DocumentKind::conversation:
      return holds(file, {EntryType::reintegration_interview, EntryType::progress_evaluation});
    case DocumentKind::first_year_evaluation: return holds(file, {EntryType::first_year_evaluation});
    case DocumentKind::gp_pack: return file.reads_medical && file.has_timeline;
    case DocumentKind::riv: return file.has_timeline;
  }
  return false;
}

std::string_view missing_subject(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::plan: return "the case file holds no Plan van Aanpak yet";
    case DocumentKind::conversation: return "the case file holds no conversation report yet";
    case DocumentKind::first_year_evaluation:
      return "the case file holds no eerstejaarsevaluatie yet";
    case DocumentKind::gp_pack:
    case DocumentKind::riv: return "the case file holds no sick report yet";
  }
  return "";
}

Result<std::map<std::string, detail::Author>> authors_of(store::Store& store,
                                                         const CaseFileView& file,
                                                         const DocumentWords& words) {
  std::map<std::string, detail::Author> authors;
  for (const auto& entry : file.entries) {
    if (authors.contains(entry.actor)) continue;
    const auto id = user_id_of(entry.actor);
    if (!id) continue;
    auto user = store.find_user(*id);
    if (!user.ok()) {
      if (user.error().code == "not_found") continue;
      return user.error();
    }
    detail::Author author{user->display_name, ""};
    if (!user->roles.empty()) author.function = words.text("role." + user->roles.front());
    authors.emplace(entry.actor, std::move(author));
  }
  return authors;
}

}  // namespace

std::string_view document_kind_name(DocumentKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<DocumentKind> document_kind_from_name(std::string_view name) {
  for (const auto kind : kDocumentKinds) {
    if (document_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::vector<DocumentKind> available_documents(const CaseFileView& file) {
  std::vector<DocumentKind> kinds;
  for (const auto kind : kDocumentKinds) {
    if (can_make(file, kind)) kinds.push_back(kind);
  }
  return kinds;
}

Result<report::Document> Documents::assemble(const Actor& actor, std::int64_t case_id,
                                             DocumentKind kind, core::Date as_of,
                                             const DocumentWords& words) {
  auto file = app_.get_case_file(actor, case_id, as_of, words.language);
  if (!file.ok()) return file.error();
  if (kind == DocumentKind::gp_pack && !file->reads_medical) {
    return core::make_error("forbidden", "document",
                            "the GP preparation pack is the employee's: only the employee and the "
                            "company doctor may make it");
  }
  if (!can_make(*file, kind)) {
    return core::make_error("not_found", "document", std::string(missing_subject(kind)));
  }
  auto employee = store_.find_employee(file->record.employee_id);
  if (!employee.ok()) return employee.error();
  auto authors = authors_of(store_, *file, words);
  if (!authors.ok()) return authors.error();
  const DocumentBuilder builder(*file, *employee, std::move(*authors), words,
                                includes_medical(kind) && file->reads_medical);
  switch (kind) {
    case DocumentKind::plan: return builder.plan_of_action();
    case DocumentKind::conversation: return builder.conversations();
    case DocumentKind::first_year_evaluation: return builder.first_year_evaluation();
    case DocumentKind::gp_pack: return builder.gp_pack();
    case DocumentKind::riv: {
      // Which entries make up each element is the completeness check's to say (riv_check.h).
      auto entries = store_.load_entries(case_id);
      if (!entries.ok()) return entries.error();
      return builder.reintegration_report(core::riv_elements(*entries));
    }
  }
  return core::make_error("invalid", "document", "unknown document kind");
}

Result<RenderedDocument> Documents::render(const Actor& actor, std::int64_t case_id,
                                           DocumentKind kind, core::Date as_of,
                                           const DocumentWords& words) {
  auto document = assemble(actor, case_id, kind, as_of, words);
  if (!document.ok()) return document.error();
  auto pdf = report::render_pdf(*document);
  if (!pdf.ok()) return pdf.error();
  RenderedDocument rendered;
  rendered.file_name = "dossier-" + std::to_string(case_id) + "-" +
                       std::string(document_kind_name(kind)) + ".pdf";
  rendered.pdf = std::move(*pdf);
  return rendered;
}

}  // namespace spoorboek::app
