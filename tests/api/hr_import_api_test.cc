// POST /api/v1/employers/{id}/imports/{employees,reports} and GET .../held-reports over HTTP:
// the report as JSON, 422 with every line error and nothing written, dry runs, held reports.
// Who may is in the authorisation matrix.
#include <gtest/gtest.h>

#include <string>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

class HrImportApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    ASSERT_EQ(run_spoorboek({"demo", "--db", dir_->file("import.db")}), 0);
    server_ = new InProcessServer(dir_->file("import.db"));
    ASSERT_TRUE(server_->running()) << server_->error();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  void SetUp() override {
    client_ = std::make_unique<Client>(server_->port());
    manager_ = client_->login("casemanager@demo.test", "demo");
    ASSERT_FALSE(manager_.token.empty());
    employer_ = client_->get("/api/v1/me", manager_.bearer()).json()["employer_id"];
  }

  Reply import(const std::string& what, const Json& body) {
    return client_->post("/api/v1/employers/" + std::to_string(employer_) + "/imports/" + what,
                         manager_.bearer(), body);
  }
  Json held() {
    return client_
        ->get("/api/v1/employers/" + std::to_string(employer_) + "/held-reports",
              manager_.bearer())
        .json()["held_reports"];
  }
  std::size_t employee_count() {
    return client_
        ->get("/api/v1/employers/" + std::to_string(employer_) + "/employees", manager_.bearer())
        .json()["employees"]
        .size();
  }

  static ScratchDir* dir_;
  static InProcessServer* server_;
  std::unique_ptr<Client> client_;
  Session manager_;
  std::int64_t employer_ = 0;
};

ScratchDir* HrImportApiTest::dir_ = nullptr;
InProcessServer* HrImportApiTest::server_ = nullptr;

TEST_F(HrImportApiTest, StaffThenReportsWithARecoveryHeldUntilItsSickReportArrives) {
  const Reply staff = import("employees", Json{{"csv", "personeelsnummer;naam\nAPI-1;A. Api\n"
                                                       "API-2;B. Api\n"},
                                               {"file_name", "personeel.csv"}});
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_EQ(staff.json()["written"], true);
  EXPECT_EQ(staff.json()["counts"]["created"], 2);
  ASSERT_EQ(staff.json()["lines"].size(), 2u);
  EXPECT_TRUE(staff.json()["lines"][0]["employee_id"].is_number_integer());

  const Reply recovery =
      import("reports", Json{{"csv", "personeelsnummer;soort;datum\nAPI-1;hersteld;20-03-2024\n"},
                             {"file_name", "herstel.csv"}});
  ASSERT_EQ(recovery.status, 200) << recovery.body;
  EXPECT_EQ(recovery.json()["lines"][0]["outcome"], "held");
  EXPECT_EQ(recovery.json()["still_held"], 1);
  Json waiting = held();
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0]["personnel_number"], "API-1");
  EXPECT_EQ(waiting[0]["type"], "recovery");
  EXPECT_EQ(waiting[0]["occurred_on"], "2024-03-20");
  EXPECT_EQ(waiting[0]["source"], "herstel.csv, line 2");
  EXPECT_TRUE(waiting[0]["payload"].is_object());

  const Reply sick =
      import("reports", Json{{"csv", "personeelsnummer;soort;datum\nAPI-1;ziek;04-03-2024\n"},
                             {"file_name", "ziek.csv"}});
  ASSERT_EQ(sick.status, 200) << sick.body;
  const Json lines = sick.json()["lines"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["outcome"], "created");
  EXPECT_EQ(lines[1]["outcome"], "applied_from_held");
  EXPECT_EQ(lines[1]["line"], 0);
  EXPECT_TRUE(held().empty());
  const Reply file = client_->get("/api/v1/cases/" + std::to_string(lines[0]["case_id"].get<std::int64_t>()),
                                  manager_.bearer());
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.json()["status"], "recovered");
  EXPECT_EQ(file.json()["entries"][1]["actor"], "import:ziek.csv");
}

TEST_F(HrImportApiTest, LineErrorsAre422WithEveryErrorAndNothingWritten) {
  const std::size_t before = employee_count();
  const Reply refused =
      import("employees", Json{{"csv", "personeelsnummer;naam\nAPI-10;Goed\nAPI-11;\nAPI-12;Ook goed\n"
                                       "API-13;Jos\xC3\xA9\n;Zonder nummer\n"}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  const Json body = refused.json();
  EXPECT_EQ(body["error"]["code"], "invalid_lines");
  EXPECT_EQ(body["error"]["field"], "csv");
  const Json errors = body["report"]["errors"];
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]["line"], 3);
  EXPECT_EQ(errors[0]["column"], "naam");
  EXPECT_EQ(errors[0]["message"], "is empty");
  EXPECT_EQ(errors[1]["line"], 6);
  EXPECT_EQ(errors[1]["column"], "personeelsnummer");
  EXPECT_EQ(body["report"]["error_count"], 2);
  EXPECT_EQ(body["report"]["written"], false);
  EXPECT_EQ(employee_count(), before);
}

TEST_F(HrImportApiTest, ADryRunWritesNothing) {
  const std::size_t before = employee_count();
  const Reply dry = import("employees", Json{{"csv", "personeelsnummer;naam\nAPI-20;Proef\n"},
                                            {"dry_run", true}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["dry_run"], true);
  EXPECT_EQ(dry.json()["written"], false);
  EXPECT_EQ(dry.json()["counts"]["created"], 1);
  EXPECT_EQ(employee_count(), before);
}

TEST_F(HrImportApiTest, ABadBodyIsRefusedAsUsual) {
  const Reply unknown = import("reports", Json{{"csv", "a;b\n"}, {"bogus", 1}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(is_error_shape(unknown)) << unknown.body;
  EXPECT_EQ(unknown.json()["error"]["code"], "unknown_field");
  const Reply missing = import("reports", Json{{"dry_run", true}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["error"]["field"], "csv");
  const Reply not_json = client_->call(
      "POST", "/api/v1/employers/" + std::to_string(employer_) + "/imports/reports",
      manager_.bearer(), std::string("personeelsnummer;soort;datum\n"), "text/csv");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_TRUE(is_error_shape(not_json)) << not_json.body;
}

}  // namespace
}  // namespace spoorboek::apitest
