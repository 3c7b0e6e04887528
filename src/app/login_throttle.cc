#include "app/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace spoorboek::app {

std::string LoginThrottle::account_key(std::string_view account) {
  std::string key = "account:";
  for (const char c : account) {
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

std::vector<LoginThrottle::Key> LoginThrottle::keys(std::string_view account,
                                                    std::string_view address) const {
  std::vector<Key> keys{Key{account_key(account), limits_.per_account}};
  // Without an address there is nothing to count per address: an empty one would be a single
  // key shared by every such attempt, so that one user's mistakes would block everybody's.
  if (!address.empty()) {
    keys.push_back(Key{"address:" + std::string(address), limits_.per_address});
  }
  return keys;
}

std::int64_t LoginThrottle::wait_seconds(std::span<const std::int64_t> newest_first, int limit,
                                         std::int64_t now) const {
  const std::int64_t start = window_start(now);
  const auto in_window = static_cast<std::size_t>(
      std::count_if(newest_first.begin(), newest_first.end(),
                    [&](std::int64_t at) { return at >= start; }));
  if (limit < 1 || in_window < static_cast<std::size_t>(limit)) return 0;
  // Blocked until the limit-th newest failure leaves the window: then fewer than `limit` remain.
  const std::int64_t release = newest_first[static_cast<std::size_t>(limit) - 1];
  return std::max<std::int64_t>(1, release + limits_.window_seconds - now);
}

core::Result<std::int64_t> LoginFailures::wait_seconds(std::string_view account,
                                                       std::string_view address,
                                                       std::int64_t now) {
  std::int64_t wait = 0;
  for (const auto& key : policy_.keys(account, address)) {
    auto times = store_.recent_login_failures(key.name, policy_.window_start(now),
                                              std::max(1, key.limit));
    if (!times.ok()) return times.error();
    wait = std::max(wait, policy_.wait_seconds(*times, key.limit, now));
  }
  return wait;
}

core::Status LoginFailures::record_failure(std::string_view account, std::string_view address,
                                           std::int64_t now) {
  std::vector<std::string> names;
  for (auto& key : policy_.keys(account, address)) names.push_back(std::move(key.name));
  return store_.transaction([&]() -> core::Status {
    if (auto recorded = store_.record_login_failure(names, now); !recorded.ok()) return recorded;
    // Whatever left the window counts no more: the table holds one window of failures at most.
    auto deleted = store_.delete_login_failures_before(policy_.window_start(now));
    if (!deleted.ok()) return deleted.error();
    return core::ok_status();
  });
}

core::Status LoginFailures::record_success(std::string_view account) {
  return store_.clear_login_failures(LoginThrottle::account_key(account));
}

}  // namespace spoorboek::app
