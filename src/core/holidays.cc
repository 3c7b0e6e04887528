#include "core/holidays.h"

namespace spoorboek::core {
namespace {

using std::chrono::April;
using std::chrono::December;
using std::chrono::January;
using std::chrono::May;
using std::chrono::year;
using std::chrono::year_month_day;

Date make_date(int y, std::chrono::month m, unsigned d) {
  return Date{year_month_day{year{y}, m, std::chrono::day{d}}};
}

Date kings_day(int y) {
  // Koninginnedag was 30 April until 2013, Koningsdag 27 April since 2014; both move one day
  // earlier when they fall on a Sunday.
  const Date base = y <= 2013 ? make_date(y, April, 30) : make_date(y, April, 27);
  return iso_weekday_index(base) == 6 ? add_days(base, -1) : base;
}

}  // namespace

Date easter_sunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return make_date(y, std::chrono::month{static_cast<unsigned>(month)},
                   static_cast<unsigned>(day));
}

std::string_view dutch_public_holiday_name(Date date) {
  const year_month_day ymd{date};
  const int y = static_cast<int>(ymd.year());
  const auto m = ymd.month();
  const unsigned d = static_cast<unsigned>(ymd.day());
  if (m == January && d == 1) return "Nieuwjaarsdag";
  if (m == May && d == 5) return "Bevrijdingsdag";
  if (m == December && d == 25) return "Eerste Kerstdag";
  if (m == December && d == 26) return "Tweede Kerstdag";
  if (m == April && date == kings_day(y)) return y <= 2013 ? "Koninginnedag" : "Koningsdag";
  // Good Friday (20 March at the earliest) to Whit Monday (14 June at the latest).
  if (m < std::chrono::March || m > std::chrono::June) return {};
  const Date easter = easter_sunday(y);
  const long offset = days_between(easter, date);
  switch (offset) {
    case -2: return "Goede Vrijdag";
    case 1: return "Tweede Paasdag";
    case 39: return "Hemelvaartsdag";
    case 50: return "Tweede Pinksterdag";
    default: return {};
  }
}

bool is_working_day(Date date) {
  return iso_weekday_index(date) < 5 && !is_dutch_public_holiday(date);
}

Date next_working_day_on_or_after(Date date) {
  while (!is_working_day(date)) date = add_days(date, 1);
  return date;
}

Date last_working_day_on_or_before(Date date) {
  while (!is_working_day(date)) date = add_days(date, -1);
  return date;
}

}  // namespace spoorboek::core
