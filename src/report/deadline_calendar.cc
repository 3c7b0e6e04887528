#include "report/deadline_calendar.h"

#include <cctype>

#include "core/utf8.h"

namespace spoorboek::report {
namespace {

bool on_calendar(core::MilestoneStatus status) {
  switch (status) {
    case core::MilestoneStatus::upcoming:
    case core::MilestoneStatus::due_soon:
    case core::MilestoneStatus::overdue:
    case core::MilestoneStatus::info:
      return true;
    case core::MilestoneStatus::done_on_time:
    case core::MilestoneStatus::done_late:
    case core::MilestoneStatus::deviation:
    case core::MilestoneStatus::not_applicable:
      return false;
  }
  return false;
}

std::string_view party_label(core::Party party, core::Language language) {
  const bool nl = language == core::Language::nl;
  switch (party) {
    case core::Party::employer: return nl ? "werkgever" : "employer";
    case core::Party::employee: return nl ? "werknemer" : "employee";
    case core::Party::employer_and_employee:
      return nl ? "werkgever en werknemer" : "employer and employee";
    case core::Party::company_doctor: return "bedrijfsarts";
    case core::Party::uwv: return "UWV";
    case core::Party::none: return "";
  }
  return "";
}

std::string summary_of(std::int64_t case_id, std::string_view initials,
                       const core::Milestone& milestone, core::Language language) {
  const bool nl = language == core::Language::nl;
  std::string summary;
  if (milestone.status == core::MilestoneStatus::overdue) summary += nl ? "Te laat: " : "Overdue: ";
  summary += core::milestone_dutch_name(milestone.key);
  summary += nl ? " – dossier " : " – case ";
  summary += std::to_string(case_id);
  if (!initials.empty()) {
    summary += " (";
    summary += initials;
    summary += ')';
  }
  return summary;
}

std::string description_of(const core::Milestone& milestone, core::Language language) {
  const bool nl = language == core::Language::nl;
  std::string text = nl ? "Status: " : "Status: ";
  text += core::status_label(milestone.status, language);
  text += ".\n";
  const std::string_view party = party_label(core::responsible_party(milestone.key), language);
  if (!party.empty()) {
    text += nl ? "Aan zet: " : "To act: ";
    text += party;
    text += ".\n";
  }
  if (milestone.from) {
    text += nl ? "Vanaf: " : "From: ";
    text += core::format_long_date(*milestone.from, language);
    text += ".\n";
  }
  text += nl ? "Grondslag: " : "Legal basis: ";
  text += core::legal_basis(milestone);
  text += '.';
  return text;
}

}  // namespace

std::string name_initials(std::string_view name) {
  std::string initials;
  bool at_word_start = true;
  std::size_t at = 0;
  while (at < name.size()) {
    const auto byte = static_cast<unsigned char>(name[at]);
    std::size_t length = byte < 0x80 ? 1 : core::utf8_sequence_length(name, at);
    if (length == 0) length = 1;
    const bool separator = length == 1 && (byte == ' ' || byte == '-' || byte == '\t');
    const bool letter = length > 1 || std::isalpha(byte) != 0;
    if (separator) {
      at_word_start = true;
    } else if (at_word_start) {
      at_word_start = false;
      if (letter) {
        initials.append(name.substr(at, length));
        initials.push_back('.');
      }
    }
    at += length;
  }
  return initials;
}

std::string deadline_uid(std::int64_t case_id, core::MilestoneKey key) {
  return "spoorboek-case-" + std::to_string(case_id) + "-" +
         std::string(core::milestone_key_name(key));
}

std::vector<CalendarEvent> deadline_events(std::int64_t case_id, std::string_view initials,
                                           const core::Timeline& timeline,
                                           core::Language language) {
  std::vector<CalendarEvent> events;
  for (const auto& milestone : timeline.milestones) {
    if (!milestone.due || !on_calendar(milestone.status)) continue;
    events.push_back(CalendarEvent{deadline_uid(case_id, milestone.key), *milestone.due,
                                   summary_of(case_id, initials, milestone, language),
                                   description_of(milestone, language)});
  }
  return events;
}

}  // namespace spoorboek::report
