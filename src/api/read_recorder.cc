#include "api/read_recorder.h"

#include <vector>

#include "api/json_error.h"
#include "store/sqlite_store.h"

namespace spoorboek::api {

core::Result<std::unique_ptr<ReadRecorder>> ReadRecorder::open(const std::string& db_path) {
  auto store = store::SqliteStore::open(db_path, store::SqliteStore::OpenMode::must_exist);
  if (!store.ok()) return store.error();
  if (auto relaxed = (*store)->set_synchronous_normal(); !relaxed.ok()) return relaxed.error();
  return std::unique_ptr<ReadRecorder>(new ReadRecorder(std::move(*store)));
}

ReadRecorder::ReadRecorder(std::unique_ptr<store::SqliteStore> store)
    : store_(std::move(store)), sweeper_([this] { run_sweeper(); }) {}

ReadRecorder::~ReadRecorder() { stop(); }

void ReadRecorder::record_then_send(store::CaseRead read, Responder responder,
                                    HttpResponse response) {
  std::unique_lock lock(mutex_);
  if (stopping_) {
    lock.unlock();
    responder.send(json_error(503, "unavailable", "the server is shutting down"));
    return;
  }
  queue_.push_back(Pending{std::move(read), std::move(responder), std::move(response)});
  if (committing_) return;  // the committer of the moment takes it in its next round
  committing_ = true;
  try {
    commit_round(lock);
  } catch (...) {
    // Whoever queues next becomes the committer; the lock is not held when this throws.
    std::lock_guard relock(mutex_);
    committing_ = false;
    idle_.notify_all();
    throw;
  }
  // One round only: reads queued meanwhile go with the next request's round (under load one
  // follows at once), so a request's thread never commits for everybody for as long as the load
  // lasts while its own connections wait. The sweeper commits what is left when no request
  // follows.
  committing_ = false;
  idle_.notify_all();
}

void ReadRecorder::commit_round(std::unique_lock<std::mutex>& lock) {
  std::vector<Pending> batch;
  batch.swap(queue_);
  lock.unlock();
  std::vector<store::CaseRead> reads;
  reads.reserve(batch.size());
  for (const auto& pending : batch) reads.push_back(pending.read);
  const core::Status recorded = store_->record_case_reads(reads);
  for (auto& pending : batch) {
    if (recorded.ok()) {
      pending.responder.send(std::move(pending.response));
    } else {
      pending.responder.send(json_error(503, "unavailable",
                                        "the read could not be recorded; try again"));
    }
  }
  batch.clear();
  lock.lock();
}

void ReadRecorder::run_sweeper() {
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stranded = sweeper_wake_.wait_for(lock, kSweepInterval, [this] {
      return thread_exit_ || (!committing_ && !queue_.empty());
    });
    if (thread_exit_ && queue_.empty()) return;
    if (!stranded || committing_) continue;
    committing_ = true;
    commit_round(lock);
    committing_ = false;
    idle_.notify_all();
  }
}

void ReadRecorder::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    thread_exit_ = true;
    sweeper_wake_.notify_one();
  }
  // The sweeper commits what is still queued before it ends.
  if (sweeper_.joinable()) sweeper_.join();
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return !committing_; });
}

}  // namespace spoorboek::api
