// policy.h: which role may append which of the later steps of the file (the GP conversation, the
// deskundigenoordeel, the occupational expert's report, the actueel oordeel, the end evaluation
// and the spoor 2 activities), each role in a case it reaches.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/policy.h"

namespace spoorboek::app {
namespace {

using core::EntryType;

constexpr std::int64_t kEmployer = 10;
constexpr std::int64_t kArbo = 20;
constexpr std::int64_t kOffice = 30;
constexpr std::int64_t kEmployee = 40;
constexpr std::int64_t kManagerAccount = 50;

store::CaseReach the_case() {
  store::CaseReach reach;
  reach.case_id = 1;
  reach.employer_id = kEmployer;
  reach.employee_id = kEmployee;
  reach.manager_user_id = kManagerAccount;
  reach.provider_ids = {kOffice};
  return reach;
}

// One actor per role, each reaching the case.
std::map<Role, Actor> actors() {
  std::map<Role, Actor> all;
  Actor administrator{"admin", "Beheerder", Role::administrator};
  all.emplace(Role::administrator, administrator);
  Actor manager{"cm", "Casemanager", Role::case_manager};
  manager.employer_id = kEmployer;
  all.emplace(Role::case_manager, manager);
  Actor line_manager{"lm", "Leidinggevende", Role::line_manager};
  line_manager.employer_id = kEmployer;
  line_manager.account_id = kManagerAccount;
  all.emplace(Role::line_manager, line_manager);
  for (const Role role : {Role::company_doctor, Role::occupational_expert}) {
    Actor arbo{"arbo", "Arbo", role};
    arbo.provider_id = kArbo;
    arbo.served_employers = {kEmployer};
    all.emplace(role, arbo);
  }
  Actor coach{"coach", "Coach", Role::reintegration_coach};
  coach.provider_id = kOffice;
  all.emplace(Role::reintegration_coach, coach);
  Actor employee{"emp", "Werknemer", Role::employee};
  employee.employer_id = kEmployer;
  employee.employee_id = kEmployee;
  all.emplace(Role::employee, employee);
  return all;
}

TEST(Policy, EveryActorOfTheTableReachesTheCase) {
  for (const auto& [role, actor] : actors()) {
    EXPECT_TRUE(case_access(actor, the_case()).reach) << actor.user_id;
  }
}

TEST(Policy, TheLaterStepsAreAppendedByTheirOwnRoles) {
  const std::map<EntryType, std::set<Role>> expected{
      {EntryType::gp_conversation, {Role::company_doctor}},
      {EntryType::current_judgement, {Role::company_doctor}},
      {EntryType::expert_opinion, {Role::administrator, Role::case_manager}},
      {EntryType::occupational_expert_report,
       {Role::administrator, Role::case_manager, Role::company_doctor, Role::occupational_expert}},
      {EntryType::end_evaluation, {Role::administrator, Role::case_manager}},
      {EntryType::track_2_activity,
       {Role::administrator, Role::case_manager, Role::reintegration_coach}},
  };
  const auto all = actors();
  for (const auto& [type, roles] : expected) {
    for (const auto& [role, actor] : all) {
      EXPECT_EQ(case_access(actor, the_case()).may_append(type), roles.contains(role))
          << core::entry_type_name(type) << " by " << actor.user_id;
    }
  }
}

TEST(Policy, ACoachOfAnotherOfficeAddsNoSpoor2Activity) {
  Actor coach{"coach", "Coach", Role::reintegration_coach};
  coach.provider_id = kOffice + 1;
  const auto access = case_access(coach, the_case());
  EXPECT_FALSE(access.reach);
  EXPECT_FALSE(access.may_append(EntryType::track_2_activity));
}

TEST(Policy, ADoctorOfAnotherEmployerAddsNoGpConversation) {
  Actor doctor{"doc", "Arts", Role::company_doctor};
  doctor.provider_id = kArbo;
  doctor.served_employers = {kEmployer + 1};
  const auto access = case_access(doctor, the_case());
  EXPECT_FALSE(access.may_append(EntryType::gp_conversation));
  EXPECT_FALSE(access.may_append(EntryType::current_judgement));
}

// A case manager who is also the in-house company doctor keeps the doctor's entries: roles add up.
TEST(Policy, RolesAddUp) {
  Actor manager{"cm", "Casemanager", Role::case_manager};
  manager.employer_id = kEmployer;
  EXPECT_FALSE(case_access(manager, the_case()).may_append(EntryType::gp_conversation));
  Actor both = manager;
  both.roles.add(Role::company_doctor);
  const auto access = case_access(both, the_case());
  EXPECT_TRUE(access.may_append(EntryType::gp_conversation));
  EXPECT_TRUE(access.may_append(EntryType::end_evaluation));
}

}  // namespace
}  // namespace spoorboek::app
