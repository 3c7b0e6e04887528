#include "app/accounts.h"

#include <algorithm>
#include <cctype>

#include "app/policy.h"
#include "security/base32.h"
#include "security/field_cipher.h"
#include "security/password.h"
#include "security/tokens.h"
#include "security/totp.h"

namespace spoorboek::app {
namespace {

constexpr std::string_view kWrongCredentials = "e-mail address or password is wrong";
constexpr std::string_view kIssuer = "Spoorboek";

core::Error unauthenticated(std::string_view message = kWrongCredentials) {
  return core::make_error("unauthenticated", "", std::string(message));
}

core::Error too_many_requests(std::int64_t wait) {
  return core::make_error("too_many_requests", std::to_string(wait),
                          "too many failed logins; try again in " + std::to_string(wait) +
                              " seconds");
}

core::Error pending_login_gone() {
  return core::make_error("unauthenticated", "pending_login",
                          "this login has expired or was used: log in again with your e-mail "
                          "address and password");
}

std::string totp_associated_data(std::int64_t user_id) {
  return "spoorboek:totp:user:" + std::to_string(user_id);
}

// An unknown e-mail address costs the same Argon2id work as a known one, so timing does not
// tell which addresses have accounts.
const std::string& decoy_hash() {
  static const std::string hash = *security::hash_password("spoorboek-decoy-password");
  return hash;
}

bool valid_email(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return false;
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= email.size()) return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20;
  });
}

UserView view_of(const store::UserRecord& user) {
  return UserView{user.id,          user.email,       user.display_name, user.roles,
                  user.employer_id, user.provider_id, user.employee_id,  user.totp_enabled,
                  user.disabled,    user.is_demo};
}

bool has_role(const store::UserRecord& user, Role role) {
  return std::find(user.roles.begin(), user.roles.end(), role_name(role)) != user.roles.end();
}

}  // namespace

Status Accounts::audit(const Actor* actor, std::string_view action, std::string_view target,
                       std::string_view detail, const Moment& now) {
  store::AuditEvent event;
  event.at = now.timestamp;
  if (actor && actor->account_id != 0) event.user_id = actor->account_id;
  event.action = std::string(action);
  event.target = std::string(target);
  event.detail = actor && actor->account_id == 0 ? actor->user_id + " " + std::string(detail)
                                                  : std::string(detail);
  return store_.record_audit_event(event);
}

Result<bool> Accounts::demo_mode() {
  auto value = store_.get_setting("demo_accounts");
  if (!value.ok()) return value.error();
  return value->has_value() && **value == "1";
}

Result<bool> Accounts::two_factor_required(const store::UserRecord& user) {
  if (!has_role(user, Role::company_doctor) && !has_role(user, Role::administrator)) return false;
  auto demo = demo_mode();
  if (!demo.ok()) return demo.error();
  return !*demo;
}

// Throttle, user and password: the first part of every login. The account's throttle key is the
// address as typed (case does not matter, LoginThrottle::account_key).
Result<store::UserRecord> Accounts::check_password(const PasswordLogin& request,
                                                   LoginFailures& failures, const Moment& now) {
  auto wait = failures.wait_seconds(request.email, request.remote_address, now.unix_seconds);
  if (!wait.ok()) return wait.error();
  if (*wait > 0) return too_many_requests(*wait);
  auto found = store_.find_user_by_email(request.email);
  if (!found.ok() && found.error().code != "not_found") return found.error();
  const bool known = found.ok() && !found->disabled;
  const bool password_ok =
      security::verify_password(known ? found->password_hash : decoy_hash(), request.password);
  if (!known || !password_ok) {
    // A failure that cannot be counted answers with the store's error rather than a plain
    // refusal: a failing write must not turn into unlimited attempts.
    if (auto counted = failures.record_failure(request.email, request.remote_address,
                                               now.unix_seconds);
        !counted.ok()) {
      return counted.error();
    }
    (void)audit(nullptr, "login_failed", known ? "user:" + std::to_string(found->id) : "unknown",
                "from " + request.remote_address, now);
    return unauthenticated();
  }
  return std::move(*found);
}

