// Killing `spoorboek append` in the middle of a bulk append loses no entry it reported as
// committed, leaves every chain intact, and the file takes new appends afterwards.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <chrono>
#include <map>
#include <thread>

#include "app/application.h"
#include "store/sqlite_store.h"
#include "tests/integration/cli_harness.h"

namespace spoorboek::testing {
namespace {

// A database with one empty case (id 1), set up through the application layer.
void create_case(const std::string& db_path) {
  auto store = store::SqliteStore::open(db_path, store::SqliteStore::OpenMode::create_if_missing);
  ASSERT_TRUE(store.ok());
  app::Application application(**store);
  const app::Actor admin{"setup", "Setup", app::Role::administrator};
  const app::Moment now{*core::parse_iso_date("2026-03-02"), "2026-03-02T09:00:00Z"};
  ASSERT_TRUE(application.init_database(admin).ok());
  const auto employer = application.create_employer(admin, "Bakkerij De Korenschoof");
  const auto employee = application.create_employee(admin, *employer, "J. de Vries", "P-1");
  const auto case_id = application.open_case(admin, *employee, now);
  ASSERT_TRUE(case_id.ok());
  ASSERT_EQ(*case_id, 1);
}

// A sick report on 6 January 2020 followed by one progress evaluation a day.
std::string long_input(int evaluations) {
  std::string input =
      R"({"type":"sick_report","occurred_on":"2020-01-06","payload":{"expected_duration":)"
      R"("over_6_weeks","safety_net_applies":false,"work_accident":false,)"
      R"("third_party_liability":false}})" "\n";
  core::Date day = *core::parse_iso_date("2020-01-07");
  for (int i = 0; i < evaluations; ++i, day = core::add_days(day, 1)) {
    input += R"({"type":"progress_evaluation","occurred_on":")" + core::format_iso_date(day) +
             R"(","payload":{"attendees":["werknemer","casemanager"],"employee_agreement":)"
             R"("agreed","summary":"Evaluatie )" + std::to_string(i) + "\"}}\n";
  }
  return input;
}

// Starts `spoorboek append` on `input_path`, kills it with SIGKILL after `delay`, and returns
// what it printed.
std::string append_and_kill(const ScratchDir& dir, const std::string& db,
                            const std::string& input_path, std::chrono::milliseconds delay) {
  const std::string out_path = dir.file("append.out");
  const pid_t child = fork();
  if (child == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    const char* argv[] = {SPOORBOEK_BINARY, "append", "--db", db.c_str(), "--case", "1",
                          input_path.c_str(), nullptr};
    execv(SPOORBOEK_BINARY, const_cast<char* const*>(argv));
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the append finished before it was killed";
  return read_file(out_path);
}

// seq -> hash of every "committed <case> <seq> <hash>" line.
std::map<long long, std::string> committed_lines(const std::string& out) {
  std::map<long long, std::string> committed;
  std::istringstream lines(out);
  std::string word, hash;
  long long case_id = 0, seq = 0;
  while (lines >> word >> case_id >> seq >> hash) {
    if (word == "committed" && hash.size() == 64) committed[seq] = hash;
  }
  return committed;
}

TEST(AppendKill, NoCommittedEntryIsLostAndTheChainStaysIntact) {
  const std::string input = long_input(1500);
  for (const int delay_ms : {150, 400, 800, 1300}) {
    SCOPED_TRACE("kill after " + std::to_string(delay_ms) + " ms");
    ScratchDir dir;
    const std::string db = dir.file("case.db");
    create_case(db);
    const std::string input_path = dir.file("input.jsonl");
    std::ofstream(input_path) << input;

    const auto committed =
        committed_lines(append_and_kill(dir, db, input_path, std::chrono::milliseconds(delay_ms)));
    ASSERT_FALSE(committed.empty()) << "nothing was committed before the kill";

    // Every reported entry is there with the reported hash; at most one more made it to disk
    // between its commit and its report.
    const long long stored = query_integer(db, "SELECT count(*) FROM entries WHERE case_id = 1");
    const long long reported = static_cast<long long>(committed.size());
    EXPECT_EQ(committed.rbegin()->first, reported);
    EXPECT_GE(stored, reported);
    EXPECT_LE(stored, reported + 1);
    for (const auto& [seq, hash] : committed) {
      EXPECT_EQ(query_integer(db, "SELECT count(*) FROM entries WHERE case_id = 1 AND seq = " +
                                      std::to_string(seq) + " AND hash = '" + hash + "'"),
                1)
          << "entry " << seq;
    }

    const RunResult verify = dir.run({"verify", "--db", db});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

    // The file takes the next entry of the input.
    std::istringstream lines(input);
    std::string line;
    for (long long i = 0; i <= stored; ++i) std::getline(lines, line);
    const RunResult next = dir.run({"append", "--db", db, "--case", "1", "-"}, line + "\n");
    EXPECT_EQ(next.exit_code, 0) << next.err;
    EXPECT_NE(next.out.find("committed 1 " + std::to_string(stored + 1) + " "), std::string::npos)
        << next.out;
    EXPECT_EQ(dir.run({"verify", "--db", db}).exit_code, 0);
  }
}

}  // namespace
}  // namespace spoorboek::testing
