// The records of accounts and reach that the Store persists (schema 2): providers that serve
// employers, users with their roles and tenancy, sessions and API tokens (as digests only), the
// people and offices assigned to a case, and the logs of case reads and administrative events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spoorboek::store {

struct Provider {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // "arbo_service" or "reintegration_office"
  std::vector<std::int64_t> employer_ids;  // the employers it serves
};

struct UserRecord {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::optional<std::int64_t> employer_id;
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> employee_id;  // for the employee role: whose file is their own
  std::vector<std::string> roles;           // app::role_name() values
  std::optional<std::string> totp_secret;   // sealed
  std::optional<std::string> totp_pending;  // sealed; a set-up not yet confirmed
  bool totp_enabled = false;
  std::int64_t totp_last_step = 0;
  bool is_demo = false;
  bool disabled = false;
  std::string created_at;
};

struct SessionRecord {
  std::string token_digest;
  std::int64_t user_id = 0;
  std::string csrf_token;
  bool enrolment_only = false;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
};

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_digest;
  std::string created_at;
  std::int64_t created_by = 0;  // 0: the command line
  std::optional<std::string> revoked_at;
};

// A user's calendar feed (schema 4): the secret of its URL as a digest, and the language of its
// texts (fixed when it is made: a calendar client sends no preference).
struct CalendarFeedRecord {
  std::int64_t user_id = 0;
  std::string token_digest;
  std::string language;  // "nl" or "en"
  std::string created_at;
};

// What decides who reaches a case (app/policy.h).
struct CaseReach {
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::int64_t employee_id = 0;
  std::optional<std::int64_t> manager_user_id;
  std::vector<std::int64_t> provider_ids;  // reintegration offices assigned to the case
  std::vector<std::int64_t> assignee_ids;  // users named on the case
  std::string last_hash;  // of the newest entry (the projection's), read in the same query
};

struct CaseRead {
  std::int64_t case_id = 0;
  std::int64_t user_id = 0;
  std::string read_at;  // UTC timestamp
  std::string what;     // "case_file", "timeline", "check"
  std::string request_id;
};

struct AuditEvent {
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string action;  // "user_created", "login_failed", ...
  std::string target;  // "user:12", "case:4"
  std::string detail;
};

}  // namespace spoorboek::store