// The two-factor code of a user whose password was right. A wrong or used code counts as a
// failed login of the account (by its stored address, the same key as typed but for case).
Status Accounts::check_totp_code(const store::UserRecord& user, std::string_view code,
                                 std::string_view remote_address, LoginFailures& failures,
                                 const Moment& now) {
  auto secret = user.totp_secret && field_key_
                    ? security::open_field(*field_key_, *user.totp_secret,
                                           totp_associated_data(user.id))
                    : Result<std::string>(core::make_error("internal", "", "no key"));
  if (!secret.ok()) return core::make_error("internal", "", "two-factor secret unreadable");
  const std::vector<unsigned char> bytes(secret->begin(), secret->end());
  const auto step = security::totp_match(bytes, code, now.unix_seconds);
  if (!step || !store_.use_totp_step(user.id, *step).ok()) {
    if (auto counted = failures.record_failure(user.email, remote_address, now.unix_seconds);
        !counted.ok()) {
      return counted;
    }
    (void)audit(nullptr, "login_failed", "user:" + std::to_string(user.id), "wrong TOTP code",
                now);
    return core::make_error("unauthenticated", "totp", "the two-factor code is wrong or used");
  }
  return core::ok_status();
}

// The session of a user who passed every check; `pending_digest`, when given, is the pending
// login used up by it, deleted in the session's transaction (so that it works once, anywhere).
Result<NewSession> Accounts::open_session(const store::UserRecord& user,
                                          std::string_view remote_address,
                                          LoginFailures& failures, const Moment& now,
                                          const std::string* pending_digest) {
  auto required = two_factor_required(user);
  if (!required.ok()) return required.error();
  auto actor = load_actor(user.id);
  if (!actor.ok()) return actor.error();

  NewSession session;
  session.token = security::random_token(kSessionTokenPrefix);
  session.csrf_token = security::random_token("");
  session.expires_at = now.unix_seconds + kSessionHours * 3600;
  session.enrolment_only = *required && !user.totp_enabled;
  session.actor = std::move(*actor);
  store::SessionRecord record{security::token_digest(session.token), user.id, session.csrf_token,
                              session.enrolment_only, now.unix_seconds, session.expires_at,
                              now.unix_seconds};
  const Status stored = store_.transaction([&]() -> Status {
    if (pending_digest) {
      if (auto used = store_.delete_pending_login(*pending_digest); !used.ok()) return used;
    }
    return store_.create_session(record);
  });
  if (!stored.ok()) {
    // Another request (at any server) used the pending login first.
    if (pending_digest && stored.error().code == "not_found") return pending_login_gone();
    return stored.error();
  }
  (void)failures.record_success(user.email);  // at worst the old failures stay counted
  (void)store_.delete_expired_sessions(now.unix_seconds);
  (void)audit(&session.actor, "login", "user:" + std::to_string(user.id),
              "from " + std::string(remote_address), now);
  return session;
}

Result<NewSession> Accounts::login(const LoginRequest& request, const Moment& now) {
  LoginFailures failures(store_, throttle_);
  auto user = check_password(PasswordLogin{request.email, request.password, request.remote_address},
                             failures, now);
  if (!user.ok()) return user.error();
  if (user->totp_enabled) {
    if (!request.totp) {
      return core::make_error("totp_required", "totp",
                              "this account uses two-factor login: send the 6-digit code");
    }
    if (auto code = check_totp_code(*user, *request.totp, request.remote_address, failures, now);
        !code.ok()) {
      return code.error();
    }
  }
  return open_session(*user, request.remote_address, failures, now);
}

