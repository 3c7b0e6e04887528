// The dashboard read in pages and counted in the store (issue 6), on both backends, against the
// dashboard as it was: every case in the actor's reach read as a row, the name search and the
// stage counts done per row, the overdue and due-this-week lists cut from all rows, and for a
// company doctor the timeline of every listed case. On the scale demo's varied files (every
// stage of the 104 weeks, careless files with steps late or skipped, relapses, leave, ended
// cases), as of the day the demo was built around and later days, for each demo role.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "app/accounts.h"
#include "app/application.h"
#include "app/dashboard.h"
#include "app/login_throttle.h"
#include "tests/support/test_database.h"

namespace spoorboek::app {
namespace {

using spoorboek::testing::Backend;
using spoorboek::testing::ScratchDatabase;

const core::Date kBuilt = *core::parse_iso_date("2026-03-02");
const Moment kNow{kBuilt, "2026-03-02T09:00:00Z", 1772442000};
constexpr std::int64_t kEmployees = 1500;

Actor platform_admin() { return Actor{"cli:test", "Test", Role::administrator}; }

// The dashboard as Dashboards::dashboard computed it before issue 6, from the public use cases.
struct Reference {
  std::vector<CaseRow> cases;
  std::vector<CaseRow> overdue;
  std::vector<CaseRow> due_this_week;
  std::vector<std::int64_t> stage_counts;
  std::vector<std::int64_t> employer_ids;  // of the listed rows
  std::vector<AgendaItem> agenda;
};

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

Reference reference(Application& app, store::Store& store, const Actor& actor,
                    const DashboardFilter& filter, core::Date today) {
  Reference result;
  CaseQuery query(today);
  query.employer_id = filter.employer_id;
  query.status = filter.status;
  query.assignee_id = filter.assignee_id;
  auto page = app.list_case_page(actor, query);
  EXPECT_TRUE(page.ok());
  const std::vector<std::pair<long, long>> stages = {{1, 6},   {7, 8},   {9, 42},    {43, 52},
                                                     {53, 91}, {92, 104}, {105, 100000}};
  result.stage_counts.assign(stages.size(), 0);
  for (auto& row : page->rows) {
    if (!filter.search.empty()) {
      const bool named =
          ascii_lower(row.employee_name).find(ascii_lower(filter.search)) != std::string::npos;
      if (!named && store.find_employee(row.employee_id)->personnel_number != filter.search) {
        continue;
      }
    }
    if (std::find(result.employer_ids.begin(), result.employer_ids.end(), row.employer_id) ==
        result.employer_ids.end()) {
      result.employer_ids.push_back(row.employer_id);
    }
    for (std::size_t i = 0; i < stages.size(); ++i) {
      if (row.sick_week >= stages[i].first && row.sick_week <= stages[i].second) {
        ++result.stage_counts[i];
      }
    }
    if (row.days_left && *row.days_left < 0) result.overdue.push_back(row);
    if (row.days_left && *row.days_left >= 0 && *row.days_left <= 7) {
      result.due_this_week.push_back(row);
    }
    result.cases.push_back(row);
  }
  if (actor.roles.has(Role::company_doctor)) {
    for (const auto& row : result.cases) {
      auto timeline = app.get_timeline(actor, row.case_id, today);
      EXPECT_TRUE(timeline.ok());
      if (!timeline->has_timeline) continue;
      for (const auto step :
           {core::MilestoneKey::problem_analysis, core::MilestoneKey::reintegration_report}) {
        const auto& milestone = timeline->timeline.at(step);
        const bool open = milestone.status == core::MilestoneStatus::upcoming ||
                          milestone.status == core::MilestoneStatus::due_soon ||
                          milestone.status == core::MilestoneStatus::overdue;
        if (!open || !milestone.due) continue;
        if (core::days_between(today, *milestone.due) > kAgendaDays) continue;
        result.agenda.push_back(AgendaItem{row, step, milestone.status, *milestone.due});
      }
    }
    std::stable_sort(result.agenda.begin(), result.agenda.end(),
                     [](const AgendaItem& a, const AgendaItem& b) { return a.due < b.due; });
  }
  return result;
}

std::vector<std::int64_t> ids(const std::vector<CaseRow>& rows, std::size_t from = 0,
                              std::size_t count = SIZE_MAX) {
  std::vector<std::int64_t> result;
  for (std::size_t i = from; i < rows.size() && result.size() < count; ++i) {
    result.push_back(rows[i].case_id);
  }
  return result;
}

// What a row shows, for comparing rows of both ways.
std::string shown(const CaseRow& row) {
  return std::to_string(row.case_id) + " " + row.employee_name + " " + row.employer_name + " " +
         row.status + " week " + std::to_string(row.sick_week) + " " +
         row.next_deadline_key.value_or("-") + " " +
         (row.days_left ? std::to_string(*row.days_left) : std::string("-"));
}

std::vector<std::string> shown(const std::vector<CaseRow>& rows) {
  std::vector<std::string> result;
  for (const auto& row : rows) result.push_back(shown(row));
  return result;
}

std::vector<std::string> shown(const std::vector<AgendaItem>& items) {
  std::vector<std::string> result;
  for (const auto& item : items) {
    result.push_back(std::to_string(item.row.case_id) + " " +
                     std::string(core::milestone_key_name(item.step)) + " " +
                     std::string(core::status_name(item.status)) + " " +
                     core::format_iso_date(item.due));
  }
  return result;
}

class DashboardTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SPOORBOEK_SKIP_UNLESS_BACKEND_AVAILABLE(GetParam());
    database_ = std::make_unique<ScratchDatabase>(GetParam(), "dashboard");
    store_ = database_->open_migrated();
    ASSERT_NE(store_, nullptr);
    app_ = std::make_unique<Application>(*store_);
    ASSERT_TRUE(app_->init_database(platform_admin()).ok());
    ScaleDemoOptions options;
    options.employees = kEmployees;
    options.batch_size = 500;
    const auto loaded = app_->load_scale_demo(platform_admin(), options, kNow);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    accounts_ = std::make_unique<Accounts>(*store_, nullptr, throttle_);
    dashboards_ = std::make_unique<Dashboards>(*store_, *app_);
  }
  void TearDown() override {
    dashboards_.reset();
    accounts_.reset();
    app_.reset();
    store_.reset();
    database_.reset();
  }

