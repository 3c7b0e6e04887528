// The user's own account settings: password and language.
#include "app/accounts.h"
#include "security/password.h"
#include "security/tokens.h"

namespace spoorboek::app {
namespace {

// The preference is a setting per user: a preference of the UI, not part of the account record.
std::string language_setting(std::int64_t account_id) {
  return "language:user:" + std::to_string(account_id);
}

core::Error needs_account() {
  return core::make_error("forbidden", "", "only a user with an account has settings");
}

}  // namespace

Status Accounts::change_password(const Actor& actor, std::string_view session_token,
                                 std::string_view current, std::string_view replacement,
                                 const Moment& now) {
  if (actor.account_id == 0) return needs_account();
  auto user = store_.find_user(actor.account_id);
  if (!user.ok()) return user.error();
  // The account's login throttle: a wrong current password counts like a failed login (no
  // address: the account alone is counted).
  const std::string throttle_account = user->email;
  LoginFailures failures(store_, throttle_);
  auto wait = failures.wait_seconds(throttle_account, "", now.unix_seconds);
  if (!wait.ok()) return wait.error();
  if (*wait > 0) {
    return core::make_error("too_many_requests", std::to_string(*wait),
                            "too many wrong passwords; try again in " + std::to_string(*wait) +
                                " seconds");
  }
  if (!security::verify_password(user->password_hash, current)) {
    if (auto counted = failures.record_failure(throttle_account, "", now.unix_seconds);
        !counted.ok()) {
      return counted.error();
    }
    (void)audit(&actor, "password_change_failed", "user:" + std::to_string(user->id),
                "wrong current password", now);
    return core::make_error("unauthenticated", "current_password",
                            "the current password is wrong");
  }
  if (auto allowed = security::check_new_password(replacement); !allowed.ok()) {
    core::Error error = allowed.error();
    error.field = "new_password";
    return error;
  }
  if (replacement == current) {
    return core::make_error("unchanged", "new_password",
                            "the new password must differ from the current one");
  }
  auto hash = security::hash_password(replacement);
  if (!hash.ok()) return hash.error();
  const Status changed = store_.transaction([&]() -> Status {
    if (auto replaced =
            store_.replace_password(user->id, *hash, security::token_digest(session_token));
        !replaced.ok()) {
      return replaced;
    }
    // A login that passed the old password must not finish with a code now.
    if (auto ended = store_.delete_user_pending_logins(user->id); !ended.ok()) return ended;
    return audit(&actor, "password_changed", "user:" + std::to_string(user->id),
                 "other sessions ended", now);
  });
  if (!changed.ok()) return changed;
  (void)failures.record_success(throttle_account);  // at worst the old failures stay counted
  if (cache_) cache_->forget_user(user->id);
  return core::ok_status();
}

Result<std::string> Accounts::language(const Actor& actor) {
  if (actor.account_id == 0) return std::string("nl");
  auto stored = store_.get_setting(language_setting(actor.account_id));
  if (!stored.ok()) return stored.error();
  if (!stored->has_value() || (**stored != "nl" && **stored != "en")) return std::string("nl");
  return **stored;
}

Status Accounts::set_language(const Actor& actor, std::string_view code) {
  if (actor.account_id == 0) return needs_account();
  if (code != "nl" && code != "en") {
    return core::make_error("invalid", "language", "choose nl or en");
  }
  return store_.put_setting(language_setting(actor.account_id), code);
}

}  // namespace spoorboek::app
