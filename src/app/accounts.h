// Accounts: logging in and out, sessions and API tokens, two-factor login (TOTP, RFC 6238), and
// the administration of users, providers and case assignments.
//
// Contract:
// - Passwords are stored as Argon2id hashes; session and API tokens are shown once and stored as
//   SHA-256 digests; TOTP secrets are sealed with the field key like medical data.
// - A failed login says only "e-mail address or password is wrong" (also for unknown or disabled
//   accounts, after the same work), and counts towards the throttle per account and per address.
// - Company doctors and administrators must use two-factor login unless the database holds the
//   demo accounts: without it enabled their login yields an enrolment-only session that may do
//   nothing but set it up.
// - Sessions end after kSessionHours or kIdleMinutes without use, or at logout.
// - Every administrative change and every login is written to the audit log.
// - Administrators manage only their own tenancy (policy.h administers_*); platform
//   administrators manage everything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/auth_cache.h"
#include "app/login_throttle.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::security {
class FieldKey;
}
namespace spoorboek::app {

using core::Result;
using core::Status;

inline constexpr std::int64_t kSessionHours = 12;
inline constexpr std::int64_t kIdleMinutes = 30;
inline constexpr std::string_view kSessionTokenPrefix = "sbs_";
inline constexpr std::string_view kApiTokenPrefix = "sbk_";
inline constexpr std::string_view kCalendarFeedPrefix = "sbc_";
inline constexpr std::string_view kPendingLoginPrefix = "sbp_";
// A login waiting for its two-factor code lasts this long, and ends after this many wrong codes.
inline constexpr std::int64_t kPendingLoginSeconds = 5 * 60;
inline constexpr int kPendingLoginCodeAttempts = 5;

struct LoginRequest {
  std::string email;
  std::string password;
  std::optional<std::string> totp;  // six digits, when the account uses two-factor login
  std::string remote_address;
};

// The first step of a login in two steps (the browser's): no code yet.
struct PasswordLogin {
  std::string email;
  std::string password;
  std::string remote_address;
};

// A login whose password was right, waiting for the account's two-factor code.
struct PendingLogin {
  std::string token;  // shown once ("sbp_...", the browser's cookie); only its digest is stored
  std::int64_t expires_at = 0;  // unix seconds
};

struct NewSession {
  std::string token;       // shown once: the cookie value and the Bearer token
  std::string csrf_token;  // to send as X-CSRF-Token with cookie-authenticated writes
  std::int64_t expires_at = 0;
  bool enrolment_only = false;  // two-factor login must be set up first
  Actor actor;
};

// What the password step gives: a session when the account needs no code, else a pending login.
struct PasswordStep {
  std::optional<NewSession> session;
  std::optional<PendingLogin> pending;
};

// Who a request comes from.
struct Authenticated {
  Actor actor;
  bool by_session = false;      // a session (cookie or Bearer); false: an API token
  std::string csrf_token;       // of the session
  bool enrolment_only = false;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password;
  std::vector<Role> roles;
  std::optional<std::int64_t> employer_id;
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> employee_id;
};

struct UserView {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::vector<std::string> roles;
  std::optional<std::int64_t> employer_id;
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> employee_id;
  bool totp_enabled = false;
  bool disabled = false;
  bool is_demo = false;
};

struct NewApiToken {
  std::int64_t id = 0;
  std::string token;  // shown once
};

struct ApiTokenView {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

// A new calendar feed: the secret is shown once (it is the feed URL's only credential).
struct NewCalendarFeed {
  std::string secret;  // "sbc_..."
  std::string path;    // "/calendar/<secret>.ics"
  std::string language;
  std::string created_at;
};

// What the user may see of an existing feed: never its secret (only its digest is stored).
struct CalendarFeedView {
  std::string language;
  std::string created_at;
};

// Who a feed belongs to, for serving it.
struct CalendarFeedOwner {
  Actor actor;
  std::string language;  // "nl" or "en"
};

struct TotpEnrolment {
  std::string secret_base32;
  std::string otpauth_uri;
};

class Accounts {
 public:
  // REQUIRES: all outlive the object. Without a field key, two-factor login cannot be set up (its
  // secret is sealed with it). Without a cache every authentication reads the database.
  // The throttle is the policy only: the failures it counts are in the store, shared by every
  // process that uses the database (login_throttle.h).
  Accounts(store::Store& store, const security::FieldKey* field_key, const LoginThrottle& throttle,
           AuthCache* cache = nullptr)
      : store_(store), field_key_(field_key), throttle_(throttle), cache_(cache) {}

