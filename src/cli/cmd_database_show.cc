// `show` (one case file and its explained timeline, as text or JSON) and `cases` (the terminal
// dashboard). Rendering only: the data comes from one use case each.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cmd_database_support.h"
#include "cli/commands.h"

namespace spoorboek::cli {
namespace {

using nlohmann::json;

std::string date_text(const std::optional<core::Date>& date) {
  return date ? core::format_iso_date(*date) : "-";
}

json date_json(const std::optional<core::Date>& date) {
  return date ? json(core::format_iso_date(*date)) : json(nullptr);
}

// The status of a deadline as the dashboard states it, from the days left.
std::string_view urgency(long days_left) {
  if (days_left < 0) return "te laat";
  if (days_left <= 14) return "binnenkort";
  return "gepland";
}

json entry_json(const app::EntryView& entry) {
  json object = {{"seq", entry.seq},
                 {"type", core::entry_type_name(entry.type)},
                 {"occurred_on", core::format_iso_date(entry.occurred_on)},
                 {"recorded_at", entry.recorded_at},
                 {"actor", entry.actor},
                 {"visibility", core::visibility_name(entry.visibility)},
                 {"payload", json::parse(entry.payload, nullptr, false)},
                 {"redacted", entry.redacted},
                 {"voided", entry.voided},
                 {"corrected", entry.corrected},
                 {"hash", entry.hash}};
  if (entry.medical) object["medical"] = json::parse(*entry.medical, nullptr, false);
  return object;
}

json case_file_json(const app::CaseFileView& view) {
  json entries = json::array();
  for (const auto& entry : view.entries) entries.push_back(entry_json(entry));
  json milestones = json::array();
  for (const auto& m : view.milestones) {
    milestones.push_back({{"key", core::milestone_key_name(m.key)},
                          {"name", core::milestone_dutch_name(m.key)},
                          {"status", core::status_name(m.status)},
                          {"responsible", core::party_name(m.responsible)},
                          {"legal_basis", m.legal_basis},
                          {"from", date_json(m.from)},
                          {"due", date_json(m.due)},
                          {"done_on", date_json(m.done_on)},
                          {"explanation", m.explanation}});
  }
  return {{"case_id", view.record.id},
          {"employer", view.record.employer_name},
          {"employee", view.record.employee_name},
          {"status", core::case_status_name(view.state.status)},
          {"first_sick_day", date_json(view.state.first_sick_day)},
          {"as_of", core::format_iso_date(view.as_of)},
          {"sick_week", view.sick_week},
          {"entries", entries},
          {"timeline",
           {{"next_deadline",
             view.next_deadline ? json(core::milestone_key_name(*view.next_deadline))
                                : json(nullptr)},
            {"waiting_period_end", date_json(view.waiting_period_end)},
            {"wage_continuation_end", date_json(view.wage_continuation_end)},
            {"milestones", milestones}}}};
}

void print_case_file(const app::CaseFileView& view) {
  std::printf("Dossier %lld: %s (%s)\n", static_cast<long long>(view.record.id),
              view.record.employee_name.c_str(), view.record.employer_name.c_str());
  std::printf("Status: %s; eerste ziektedag %s; ziekteweek %ld per %s\n",
              std::string(core::case_status_dutch_name(view.state.status)).c_str(),
              date_text(view.state.first_sick_day).c_str(), view.sick_week,
              core::format_iso_date(view.as_of).c_str());
  std::printf("\nDossierregels\n  %4s  %-10s  %-36s  %-14s  %-12s\n", "seq", "datum", "soort",
              "door", "zichtbaarheid");
  for (const auto& entry : view.entries) {
    std::string marks;
    if (entry.voided) marks += " [vervallen]";
    if (entry.corrected) marks += " [gecorrigeerd]";
    if (entry.redacted) marks += " [afgeschermd]";
    std::printf("  %4lld  %s  %-36s  %-14s  %-12s%s\n", static_cast<long long>(entry.seq),
                core::format_iso_date(entry.occurred_on).c_str(),
                std::string(core::entry_type_dutch_name(entry.type)).c_str(), entry.actor.c_str(),
                std::string(core::visibility_name(entry.visibility)).c_str(), marks.c_str());
  }
  if (!view.has_timeline) {
    std::printf("\nGeen tijdlijn: het dossier heeft geen ziekmelding.\n");
    return;
  }
  std::printf("\nTijdlijn per %s\n", core::format_iso_date(view.as_of).c_str());
  for (const auto& m : view.milestones) {
    const std::string window = m.from ? date_text(m.from) + " .. " + date_text(m.due)
                                      : date_text(m.due);
    std::string done = m.done_on ? " (gedaan " + date_text(m.done_on) + ")" : "";
    std::printf("  %-40s %-24s %-20s%s\n",
                std::string(core::milestone_dutch_name(m.key)).c_str(), window.c_str(),
                std::string(core::status_label(m.status, core::Language::nl)).c_str(),
                done.c_str());
    if (!m.explanation.empty()) std::printf("      %s\n", m.explanation.c_str());
  }
}

void print_dashboard(const std::vector<app::CaseRow>& rows, core::Date as_of) {
  long overdue = 0;
  for (const auto& row : rows) overdue += row.days_left && *row.days_left < 0;
  std::printf("Verzuimdossiers per %s: %zu dossiers, %ld met een termijn te laat\n\n",
              core::format_iso_date(as_of).c_str(), rows.size(), overdue);
  std::printf("%6s  %-26s %-24s %-25s %-10s %4s  %-26s %-10s %-10s %5s\n", "dossier",
              "werkgever", "werknemer", "status", "1e ziek", "week", "volgende termijn",
              "uiterlijk", "stand", "dagen");
  for (const auto& row : rows) {
    const std::string next = row.next_deadline_key
        ? std::string(core::milestone_dutch_name(
              core::milestone_key_from_name(*row.next_deadline_key).value_or(
                  core::MilestoneKey::problem_analysis)))
        : "-";
    const std::string days = row.days_left ? std::to_string(*row.days_left) : "";
    const auto status = core::case_status_from_name(row.status);
    const std::string status_text =
        status ? std::string(core::case_status_dutch_name(*status)) : row.status;
    std::printf("%6lld  %-26.26s %-24.24s %-25s %-10s %4ld  %-26.26s %-10s %-10s %5s\n",
                static_cast<long long>(row.case_id), row.employer_name.c_str(),
                row.employee_name.c_str(), status_text.c_str(),
                date_text(row.first_sick_day).c_str(), row.sick_week, next.c_str(),
                date_text(row.next_deadline_due).c_str(),
                row.days_left ? std::string(urgency(*row.days_left)).c_str() : "",
                days.c_str());
  }
}

}  // namespace

void register_show_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<OneCaseOptions>();
  auto* command = app.add_subcommand(
      "show", "Show one case file: its entries (seq, date, type, actor, visibility) and the "
              "timeline with the reason for every date");
  add_one_case_options(*command, *options, "Print JSON instead of text",
                       "Language of explanations: nl or en");
  command->callback([options, &exit_code] {
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      exit_code = report_error("show", opened.error());
      return;
    }
    const core::Language language = options->chosen_language();
    auto view = opened->database.app->get_case_file(cli_actor(), options->case_id, opened->as_of,
                                                    language);
    if (!view.ok()) {
      exit_code = report_error("show", view.error());
      return;
    }
    if (options->as_json) {
      std::cout << case_file_json(*view).dump(2) << '\n';
    } else {
      print_case_file(*view);
    }
  });
}

void register_cases_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string path;
    std::optional<int> due_within;
    std::string as_of;
    bool all = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "cases", "The dashboard: every open case with its next deadline, overdue first");
  command->add_option("--db", options->path, kDbHelp)->required();
  command->add_option("--due-within", options->due_within,
                      "Only cases whose next deadline is due within this many days");
  command->add_option("--as-of", options->as_of, "Date for statuses (default today)");
  command->add_flag("--all", options->all, "Also list the cases that ended (recovered)");
  command->callback([options, &exit_code] {
    auto opened = open_database_as_of(options->path, options->as_of);
    if (!opened.ok()) {
      exit_code = report_error("cases", opened.error());
      return;
    }
    auto rows = opened->database.app->list_cases(
        cli_actor(), [&] {
          app::CaseQuery query;
          query.as_of = opened->as_of;
          query.due_within_days = options->due_within;
          query.include_closed = options->all;
          return query;
        }());
    if (!rows.ok()) {
      exit_code = report_error("cases", rows.error());
      return;
    }
    print_dashboard(*rows, opened->as_of);
  });
}

}  // namespace spoorboek::cli