Result<PasswordStep> Accounts::begin_login(const PasswordLogin& request, const Moment& now) {
  LoginFailures failures(store_, throttle_);
  auto user = check_password(request, failures, now);
  if (!user.ok()) return user.error();
  PasswordStep step;
  if (!user->totp_enabled) {
    auto session = open_session(*user, request.remote_address, failures, now);
    if (!session.ok()) return session.error();
    step.session = std::move(*session);
    return step;
  }
  PendingLogin pending{security::random_token(kPendingLoginPrefix),
                       now.unix_seconds + kPendingLoginSeconds};
  const store::PendingLoginRecord record{security::token_digest(pending.token), user->id,
                                         pending.expires_at, 0};
  const Status stored = store_.transaction([&]() -> Status {
    // Whatever has expired goes as new ones come: the table holds a few minutes of logins.
    if (auto expired = store_.delete_expired_pending_logins(now.unix_seconds); !expired.ok()) {
      return expired.error();
    }
    return store_.create_pending_login(record);
  });
  if (!stored.ok()) return stored.error();
  step.pending = std::move(pending);
  return step;
}

Result<store::PendingLoginRecord> Accounts::live_pending_login(std::string_view token_digest,
                                                               const Moment& now) {
  auto pending = store_.find_pending_login(token_digest);
  if (!pending.ok()) {
    return pending.error().code == "not_found" ? pending_login_gone() : pending.error();
  }
  if (pending->expires_at <= now.unix_seconds) return pending_login_gone();
  return pending;
}

Result<NewSession> Accounts::finish_login(std::string_view pending_token, std::string_view code,
                                          std::string_view remote_address, const Moment& now) {
  if (!pending_token.starts_with(kPendingLoginPrefix)) return pending_login_gone();
  const std::string digest = security::token_digest(pending_token);
  auto pending = live_pending_login(digest, now);
  if (!pending.ok()) return pending.error();
  auto user = store_.find_user(pending->user_id);
  if (!user.ok()) return user.error();
  if (user->disabled || !user->totp_enabled) {
    (void)store_.delete_pending_login(digest);  // it would never lead anywhere
    return user->disabled ? unauthenticated() : pending_login_gone();
  }
  LoginFailures failures(store_, throttle_);
  auto wait = failures.wait_seconds(user->email, remote_address, now.unix_seconds);
  if (!wait.ok()) return wait.error();
  if (*wait > 0) return too_many_requests(*wait);
  if (auto checked = check_totp_code(*user, code, remote_address, failures, now); !checked.ok()) {
    if (checked.error().code != "unauthenticated") return checked.error();
    bool ended = false;
    const Status counted = store_.transaction([&]() -> Status {
      auto wrong = store_.add_pending_login_failure(digest);
      if (!wrong.ok()) return wrong.error();
      ended = *wrong >= kPendingLoginCodeAttempts;
      return ended ? store_.delete_pending_login(digest) : core::ok_status();
    });
    // Gone meanwhile (used or ended at another server): nothing is left to try with.
    if (!counted.ok() && counted.error().code == "not_found") return pending_login_gone();
    if (!counted.ok()) return counted.error();
    if (ended) {
      return core::make_error("too_many_codes", "totp",
                              "the code was wrong " + std::to_string(kPendingLoginCodeAttempts) +
                                  " times: log in again with your e-mail address and password");
    }
    return checked.error();
  }
  return open_session(*user, remote_address, failures, now, &digest);
}

Result<std::string> Accounts::pending_login_email(std::string_view pending_token,
                                                  const Moment& now) {
  if (!pending_token.starts_with(kPendingLoginPrefix)) return pending_login_gone();
  auto pending = live_pending_login(security::token_digest(pending_token), now);
  if (!pending.ok()) return pending.error();
  auto user = store_.find_user(pending->user_id);
  if (!user.ok()) return user.error();
  if (user->disabled) return pending_login_gone();
  return user->email;
}

Status Accounts::logout(std::string_view session_token, const Moment& now) {
  const std::string digest = security::token_digest(session_token);
  auto session = store_.find_session(digest);
  if (!session.ok()) return session.error().code == "not_found" ? unauthenticated() : session.error();
  if (auto removed = store_.delete_session(digest); !removed.ok()) return removed;
  if (cache_) cache_->forget(digest);
  Actor actor;
  actor.account_id = session->user_id;
  return audit(&actor, "logout", "user:" + std::to_string(session->user_id), "", now);
}