  Actor actor(const std::string& who) {
    const auto user = store_->find_user_by_email(who + "@demo.test");
    EXPECT_TRUE(user.ok()) << who;
    auto loaded = accounts_->load_actor(user->id);
    EXPECT_TRUE(loaded.ok()) << who;
    return *loaded;
  }

  // The dashboard and the reference agree on everything the page shows of them.
  void expect_same(const Actor& who, const DashboardFilter& filter, core::Date today) {
    SCOPED_TRACE(who.display_name + " search '" + filter.search + "' status " +
                 filter.status.value_or("open") + " as of " + core::format_iso_date(today));
    const Reference before = reference(*app_, *store_, who, filter, today);
    const auto board = dashboards_->dashboard(who, filter, today);
    ASSERT_TRUE(board.ok()) << board.error().message;
    const auto total = static_cast<std::int64_t>(before.cases.size());
    EXPECT_EQ(board->cases_total, total);
    const std::int64_t pages = std::max<std::int64_t>(1, (total + 49) / 50);
    EXPECT_EQ(board->page_count, pages);
    EXPECT_EQ(board->page, std::clamp<std::int64_t>(filter.page, 1, pages));
    const auto from = static_cast<std::size_t>((board->page - 1) * kDashboardPageSize);
    EXPECT_EQ(shown(board->cases),
              shown(std::vector<CaseRow>(
                  before.cases.begin() + static_cast<std::ptrdiff_t>(from),
                  before.cases.begin() + static_cast<std::ptrdiff_t>(
                                             std::min(before.cases.size(), from + 50)))));
    EXPECT_EQ(board->overdue_total, static_cast<std::int64_t>(before.overdue.size()));
    EXPECT_EQ(ids(board->overdue), ids(before.overdue, 0, kAttentionListSize));
    EXPECT_EQ(board->due_this_week_total, static_cast<std::int64_t>(before.due_this_week.size()));
    EXPECT_EQ(ids(board->due_this_week), ids(before.due_this_week, 0, kAttentionListSize));
    std::vector<std::int64_t> stage_counts;
    for (const auto& stage : board->stages) stage_counts.push_back(stage.cases);
    EXPECT_EQ(stage_counts, before.stage_counts);
    // The employer filter offers the reach's employers: at least those of the rows.
    for (const auto id : before.employer_ids) {
      EXPECT_TRUE(std::any_of(board->employers.begin(), board->employers.end(),
                              [id](const store::Employer& e) { return e.id == id; }))
          << "employer " << id;
    }
    EXPECT_FALSE(board->agenda_capped);
    // The one change: the steps of ended cases are no longer on the agenda (only a status filter
    // of "recovered" listed them). A missed step of an ended case cannot be taken any more, and
    // the rest of the dashboard never showed their deadlines (prepare_append.cc).
    std::vector<AgendaItem> open_steps;
    for (const auto& item : before.agenda) {
      if (item.row.status != "recovered") open_steps.push_back(item);
    }
    EXPECT_EQ(shown(board->medical_agenda), shown(open_steps));
  }

