#include "web/pending_logins.h"

#include <sodium.h>

#include <algorithm>

#include "security/tokens.h"

namespace spoorboek::web {

PendingLogins::~PendingLogins() {
  while (!logins_.empty()) erase(logins_.begin());
}

void PendingLogins::erase(std::map<std::string, PendingLogin>::iterator at) {
  sodium_memzero(at->second.password.data(), at->second.password.size());
  logins_.erase(at);
}

void PendingLogins::drop_expired(std::int64_t now) {
  for (auto at = logins_.begin(); at != logins_.end();) {
    auto next = std::next(at);
    if (at->second.expires_at <= now) erase(at);
    at = next;
  }
}

std::string PendingLogins::put(std::string email, std::string password, std::int64_t now) {
  std::string token = security::random_token("");
  std::lock_guard lock(mutex_);
  drop_expired(now);
  if (logins_.size() >= kMaxPending) {
    erase(std::min_element(logins_.begin(), logins_.end(), [](const auto& a, const auto& b) {
      return a.second.expires_at < b.second.expires_at;
    }));
  }
  logins_[token] = PendingLogin{std::move(email), std::move(password), now + kPendingSeconds};
  return token;
}

std::optional<PendingLogin> PendingLogins::take(const std::string& token, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto found = logins_.find(token);
  if (found == logins_.end()) return std::nullopt;
  std::optional<PendingLogin> login;
  if (found->second.expires_at > now) login = found->second;
  erase(found);
  return login;
}

std::string PendingLogins::email_of(const std::string& token, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto found = logins_.find(token);
  return found == logins_.end() || found->second.expires_at <= now ? "" : found->second.email;
}

}  // namespace spoorboek::web
