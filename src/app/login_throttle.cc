#include "app/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace spoorboek::app {
namespace {

std::string account_key(std::string_view account) {
  std::string key = "account:";
  for (const char c : account) {
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

std::string address_key(std::string_view address) { return "address:" + std::string(address); }

}  // namespace

std::int64_t LoginThrottle::wait_for(const std::string& key, int limit, std::int64_t now) {
  const auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& times = it->second;
  while (!times.empty() && times.front() <= now - limits_.window_seconds) times.pop_front();
  if (times.empty()) {
    failures_.erase(it);
    return 0;
  }
  if (static_cast<int>(times.size()) < limit) return 0;
  // Blocked until enough failures have left the window to be under the limit again.
  const auto release = times[times.size() - static_cast<std::size_t>(limit)];
  return std::max<std::int64_t>(1, release + limits_.window_seconds - now);
}

std::int64_t LoginThrottle::wait_seconds(std::string_view account, std::string_view address,
                                         std::int64_t now) {
  std::lock_guard lock(mutex_);
  return std::max(wait_for(account_key(account), limits_.per_account, now),
                  wait_for(address_key(address), limits_.per_address, now));
}

void LoginThrottle::add(const std::string& key, std::int64_t now) {
  if (failures_.size() >= kMaxKeys && !failures_.contains(key)) {
    // Drop the key whose newest failure is oldest: it is the least likely to be blocking.
    auto oldest = std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
      return a.second.back() < b.second.back();
    });
    failures_.erase(oldest);
  }
  auto& times = failures_[key];
  times.push_back(now);
  while (times.size() > 1000) times.pop_front();
}

void LoginThrottle::record_failure(std::string_view account, std::string_view address,
                                   std::int64_t now) {
  std::lock_guard lock(mutex_);
  add(account_key(account), now);
  add(address_key(address), now);
}

void LoginThrottle::record_success(std::string_view account) {
  std::lock_guard lock(mutex_);
  failures_.erase(account_key(account));
}

}  // namespace spoorboek::app
