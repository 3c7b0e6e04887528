// Dutch public holidays and working days, as the Algemene termijnenwet (art. 3) recognises them.
//
// No Poortwachter deadline moves off a weekend or holiday by law (Atw art. 1 lid 2 and art. 4;
// research/rules-verification.md §3.11). The engine uses these functions only to tell people the
// last working day on which they can still act in time, and UWV's "first working day" reading of
// the 42nd-week report.
#pragma once

#include <string_view>

#include "core/date.h"

namespace spoorboek::core {

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
Date easter_sunday(int year);

// The holiday's Dutch name ("Tweede Paasdag"), or an empty view when `date` is no public holiday.
// Covers: Nieuwjaarsdag, Goede Vrijdag (equated by Atw art. 3 lid 3), Tweede Paasdag,
// Koningsdag (27 April, 26 April when that is a Sunday; Koninginnedag 30/29 April before 2014),
// Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag.
std::string_view dutch_public_holiday_name(Date date);

inline bool is_dutch_public_holiday(Date date) { return !dutch_public_holiday_name(date).empty(); }

// Monday to Friday and not a public holiday.
bool is_working_day(Date date);

// The first working day on or after `date`.
Date next_working_day_on_or_after(Date date);

// The last working day on or before `date`.
Date last_working_day_on_or_before(Date date);

}  // namespace spoorboek::core
