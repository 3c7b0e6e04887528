// What the backup tests of both backends share: a "server" that keeps appending to a case of its
// own while a backup runs, and the check that a restored database holds the live one as it was at
// one moment.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <utility>

#include "app/application.h"
#include "store/open_store.h"

namespace spoorboek::testing {

inline const char* kSickReport =
    R"({"type":"sick_report","occurred_on":"2026-01-05","payload":{"expected_duration":)"
    R"("over_6_weeks","safety_net_applies":false,"work_accident":false,)"
    R"("third_party_liability":false}})";
inline const char* kDoctorReport =
    R"({"type":"company_doctor_report","occurred_on":"2026-01-06","payload":{}})";

// (case_id, seq) -> hash of every entry of a database.
using EntryHashes = std::map<std::pair<long long, long long>, std::string>;

// Another connection to `db` (either backend) that opens a case of a new employee and appends to
// it until stop(): the "server" that keeps writing while a backup is taken.
class LiveWriter {
 public:
  explicit LiveWriter(std::string db) : db_(std::move(db)), thread_([this] { run(); }) {}
  ~LiveWriter() { stop(); }

  // Waits until `count` entries after the sick report are committed (or the writer failed).
  void wait_for(int count) const {
    while (appended_ < count && failures_ == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int appended() const { return appended_; }
  // After stop():
  bool failed() const { return failures_ != 0; }
  const std::string& failure() const { return failure_; }
  std::int64_t case_id() const { return case_id_; }

 private:
  void fail(std::string message) {
    failure_ = std::move(message);
    ++failures_;
  }
  void run() {
    auto store = store::open_store(db_, store::OpenMode::must_exist);
    if (!store.ok()) return fail(store.error().message);
    app::Application application(**store);
    const app::Actor admin{"writer", "Writer", app::Role::administrator};
    const app::Moment now{*core::parse_iso_date("2026-03-02"), "2026-03-02T09:00:00Z", 0};
    auto employer = application.create_employer(admin, "Bakkerij De Korenschoof");
    auto employee = employer.ok()
                        ? application.create_employee(admin, *employer, "J. de Vries", "P-77")
                        : core::Result<std::int64_t>(employer.error());
    auto opened = employee.ok() ? application.open_case(admin, *employee, now)
                                : core::Result<std::int64_t>(employee.error());
    if (!opened.ok()) return fail(opened.error().message);
    if (auto first = application.append_entry_json(admin, *opened, kSickReport, now); !first.ok()) {
      return fail(first.error().message);
    }
    case_id_ = *opened;
    while (!stop_) {
      auto next = application.append_entry_json(admin, case_id_, kDoctorReport, now);
      if (!next.ok()) return fail(next.error().message);
      ++appended_;
    }
  }

  std::string db_;
  std::atomic<int> appended_{0};
  std::atomic<bool> stop_{false};
  std::atomic<int> failures_{0};
  std::string failure_;  // the first error, read after stop()
  std::int64_t case_id_ = 0;
  std::thread thread_;  // last: it starts once the members above exist
};

// The restored entries are the live ones as they were at one moment: every restored entry as it
// is live, every live entry of other cases, and of the writer's case a gapless prefix holding at
// least what was committed before the backup began and at most what was committed when it ended.
// Returns how many of the writer's entries were restored.
inline long long expect_one_moment(const EntryHashes& live, const EntryHashes& restored,
                                   std::int64_t writer_case, int appended_before,
                                   int appended_after) {
  long long writer_entries = 0;
  for (const auto& [key, hash] : restored) {
    const auto found = live.find(key);
    if (found == live.end()) {
      ADD_FAILURE() << "case " << key.first << " seq " << key.second << " is not in the live database";
      continue;
    }
    EXPECT_EQ(found->second, hash);
    if (key.first == writer_case) {
      ++writer_entries;
      EXPECT_EQ(key.second, writer_entries) << "the writer's entries are a gapless prefix";
    }
  }
  for (const auto& [key, hash] : live) {
    if (key.first != writer_case) {
      EXPECT_TRUE(restored.contains(key)) << "case " << key.first;
    }
  }
  EXPECT_GE(writer_entries, 1 + appended_before);
  EXPECT_LE(writer_entries, 1 + appended_after);
  return writer_entries;
}

}  // namespace spoorboek::testing
