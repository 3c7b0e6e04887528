#include "api/view_cache.h"

namespace spoorboek::api {

std::optional<std::string> ViewCache::find(std::int64_t case_id, const std::string& version,
                                           core::Date as_of) {
  std::lock_guard lock(mutex_);
  const auto it = views_.find(case_id);
  if (it == views_.end() || it->second.version != version || it->second.as_of != as_of) {
    return std::nullopt;
  }
  return it->second.body;
}

void ViewCache::put(std::int64_t case_id, std::string version, core::Date as_of, std::string body) {
  std::lock_guard lock(mutex_);
  if (views_.size() >= kMaxCases && !views_.contains(case_id)) views_.clear();
  views_[case_id] = View{std::move(version), as_of, std::move(body)};
}

}  // namespace spoorboek::api
