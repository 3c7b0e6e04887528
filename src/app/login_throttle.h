// Login throttling: too many failed logins for one account, or from one address, within a window
// block further attempts for that key until the oldest failure leaves the window.
//
// In memory and thread-safe: one server process decides (a cluster needs a shared store, issue 6).
// Pure apart from the mutex: time is a parameter. Memory is bounded: keys whose failures all left
// the window are dropped, and at most kMaxKeys keys are tracked (the oldest go first).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace spoorboek::app {

class LoginThrottle {
 public:
  struct Limits {
    int per_account = 5;     // failures per account in the window
    int per_address = 20;    // failures per remote address in the window
    std::int64_t window_seconds = 15 * 60;
  };
  LoginThrottle() = default;
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds until the next attempt is allowed for this account or address; 0 when allowed now.
  std::int64_t wait_seconds(std::string_view account, std::string_view address, std::int64_t now);
  void record_failure(std::string_view account, std::string_view address, std::int64_t now);
  // A successful login clears the account's failures (not the address's).
  void record_success(std::string_view account);

  static constexpr std::size_t kMaxKeys = 100000;

 private:
  std::int64_t wait_for(const std::string& key, int limit, std::int64_t now);
  void add(const std::string& key, std::int64_t now);

  Limits limits_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> failures_;
};

}  // namespace spoorboek::app