  // A login in one request (the JSON API): e-mail, password and, where the account uses it, the
  // two-factor code.
  // Errors: "too_many_requests" (its field holds the seconds to wait, for Retry-After),
  // "unauthenticated" (field "totp": the code was wrong or used), "totp_required" (field "totp").
  Result<NewSession> login(const LoginRequest& request, const Moment& now);

  // A login in two steps (the browser's), so that the code step may reach another server than
  // the password step and the password is not kept anywhere in between.
  // begin_login checks e-mail and password exactly as login() does (the same throttle, audit
  // events and errors, the same work for unknown addresses). An account without two-factor login
  // gets its session at once; one with it gets a pending login instead: a random token whose
  // digest (never the token, nothing of the password) is stored for kPendingLoginSeconds, in one
  // transaction that also deletes the expired pending logins.
  // Errors: "too_many_requests" (field: seconds to wait), "unauthenticated".
  Result<PasswordStep> begin_login(const PasswordLogin& request, const Moment& now);
  // The code step: the session that login() with the code would make; the pending login is used
  // up in the same transaction that stores the session, so a token works once, on any server.
  // A wrong code counts as a failed login in the throttle (against the account and
  // `remote_address`) and in the pending login, which ends at kPendingLoginCodeAttempts wrong
  // codes. A password change or disabling the account ends the user's pending logins.
  // Errors: "unauthenticated" with field "pending_login" (the token is unknown, expired or used:
  // start again), "unauthenticated" with field "totp" (wrong or used code: another may follow),
  // "too_many_codes" with field "totp" (the wrong code that ended the pending login),
  // "too_many_requests" (field: seconds to wait; the pending login stays), "unauthenticated"
  // without a field (the account was disabled meanwhile).
  Result<NewSession> finish_login(std::string_view pending_token, std::string_view code,
                                  std::string_view remote_address, const Moment& now);
  // The e-mail address of a pending login's account, for the code page; "unauthenticated" (field
  // "pending_login") when the token is unknown, expired or used or the account is disabled.
  Result<std::string> pending_login_email(std::string_view pending_token, const Moment& now);

  Status logout(std::string_view session_token, const Moment& now);
  // A session or API token ("sbs_..." or "sbk_..."); "unauthenticated" when unknown, expired,
  // revoked or its user disabled.
  Result<Authenticated> authenticate(std::string_view token, const Moment& now);

  // The Actor of a user: roles, tenancy and the employers the user's provider serves.
  Result<Actor> load_actor(std::int64_t user_id);

  // Two-factor login for the acting user: begin returns a new secret (not yet active); confirm
  // with a current code activates it and turns the caller's enrolment-only sessions into full ones.
  Result<TotpEnrolment> begin_totp(const Actor& actor, const Moment& now);
  Status confirm_totp(const Actor& actor, std::string_view code, const Moment& now);

  Result<std::int64_t> create_user(const Actor& actor, const NewUser& user, const Moment& now);
  Result<std::vector<UserView>> list_users(const Actor& actor);
  // Disabling ends the user's sessions and pending logins in the same transaction.
  Status set_user_disabled(const Actor& actor, std::int64_t user_id, bool disabled,
                           const Moment& now);

