// A short-lived, in-process memory of who a token belongs to, so that a request does not cost
// three or four database reads before its real work.
//
// An entry lives kTtlSeconds at most (and never past its session's end). Logout, revocation,
// disabling a user and turning on two-factor login forget the user's entries at once in this
// process; another server process on the same database notices within kTtlSeconds. Thread-safe;
// at most kMaxEntries entries (expired ones go first, then everything).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/actor.h"

namespace spoorboek::app {

struct Authenticated;

class AuthCache {
 public:
  static constexpr std::int64_t kTtlSeconds = 5;
  static constexpr std::size_t kMaxEntries = 10000;

  struct Entry {
    Actor actor;
    bool by_session = false;
    std::string csrf_token;
    bool enrolment_only = false;
    std::int64_t valid_until = 0;  // unix seconds, exclusive
  };

  std::optional<Entry> find(const std::string& token_digest, std::int64_t now);
  void put(const std::string& token_digest, Entry entry);
  void forget(const std::string& token_digest);
  void forget_user(std::int64_t account_id);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace spoorboek::app
