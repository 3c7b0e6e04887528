// Records who read which case file before the file leaves the server.
//
// A handler that read a case file hands its answer to record_then_send() instead of sending it:
// one writer thread commits every waiting read record in one transaction (group commit: one
// durable write for many readers) and only then sends the answers. When the commit fails, the
// readers get 503 and not the file: no case file is shown without its read on record.
//
// Durability: the read log's connection commits without fsync (WAL, synchronous=NORMAL). A
// committed read survives a crash or kill of the server; only a power cut or kernel crash can
// lose the reads of the last moments before the next fsync (any append, or a checkpoint).
// Measured: with an fsync per commit the timeline route served 13.0k requests/s, without it
// 27.7k (wrk -c64, same machine and run, bench/README.md). Entries keep synchronous=FULL.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "api/http_types.h"
#include "core/result.h"
#include "store/account_records.h"

namespace spoorboek::store {
class SqliteStore;
}

namespace spoorboek::api {

class ReadRecorder {
 public:
  // Opens its own connection to the database at `db_path` and starts the writer thread.
  static core::Result<std::unique_ptr<ReadRecorder>> open(const std::string& db_path);
  ~ReadRecorder();  // stop()s

  void record_then_send(store::CaseRead read, Responder responder, HttpResponse response);
  // Commits and answers everything queued, then ends the thread. Idempotent.
  void stop();

 private:
  struct Pending {
    store::CaseRead read;
    Responder responder;
    HttpResponse response;
  };
  explicit ReadRecorder(std::unique_ptr<store::SqliteStore> store);
  void run();

  std::unique_ptr<store::SqliteStore> store_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace spoorboek::api