Result<Authenticated> Accounts::authenticate(std::string_view token, const Moment& now) {
  Authenticated who;
  std::int64_t user_id = 0;
  const std::string digest = security::token_digest(token);
  if (cache_) {
    if (auto known = cache_->find(digest, now.unix_seconds)) {
      return Authenticated{std::move(known->actor), known->by_session, std::move(known->csrf_token),
                           known->enrolment_only};
    }
  }
  std::int64_t valid_until = now.unix_seconds + AuthCache::kTtlSeconds;
  if (token.starts_with(kSessionTokenPrefix)) {
    auto session = store_.find_session(digest);
    if (!session.ok()) {
      return session.error().code == "not_found" ? unauthenticated("not logged in")
                                                 : session.error();
    }
    if (session->expires_at <= now.unix_seconds ||
        session->last_seen_at + kIdleMinutes * 60 <= now.unix_seconds) {
      (void)store_.delete_session(digest);
      return unauthenticated("the session has expired: log in again");
    }
    // Written at most once a minute: a read should not cost a write each time.
    if (now.unix_seconds - session->last_seen_at >= 60) {
      (void)store_.touch_session(digest, now.unix_seconds);
    }
    user_id = session->user_id;
    valid_until = std::min({valid_until, session->expires_at,
                            session->last_seen_at + kIdleMinutes * 60});
    who.by_session = true;
    who.csrf_token = session->csrf_token;
    who.enrolment_only = session->enrolment_only;
  } else if (token.starts_with(kApiTokenPrefix)) {
    auto api_token = store_.find_api_token(digest);
    if (!api_token.ok()) {
      return api_token.error().code == "not_found" ? unauthenticated("unknown API token")
                                                   : api_token.error();
    }
    if (api_token->revoked_at) return unauthenticated("the API token was revoked");
    user_id = api_token->user_id;
  } else {
    return unauthenticated("not logged in");
  }
  auto actor = load_actor(user_id);
  if (!actor.ok()) return unauthenticated("not logged in");
  who.actor = std::move(*actor);
  if (cache_) {
    cache_->put(digest, AuthCache::Entry{who.actor, who.by_session, who.csrf_token,
                                         who.enrolment_only, valid_until});
  }
  return who;
}

Result<Actor> Accounts::load_actor(std::int64_t user_id) {
  auto user = store_.find_user(user_id);
  if (!user.ok()) return user.error();
  if (user->disabled) return unauthenticated("the account is disabled");
  Actor actor;
  actor.user_id = "user:" + std::to_string(user->id);
  actor.display_name = user->display_name;
  actor.account_id = user->id;
  for (const auto& name : user->roles) {
    if (const auto role = role_from_name(name)) actor.roles.add(*role);
  }
  actor.employer_id = user->employer_id;
  actor.provider_id = user->provider_id;
  actor.employee_id = user->employee_id;
  if (user->provider_id) {
    auto provider = store_.find_provider(*user->provider_id);
    if (!provider.ok()) return provider.error();
    actor.served_employers = provider->employer_ids;
  }
  return actor;
}

Result<TotpEnrolment> Accounts::begin_totp(const Actor& actor, const Moment& now) {
  if (actor.account_id == 0) return core::make_error("forbidden", "", "not a user account");
  if (!field_key_) return core::make_error("unavailable", "", "the key file is not loaded");
  auto user = store_.find_user(actor.account_id);
  if (!user.ok()) return user.error();
  const auto secret = security::new_totp_secret();
  const std::string sealed = security::seal_field(
      *field_key_, std::string(secret.begin(), secret.end()), totp_associated_data(user->id));
  // Waits beside an active secret: that one keeps working until a code confirms the new one.
  if (auto stored = store_.set_totp_pending(user->id, sealed); !stored.ok()) {
    return stored.error();
  }
  (void)audit(&actor, "totp_enrolment_started", "user:" + std::to_string(user->id), "", now);
  return TotpEnrolment{security::base32_encode(secret),
                       security::otpauth_uri(kIssuer, user->email, secret)};
}

