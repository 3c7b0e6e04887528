// Two servers behind a load balancer append to one case at the same moment, neither naming an
// expected_seq (a user adding a conversation, not editing a version they saw): both appends must
// be kept, one after the other, in one unbroken hash chain. On PostgreSQL the case's row is held
// for the append (Store::find_case_for_update); without it one of two racing appends failed with
// a conflict the user never caused. Run on both backends (issue 6).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/application.h"
#include "core/entry_hash.h"
#include "security/field_cipher.h"
#include "tests/support/test_database.h"

namespace spoorboek::app {
namespace {

using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

const Actor kAdmin{"admin", "Beheerder", Role::administrator};

Moment today() { return Moment{*core::parse_iso_date("2026-03-02"), "2026-03-02T09:00:00Z", 1772442000}; }

std::string interview(int server, int number) {
  return R"({"type":"reintegration_interview","occurred_on":"2026-03-02","payload":{)"
         R"("attendees":["Casemanager"],"summary":"server )" +
         std::to_string(server) + " gesprek " + std::to_string(number) +
         R"(","employee_agreement":"agreed"}})";
}

class ConcurrentAppendsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(GetParam(), "concurrent_appends");
    for (auto& store : stores_) {
      store = database_->open_migrated();
      ASSERT_TRUE(store);
    }
    Application setup(*stores_[0], &key_);
    ASSERT_TRUE(setup.init_database(kAdmin).ok());
    const auto employer = setup.create_employer(kAdmin, "Bakkerij De Korenschoof");
    ASSERT_TRUE(employer.ok());
    const auto employee = setup.create_employee(kAdmin, *employer, "J. de Vries", "P-001");
    ASSERT_TRUE(employee.ok());
    const auto opened = setup.open_case(kAdmin, *employee, today());
    ASSERT_TRUE(opened.ok());
    case_ = *opened;
    const auto sick = setup.append_entry_json(
        kAdmin, case_,
        R"({"type":"sick_report","occurred_on":"2026-02-02","payload":{"expected_duration":)"
        R"("over_6_weeks","safety_net_applies":false,"work_accident":false,)"
        R"("third_party_liability":false}})",
        today());
    ASSERT_TRUE(sick.ok()) << sick.error().message;
  }
  void TearDown() override {
    for (auto& store : stores_) store.reset();
    database_.reset();
  }

  security::FieldKey key_ = security::FieldKey::generate();
  std::unique_ptr<ScratchDatabase> database_;
  std::unique_ptr<store::Store> stores_[2];
  std::int64_t case_ = 0;
};

TEST_P(ConcurrentAppendsTest, AppendsWithoutExpectedSeqFromTwoServersAreAllKeptInOneChain) {
  constexpr int kPerServer = 40;
  std::atomic<int> ready{0};
  std::vector<std::string> failures[2];
  std::vector<std::thread> servers;
  for (int server = 0; server < 2; ++server) {
    servers.emplace_back([&, server] {
      Application application(*stores_[server], &key_);
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      for (int i = 0; i < kPerServer; ++i) {
        const auto appended = application.append_entry_json(kAdmin, case_, interview(server, i), today());
        if (!appended.ok()) {
          failures[server].push_back(appended.error().code + " " + appended.error().field + ": " +
                                     appended.error().message);
        }
      }
    });
  }
  for (auto& server : servers) server.join();

  for (int server = 0; server < 2; ++server) {
    EXPECT_TRUE(failures[server].empty())
        << "server " << server << ": " << failures[server].size() << " failed, first: "
        << failures[server].front();
  }
  const auto entries = stores_[0]->load_entries(case_);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u + 2 * kPerServer);
  EXPECT_FALSE(core::verify_chain(case_, *entries).has_value());
  const auto summary = stores_[1]->find_summary(case_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->last_seq, 1 + 2 * kPerServer);
  EXPECT_EQ(summary->last_hash, entries->back().hash);
}

// An append that names the seq it expects still loses to one that came first: the lock makes
// the second wait, then its check sees the first's entry.
TEST_P(ConcurrentAppendsTest, AStaleExpectedSeqIsStillRefusedAfterWaiting) {
  Application first(*stores_[0], &key_);
  Application second(*stores_[1], &key_);
  std::string with_seq = interview(0, 0);
  with_seq.insert(with_seq.size() - 1, R"(,"expected_seq":2)");
  ASSERT_TRUE(first.append_entry_json(kAdmin, case_, with_seq, today()).ok());
  const auto refused = second.append_entry_json(kAdmin, case_, with_seq, today());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "conflict");
  EXPECT_EQ(refused.error().field, "expected_seq");
  EXPECT_EQ(stores_[1]->load_entries(case_)->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentAppendsTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::app
