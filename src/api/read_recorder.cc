#include "api/read_recorder.h"

#include <vector>

#include "api/json_error.h"
#include "store/open_store.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace spoorboek::api {

core::Result<std::unique_ptr<ReadRecorder>> ReadRecorder::open(const std::string& db) {
  if (store::backend_of(db) == store::Backend::postgres) {
    // The same durability as the SQLite read log's: a read is answered once PostgreSQL has it,
    // not once it is on disk. With a disk flush per group commit the case page's p99 on a million
    // cases was 16-83 ms at four connections; without, 14-16 ms (bench/README.md, "Scale").
    auto opened = store::PostgresStore::open(db);
    if (!opened.ok()) return opened.error();
    if (auto relaxed = (*opened)->set_synchronous_commit_off(); !relaxed.ok()) return relaxed.error();
    return std::unique_ptr<ReadRecorder>(new ReadRecorder(std::move(*opened), {}));
  }
  std::unique_ptr<store::SqliteStore> opened[2];
  for (auto& store : opened) {
    auto one = store::SqliteStore::open(db, store::SqliteStore::OpenMode::must_exist);
    if (!one.ok()) return one.error();
    if (auto relaxed = (*one)->set_synchronous_normal(); !relaxed.ok()) return relaxed.error();
    store = std::move(*one);
  }
  if (auto manual = opened[0]->leave_read_log_checkpoints_to_caller(); !manual.ok()) {
    return manual.error();
  }
  // A failed checkpoint is tried again next time.
  std::shared_ptr<store::SqliteStore> checkpointer = std::move(opened[1]);
  return std::unique_ptr<ReadRecorder>(new ReadRecorder(
      std::move(opened[0]), [checkpointer] { (void)checkpointer->checkpoint_read_log(); }));
}

ReadRecorder::ReadRecorder(std::unique_ptr<store::Store> store, std::function<void()> checkpoint)
    : store_(std::move(store)),
      checkpoint_(std::move(checkpoint)),
      sweeper_([this] { run_sweeper(); }) {}

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
  auto next_checkpoint = std::chrono::steady_clock::now() + kCheckpointInterval;
  for (;;) {
    const bool stranded = sweeper_wake_.wait_for(lock, kSweepInterval, [this] {
      return thread_exit_ || (!committing_ && !queue_.empty());
    });
    if (thread_exit_ && queue_.empty()) return;
    if (checkpoint_ && std::chrono::steady_clock::now() >= next_checkpoint) {
      // Two passes. The first, beside the commits, copies nearly everything. The second holds
      // the committer's turn, so that no commit runs while it copies the few frames written
      // meanwhile: the checkpoint completes and the next commit starts the WAL over. (A
      // checkpoint beside a steady stream of commits never catches up: the WAL and its index
      // grew without end, soak of 2026-11-24; one pass with the turn held stalled the answers
      // for the whole copy, p99 20 ms.) Reads that arrive during the second pass queue; the
      // round below answers them.
      lock.unlock();
      checkpoint_();
      lock.lock();
      idle_.wait(lock, [this] { return !committing_; });
      committing_ = true;
      lock.unlock();
      checkpoint_();
      lock.lock();
      if (!queue_.empty()) commit_round(lock);
      committing_ = false;
      idle_.notify_all();
      next_checkpoint = std::chrono::steady_clock::now() + kCheckpointInterval;
      continue;
    }
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
