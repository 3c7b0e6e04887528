// Internal to the API: rendered timelines kept per case, keyed by the hash of the case's newest
// entry and the as-of day. The log only grows, so the same hash means the same file and the same
// answer; a new entry changes the hash and the old body is never served again. Access is checked
// on every request before the cache is consulted. Thread-safe; bounded by kMaxCases (cleared
// when full: simple, and the timelines are cheap to recompute).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/date.h"

namespace spoorboek::api {

class ViewCache {
 public:
  static constexpr std::size_t kMaxCases = 2000;

  std::optional<std::string> find(std::int64_t case_id, const std::string& version,
                                  core::Date as_of);
  void put(std::int64_t case_id, std::string version, core::Date as_of, std::string body);

 private:
  struct View {
    std::string version;
    core::Date as_of{};
    std::string body;
  };
  std::mutex mutex_;
  std::unordered_map<std::int64_t, View> views_;
};

}  // namespace spoorboek::api
