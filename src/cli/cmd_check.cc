// `check --db PATH CASE [--json] [--as-of DATE] [--language nl|en]`: the completeness check of one
// case file (core/riv_check.h) through the application layer. Exit 0 without a BLOCK finding, 1
// with one, 2 on any error (an unknown case, a bad date, a database that cannot be read), so that
// a script can tell a file that needs repair from a command that failed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "json/check_json.h"

namespace spoorboek::cli {
namespace {

std::string seq_list(const std::vector<std::int64_t>& seqs) {
  std::string text;
  for (const auto seq : seqs) text += (text.empty() ? "" : ", ") + std::to_string(seq);
  return text;
}

void print_check(const app::CaseCheck& check, core::Language language) {
  const bool nl = language == core::Language::nl;
  const core::CheckReport& report = check.report;
  std::printf(nl ? "Dossiercontrole %lld: %s (%s) per %s\n" : "File check %lld: %s (%s) as of %s\n",
              static_cast<long long>(check.case_id), check.employee_name.c_str(),
              check.employer_name.c_str(), core::format_iso_date(report.as_of).c_str());
  std::printf(nl ? "Risico op een loonsanctie: %d/100 (%s)\n" : "Wage-sanction risk: %d/100 (%s)\n",
              report.risk.score, std::string(core::risk_level_name(report.risk.level)).c_str());
  for (const auto& reason : report.risk.reasons) {
    std::printf("  %3d  %s\n", reason.points, std::string(core::check_code(reason.check)).c_str());
  }
  std::printf(nl ? "Bevindingen: %d BLOCK, %d WARN, %d INFO\n" : "Findings: %d BLOCK, %d WARN, %d INFO\n",
              report.blocks, report.warnings, report.infos);
  for (const auto& finding : report.findings) {
    std::printf("\n%-5s %s\n", std::string(core::severity_name(finding.severity)).c_str(),
                std::string(core::check_code(finding.check)).c_str());
    std::printf("      %s\n", std::string(core::check_title(finding.check, language)).c_str());
    std::printf(nl ? "      Wat te doen: %s\n" : "      What to do: %s\n",
                std::string(core::check_action(finding.check, language)).c_str());
    std::printf(nl ? "      Grondslag: %s\n" : "      Legal basis: %s\n",
                std::string(core::check_legal_basis(finding.check)).c_str());
    if (!finding.entries.empty()) {
      std::printf(nl ? "      Dossierregels: %s\n" : "      Entries: %s\n",
                  seq_list(finding.entries).c_str());
    }
    if (finding.due) {
      std::printf(nl ? "      Termijn: %s\n" : "      Due: %s\n",
                  core::format_iso_date(*finding.due).c_str());
    }
    if (!finding.field.empty()) {
      std::printf(nl ? "      Veld: %s%s%s\n" : "      Field: %s%s%s\n", finding.field.c_str(),
                  finding.term.empty() ? "" : nl ? " (term: " : " (term: ",
                  finding.term.empty() ? "" : (finding.term + ")").c_str());
    }
  }
}

}  // namespace

void register_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<OneCaseOptions>();
  auto* command = app.add_subcommand(
      "check", "The completeness check of one case file (RIV elements, timing, content, privacy) "
               "with the wage-sanction risk; exit 0 without a BLOCK finding, 1 with one, 2 on "
               "errors");
  add_one_case_options(*command, *options, "Print JSON (the API's shape) instead of text",
                       "Language of titles and actions: nl or en");
  command->callback([options, &exit_code] {
    // Every error is 2 here: 1 means "the file has a BLOCK finding".
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      report_error("check", opened.error());
      exit_code = kExitBadInput;
      return;
    }
    auto check = opened->database.app->check_case(cli_actor(), options->case_id, opened->as_of);
    if (!check.ok()) {
      report_error("check", check.error());
      exit_code = kExitBadInput;
      return;
    }
    const core::Language language = options->chosen_language();
    if (options->as_json) {
      std::cout << json::render_check_report(check->case_id, check->report, language) << '\n';
    } else {
      print_check(*check, language);
    }
    exit_code = check->report.has_block() ? kExitCheckFailed : kExitOk;
  });
}

}  // namespace spoorboek::cli
