// explain_milestone(): one line, in Dutch or English, that says how a date was computed and what
// moved it, so that a case manager can check the engine and defend the date before UWV.
#include <array>

#include "core/holidays.h"
#include "core/timeline.h"

namespace spoorboek::core {
namespace {

constexpr std::array<std::string_view, 12> kMonthsNl{
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthsEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdaysNl{"maandag", "dinsdag",  "woensdag", "donderdag",
                                                      "vrijdag", "zaterdag", "zondag"};
constexpr std::array<std::string_view, 7> kWeekdaysEn{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};

struct Parts {
  unsigned day;
  unsigned month;  // 1..12
  int year;
};
Parts parts(Date date) {
  const std::chrono::year_month_day ymd{date};
  return {static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
          static_cast<int>(ymd.year())};
}

std::string_view month_name(unsigned month, Language language) {
  return language == Language::nl ? kMonthsNl[month - 1] : kMonthsEn[month - 1];
}

std::string_view weekday_name(Date date, Language language) {
  const unsigned i = iso_weekday_index(date);
  return language == Language::nl ? kWeekdaysNl[i] : kWeekdaysEn[i];
}

// "4-24 July 2022", "20 November-16 December 2023", "28 December 2023-3 January 2024".
std::string format_range(Date first, Date last, Language language) {
  const Parts a = parts(first);
  const Parts b = parts(last);
  std::string out = std::to_string(a.day);
  if (a.month != b.month || a.year != b.year) {
    out += " ";
    out += month_name(a.month, language);
  }
  if (a.year != b.year) out += " " + std::to_string(a.year);
  out += "-" + format_long_date(last, language);
  return out;
}

// The day n of sickness, as a position in a sick week: "the last day of sick week 6".
std::string sick_day_phrase(long n, Language language) {
  const long week = (n + 6) / 7;
  const long day_in_week = n - 7 * (week - 1);
  const bool nl = language == Language::nl;
  if (day_in_week == 7) {
    return (nl ? "de laatste dag van ziekteweek " : "the last day of sick week ") +
           std::to_string(week);
  }
  if (day_in_week == 1) {
    return (nl ? "de eerste dag van ziekteweek " : "the first day of sick week ") +
           std::to_string(week);
  }
  return (nl ? "ziektedag " : "sick day ") + std::to_string(n);
}

// "; moved 21 days by the fit gap 4-24 July 2022" for the interruptions before `anchor`.
std::string shift_phrase(const std::vector<Interruption>& interruptions, Date anchor,
                         Language language) {
  const bool nl = language == Language::nl;
  long total = 0;
  std::string which;
  std::size_t count = 0;
  for (const Interruption& gap : interruptions) {
    if (gap.first_day > anchor) break;
    total += gap.days();
    if (count > 0) which += nl ? " en " : " and ";
    if (gap.maternity_leave) {
      which += nl ? "het zwangerschaps- en bevallingsverlof " : "the maternity leave ";
    } else {
      which += nl ? "de herstelperiode " : "the fit gap ";
    }
    which += format_range(gap.first_day, gap.last_day, language);
    ++count;
  }
  if (count == 0) return {};
  return (nl ? "; " + std::to_string(total) + " dagen later door " + which
             : "; moved " + std::to_string(total) + " days by " + which);
}

std::string not_applicable_phrase(const TimelineInput& input, const Timeline& t,
                                  NotApplicableReason reason, Language language) {
  const bool nl = language == Language::nl;
  const CaseSummary& c = t.case_summary;
  switch (reason) {
    case NotApplicableReason::case_ended_first: {
      if (!c.last_sick_day) break;
      return nl ? "Niet van toepassing: het ziektegeval eindigde op " +
                      format_long_date(*c.last_sick_day, language) + ", daarvoor."
                : "Not applicable: the case ended on " +
                      format_long_date(*c.last_sick_day, language) + ", before this was reached.";
    }
    case NotApplicableReason::no_safety_net:
      return nl ? "Alleen voor vangnetsituaties van de Ziektewet (orgaandonatie, zwangerschap, "
                  "no-riskpolis)."
                : "Only for Sickness Benefits Act safety-net cases (organ donation, pregnancy, "
                  "no-risk policy).";
    case NotApplicableReason::safety_net_case:
      return nl ? "Niet van toepassing: geen 42e-weeksmelding bij een Ziektewet-uitkering "
                  "(ZW art. 38 lid 4)."
                : "Not applicable: no 42nd-week report for a Sickness Benefits Act case "
                  "(ZW art. 38 lid 4).";
    case NotApplicableReason::employment_ended:
      return nl ? "Niet van toepassing: het dienstverband eindigde op " +
                      format_long_date(*input.employment_end_date, language) +
                      "; UWV neemt de begeleiding over."
                : "Not applicable: the employment ended on " +
                      format_long_date(*input.employment_end_date, language) +
                      "; UWV takes over.";
    case NotApplicableReason::employment_continues:
      return nl ? "Alleen als het dienstverband tijdens de ziekte eindigt."
                : "Only when the employment ends during the sickness.";
    case NotApplicableReason::not_sanctioned:
      return nl ? "Geen loonsanctie: UWV besliste niet voor het einde van de loondoorbetaling "
                  "(WIA art. 25 lid 11)."
                : "No wage sanction: UWV did not decide before the end of the wage period "
                  "(WIA art. 25 lid 11).";
    case NotApplicableReason::none:
      break;
  }
  return nl ? "Niet van toepassing." : "Not applicable.";
}

std::string rule_phrase(const TimelineInput& input, const Timeline& t, const Milestone& m,
                        const std::vector<Interruption>& gaps, Language language) {
  const bool nl = language == Language::nl;
  const Date D = t.case_summary.first_sick_day;
  auto sick = [&](long n) { return sick_day(input, t.case_summary, n); };
  auto date = [&](Date d) { return format_long_date(d, language); };
  switch (m.rule) {
    case Rule::none:
      return {};
    case Rule::sick_day_plus_one: {
      const Date anchor = *sick(m.rule_n);
      std::string text = nl ? "De dag na " + sick_day_phrase(m.rule_n, language) + " (" + date(anchor) + ")"
                            : "The day after " + sick_day_phrase(m.rule_n, language) + " (" + date(anchor) + ")";
      if (m.key == MilestoneKey::problem_analysis) {
        text += nl ? ": binnen zes weken na de eerste ziektedag " + date(D)
                   : ": within six weeks after the first sick day " + date(D);
      }
      return text + shift_phrase(gaps, anchor, language);
    }
    case Rule::sick_day: {
      const Date anchor = *m.due;
      std::string text = nl ? "Uiterlijk " : "At the latest ";
      text += sick_day_phrase(m.rule_n, language);
      return text + shift_phrase(gaps, anchor, language);
    }
    case Rule::days_after_first_sick_day:
      return nl ? std::to_string(m.rule_n) + " dagen na de eerste ziektedag " + date(D)
                : std::to_string(m.rule_n) + " days after the first sick day " + date(D);
    case Rule::sick_day_window: {
      std::string text = nl ? "Van " + sick_day_phrase(m.rule_n, language) + " tot en met " +
                                  sick_day_phrase(m.rule_m, language)
                            : "From " + sick_day_phrase(m.rule_n, language) + " to " +
                                  sick_day_phrase(m.rule_m, language);
      return text + shift_phrase(gaps, *m.due, language);
    }
    case Rule::after_problem_analysis: {
      const Date analysis = *t.at(MilestoneKey::problem_analysis).done_on;
      return nl ? "Twee weken na de probleemanalyse van " + date(analysis)
                : "Two weeks after the problem analysis of " + date(analysis);
    }
    case Rule::long_term_expected:
      return nl ? "Onverwijld (RPG art. 2 lid 3): de bedrijfsarts verwachtte pas op " +
                      date(*m.due) + " langdurig verzuim"
                : "Immediately (RPG art. 2 lid 3): the company doctor first expected long-term "
                  "absence on " + date(*m.due);
    case Rule::rolling_evaluation: {
      const Milestone& plan = t.at(MilestoneKey::plan_of_action);
      if (m.done_on) {
        return nl ? "Zes weken na de vorige voortgangsevaluatie van " + date(*m.done_on)
                  : "Six weeks after the previous progress evaluation of " + date(*m.done_on);
      }
      if (plan.done_on) {
        return nl ? "Zes weken na het Plan van Aanpak van " + date(*plan.done_on)
                  : "Six weeks after the plan of action of " + date(*plan.done_on);
      }
      return nl ? "Zes weken na de uiterste datum van het Plan van Aanpak (" + date(*m.from) + ")"
                : "Six weeks after the plan of action is due (" + date(*m.from) + ")";
    }
    case Rule::after_first_year_evaluation: {
      const Milestone& evaluation = t.at(MilestoneKey::first_year_evaluation);
      if (evaluation.done_on) {
        return nl ? "Zes weken na de eerstejaarsevaluatie van " + date(*evaluation.done_on)
                  : "Six weeks after the first-year evaluation of " + date(*evaluation.done_on);
      }
      return nl ? "Zes weken na " + sick_day_phrase(364, language) + " (" + date(*sick(364)) + ")"
                : "Six weeks after " + sick_day_phrase(364, language) + " (" + date(*sick(364)) + ")";
    }
    case Rule::before_end: {
      const WagePeriod& w = *t.wage_period;
      const long weeks = m.rule_n / 7;
      std::string text;
      if (w.extended_end != w.waiting_period_end) {
        text = nl ? std::to_string(weeks) + " weken voor het einde van de door UWV verlengde "
                                            "loondoorbetaling op " + date(w.extended_end)
                  : std::to_string(weeks) + " weeks before the end of the wage period as extended "
                                            "by UWV on " + date(w.extended_end);
      } else {
        text = nl ? std::to_string(weeks) + " weken voor het einde van de wachttijd op " +
                        date(w.waiting_period_end)
                  : std::to_string(weeks) + " weeks before the end of the waiting period on " +
                        date(w.waiting_period_end);
      }
      if (m.key == MilestoneKey::uwv_sanction_decision && w.late_application_days > 0) {
        text += nl ? ", plus " + std::to_string(w.late_application_days) +
                         " dagen door de te late WIA-aanvraag"
                   : ", plus " + std::to_string(w.late_application_days) +
                         " days for the late WIA application";
      }
      return text + shift_phrase(gaps, w.waiting_period_end, language);
    }
    case Rule::employment_end:
      return nl ? "De laatste dag van het dienstverband (" + date(*m.due) + ")"
                : "The last day of employment (" + date(*m.due) + ")";
    case Rule::end_of_waiting_period:
      return (nl ? "De laatste dag van ziekteweek 104; de WIA kan ingaan op "
                 : "The last day of sick week 104; WIA can start on ") +
             date(add_days(*m.due, 1)) + shift_phrase(gaps, *m.due, language);
    case Rule::wage_period_end: {
      const WagePeriod& w = *t.wage_period;
      std::string text = nl ? "Einde van de wachttijd (" + date(w.waiting_period_end) + ")"
                            : "End of the waiting period (" + date(w.waiting_period_end) + ")";
      if (w.extended_end != w.waiting_period_end) {
        text += nl ? ", vrijwillig verlengd tot " + date(w.extended_end)
                   : ", voluntarily extended to " + date(w.extended_end);
      }
      if (w.late_application_days > 0) {
        text += nl ? ", plus " + std::to_string(w.late_application_days) +
                         " dagen te late WIA-aanvraag (BW 7:629 lid 11 a)"
                   : ", plus " + std::to_string(w.late_application_days) +
                         " days of late WIA application (BW 7:629 lid 11 a)";
      }
      if (w.sanction_days > 0) {
        text += nl ? ", plus " + std::to_string(w.sanction_days) + " dagen loonsanctie"
                   : ", plus " + std::to_string(w.sanction_days) + " days of wage sanction";
      }
      return text;
    }
  }
  return {};
}

}  // namespace

std::string format_long_date(Date date, Language language) {
  const Parts p = parts(date);
  return std::to_string(p.day) + " " + std::string(month_name(p.month, language)) + " " +
         std::to_string(p.year);
}

std::string explain_milestone(const TimelineInput& input, const Timeline& timeline,
                              MilestoneKey key, Language language) {
  return MilestoneExplainer(input, timeline).explain(key, language);
}

MilestoneExplainer::MilestoneExplainer(const TimelineInput& input, const Timeline& timeline)
    : input_(input), timeline_(timeline), interruptions_(case_interruptions(input, timeline)) {}

std::string MilestoneExplainer::explain(MilestoneKey key, Language language) const {
  const TimelineInput& input = input_;
  const Timeline& timeline = timeline_;
  const Milestone& m = timeline.at(key);
  const bool nl = language == Language::nl;
  if (m.status == MilestoneStatus::not_applicable ||
      (m.not_applicable_reason != NotApplicableReason::none && !m.due)) {
    return not_applicable_phrase(input, timeline, m.not_applicable_reason, language);
  }
  std::string text = rule_phrase(input, timeline, m, interruptions_, language);
  if (text.empty()) return text;
  text += ".";
  // Acting in time matters only for steps someone takes, not for dates that are just facts.
  if (m.due && m.status != MilestoneStatus::info && !is_working_day(*m.due)) {
    const Date last = last_working_day_on_or_before(*m.due);
    const auto holiday = dutch_public_holiday_name(*m.due);
    text += nl ? " Dat is een " : " That is a ";
    text += holiday.empty() ? std::string(weekday_name(*m.due, language)) : std::string(holiday);
    text += nl ? "; uiterlijk handelen op " : "; act by ";
    text += std::string(weekday_name(last, language)) + " " + format_long_date(last, language) + ".";
  }
  if (m.deemed_timely) {
    text += nl ? " De aanvraag geldt als tijdig (WIA art. 64 lid 6)."
               : " The application counts as timely (WIA art. 64 lid 6).";
  }
  return text;
}

}  // namespace spoorboek::core