Status Accounts::confirm_totp(const Actor& actor, std::string_view code, const Moment& now) {
  if (actor.account_id == 0) return core::make_error("forbidden", "", "not a user account");
  auto user = store_.find_user(actor.account_id);
  if (!user.ok()) return user.error();
  if (!user->totp_pending || !field_key_) {
    return core::make_error("conflict", "code", "start the set-up first");
  }
  auto secret = security::open_field(*field_key_, *user->totp_pending, totp_associated_data(user->id));
  if (!secret.ok()) return core::make_error("internal", "", "two-factor secret unreadable");
  const std::vector<unsigned char> bytes(secret->begin(), secret->end());
  const auto step = security::totp_match(bytes, code, now.unix_seconds);
  if (!step) return core::make_error("invalid", "code", "the code does not match");
  return store_.transaction([&]() -> Status {
    if (auto used = store_.use_totp_step(user->id, *step); !used.ok()) return used;
    if (auto enabled = store_.activate_totp(user->id); !enabled.ok()) return enabled;
    // Enrolment-only sessions end: the user logs in again with the code.
    if (auto ended = store_.delete_user_sessions(user->id); !ended.ok()) return ended;
    if (cache_) cache_->forget_user(user->id);
    return audit(&actor, "totp_enabled", "user:" + std::to_string(user->id), "", now);
  });
}

bool Accounts::administers_user(const Actor& actor, const store::UserRecord& user) {
  if (actor.is_platform_administrator()) return true;
  if (!actor.roles.has(Role::administrator)) return false;
  if (user.employer_id) return administers_employer(actor, *user.employer_id);
  if (user.provider_id) return administers_provider(actor, *user.provider_id);
  return false;  // platform administrators are managed by platform administrators
}

