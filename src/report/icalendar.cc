#include "report/icalendar.h"

#include "core/utf8.h"

namespace spoorboek::report {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

std::string ical_date(core::Date date) {
  std::string iso = core::format_iso_date(date);
  std::string basic;
  for (char c : iso) {
    if (c != '-') basic.push_back(c);
  }
  return basic;
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        // CRLF and a lone CR are both one line break.
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      default:
        // TEXT excludes control characters (RFC 5545 §3.3.11): a tab becomes a space, the rest
        // is dropped.
        if (c == '\t') {
          out.push_back(' ');
        } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string fold_content_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t octets_on_line = 0;
  std::size_t at = 0;
  while (at < line.size()) {
    const auto byte = static_cast<unsigned char>(line[at]);
    std::size_t length = byte < 0x80 ? 1 : core::utf8_sequence_length(line, at);
    if (length == 0) length = 1;  // not UTF-8: pass the byte on, never split what follows
    if (octets_on_line + length > kMaxLineOctets) {
      out += "\r\n ";
      octets_on_line = 1;  // the leading space counts towards the 75 octets
    }
    out.append(line.substr(at, length));
    octets_on_line += length;
    at += length;
  }
  out += "\r\n";
  return out;
}

std::string ical_utc_timestamp(std::string_view iso_timestamp) {
  std::string basic;
  for (char c : iso_timestamp) {
    if (c != '-' && c != ':') basic.push_back(c);
  }
  return basic;
}

std::string write_calendar(const Calendar& calendar) {
  std::string out;
  const auto line = [&out](std::string_view text) { out += fold_content_line(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Spoorboek//Deadlines//NL");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + escape_text(calendar.name));
  // Deadlines move when a step is recorded: ask clients to refresh hourly (RFC 7986 and the
  // older Microsoft property, which Outlook reads).
  line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  line("X-PUBLISHED-TTL:PT1H");
  const std::string stamp = ical_utc_timestamp(calendar.timestamp);
  for (const auto& event : calendar.events) {
    line("BEGIN:VEVENT");
    line("UID:" + escape_text(event.uid));
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + ical_date(event.date));
    line("DTEND;VALUE=DATE:" + ical_date(core::add_days(event.date, 1)));
    line("SUMMARY:" + escape_text(event.summary));
    if (!event.description.empty()) line("DESCRIPTION:" + escape_text(event.description));
    // An all-day deadline does not block the day in anyone's agenda.
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace spoorboek::report
