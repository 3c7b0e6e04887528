// Records who read which case file before the file leaves the server.
//
// A handler that read a case file hands its answer to record_then_send() instead of sending it.
// Group commit without a thread hand-off: the first caller that finds no commit running becomes
// the committer for one round; it commits every waiting read record in one transaction (one
// durable write for many readers) and sends those answers. Callers that arrive during a commit
// only queue theirs and return; the next caller after the round commits them with its own. A
// sweeper thread looks every kSweepInterval for reads left queued when no further request came.
// When a commit fails, its readers get 503 and not the file: no case file is shown without its
// read on record.
// Measured (bench/README.md): a writer thread that committed for everybody cost two thread
// hand-offs per answer (0.42-0.51 x nginx); a request's thread that kept committing while reads
// kept coming starved its own connections (p99 13-20 ms); one round per request does neither.
//
// Checkpoints: a commit never runs one (its fsync would stall the committer's connections); the
// sweeper checkpoints the read log every kCheckpointInterval on a connection of its own, holding
// the committer's turn so that the checkpoint completes and the WAL starts over.
//
// Durability: the read log's connection commits without fsync (WAL, synchronous=NORMAL). A
// committed read survives a crash or kill of the server; only a power cut or kernel crash can
// lose the reads of the last moments before the next fsync (any append, or a checkpoint).
// Measured: with an fsync per commit the timeline route served 13.0k requests/s, without it
// 27.7k (wrk -c64, same machine and run, bench/README.md). Entries keep synchronous=FULL.
// On PostgreSQL the same holds through synchronous_commit=off on the read log's connection only:
// a crash of PostgreSQL or its machine can lose the reads of the last 0.6 s at most, never a
// crash of a Spoorboek server; entries and everything else commit with the WAL on disk.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/http_types.h"
#include "core/result.h"
#include "store/account_records.h"

namespace spoorboek::store {
class Store;
}

namespace spoorboek::api {

class ReadRecorder {
 public:
  // Opens its own connection to the database `db` names and starts the sweeper. On SQLite a
  // second connection runs the read log's checkpoints; PostgreSQL needs none of that.
  static core::Result<std::unique_ptr<ReadRecorder>> open(const std::string& db);
  ~ReadRecorder();  // stop()s

  void record_then_send(store::CaseRead read, Responder responder, HttpResponse response);
  // Refuses new reads with 503, commits and answers everything queued, and ends the sweeper.
  // Idempotent.
  void stop();

 private:
  struct Pending {
    store::CaseRead read;
    Responder responder;
    HttpResponse response;
  };
  ReadRecorder(std::unique_ptr<store::Store> store, std::function<void()> checkpoint);
  // REQUIRES: the caller holds the committer's turn and `lock`. Commits and answers what is
  // queued; `lock` is released meanwhile and held again on return.
  void commit_round(std::unique_lock<std::mutex>& lock);
  void run_sweeper();

  static constexpr std::chrono::milliseconds kSweepInterval{1};
  static constexpr std::chrono::milliseconds kCheckpointInterval{500};

  std::unique_ptr<store::Store> store_;  // used only by the committer of the moment
  std::function<void()> checkpoint_;     // run only by the sweeper; empty: none needed
  std::mutex mutex_;
  std::condition_variable idle_;          // committing_ became false
  std::condition_variable sweeper_wake_;  // thread_exit_ was set
  std::vector<Pending> queue_;
  bool committing_ = false;  // someone holds the committer's turn
  bool stopping_ = false;    // new reads are refused
  bool thread_exit_ = false;
  std::thread sweeper_;  // last: started once the members above exist
};

}  // namespace spoorboek::api