Result<std::int64_t> Accounts::create_user(const Actor& actor, const NewUser& user,
                                           const Moment& now) {
  if (auto allowed = authorize(actor, Action::manage_users); !allowed.ok()) return allowed.error();
  if (!valid_email(user.email)) {
    return core::make_error("invalid", "email", "must be an e-mail address like name@example.nl");
  }
  if (user.display_name.empty() || user.display_name.size() > 200) {
    return core::make_error("invalid", "display_name", "must be 1 to 200 bytes");
  }
  if (user.roles.empty()) return core::make_error("invalid", "roles", "give at least one role");
  if (user.employer_id && user.provider_id) {
    return core::make_error("invalid", "provider_id",
                            "a user belongs to an employer or to a provider, not both");
  }
  const bool is_employee = std::find(user.roles.begin(), user.roles.end(), Role::employee) !=
                           user.roles.end();
  if (is_employee != user.employee_id.has_value()) {
    return core::make_error("invalid", "employee_id",
                            is_employee ? "an employee account names its employee record"
                                        : "only an employee account names an employee record");
  }
  if (auto strong = security::check_new_password(user.password); !strong.ok()) return strong.error();

  store::UserRecord record;
  record.email = user.email;
  record.display_name = user.display_name;
  record.employer_id = user.employer_id;
  record.provider_id = user.provider_id;
  record.employee_id = user.employee_id;
  for (const auto role : user.roles) record.roles.emplace_back(role_name(role));
  record.created_at = now.timestamp;
  if (!administers_user(actor, record)) {
    return core::make_error("forbidden", record.employer_id ? "employer_id" : "provider_id",
                            "you do not administer this organisation");
  }
  if (record.employee_id) {
    auto employee = store_.find_employee(*record.employee_id);
    if (!employee.ok()) return employee.error();
    if (!record.employer_id || employee->employer_id != *record.employer_id) {
      return core::make_error("invalid", "employee_id",
                              "the employee record belongs to another employer");
    }
  }
  auto hash = security::hash_password(user.password);
  if (!hash.ok()) return hash.error();
  record.password_hash = std::move(*hash);
  std::int64_t id = 0;
  const Status status = store_.transaction([&]() -> Status {
    auto created = store_.create_user(record);
    if (!created.ok()) return created.error();
    id = *created;
    return audit(&actor, "user_created", "user:" + std::to_string(id), record.email, now);
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<UserView>> Accounts::list_users(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::manage_users); !allowed.ok()) return allowed.error();
  auto users = store_.list_users();
  if (!users.ok()) return users.error();
  std::vector<UserView> views;
  for (const auto& user : *users) {
    if (administers_user(actor, user)) views.push_back(view_of(user));
  }
  return views;
}

Status Accounts::set_user_disabled(const Actor& actor, std::int64_t user_id, bool disabled,
                                   const Moment& now) {
  if (auto allowed = authorize(actor, Action::manage_users); !allowed.ok()) return allowed;
  auto user = store_.find_user(user_id);
  if (!user.ok() || !administers_user(actor, *user)) {
    return core::make_error("not_found", "user_id", "no user with id " + std::to_string(user_id));
  }
  return store_.transaction([&]() -> Status {
    if (auto set = store_.set_user_disabled(user_id, disabled); !set.ok()) return set;
    if (disabled) {
      if (auto ended = store_.delete_user_sessions(user_id); !ended.ok()) return ended;
      if (auto ended = store_.delete_user_pending_logins(user_id); !ended.ok()) return ended;
      if (cache_) cache_->forget_user(user_id);
    }
    return audit(&actor, disabled ? "user_disabled" : "user_enabled",
                 "user:" + std::to_string(user_id), "", now);
  });
}

Result<std::int64_t> Accounts::create_provider(const Actor& actor, std::string_view name,
                                               std::string_view kind, const Moment& now) {
  if (!actor.is_platform_administrator()) {
    return core::make_error("forbidden", "", "only platform administrators add providers");
  }
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  if (kind != "arbo_service" && kind != "reintegration_office") {
    return core::make_error("invalid", "kind", "must be arbo_service or reintegration_office");
  }
  std::int64_t id = 0;
  const Status status = store_.transaction([&]() -> Status {
    auto created = store_.create_provider(name, kind);
    if (!created.ok()) return created.error();
    id = *created;
    return audit(&actor, "provider_created", "provider:" + std::to_string(id), name, now);
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::vector<store::Provider>> Accounts::list_providers(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::manage_organisations); !allowed.ok()) {
    return allowed.error();
  }
  auto providers = store_.list_providers();
  if (!providers.ok()) return providers.error();
  std::vector<store::Provider> visible;
  for (auto& provider : *providers) {
    const bool serves_own = actor.employer_id &&
                            std::find(provider.employer_ids.begin(), provider.employer_ids.end(),
                                      *actor.employer_id) != provider.employer_ids.end();
    // A case manager needs the offices to assign a case to: every reintegration office is listed,
    // but which other employers a provider serves is theirs to know.
    const bool full = actor.is_platform_administrator() || administers_provider(actor, provider.id);
    if (full || serves_own || provider.kind == "reintegration_office") {
      if (!full) {
        std::erase_if(provider.employer_ids, [&actor](std::int64_t id) {
          return !actor.employer_id || id != *actor.employer_id;
        });
      }
      visible.push_back(std::move(provider));
    }
  }
  return visible;
}

Status Accounts::link_provider_employer(const Actor& actor, std::int64_t provider_id,
                                        std::int64_t employer_id, const Moment& now) {
  if (!actor.is_platform_administrator()) {
    return core::make_error("forbidden", "", "only platform administrators record contracts");
  }
  return store_.transaction([&]() -> Status {
    if (auto linked = store_.link_provider_employer(provider_id, employer_id); !linked.ok()) {
      return linked;
    }
    return audit(&actor, "provider_linked", "provider:" + std::to_string(provider_id),
                 "employer:" + std::to_string(employer_id), now);
  });
}

Result<std::vector<store::Employer>> Accounts::list_employers(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::list_cases); !allowed.ok()) return allowed.error();
  auto employers = store_.list_employers();
  if (!employers.ok()) return employers.error();
  const store::CaseReachFilter reach = reach_filter(actor);
  std::vector<store::Employer> visible;
  for (auto& employer : *employers) {
    if (reach.unrestricted || std::find(reach.employer_ids.begin(), reach.employer_ids.end(),
                                        employer.id) != reach.employer_ids.end()) {
      visible.push_back(std::move(employer));
    }
  }
  return visible;
}

