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
    : store_(std::move(store)) {}

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
  if (committing_) return;  // the committer takes it in its next round
  committing_ = true;
  try {
    commit_waiting(lock);
  } catch (...) {
    // Whoever queues next becomes the committer; the lock is not held when this throws.
    std::lock_guard relock(mutex_);
    committing_ = false;
    idle_.notify_all();
    throw;
  }
}

void ReadRecorder::commit_waiting(std::unique_lock<std::mutex>& lock) {
  std::vector<Pending> batch;
  std::vector<store::CaseRead> reads;
  while (!queue_.empty()) {
    batch.swap(queue_);
    lock.unlock();
    reads.clear();
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
  committing_ = false;
  idle_.notify_all();
}

void ReadRecorder::stop() {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  idle_.wait(lock, [this] { return !committing_; });
}

}  // namespace spoorboek::api
