// Logins waiting for their two-factor code: the e-mail address and password someone entered,
// kept in memory for at most kPendingSeconds under a random token (a cookie), so that the code
// step can complete Accounts::login without asking for the password again.
//
// Thread-safe. A token is taken once; expired entries go first; at most kMaxPending are kept
// (the oldest go when full). Passwords are wiped from memory when an entry leaves.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace spoorboek::web {

struct PendingLogin {
  std::string email;
  std::string password;
  std::int64_t expires_at = 0;  // unix seconds
};

class PendingLogins {
 public:
  static constexpr std::int64_t kPendingSeconds = 5 * 60;
  static constexpr std::size_t kMaxPending = 10000;

  PendingLogins() = default;
  PendingLogins(const PendingLogins&) = delete;
  PendingLogins& operator=(const PendingLogins&) = delete;
  ~PendingLogins();

  // A new random token for the login.
  std::string put(std::string email, std::string password, std::int64_t now);
  // The login of `token`, removed; nullopt when unknown or expired.
  std::optional<PendingLogin> take(const std::string& token, std::int64_t now);
  // The e-mail address of `token` without taking it ("" when unknown or expired).
  std::string email_of(const std::string& token, std::int64_t now);

 private:
  void drop_expired(std::int64_t now);
  void erase(std::map<std::string, PendingLogin>::iterator at);

  std::mutex mutex_;
  std::map<std::string, PendingLogin> logins_;
};

}  // namespace spoorboek::web