Result<std::vector<store::Employee>> Accounts::list_employees(const Actor& actor,
                                                              std::int64_t employer_id) {
  if (auto allowed = authorize(actor, Action::manage_organisations); !allowed.ok()) {
    return allowed.error();
  }
  auto employers = list_employers(actor);  // only those the caller reaches
  if (!employers.ok()) return employers.error();
  if (std::none_of(employers->begin(), employers->end(),
                   [employer_id](const store::Employer& e) { return e.id == employer_id; })) {
    return core::make_error("not_found", "employer_id",
                            "no employer with id " + std::to_string(employer_id));
  }
  return store_.list_employees(employer_id);
}

Status Accounts::set_employee_manager(const Actor& actor, std::int64_t employee_id,
                                      std::optional<std::int64_t> manager_user_id,
                                      const Moment& now) {
  if (auto allowed = authorize(actor, Action::manage_organisations); !allowed.ok()) return allowed;
  auto employee = store_.find_employee(employee_id);
  const bool own_staff = employee.ok() && ((actor.roles.has(Role::case_manager) &&
                                            actor.employer_id &&
                                            *actor.employer_id == employee->employer_id) ||
                                           administers_employer(actor, employee->employer_id));
  if (!own_staff) {
    return core::make_error("not_found", "employee_id",
                            "no employee with id " + std::to_string(employee_id));
  }
  if (manager_user_id) {
    auto manager = store_.find_user(*manager_user_id);
    if (!manager.ok() || !has_role(*manager, Role::line_manager) ||
        manager->employer_id != employee->employer_id) {
      return core::make_error("invalid", "user_id",
                              "must be a line manager of the employee's employer");
    }
  }
  return store_.transaction([&]() -> Status {
    if (auto set = store_.set_employee_manager(employee_id, manager_user_id); !set.ok()) return set;
    return audit(&actor, "manager_set", "employee:" + std::to_string(employee_id),
                 manager_user_id ? "user:" + std::to_string(*manager_user_id) : "none", now);
  });
}

