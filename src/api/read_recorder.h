// Records who read which case file before the file leaves the server.
//
// A handler that read a case file hands its answer to record_then_send() instead of sending it.
// Group commit without a thread of its own: the first caller that finds no commit running
// becomes the committer; it commits every waiting read record in one transaction (one durable
// write for many readers), sends those answers, and goes on while more have queued meanwhile.
// Callers that arrive during a commit only queue theirs and return, so their threads serve
// other requests. When a commit fails, its readers get 503 and not the file: no case file is
// shown without its read on record.
//
// Durability: the read log's connection commits without fsync (WAL, synchronous=NORMAL). A
// committed read survives a crash or kill of the server; only a power cut or kernel crash can
// lose the reads of the last moments before the next fsync (any append, or a checkpoint).
// Measured: with an fsync per commit the timeline route served 13.0k requests/s, without it
// 27.7k (wrk -c64, same machine and run, bench/README.md). Entries keep synchronous=FULL.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "core/result.h"
#include "store/account_records.h"

namespace spoorboek::store {
class SqliteStore;
}

namespace spoorboek::api {

class ReadRecorder {
 public:
  // Opens its own connection to the database at `db_path`.
  static core::Result<std::unique_ptr<ReadRecorder>> open(const std::string& db_path);
  ~ReadRecorder();  // stop()s

  void record_then_send(store::CaseRead read, Responder responder, HttpResponse response);
  // Waits for the commit in progress (which answers everything queued); afterwards reads are
  // refused with 503. Idempotent.
  void stop();

 private:
  struct Pending {
    store::CaseRead read;
    Responder responder;
    HttpResponse response;
  };
  explicit ReadRecorder(std::unique_ptr<store::SqliteStore> store);
  // REQUIRES: committing_ was set by this caller. Commits and answers until the queue is empty,
  // then clears committing_. `lock` is held on entry and on return.
  void commit_waiting(std::unique_lock<std::mutex>& lock);

  std::unique_ptr<store::SqliteStore> store_;  // used only by the committer of the moment
  std::mutex mutex_;
  std::condition_variable idle_;  // committing_ became false
  std::vector<Pending> queue_;
  bool committing_ = false;
  bool stopping_ = false;
};

}  // namespace spoorboek::api
