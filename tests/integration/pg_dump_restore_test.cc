// The PostgreSQL backup recipe of the README, end to end (issue 6): `pg_dump --format=custom` of a
// live database while another connection keeps appending, `pg_restore --clean --if-exists` into
// a database (empty, or an installation holding other data), then `spoorboek verify` and `show`
// on the restored one. The restored database holds exactly what the live one held at one moment.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "tests/integration/cli_harness.h"
#include "tests/integration/live_writer.h"
#include "tests/support/test_database.h"

namespace spoorboek::testing {
namespace {

// Runs `sql` on `uri`: its error ("" when none) and, for a query, its rows keyed by the first two
// columns with the third as value.
struct PgQuery {
  std::string error;
  EntryHashes entries;
};
PgQuery pg_query(const std::string& uri, const std::string& sql) {
  PgQuery answer;
  PGconn* connection = PQconnectdb(uri.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    answer.error = PQerrorMessage(connection);
    PQfinish(connection);
    return answer;
  }
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(connection, sql.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    answer.error = PQresultErrorMessage(result);
  } else if (status == PGRES_TUPLES_OK && PQnfields(result) >= 3) {
    for (int row = 0; row < PQntuples(result); ++row) {
      answer.entries[{std::atoll(PQgetvalue(result, row, 0)), std::atoll(PQgetvalue(result, row, 1))}] =
          PQgetvalue(result, row, 2);
    }
  }
  PQclear(result);
  PQfinish(connection);
  return answer;
}

EntryHashes entries_of(const std::string& uri) {
  const PgQuery query = pg_query(uri, "SELECT case_id, seq, hash FROM entries");
  EXPECT_EQ(query.error, "");
  return query.entries;
}

int run_shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class PgDumpRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(Backend::postgres);
    admin_uri_ = std::getenv("SPOORBOEK_TEST_POSTGRES");
    const std::string suffix = std::to_string(::getpid());
    live_name_ = "sb_dump_live_" + suffix;
    restored_name_ = "sb_dump_restored_" + suffix;
    for (const auto& name : {live_name_, restored_name_}) {
      ASSERT_EQ(pg_query(admin_uri_, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").error, "");
      ASSERT_EQ(pg_query(admin_uri_, "CREATE DATABASE " + name).error, "");
    }
    live_ = database_uri(live_name_);
    restored_ = database_uri(restored_name_);
    // One key file for every server of the installation, kept apart from the dumps.
    ::setenv("SPOORBOEK_KEY_FILE", dir_.file("medical.key").c_str(), 1);
    const RunResult demo = dir_.run({"demo", "--db", live_, "--seed", "5", "--as-of", "2026-03-02"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  void TearDown() override {
    if (admin_uri_.empty()) return;
    for (const auto& name : {live_name_, restored_name_}) {
      pg_query(admin_uri_, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
  std::string database_uri(const std::string& name) const {
    return admin_uri_ + (admin_uri_.find('?') == std::string::npos ? "?" : "&") + "dbname=" + name;
  }
  // The README's two commands.
  int pg_dump(const std::string& uri, const std::string& file) {
    return run_shell("pg_dump --format=custom --file=" + quote(file) + " " + quote(uri) + " 2> " +
                     quote(dir_.file("pg_dump.err")));
  }
  int pg_restore(const std::string& uri, const std::string& file) {
    return run_shell("pg_restore --dbname=" + quote(uri) + " --clean --if-exists " + quote(file) +
                     " 2> " + quote(dir_.file("pg_restore.err")));
  }

  ScratchDir dir_;
  std::string admin_uri_, live_name_, restored_name_, live_, restored_;
};

TEST_F(PgDumpRestoreTest, ADumpTakenWhileAppendingRestoresToOneMomentAndVerifies) {
  LiveWriter writer(live_);
  writer.wait_for(20);
  const int before_dump = writer.appended();
  const std::string dump = dir_.file("spoorboek.dump");
  const int dumped = pg_dump(live_, dump);
  const int after_dump = writer.appended();
  writer.wait_for(after_dump + 20);
  writer.stop();
  ASSERT_FALSE(writer.failed()) << writer.failure();
  ASSERT_EQ(dumped, 0) << read_file(dir_.file("pg_dump.err"));
  EXPECT_GT(after_dump, before_dump) << "the writer kept committing while pg_dump ran";

  ASSERT_EQ(pg_restore(restored_, dump), 0) << read_file(dir_.file("pg_restore.err"));
  const RunResult verify = dir_.run({"verify", "--db", restored_});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // One moment, as pg_dump's snapshot promises.
  const auto back = entries_of(restored_);
  const std::int64_t writer_case = writer.case_id();
  const long long writer_entries =
      expect_one_moment(entries_of(live_), back, writer_case, before_dump, after_dump);
  EXPECT_NE(verify.out.find(std::to_string(back.size()) + " entries"), std::string::npos)
      << verify.out;
  const RunResult show = dir_.run({"show", "--db", restored_, std::to_string(writer_case),
                                   "--as-of", "2026-03-02", "--json"});
  EXPECT_EQ(show.exit_code, 0) << show.err;

  // The restored installation keeps working: a new entry continues the writer's chain.
  const RunResult append = dir_.run({"append", "--db", restored_, "--case", std::to_string(writer_case), "-"},
                                    std::string(kDoctorReport) + "\n");
  EXPECT_EQ(append.exit_code, 0) << append.err;
  EXPECT_NE(append.out.find("committed " + std::to_string(writer_case) + " " +
                            std::to_string(writer_entries + 1)),
            std::string::npos)
      << append.out;
}

// --clean --if-exists replaces an installation that holds other data: afterwards the database
// holds the dump and nothing of what was there (the append-only triggers do not stand in the way
// of dropping the tables they guard).
TEST_F(PgDumpRestoreTest, RestoringOverAnotherInstallationLeavesExactlyTheDump) {
  const std::string dump = dir_.file("spoorboek.dump");
  ASSERT_EQ(pg_dump(live_, dump), 0) << read_file(dir_.file("pg_dump.err"));
  const RunResult other =
      dir_.run({"demo", "--db", restored_, "--seed", "9", "--as-of", "2026-05-04"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  ASSERT_NE(entries_of(restored_), entries_of(live_));

  ASSERT_EQ(pg_restore(restored_, dump), 0) << read_file(dir_.file("pg_restore.err"));
  EXPECT_EQ(entries_of(restored_), entries_of(live_));
  const RunResult verify = dir_.run({"verify", "--db", restored_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  // The accounts came with the dump: the demo's case manager can log in on the restored database
  // exactly as on the live one (same users, same password hashes).
  const PgQuery users_live = pg_query(live_, "SELECT id, 0, email || password_hash FROM users");
  const PgQuery users_back = pg_query(restored_, "SELECT id, 0, email || password_hash FROM users");
  ASSERT_EQ(users_live.error, "");
  EXPECT_EQ(users_back.entries, users_live.entries);
}

}  // namespace
}  // namespace spoorboek::testing