Status Accounts::assign_case_provider(const Actor& actor, std::int64_t case_id,
                                      std::int64_t provider_id, const Moment& now) {
  if (auto allowed = authorize(actor, Action::assign_case); !allowed.ok()) return allowed;
  auto reach = store_.find_case_reach(case_id);
  if (!reach.ok() || !case_access(actor, *reach).reach) {
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  if (!case_access(actor, *reach).assign) {
    return core::make_error("forbidden", "", "your role may not assign this case");
  }
  auto provider = store_.find_provider(provider_id);
  if (!provider.ok()) return provider.error();
  if (provider->kind != "reintegration_office") {
    return core::make_error("invalid", "provider_id", "must be a reintegration office");
  }
  return store_.transaction([&]() -> Status {
    if (auto assigned = store_.assign_case_provider(case_id, provider_id, now.timestamp);
        !assigned.ok()) {
      return assigned;
    }
    return audit(&actor, "case_office_assigned", "case:" + std::to_string(case_id),
                 "provider:" + std::to_string(provider_id), now);
  });
}

Status Accounts::assign_case_user(const Actor& actor, std::int64_t case_id, std::int64_t user_id,
                                  const Moment& now) {
  if (auto allowed = authorize(actor, Action::assign_case); !allowed.ok()) return allowed;
  auto reach = store_.find_case_reach(case_id);
  if (!reach.ok() || !case_access(actor, *reach).reach) {
    return core::make_error("not_found", "case", "no case with id " + std::to_string(case_id));
  }
  if (!case_access(actor, *reach).assign) {
    return core::make_error("forbidden", "", "your role may not assign this case");
  }
  // The person must be able to reach the case: naming someone gives no access by itself.
  auto assignee = load_actor(user_id);
  if (!assignee.ok() || !case_access(*assignee, *reach).reach) {
    return core::make_error("invalid", "user_id", "this user cannot reach the case");
  }
  return store_.transaction([&]() -> Status {
    if (auto assigned = store_.assign_case_user(case_id, user_id, now.timestamp); !assigned.ok()) {
      return assigned;
    }
    return audit(&actor, "case_user_assigned", "case:" + std::to_string(case_id),
                 "user:" + std::to_string(user_id), now);
  });
}

Result<NewApiToken> Accounts::create_api_token(const Actor& actor, std::int64_t user_id,
                                               std::string_view name, const Moment& now) {
  if (auto allowed = authorize(actor, Action::manage_users); !allowed.ok()) return allowed.error();
  if (name.empty() || name.size() > 200) {
    return core::make_error("invalid", "name", "must be 1 to 200 bytes");
  }
  auto user = store_.find_user(user_id);
  if (!user.ok() || !administers_user(actor, *user)) {
    return core::make_error("not_found", "user_id", "no user with id " + std::to_string(user_id));
  }
  NewApiToken token;
  token.token = security::random_token(kApiTokenPrefix);
  store::ApiTokenRecord record;
  record.user_id = user_id;
  record.name = std::string(name);
  record.token_digest = security::token_digest(token.token);
  record.created_at = now.timestamp;
  record.created_by = actor.account_id;
  const Status status = store_.transaction([&]() -> Status {
    auto created = store_.create_api_token(record);
    if (!created.ok()) return created.error();
    token.id = *created;
    return audit(&actor, "api_token_created", "token:" + std::to_string(token.id),
                 "for user:" + std::to_string(user_id), now);
  });
  if (!status.ok()) return status.error();
  return token;
}

Result<std::vector<ApiTokenView>> Accounts::list_api_tokens(const Actor& actor) {
  if (auto allowed = authorize(actor, Action::manage_users); !allowed.ok()) return allowed.error();
  auto tokens = store_.list_api_tokens();
  if (!tokens.ok()) return tokens.error();
  std::vector<ApiTokenView> views;
  for (const auto& token : *tokens) {
    auto user = store_.find_user(token.user_id);
    if (!user.ok() || !administers_user(actor, *user)) continue;
    views.push_back(ApiTokenView{token.id, token.user_id, token.name, token.created_at,
                                 token.revoked_at});
  }
  return views;
}

Status Accounts::revoke_api_token(const Actor& actor, std::int64_t token_id, const Moment& now) {
  auto tokens = list_api_tokens(actor);
  if (!tokens.ok()) return tokens.error();
  const bool visible = std::any_of(tokens->begin(), tokens->end(),
                                   [&](const ApiTokenView& token) { return token.id == token_id; });
  if (!visible) {
    return core::make_error("not_found", "token_id",
                            "no API token with id " + std::to_string(token_id));
  }
  return store_.transaction([&]() -> Status {
    if (auto revoked = store_.revoke_api_token(token_id, now.timestamp); !revoked.ok()) {
      return revoked;
    }
    // The token's digest is not at hand here: forget everything of its user in this process.
    for (const auto& token : *tokens) {
      if (token.id == token_id && cache_) cache_->forget_user(token.user_id);
    }
    return audit(&actor, "api_token_revoked", "token:" + std::to_string(token_id), "", now);
  });
}

}  // namespace spoorboek::app
