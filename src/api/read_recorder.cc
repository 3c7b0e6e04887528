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
    : store_(std::move(store)), thread_([this] { run(); }) {}

ReadRecorder::~ReadRecorder() { stop(); }

void ReadRecorder::record_then_send(store::CaseRead read, Responder responder,
                                    HttpResponse response) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(read), std::move(responder), std::move(response)});
      wake_.notify_one();
      return;
    }
  }
  responder.send(json_error(503, "unavailable", "the server is shutting down"));
}

void ReadRecorder::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void ReadRecorder::run() {
  std::vector<Pending> batch;
  std::vector<store::CaseRead> reads;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
      queue_.clear();
    }
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
  }
}

}  // namespace spoorboek::api
