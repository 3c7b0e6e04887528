// Internal to the application: the scale demo (`spoorboek demo --scale N`) as a stream of bulk
// batches, a pure function of a seed, a date and the ids to start from. No I/O.
//
// N employees across employers of realistic sizes (many small, a few very large; the first, the
// demo accounts' home, has 150). About one case per employee: some have none, some also an
// earlier case that ended more than 4 weeks before the current one began. The mix, with dates
// relative to today so that open cases have deadlines around today (some overdue, many due
// within 14 days, most later):
// - short absences (the larger part): a sick report, often the report to the company doctor, a
//   recovery within days or weeks, or still open when the report is recent;
// - a middle group at weeks 6 to 57: problem analysis, plan of action and the employee's
//   agreement, progress evaluations every ~6 weeks, re-integration interviews, track-1 attempts,
//   partial work; half of them recovered;
// - a tail at weeks 57 to 114: the whole Poortwachter file (42nd-week report, first-year
//   evaluation, occupational expert's report, track 2 with the office's activities, actueel
//   oordeel, eindevaluatie, re-integratieverslag, WIA application, sometimes a voluntary
//   extension, a wage sanction or the end of employment after the 104 weeks);
// - relapses within 4 weeks, maternity leave (WAZO, bridged or not), corrected sick reports.
// Careless files (steps late or skipped) make some deadlines overdue. Every entry passes the
// core's validation, the chains are made with core/entry_hash.h and every summary is
// summarize_case() of the fold of the whole file, as the application would write it.
// Medical parts are left out: sealing needs the key file, and the file's structure and volume
// are what the scale demo is for.
//
// The output does not depend on the batch size: every employee has a random stream of its own
// (from the seed and its number) and the employers' sizes come from one stream of their own.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/actor.h"
#include "app/demo_cases.h"
#include "core/result.h"
#include "store/store.h"

namespace spoorboek::app::detail {

// The providers the generated rows name: created before the plan.
struct ScaleProviders {
  // [0] serves the first employers (ScalePlanOptions::employers_of_first_arbo); the others
  // share the rest in turn (or [0] alone).
  std::vector<std::int64_t> arbo_services;
  // Track-2 cases are assigned to these in turn.
  std::vector<std::int64_t> reintegration_offices;
};

struct ScalePlanOptions {
  std::int64_t employees = 0;
  std::uint64_t seed = 1;
  std::int64_t batch_cases = 2000;  // a batch closes once it holds at least this many cases
  std::string actor;                // Entry::actor of every entry (the loading user)
  // How many employers (the first ones) the first arbo service serves.
  std::size_t employers_of_first_arbo = 100;
};

struct ProviderEmployer {
  std::int64_t provider_id = 0;
  std::int64_t employer_id = 0;
};

struct ScaleBatch {
  store::BulkBatch rows;
  // The arbo service of each employer of this batch.
  std::vector<ProviderEmployer> provider_employers;
  std::int64_t employees_done = 0;  // employees planned so far, this batch included
};

inline constexpr std::int64_t kScaleHomeEmployerSize = 150;

// core::canonicalize_payload() remembered by type and text: most payloads of the demo are one of
// a few texts (a recovery's "{}", the same analysis), and the same input has the same result, so
// each distinct text is validated once. Holds at most kMaxKept texts (then starts again).
class CanonicalPayloads {
 public:
  static constexpr std::size_t kMaxKept = 65536;
  // The canonical payload without its medical part (the scale demo leaves those out).
  core::Result<std::string> get(core::EntryType type, const std::string& payload);

 private:
  std::unordered_map<std::string, std::string> known_;  // entry type name, '\n', payload text
};

class ScalePlanner {
 public:
  // REQUIRES: options.employees >= 1, options.batch_cases >= 1, at least one arbo service and
  // one office. `first` are the ids the rows start at (Store::next_bulk_ids).
  ScalePlanner(ScalePlanOptions options, ScaleProviders providers, const store::BulkIds& first,
               const Moment& now);

  bool done() const { return next_employee_ >= options_.employees; }
  // The next batch. Fails only when a generated case does not pass the core's checks (a defect
  // of the generator, named by employee and case).
  core::Result<ScaleBatch> next_batch();

  // The case files of one employee (number `index`, from 0) as planned: what next_batch() builds
  // its entries from. For the tests.
  std::vector<DemoCase> plan_employee_cases(std::int64_t index) const;

 private:
  core::Status add_employee(ScaleBatch& batch);

  ScalePlanOptions options_;
  ScaleProviders providers_;
  Moment now_;
  DemoRandom employer_sizes_;
  std::int64_t next_employee_ = 0;
  std::int64_t next_employer_id_ = 0;
  std::int64_t next_employee_id_ = 0;
  std::int64_t next_case_id_ = 0;
  std::int64_t employers_started_ = 0;
  std::int64_t employer_id_ = 0;     // of the employer being filled
  std::int64_t employer_left_ = 0;   // employees it still takes
  std::int64_t employer_staff_ = 0;  // employees it has so far
  std::int64_t track_2_cases_ = 0;
  CanonicalPayloads payloads_;
};

// One case file built as the application would append it: each entry's payload canonicalised and
// validated, dated no later than today, chained with core::compute_entry_hash, and the summary
// of the fold of the whole file. Errors name the case and the entry.
struct BuiltCase {
  std::vector<core::Entry> entries;
  store::CaseSummary summary;
};
core::Result<BuiltCase> build_case_file(std::int64_t case_id, const std::vector<DemoEntry>& planned,
                                        const std::string& actor, const Moment& now,
                                        CanonicalPayloads& payloads);

}  // namespace spoorboek::app::detail
