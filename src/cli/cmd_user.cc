// `user add`: the first accounts of a new installation (and any later one) from the shell, where
// no administrator exists yet to log in. The password is read from standard input, never from
// the command line (which other users of the machine can see in the process list).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "app/accounts.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"

namespace spoorboek::cli {
namespace {

struct UserOptions {
  std::string path;
  std::string email;
  std::string name;
  std::vector<std::string> roles;
  std::int64_t employer_id = 0;
  std::int64_t provider_id = 0;
  std::int64_t employee_id = 0;
};

}  // namespace

void register_user_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<UserOptions>();
  auto* user = app.add_subcommand("user", "User accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand(
      "add", "Add a user; the password is read from standard input (one line)");
  add->add_option("--db", options->path, kDbHelp)->required();
  add->add_option("--email", options->email, "Login e-mail address")->required();
  add->add_option("--name", options->name, "Display name")->required();
  add->add_option("--role", options->roles,
                  "case_manager, line_manager, company_doctor, occupational_expert, "
                  "reintegration_coach, employee or administrator (repeat for more)")
      ->required();
  add->add_option("--employer-id", options->employer_id, "The employer the user works for")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{9007199254740991}));
  add->add_option("--provider-id", options->provider_id, "The arbo service or office instead")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{9007199254740991}));
  add->add_option("--employee-id", options->employee_id, "For the employee role: whose file")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{9007199254740991}));
  add->callback([options, &exit_code] {
    app::NewUser user;
    user.email = options->email;
    user.display_name = options->name;
    for (const auto& name : options->roles) {
      const auto role = app::role_from_name(name);
      if (!role) {
        exit_code = report_error("user add", core::make_error("unknown_value", "--role",
                                                              "unknown role '" + name + "'"));
        return;
      }
      user.roles.push_back(*role);
    }
    if (options->employer_id > 0) user.employer_id = options->employer_id;
    if (options->provider_id > 0) user.provider_id = options->provider_id;
    if (options->employee_id > 0) user.employee_id = options->employee_id;
    if (!std::getline(std::cin, user.password)) {
      exit_code = report_error("user add", core::make_error("missing_field", "password",
                                                            "give the password on standard input"));
      return;
    }
    auto database = open_database(options->path, false);
    if (!database.ok()) {
      exit_code = report_error("user add", database.error());
      return;
    }
    app::LoginThrottle throttle;
    app::Accounts accounts(*database->store, database->medical_key.get(), throttle);
    auto id = accounts.create_user(cli_actor(), user, current_moment());
    if (!id.ok()) {
      exit_code = report_error("user add", id.error());
      return;
    }
    std::cout << "user " << *id << " added: " << user.email << "\n";
  });
}

}  // namespace spoorboek::cli
