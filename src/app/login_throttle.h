// Login throttling: too many failed logins for one account, or from one address, within a window
// block further attempts for that key until enough of its failures have left the window.
//
// Two parts:
// - LoginThrottle is the policy and pure: the keys an attempt counts against, the limits and the
//   window, and the wait computed from the times of a key's failures. Time is a parameter.
// - LoginFailures reads and writes those times through the store (store.h, "Login throttling"),
//   so that every server process sharing the database counts the same failures: with N servers
//   behind a load balancer an attacker gets the same attempts as with one. Each recorded failure
//   also deletes the failures that have left every window, so the table stays bounded.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"

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
  const Limits& limits() const { return limits_; }

  // A key failures are counted under, and how many of them the window allows.
  struct Key {
    std::string name;  // "account:<lower-case e-mail>" or "address:<remote address>"
    int limit = 0;
  };
  // The keys an attempt for `account` from `address` counts against: the account (case does not
  // matter in an e-mail address) and the address when there is one (a password change has none).
  std::vector<Key> keys(std::string_view account, std::string_view address) const;
  // The account's key alone (a success clears it).
  static std::string account_key(std::string_view account);

  // The failures at or after this time are in the window at `now`.
  std::int64_t window_start(std::int64_t now) const { return now - limits_.window_seconds + 1; }
  // Seconds until a key allows the next attempt, given the times of its newest failures in the
  // window, newest first (at least `limit` of them when there are that many); 0 when allowed now.
  std::int64_t wait_seconds(std::span<const std::int64_t> newest_first, int limit,
                            std::int64_t now) const;

 private:
  Limits limits_;
};

// The failures themselves, in the database. REQUIRES: the store and policy outlive the object.
class LoginFailures {
 public:
  LoginFailures(store::Store& store, const LoginThrottle& policy)
      : store_(store), policy_(policy) {}

  // Seconds until the next attempt for this account from this address is allowed; 0 when now.
  core::Result<std::int64_t> wait_seconds(std::string_view account, std::string_view address,
                                          std::int64_t now);
  // Counts a failure against the account and the address, and deletes the failures older than
  // the window, in one transaction.
  core::Status record_failure(std::string_view account, std::string_view address,
                              std::int64_t now);
  // A successful login clears the account's failures (not the address's).
  core::Status record_success(std::string_view account);

 private:
  store::Store& store_;
  const LoginThrottle& policy_;
};

}  // namespace spoorboek::app
