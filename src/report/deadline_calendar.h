// The deadlines of case files as calendar events: what a per-user iCalendar feed holds.
//
// The dates come from the deadline engine (core::compute_timeline), never recomputed here: one
// all-day event on the due date of every milestone that is still open (upcoming, due soon,
// overdue) or a date to know (info: the end of the waiting period). Steps done, deviations and
// milestones that do not apply are left out: a calendar shows what is ahead.
//
// Privacy (the feed lands in Google or Microsoft calendars, outside our control): an event names
// the case by its number and the employee by initials only ("Probleemanalyse – dossier 12
// (J.d.V.)"); no full name, no employer, nothing of the payloads and nothing MEDICAL: the
// milestones carry only a key, a status and dates, so no diagnosis can reach the feed.
// UIDs are "spoorboek-case-<id>-<milestone key>": stable, so a client moves an event when its
// deadline moves instead of adding a second one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/timeline.h"
#include "report/icalendar.h"

namespace spoorboek::report {

// "Jan de Vries" -> "J.d.V.", "Anne-Marie Öztürk" -> "A.M.Ö.": the first character of every
// word (words split at spaces and hyphens), each followed by a dot. "" for a name without letters.
std::string name_initials(std::string_view name);

// The events of one case's timeline, in process order.
std::vector<CalendarEvent> deadline_events(std::int64_t case_id, std::string_view initials,
                                           const core::Timeline& timeline,
                                           core::Language language);

// The UID of a case's milestone event.
std::string deadline_uid(std::int64_t case_id, core::MilestoneKey key);

}  // namespace spoorboek::report