  std::unique_ptr<ScratchDatabase> database_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Application> app_;
  LoginThrottle throttle_;
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Dashboards> dashboards_;
};

TEST_P(DashboardTest, TheCompanyDoctorsDashboardIsTheSameAsWhenEveryCaseWasRead) {
  const Actor doctor = actor("doctor");
  // Later days too: the store's summaries were written on kBuilt, the reference folds each file
  // as of the day (the preselection of the agenda must hold while a summary ages).
  std::size_t analyses = 0, reports = 0;
  for (const int later : {0, 9, 40, 150}) {
    const core::Date today = core::add_days(kBuilt, later);
    DashboardFilter filter;
    expect_same(doctor, filter, today);
    for (const auto& item : reference(*app_, *store_, doctor, filter, today).agenda) {
      ++(item.step == core::MilestoneKey::problem_analysis ? analyses : reports);
    }
  }
  EXPECT_GT(analyses, 20u) << "a varied agenda";
  EXPECT_GT(reports, 10u) << "a varied agenda";
  DashboardFilter second_page;
  second_page.page = 2;
  expect_same(doctor, second_page, kBuilt);
  DashboardFilter named;
  named.search = "an";
  expect_same(doctor, named, kBuilt);
  DashboardFilter ended;
  ended.status = "recovered";
  expect_same(doctor, ended, core::add_days(kBuilt, 9));
  EXPECT_FALSE(reference(*app_, *store_, doctor, ended, kBuilt).agenda.empty())
      << "the ended cases had steps on the old agenda";
}

TEST_P(DashboardTest, EveryRolesDashboardIsTheSameAsWhenEveryCaseWasRead) {
  for (const char* who : {"casemanager", "manager", "coach", "expert", "admin"}) {
    const Actor someone = actor(who);
    DashboardFilter filter;
    expect_same(someone, filter, kBuilt);
    filter.page = 3;
    expect_same(someone, filter, core::add_days(kBuilt, 30));
    DashboardFilter partial;
    partial.status = "working_partially";
    expect_same(someone, partial, kBuilt);
  }
}

TEST_P(DashboardTest, TheSearchFindsNamesAndPersonnelNumbersAsBefore) {
  const Actor doctor = actor("doctor");
  const auto listed = app_->list_case_page(doctor, CaseQuery(kBuilt));
  ASSERT_TRUE(listed.ok());
  ASSERT_GT(listed->rows.size(), 100u);
  const CaseRow& some = listed->rows[37];
  const auto number = store_->find_employee(some.employee_id)->personnel_number;
  // A part of a name, in another case; a whole personnel number; a part of one (no match unless
  // a name holds it); text that is in nobody's name.
  const std::string name_part = some.employee_name.substr(1, 4);
  std::string shouted = name_part;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& search : {name_part, shouted, number, number.substr(0, 3),
                                    std::string("zzz-niemand"), std::string("%"),
                                    some.employee_name}) {
    DashboardFilter filter;
    filter.search = search;
    expect_same(doctor, filter, kBuilt);
  }
  DashboardFilter by_number;
  by_number.search = number;
  const auto board = dashboards_->dashboard(doctor, by_number, kBuilt);
  ASSERT_TRUE(board.ok());
  EXPECT_TRUE(std::any_of(board->cases.begin(), board->cases.end(),
                          [&](const CaseRow& row) { return row.case_id == some.case_id; }));
  for (const std::string& bad :
       {std::string("\xff"), std::string("a\0b", 3), std::string("\xc3")}) {
    DashboardFilter filter;
    filter.search = bad;
    const auto refused = dashboards_->dashboard(doctor, filter, kBuilt);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "invalid");
    EXPECT_EQ(refused.error().field, "search");
  }
}

