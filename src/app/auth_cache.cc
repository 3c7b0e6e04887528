#include "app/auth_cache.h"

#include <iterator>

namespace spoorboek::app {

std::optional<AuthCache::Entry> AuthCache::find(const std::string& token_digest, std::int64_t now) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(token_digest);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.valid_until <= now) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void AuthCache::put(const std::string& token_digest, Entry entry) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) {
    const std::int64_t now = entry.valid_until - kTtlSeconds;
    std::erase_if(entries_, [now](const auto& item) { return item.second.valid_until <= now; });
    if (entries_.size() >= kMaxEntries) entries_.clear();
  }
  entries_[token_digest] = std::move(entry);
}

void AuthCache::forget(const std::string& token_digest) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_digest);
}

void AuthCache::forget_user(std::int64_t account_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_,
                [account_id](const auto& item) { return item.second.actor.account_id == account_id; });
}

}  // namespace spoorboek::app