  Result<std::int64_t> create_provider(const Actor& actor, std::string_view name,
                                       std::string_view kind, const Moment& now);
  Result<std::vector<store::Provider>> list_providers(const Actor& actor);
  Status link_provider_employer(const Actor& actor, std::int64_t provider_id,
                                std::int64_t employer_id, const Moment& now);
  Result<std::vector<store::Employer>> list_employers(const Actor& actor);
  Result<std::vector<store::Employee>> list_employees(const Actor& actor, std::int64_t employer_id);
  Status set_employee_manager(const Actor& actor, std::int64_t employee_id,
                              std::optional<std::int64_t> manager_user_id, const Moment& now);

  Status assign_case_provider(const Actor& actor, std::int64_t case_id, std::int64_t provider_id,
                              const Moment& now);
  Status assign_case_user(const Actor& actor, std::int64_t case_id, std::int64_t user_id,
                          const Moment& now);

  Result<NewApiToken> create_api_token(const Actor& actor, std::int64_t user_id,
                                       std::string_view name, const Moment& now);
  Result<std::vector<ApiTokenView>> list_api_tokens(const Actor& actor);
  Status revoke_api_token(const Actor& actor, std::int64_t token_id, const Moment& now);

  // The acting user's own password (accounts_profile.cc). `current` must be right: a wrong one
  // counts towards the login throttle like a failed login. `replacement` must pass
  // security::check_new_password and differ from `current`. The new Argon2id hash replaces the old
  // one, every session of the user but `session_token`'s ends and so does every pending login
  // (begin_login) of the user, in one transaction; audited.
  // Errors: "too_many_requests", "unauthenticated" (field "current_password"), the policy's codes
  // and "unchanged" with field "new_password".
  Status change_password(const Actor& actor, std::string_view session_token,
                         std::string_view current, std::string_view replacement,
                         const Moment& now);

  // The language the user reads the pages in: "nl" (the default) or "en".
  Result<std::string> language(const Actor& actor);
  // Errors: "invalid" (field "language") for anything but "nl" and "en".
  Status set_language(const Actor& actor, std::string_view code);

  // The acting user's iCalendar feed of deadlines (calendar_feeds.cc). Creating one replaces any
  // earlier feed of the user (the old URL stops working at once); its texts are in the user's
  // language at that moment. Revoking ends it ("not_found", field "calendar", when there is
  // none). Both are audited. Only users with an account have a feed ("forbidden").
  Result<NewCalendarFeed> create_calendar_feed(const Actor& actor, const Moment& now);
  Result<std::optional<CalendarFeedView>> calendar_feed(const Actor& actor);
  Status revoke_calendar_feed(const Actor& actor, const Moment& now);
  // The owner of the feed whose URL holds `secret`: "not_found" for an unknown, replaced or
  // revoked secret and for a disabled account, so that a stale URL reveals nothing.
  Result<CalendarFeedOwner> calendar_feed_owner(std::string_view secret);

  // Whether the database holds the demo accounts (the server warns; two-factor is optional).
  Result<bool> demo_mode();

 private:
  Status audit(const Actor* actor, std::string_view action, std::string_view target,
               std::string_view detail, const Moment& now);
  bool administers_user(const Actor& actor, const store::UserRecord& user);
  Result<bool> two_factor_required(const store::UserRecord& user);
  // The steps login(), begin_login() and finish_login() share (accounts.cc).
  Result<store::UserRecord> check_password(const PasswordLogin& request, LoginFailures& failures,
                                           const Moment& now);
  Status check_totp_code(const store::UserRecord& user, std::string_view code,
                         std::string_view remote_address, LoginFailures& failures,
                         const Moment& now);
  Result<NewSession> open_session(const store::UserRecord& user, std::string_view remote_address,
                                  LoginFailures& failures, const Moment& now,
                                  const std::string* pending_digest = nullptr);
  Result<store::PendingLoginRecord> live_pending_login(std::string_view token_digest,
                                                       const Moment& now);

  store::Store& store_;
  const security::FieldKey* field_key_;
  const LoginThrottle& throttle_;
  AuthCache* cache_;
};

}  // namespace spoorboek::app