TEST_P(DashboardTest, PagesBeyondTheLastShowTheLastAndBelowTheFirstTheFirst) {
  const Actor doctor = actor("doctor");
  for (const std::int64_t page :
       {std::int64_t{0}, std::int64_t{-5}, std::int64_t{1'000'000'000'000}}) {
    DashboardFilter filter;
    filter.page = page;
    expect_same(doctor, filter, kBuilt);
  }
  DashboardFilter nobody;
  nobody.search = "zzz-niemand";
  nobody.page = 7;
  const auto empty = dashboards_->dashboard(doctor, nobody, kBuilt);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->page, 1);
  EXPECT_EQ(empty->page_count, 1);
  EXPECT_TRUE(empty->cases.empty());
}

// Risk first checks the first kRiskCheckLimit cases by deadline, never all of them: the ranking
// is that of the old dashboard over those cases.
TEST_P(DashboardTest, RiskFirstRanksTheFirstCasesByDeadlineOnly) {
  const Actor doctor = actor("doctor");
  CaseQuery first(kBuilt);
  first.limit = kRiskCheckLimit;
  const auto checked = app_->list_case_page(doctor, first);
  ASSERT_TRUE(checked.ok());
  ASSERT_GT(checked->total, kRiskCheckLimit) << "more cases than are checked";
  std::vector<CaseRow> at_risk;
  for (auto row : checked->rows) {
    const auto check = app_->check_case(doctor, row.case_id, kBuilt);
    ASSERT_TRUE(check.ok());
    if (check->report.risk.score == 0) continue;
    row.risk_score = check->report.risk.score;
    row.check_blocks = check->report.blocks;
    at_risk.push_back(row);
  }
  std::stable_sort(at_risk.begin(), at_risk.end(), [](const CaseRow& a, const CaseRow& b) {
    if (a.risk_score != b.risk_score) return a.risk_score > b.risk_score;
    return a.check_blocks > b.check_blocks;
  });
  ASSERT_FALSE(at_risk.empty());
  DashboardFilter filter;
  filter.risk_first = true;
  std::vector<CaseRow> paged;
  for (std::int64_t page = 1;; ++page) {
    filter.page = page;
    const auto board = dashboards_->dashboard(doctor, filter, kBuilt);
    ASSERT_TRUE(board.ok());
    EXPECT_EQ(board->risk_checked, kRiskCheckLimit);
    EXPECT_EQ(board->risk_matching, checked->total);
    EXPECT_EQ(board->cases_total, static_cast<std::int64_t>(at_risk.size()));
    paged.insert(paged.end(), board->cases.begin(), board->cases.end());
    if (page >= board->page_count) break;
  }
  EXPECT_EQ(ids(paged), ids(at_risk));
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i].risk_score, at_risk[i].risk_score);
    EXPECT_EQ(paged[i].check_blocks, at_risk[i].check_blocks);
  }
}

TEST_P(DashboardTest, BadInputIsRefusedByItsField) {
  DashboardFilter filter;
  filter.status = "ziek";
  const auto refused = dashboards_->dashboard(actor("casemanager"), filter, kBuilt);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid");
  EXPECT_EQ(refused.error().field, "status");
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardTest,
                         ::testing::ValuesIn(spoorboek::testing::all_backends()),
                         [](const auto& info) { return spoorboek::testing::backend_label(info.param); });

}  // namespace
}  // namespace spoorboek::app
