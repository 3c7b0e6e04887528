#include "cli/acting_user.h"

#include "app/accounts.h"
#include "app/login_throttle.h"

namespace spoorboek::cli {

core::Result<app::Actor> acting_user(Database& database, const std::string& email) {
  if (email.empty()) return cli_actor();
  auto user = database.store->find_user_by_email(email);
  if (!user.ok()) {
    if (user.error().code != "not_found") return user.error();
    return core::make_error("not_found", "--as", "there is no user '" + email + "'");
  }
  if (user->disabled) {
    return core::make_error("forbidden", "--as", "the user '" + email + "' is disabled");
  }
  app::LoginThrottle throttle;
  app::Accounts accounts(*database.store, database.medical_key.get(), throttle);
  return accounts.load_actor(user->id);
}

}  // namespace spoorboek::cli
