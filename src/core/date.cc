#include "core/date.h"

namespace spoorboek::core {
namespace {

bool parse_digits(std::string_view text, size_t pos, size_t count, int& out) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

void append_number(std::string& out, int value, int width) {
  char buffer[8];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<size_t>(width));
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!parse_digits(text, 0, 4, year) || !parse_digits(text, 5, 2, month) ||
      !parse_digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

void append_iso_date(std::string& out, Date date) {
  const std::chrono::year_month_day ymd{date};
  append_number(out, static_cast<int>(ymd.year()), 4);
  out.push_back('-');
  append_number(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out.push_back('-');
  append_number(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
}

std::string format_iso_date(Date date) {
  std::string out;
  out.reserve(10);
  append_iso_date(out, date);
  return out;
}

}  // namespace spoorboek::core
