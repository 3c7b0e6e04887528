// `report`: one document of a case file as a PDF file (app/documents.h decides what it holds).
//
// Acts as the CLI's administrator (cli_actor(): the employer's view, never MEDICAL) unless --as
// names a user, whose view it then is. The PDF is written beside --out under a temporary name
// and renamed when complete, so a failed run leaves no file and never half a one.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "app/documents.h"
#include "cli/acting_user.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "web/catalogue.h"

namespace spoorboek::cli {
namespace {

std::string kinds_list() {
  std::string names;
  for (const auto kind : app::kDocumentKinds) {
    names += (names.empty() ? "" : ", ") + std::string(app::document_kind_name(kind));
  }
  return names;
}

}  // namespace

void register_report_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::int64_t case_id = 0;
    std::string out;
    std::string document = "riv";
    std::string language = "nl";
    std::string as_user;
    std::string as_of;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "report", "Write one document of a case file as PDF: the re-integratieverslag (riv), the "
                "plan of action, the conversation reports, the first-year evaluation or the GP "
                "preparation pack");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("case", options->case_id, "Case id")->required();
  command->add_option("--out", options->out, "The PDF file to write")->required();
  command->add_option("--document", options->document, "Which document: " + kinds_list() +
                                                           " (default riv)");
  command->add_option("--lang", options->language, "Language of the document: nl (default) or en");
  command->add_option("--as", options->as_user,
                      "Make it as this user (e-mail address) sees the file; default: the "
                      "administrator's view, without medical data");
  command->add_option("--as-of", options->as_of, "Date the document is drawn up (default today)");
  command->callback([options, &exit_code] {
    // Bad input is refused before the database is touched.
    const auto kind = app::document_kind_from_name(options->document);
    if (!kind) {
      exit_code = report_error("report", core::make_error("invalid", "--document",
                                                          "unknown document '" +
                                                              options->document + "'; one of " +
                                                              kinds_list()));
      return;
    }
    const auto language = web::language_from_code(options->language);
    if (!language) {
      exit_code = report_error(
          "report", core::make_error("invalid", "--lang",
                                     "unknown language '" + options->language + "'; nl or en"));
      return;
    }
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      exit_code = report_error("report", opened.error());
      return;
    }
    Database& database = opened->database;
    auto acting = acting_user(database, options->as_user);
    if (!acting.ok()) {
      exit_code = report_error("report", acting.error());
      return;
    }
    const app::Actor& actor = *acting;
    const web::Catalogue& catalogue = web::Catalogue::instance();
    const app::DocumentWords words{*language, [&catalogue, language](std::string_view key) {
                                     return std::string(catalogue.text(*language, key));
                                   }};
    app::Documents documents(*database.store, *database.app);
    auto rendered = documents.render(actor, options->case_id, *kind, opened->as_of, words);
    if (!rendered.ok()) {
      exit_code = report_error("report", rendered.error());
      return;
    }
    if (auto written = write_file_atomically(options->out, rendered->pdf, "--out");
        !written.ok()) {
      exit_code = report_error("report", written.error());
      return;
    }
    std::printf("%s: %zu bytes\n", options->out.c_str(), rendered->pdf.size());
  });
}

}  // namespace spoorboek::cli
