#include "app/policy.h"

#include <algorithm>
#include <initializer_list>
#include <string>

namespace spoorboek::app {
namespace {

using core::EntryType;
using core::Visibility;

bool role_may(Role role, Action action) {
  switch (role) {
    case Role::administrator:
      return true;
    case Role::case_manager:
      return action == Action::manage_organisations || action == Action::open_case ||
             action == Action::append_entry || action == Action::read_case ||
             action == Action::list_cases || action == Action::assign_case;
    case Role::line_manager:
      return action == Action::open_case || action == Action::append_entry ||
             action == Action::read_case || action == Action::list_cases;
    case Role::company_doctor:
    case Role::occupational_expert:
    case Role::reintegration_coach:
    case Role::employee:
      return action == Action::read_case || action == Action::list_cases ||
             action == Action::append_entry;
  }
  return false;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Staff of the employer itself, or of a provider that serves it.
bool works_for_employer(const Actor& actor, std::int64_t employer_id) {
  if (actor.employer_id) return *actor.employer_id == employer_id;
  if (actor.provider_id) return contains(actor.served_employers, employer_id);
  return false;
}

bool role_reaches(Role role, const Actor& actor, const store::CaseReach& reach) {
  switch (role) {
    case Role::administrator:
      return actor.is_platform_administrator() || works_for_employer(actor, reach.employer_id);
    case Role::case_manager:
    case Role::company_doctor:
    case Role::occupational_expert:
      return works_for_employer(actor, reach.employer_id);
    case Role::line_manager:
      return actor.account_id != 0 && reach.manager_user_id &&
             *reach.manager_user_id == actor.account_id;
    case Role::reintegration_coach:
      return actor.provider_id && contains(reach.provider_ids, *actor.provider_id);
    case Role::employee:
      return actor.employee_id && *actor.employee_id == reach.employee_id;
  }
  return false;
}

// Who adds what to a file (documents-and-privacy.md §10.3, §11): the employer's side runs the
// process; the company doctor records the medical judgements, and two of them are the doctor's
// alone (the conversation with the GP, medical as a whole, and the actueel oordeel); an
// occupational expert records their conversations, work attempts and
// report (as may the doctor who asked for it); a coach records their conversations and the spoor 2
// activities of their office; the employee records their own view of a conversation, their
// answer to the plan of action, their view (zienswijze), a request for a copy of the file and
// their WIA application.
std::bitset<core::kEntryTypeCount> appendable_by(Role role) {
  std::bitset<core::kEntryTypeCount> types;
  auto allow = [&types](std::initializer_list<EntryType> list) {
    for (const auto type : list) types.set(static_cast<std::size_t>(type));
  };
  switch (role) {
    case Role::administrator:
    case Role::case_manager:
      types.set();
      types.reset(static_cast<std::size_t>(EntryType::gp_conversation));
      types.reset(static_cast<std::size_t>(EntryType::current_judgement));
      break;
    case Role::line_manager:
      allow({EntryType::sick_report, EntryType::recovery, EntryType::relapse,
             EntryType::partial_work, EntryType::reintegration_interview,
             EntryType::progress_evaluation, EntryType::track_1_attempt});
      break;
    case Role::company_doctor:
      allow({EntryType::long_term_expected, EntryType::problem_analysis,
             EntryType::progress_evaluation, EntryType::reintegration_interview,
             EntryType::safety_net, EntryType::correction, EntryType::gp_conversation,
             EntryType::occupational_expert_report, EntryType::current_judgement});
      break;
    case Role::occupational_expert:
      allow({EntryType::progress_evaluation, EntryType::reintegration_interview,
             EntryType::track_1_attempt, EntryType::occupational_expert_report});
      break;
    case Role::reintegration_coach:
      allow({EntryType::progress_evaluation, EntryType::reintegration_interview,
             EntryType::track_2_activity});
      break;
    case Role::employee:
      allow({EntryType::reintegration_interview, EntryType::wia_application,
             EntryType::plan_agreement, EntryType::employee_view, EntryType::file_copy_request});
      break;
  }
  return types;
}

}  // namespace

core::Status authorize(const Actor& actor, Action action) {
  for (const auto role : actor.roles.list()) {
    if (role_may(role, action)) return core::ok_status();
  }
  return core::make_error("forbidden", "", "your role may not do this");
}

bool may_read(Role role, Visibility visibility) {
  switch (role) {
    case Role::company_doctor:
    case Role::employee:
      return true;
    case Role::case_manager:
    case Role::line_manager:
    case Role::occupational_expert:
    case Role::administrator:
      return visibility == Visibility::admin || visibility == Visibility::absence ||
             visibility == Visibility::functional;
    case Role::reintegration_coach:
      return visibility == Visibility::admin || visibility == Visibility::functional;
  }
  return false;
}

CaseAccess case_access(const Actor& actor, const store::CaseReach& reach) {
  CaseAccess access;
  for (const auto role : actor.roles.list()) {
    if (!role_reaches(role, actor, reach)) continue;
    access.reach = true;
    for (std::size_t v = 0; v < access.readable.size(); ++v) {
      if (may_read(role, static_cast<Visibility>(v))) access.readable.set(v);
    }
    access.appendable |= appendable_by(role);
    if (role == Role::case_manager || role == Role::administrator) access.assign = true;
  }
  return access;
}

store::CaseReachFilter reach_filter(const Actor& actor) {
  if (actor.is_platform_administrator()) return store::CaseReachFilter::everything();
  store::CaseReachFilter filter;
  const bool employer_side = actor.roles.has(Role::administrator) ||
                             actor.roles.has(Role::case_manager) ||
                             actor.roles.has(Role::company_doctor) ||
                             actor.roles.has(Role::occupational_expert);
  if (employer_side) {
    if (actor.employer_id) filter.employer_ids.push_back(*actor.employer_id);
    if (actor.provider_id) {
      filter.employer_ids.insert(filter.employer_ids.end(), actor.served_employers.begin(),
                                 actor.served_employers.end());
    }
  }
  if (actor.roles.has(Role::line_manager) && actor.account_id != 0) {
    filter.team_manager = actor.account_id;
  }
  if (actor.roles.has(Role::reintegration_coach) && actor.provider_id) {
    filter.provider_id = actor.provider_id;
  }
  if (actor.roles.has(Role::employee) && actor.employee_id) {
    filter.own_employee = actor.employee_id;
  }
  return filter;
}

bool administers_employer(const Actor& actor, std::int64_t employer_id) {
  if (!actor.roles.has(Role::administrator)) return false;
  return actor.is_platform_administrator() || works_for_employer(actor, employer_id);
}

bool administers_provider(const Actor& actor, std::int64_t provider_id) {
  if (!actor.roles.has(Role::administrator)) return false;
  return actor.is_platform_administrator() ||
         (actor.provider_id && *actor.provider_id == provider_id);
}

}  // namespace spoorboek::app
