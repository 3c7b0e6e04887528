// The documents of a case file as PDF: what goes into each is decided here, how it looks in
// src/report.
//
// Kinds (documents-and-privacy.md §3-9, domain.md §2-3):
// - plan: the current Plan van Aanpak, its earlier versions and the version history;
// - conversation: every re-integratiegesprek and voortgangsevaluatie, in date order;
// - first_year_evaluation: the eerstejaarsevaluatie with the plan it evaluates and the track-1
//   attempts;
// - gp_pack: the preparation for the conversation with the huisarts (seed 001): the company
//   doctor's latest advice on functional capabilities, the re-integration history with the track-1
//   attempts, the problem analysis and plan of action, the timeline with the weeks of sickness;
// - riv: the re-integratieverslag bundle, elements a-l in the order of Regeling procesgang
//   art. 6 lid 1, the employee's opinion, a table of contents and the audit chain's final hash.
//
// Contract:
// - Authorised as reading the case file (Application::get_case_file): "not_found" for a case the
//   actor does not reach, as for one that does not exist. What the actor's role may not read is
//   left out, never shown redacted in a document.
// - The employer's documents (plan, conversation, first_year_evaluation, riv) hold what the
//   employer's case manager reads (policy.h), whoever makes them: never a medical part, never an
//   entry of the MEDICAL class. The medical information goes to UWV from the employee
//   (documents-and-privacy.md §8.1), never in the employer's bundle.
// - gp_pack is the employee's (§9.2): only the employee whose file it is and the company doctor
//   may make it ("forbidden" otherwise); it holds the medical parts they read.
// - A document whose subject the file does not hold yet (no plan, no conversation, no first-year
//   evaluation) is refused with "not_found", field "document"; available_documents() says which
//   can be made.
// - Corrections are applied: a voided entry is left out, a corrected one shows its corrected date
//   and content.
// - The words come from the adapter (its message catalogue) in the requested language; dates are
//   written out in that language.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.h"
#include "report/document.h"

namespace spoorboek::app {

enum class DocumentKind : std::uint8_t { plan, conversation, first_year_evaluation, gp_pack, riv };
inline constexpr DocumentKind kDocumentKinds[] = {
    DocumentKind::plan, DocumentKind::conversation, DocumentKind::first_year_evaluation,
    DocumentKind::gp_pack, DocumentKind::riv};

// "plan", "conversation", "first_year_evaluation", "gp_pack", "riv".
std::string_view document_kind_name(DocumentKind kind);
std::optional<DocumentKind> document_kind_from_name(std::string_view name);

// The texts of a document in one language: `text(key)` returns the text of a catalogue key
// (or the key itself when the catalogue lacks it), as web::Catalogue does.
struct DocumentWords {
  core::Language language = core::Language::nl;
  std::function<std::string(std::string_view key)> text;
};

struct RenderedDocument {
  std::string file_name;  // "dossier-12-plan.pdf"
  std::string pdf;
};

// The kinds that can be made of this file by the actor it was read for, in kDocumentKinds order.
std::vector<DocumentKind> available_documents(const CaseFileView& file);

class Documents {
 public:
  // REQUIRES: both outlive the object.
  Documents(store::Store& store, Application& application) : store_(store), app_(application) {}

  // The content of a document as the actor may see it, as of `as_of`.
  Result<report::Document> assemble(const Actor& actor, std::int64_t case_id, DocumentKind kind,
                                    core::Date as_of, const DocumentWords& words);
  // The same, laid out as a PDF.
  Result<RenderedDocument> render(const Actor& actor, std::int64_t case_id, DocumentKind kind,
                                  core::Date as_of, const DocumentWords& words);

 private:
  store::Store& store_;
  Application& app_;
};

}  // namespace spoorboek::app
