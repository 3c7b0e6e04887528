// GET /api/v1/cases.csv: the dashboard listing as CSV, with the same filters and reach as
// GET /api/v1/cases, every matching case without paging, nothing medical.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

// The first cell of every data row (the case id); the header is checked separately.
std::vector<std::int64_t> case_ids(const std::string& csv) {
  std::vector<std::int64_t> ids;
  std::size_t at = csv.find("\r\n");
  while (at != std::string::npos && at + 2 < csv.size()) {
    const std::size_t start = at + 2;
    ids.push_back(std::stoll(csv.substr(start, csv.find(',', start) - start)));
    at = csv.find("\r\n", start);
  }
  return ids;
}

class CasesCsvTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    ASSERT_EQ(run_spoorboek({"demo", "--db", dir_->file("csv.db")}), 0);
    server_ = new InProcessServer(dir_->file("csv.db"));
    ASSERT_TRUE(server_->running()) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static ScratchDir* dir_;
  static InProcessServer* server_;
};

ScratchDir* CasesCsvTest::dir_ = nullptr;
InProcessServer* CasesCsvTest::server_ = nullptr;

TEST_F(CasesCsvTest, HoldsTheSameCasesAsTheJsonListingWithTheSameFilters) {
  Client client(server_->port());
  const Session manager = client.login("casemanager@demo.test", "demo");
  ASSERT_FALSE(manager.token.empty());
  for (const std::string filter :
       {"", "?include_closed=true", "?status=sick", "?due_within_days=30", "?limit=5&offset=2"}) {
    const Reply csv = client.get("/api/v1/cases.csv" + filter, manager.bearer());
    ASSERT_EQ(csv.status, 200) << filter << csv.body;
    EXPECT_NE(csv.header("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_NE(csv.header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_TRUE(csv.body.starts_with("case_id,employer,personnel_number,employee,status,"));
    std::string json_filter = filter.empty() ? "?limit=500" : filter;
    if (filter.find("limit") == std::string::npos && !filter.empty()) json_filter += "&limit=500";
    const Json listing = client.get("/api/v1/cases" + json_filter, manager.bearer()).json();
    std::vector<std::int64_t> expected;
    for (const auto& row : listing["cases"]) expected.push_back(row["case_id"]);
    EXPECT_EQ(case_ids(csv.body), expected) << filter;
  }
  // The demo's medical note never appears.
  const Reply all = client.get("/api/v1/cases.csv?include_closed=true", manager.bearer());
  EXPECT_EQ(all.body.find("Alleen voor de bedrijfsarts"), std::string::npos);
  EXPECT_EQ(all.body.find("sealed:"), std::string::npos);
}

// overdue=true lists exactly the open cases whose next deadline passed before today, paged by
// the store, with the total of all of them.
TEST_F(CasesCsvTest, OverdueListsExactlyTheLateCasesAndCountsThemAll) {
  Client client(server_->port());
  const Session manager = client.login("casemanager@demo.test", "demo");
  const Json everything = client.get("/api/v1/cases?limit=500", manager.bearer()).json();
  std::vector<std::int64_t> late;
  for (const auto& row : everything["cases"]) {
    if (!row["days_left"].is_null() && row["days_left"].get<int>() < 0) late.push_back(row["case_id"]);
  }
  ASSERT_FALSE(late.empty());
  const Json overdue = client.get("/api/v1/cases?overdue=true&limit=500", manager.bearer()).json();
  std::vector<std::int64_t> listed;
  for (const auto& row : overdue["cases"]) listed.push_back(row["case_id"]);
  EXPECT_EQ(listed, late);
  EXPECT_EQ(overdue["total"], late.size());
  const Json first = client.get("/api/v1/cases?overdue=true&limit=1", manager.bearer()).json();
  ASSERT_EQ(first["cases"].size(), 1u);
  EXPECT_EQ(first["total"], late.size());
  const Json second =
      client.get("/api/v1/cases?overdue=true&limit=1&offset=1", manager.bearer()).json();
  if (late.size() > 1) {
    EXPECT_EQ(second["cases"][0]["case_id"], late[1]);
  }
  const Reply bad = client.get("/api/v1/cases?overdue=soon", manager.bearer());
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["error"]["field"], "overdue");
}

TEST_F(CasesCsvTest, BadFiltersAndAnonymousCallersAreRefused) {
  Client client(server_->port());
  EXPECT_EQ(client.get("/api/v1/cases.csv", Auth::none()).status, 401);
  const Session manager = client.login("casemanager@demo.test", "demo");
  for (const char* filter : {"?status=nonsense", "?limit=0", "?bogus=1", "?due_within_days=-1"}) {
    const Reply reply = client.get(std::string("/api/v1/cases.csv") + filter, manager.bearer());
    EXPECT_GE(reply.status, 400) << filter;
    EXPECT_LT(reply.status, 500) << filter;
    EXPECT_TRUE(is_error_shape(reply)) << filter << " " << reply.body;
  }
}

}  // namespace
}  // namespace spoorboek::apitest
