// An iCalendar (RFC 5545) writer for calendars of all-day events: what a deadline feed needs and
// nothing more.
//
// Guarantees of write_calendar(): lines end in CRLF; every content line longer than 75 octets is
// folded (CRLF + one space) without splitting a UTF-8 sequence; TEXT values escape backslash,
// semicolon, comma and newlines (RFC 5545 §3.3.11) and drop other control characters; each event
// is all-day: DTSTART;VALUE=DATE and DTEND the next day (the form Outlook and Google read alike).
// Pure: no clock (DTSTAMP is given), no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace spoorboek::report {

struct CalendarEvent {
  std::string uid;  // stable across fetches, so that a client updates instead of duplicating
  core::Date date{};
  std::string summary;
  std::string description;  // may be empty
};

struct Calendar {
  std::string name;  // X-WR-CALNAME: what the client shows as the calendar's name
  // DTSTAMP of every event: the moment of writing, UTC, "2026-03-02T10:15:00Z".
  std::string timestamp;
  std::vector<CalendarEvent> events;
};

// The calendar as text. REQUIRES: calendar.timestamp is "YYYY-MM-DDTHH:MM:SSZ".
std::string write_calendar(const Calendar& calendar);

// RFC 5545 TEXT escaping of one value.
std::string escape_text(std::string_view text);

// One content line, folded at 75 octets and ended with CRLF.
std::string fold_content_line(std::string_view line);

// "2026-03-02T10:15:00Z" -> "20260302T101500Z" (DATE-TIME in UTC).
std::string ical_utc_timestamp(std::string_view iso_timestamp);

}  // namespace spoorboek::report
