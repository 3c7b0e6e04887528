#include "app/hr_import_file.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

namespace spoorboek::app {
namespace {

using Json = nlohmann::json;

// A header name or a value reduced to what matters: ASCII letters lowered, spaces and the marks
// people put between words dropped ("E-mail leidinggevende" -> "emailleidinggevende").
std::string normalized(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

bool one_of(std::string_view value, const std::vector<std::string_view>& names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// A field of a file and the names a header may give its column (normalised), the first being
// the documented Dutch name.
struct ColumnSpec {
  std::string_view field;
  std::vector<std::string_view> names;  // owned: a std::initializer_list would dangle here
};

constexpr std::string_view kPersonnelNumber = "personnel_number";
constexpr std::string_view kEmployer = "employer";

const ColumnSpec kPersonnelNumberColumn{
    kPersonnelNumber,
    {"personeelsnummer", "personeelsnr", "werknemernummer", "werknemersnummer", "medewerkernummer",
     "personnelnumber", "employeenumber"}};
const ColumnSpec kEmployerColumn{kEmployer, {"werkgever", "werkgeverid", "employer", "employerid"}};

const std::vector<ColumnSpec>& employee_columns() {
  static const std::vector<ColumnSpec> columns{
      kPersonnelNumberColumn,
      kEmployerColumn,
      {"name", {"naam", "volledigenaam", "naamwerknemer", "name", "fullname", "employeename"}},
      {"first_name", {"voornaam", "roepnaam", "firstname", "givenname"}},
      {"infix", {"tussenvoegsel", "voorvoegsel", "infix"}},
      {"last_name", {"achternaam", "geslachtsnaam", "lastname", "surname", "familyname"}},
      {"manager_email",
       {"emailleidinggevende", "emailadresleidinggevende", "leidinggevendeemail",
        "manageremail", "linemanageremail"}},
  };
  return columns;
}

const std::vector<ColumnSpec>& report_columns() {
  static const std::vector<ColumnSpec> columns{
      kPersonnelNumberColumn,
      kEmployerColumn,
      {"kind", {"soort", "soortmelding", "melding", "typemelding", "kind", "type", "reporttype"}},
      {"date", {"datum", "ingangsdatum", "date", "effectivedate"}},
      {"percentage",
       {"percentage", "herstelpercentage", "percentagehersteld", "recoverypercentage"}},
      {"work_kind", {"soortwerk", "werksoort", "workkind", "kindofwork"}},
      {"expected_duration", {"verwachteduur", "expectedduration"}},
      {"safety_net_applies", {"vangnet", "vangnetsituatie", "safetynet", "safetynetapplies"}},
      {"work_accident", {"bedrijfsongeval", "arbeidsongeval", "workaccident"}},
      {"third_party_liability",
       {"regres", "derdeaansprakelijk", "aansprakelijkederde", "thirdpartyliability"}},
      {"contact_phone", {"telefoon", "telefoonnummer", "phone", "contactphone"}},
  };
  return columns;
}

// Which column of the header holds which field.
struct HeaderMap {
  std::map<std::string_view, std::size_t> index;  // field -> column
  std::vector<std::string> names;                 // the header as written
  std::vector<std::string> ignored;

  bool has(std::string_view field) const { return index.contains(field); }
  std::string name_of(std::string_view field) const {
    const auto it = index.find(field);
    return it == index.end() ? std::string(field) : names[it->second];
  }
  std::string value(const CsvRow& row, std::string_view field) const {
    const auto it = index.find(field);
    return it == index.end() ? std::string() : row.fields[it->second];
  }
};

HeaderMap map_header(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                     std::vector<LineError>& errors) {
  HeaderMap map;
  map.names = table.header;
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    const std::string name = normalized(table.header[column]);
    const ColumnSpec* spec = nullptr;
    for (const auto& candidate : specs) {
      if (one_of(name, candidate.names)) spec = &candidate;
    }
    if (!spec) {
      if (!table.header[column].empty()) map.ignored.push_back(table.header[column]);
      continue;
    }
    if (const auto taken = map.index.find(spec->field); taken != map.index.end()) {
      errors.push_back(LineError{table.header_line, table.header[column], "duplicate_column",
                                 "holds the same field as column " + table.header[taken->second] +
                                     "; keep one of them"});
      continue;
    }
    map.index.emplace(spec->field, column);
  }
  return map;
}

// Whether the header lacks a required column: then no line of the file can be read.
bool misses_a_column(const std::vector<LineError>& errors, std::size_t header_line) {
  for (const auto& error : errors) {
    if (error.line == header_line && error.code == "missing_column") return true;
  }
  return false;
}

void require_column(const HeaderMap& map, std::size_t header_line,
                    std::initializer_list<std::string_view> alternatives, std::string_view dutch,
                    std::string_view english, std::vector<LineError>& errors) {
  for (const auto field : alternatives) {
    if (map.has(field)) return;
  }
  errors.push_back(LineError{header_line, std::string(dutch), "missing_column",
                             "is missing: the header needs a column " + std::string(dutch) +
                                 " (or " + std::string(english) + ")"});
}

// Collects the errors of one line and knows the header's names of the columns.
class LineCheck {
 public:
  LineCheck(const HeaderMap& map, const CsvRow& row, std::vector<LineError>& errors)
      : map_(map), row_(row), errors_(errors) {}

  std::string value(std::string_view field) const { return map_.value(row_, field); }
  void fail(std::string_view field, std::string code, std::string message) {
    errors_.push_back(
        LineError{row_.line, map_.name_of(field), std::move(code), std::move(message)});
    failed_ = true;
  }
  bool failed() const { return failed_; }

  std::string required_text(std::string_view field, std::size_t max_bytes) {
    std::string text = value(field);
    if (text.empty()) {
      fail(field, "missing_value", "is empty");
    } else if (text.size() > max_bytes) {
      fail(field, "too_long", "is longer than " + std::to_string(max_bytes) + " bytes");
    }
    return text;
  }

  // Yes/no as people write it; empty is no.
  bool yes_no(std::string_view field) {
    const std::string text = normalized(value(field));
    if (text.empty() || one_of(text, {"nee", "n", "no", "false", "onwaar", "0"})) return false;
    if (one_of(text, {"ja", "j", "yes", "y", "true", "waar", "1"})) return true;
    fail(field, "invalid_choice", "'" + value(field) + "' is not ja or nee (yes or no)");
    return false;
  }

 private:
  const HeaderMap& map_;
  const CsvRow& row_;
  std::vector<LineError>& errors_;
  bool failed_ = false;
};

std::optional<int> small_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};

// Reports a line's duplicate or conflict with an earlier line of the same key: true when the line
// is to be skipped.
template <class Line, class SameValues>
bool is_repeat(std::map<std::string, std::size_t>& first_index, const std::string& key,
               const std::vector<Line>& lines, const Line& line, SameValues same_values,
               std::vector<DuplicateLine>& duplicates, std::vector<LineError>& errors,
               const std::string& column, const std::string& what) {
  const auto [it, fresh] = first_index.emplace(key, lines.size());
  if (fresh) return false;
  const Line& first = lines[it->second];
  if (same_values(first, line)) {
    duplicates.push_back(DuplicateLine{line.line, first.line});
  } else {
    errors.push_back(LineError{line.line, column, "conflicting_line",
                               what + " as line " + std::to_string(first.line) +
                                   " with other values; keep the right one"});
  }
  return true;
}

}  // namespace

core::Result<core::Date> parse_import_date(std::string_view text) {
  const auto invalid = [&text](const std::string& why) {
    return core::make_error("invalid_date", "", "'" + std::string(text) + "' " + why);
  };
  const auto not_a_date = [&invalid]() {
    return invalid("is not a date: write DD-MM-YYYY (02-03-2026), D-M-YYYY or YYYY-MM-DD");
  };
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 3) return not_a_date();
  for (const auto part : parts) {
    if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos) {
      return not_a_date();
    }
  }
  int year = 0, month = 0, day = 0;
  if (parts[0].size() == 4 && parts[1].size() == 2 && parts[2].size() == 2) {
    year = *small_number(parts[0]);
    month = *small_number(parts[1]);
    day = *small_number(parts[2]);
  } else if (parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
    day = *small_number(parts[0]);
    month = *small_number(parts[1]);
    year = *small_number(parts[2]);
  } else {
    return not_a_date();
  }
  if (year < core::kMinYear || year > core::kMaxYear) {
    return invalid("lies outside the years " + std::to_string(core::kMinYear) + "-" +
                   std::to_string(core::kMaxYear));
  }
  if (month < 1 || month > 12) return invalid("is not a calendar date: there is no month " +
                                              std::to_string(month));
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    const auto last = std::chrono::year_month_day_last{
        std::chrono::year{year},
        std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
    return invalid("is not a calendar date: " + std::string(kMonthNames[month - 1]) + " " +
                   std::to_string(year) + " has " +
                   std::to_string(static_cast<unsigned>(last.day())) + " days");
  }
  return core::Date{date};
}

std::string_view report_kind_label(ReportKind kind) {
  switch (kind) {
    case ReportKind::sick: return "sick report";
    case ReportKind::recovered: return "recovery";
    case ReportKind::partial: return "partial recovery";
  }
  return "sick report";
}

EmployeeFile read_employee_file(std::string_view text) {
  EmployeeFile file;
  CsvTable table = read_csv(text);
  file.errors = std::move(table.errors);
  file.data_rows = table.data_rows;
  if (table.header_line == 0) return file;
  const HeaderMap map = map_header(table, employee_columns(), file.errors);
  file.ignored_columns = map.ignored;
  require_column(map, table.header_line, {kPersonnelNumber}, "personeelsnummer",
                 "personnel_number", file.errors);
  require_column(map, table.header_line, {"name", "last_name"}, "naam", "name", file.errors);
  const bool composed_name = !map.has("name");
  file.columns.personnel_number = map.name_of(kPersonnelNumber);
  file.columns.employer = map.has(kEmployer) ? map.name_of(kEmployer) : "";
  file.columns.name = map.name_of(composed_name ? "last_name" : "name");
  file.columns.manager_email = map.name_of("manager_email");
  if (misses_a_column(file.errors, table.header_line)) return file;

  std::map<std::string, std::size_t> first_index;
  for (const CsvRow& row : table.rows) {
    LineCheck check(map, row, file.errors);
    EmployeeLine line;
    line.line = row.line;
    line.personnel_number = check.required_text(kPersonnelNumber, 64);
    if (composed_name) {
      std::string name;
      for (const auto field : {"first_name", "infix", "last_name"}) {
        const std::string part = check.value(field);
        if (part.empty()) continue;
        name += (name.empty() ? "" : " ") + part;
      }
      if (check.value("last_name").empty()) {
        check.fail("last_name", "missing_value", "is empty");
      } else if (name.size() > 200) {
        check.fail("last_name", "too_long", "the name is longer than 200 bytes");
      }
      line.name = std::move(name);
    } else {
      line.name = check.required_text("name", 200);
    }
    line.manager_email = check.value("manager_email");
    if (!line.manager_email.empty() &&
        (line.manager_email.find('@') == std::string::npos || line.manager_email.size() > 254)) {
      check.fail("manager_email", "invalid_email",
                 "'" + line.manager_email + "' is not an e-mail address");
    }
    line.employer = check.value(kEmployer);
    if (check.failed()) continue;
    const auto same = [](const EmployeeLine& a, const EmployeeLine& b) {
      return a.name == b.name && a.manager_email == b.manager_email && a.employer == b.employer;
    };
    if (is_repeat(first_index, line.personnel_number, file.lines, line, same, file.duplicates,
                  file.errors, file.columns.personnel_number, "names the same employee")) {
      continue;
    }
    file.lines.push_back(std::move(line));
  }
  std::stable_sort(file.errors.begin(), file.errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
  return file;
}

namespace {

std::optional<ReportKind> report_kind_from(std::string_view value) {
  const std::string text = normalized(value);
  if (one_of(text, {"ziek", "ziekmelding", "sick", "sickreport"})) return ReportKind::sick;
  if (one_of(text, {"hersteld", "herstel", "hersteldmelding", "herstelmelding", "beter",
                    "betermelding", "volledighersteld", "recovered", "recovery"})) {
    return ReportKind::recovered;
  }
  if (one_of(text, {"gedeeltelijkhersteld", "gedeeltelijkherstel",
                    "gedeeltelijkehersteldmelding", "deelshersteld", "partieelhersteld",
                    "partial", "partialrecovery", "partiallyrecovered"})) {
    return ReportKind::partial;
  }
  return std::nullopt;
}

std::optional<std::string> expected_duration_from(std::string_view value) {
  const std::string text = normalized(value);
  if (one_of(text, {"", "onbekend", "unknown"})) return "unknown";
  if (one_of(text, {"tot1week", "korterdan1week", "maximaal1week", "upto1week"})) {
    return "up_to_1_week";
  }
  if (one_of(text, {"1tot6weken", "16weken", "1to6weeks", "16weeks"})) return "1_to_6_weeks";
  if (one_of(text, {"langerdan6weken", "meerdan6weken", "over6weeks", "morethan6weeks"})) {
    return "over_6_weeks";
  }
  return std::nullopt;
}

std::optional<std::string> work_kind_from(std::string_view value) {
  const std::string text = normalized(value);
  if (one_of(text, {"", "eigenwerk", "ownwork"})) return "own_work";
  if (one_of(text, {"therapeutisch", "therapeutischwerk", "therapeutic"})) return "therapeutic";
  if (one_of(text, {"passendwerk", "suitablework"})) return "suitable_work";
  return std::nullopt;
}

// The fields only a sick report has.
constexpr std::string_view kSickReportFields[] = {
    "expected_duration", "safety_net_applies", "work_accident", "third_party_liability",
    "contact_phone"};

// The percentage of a partial recovery: a whole number 1-100, "%" allowed.
std::optional<int> percentage_from(std::string_view text) {
  if (text.ends_with('%')) text.remove_suffix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto value = small_number(text);
  if (!value || *value < 1 || *value > 100) return std::nullopt;
  return value;
}

// The payload of the sick report from the line's optional columns.
std::string sick_report_payload(LineCheck& check) {
  Json payload = Json::object();
  const std::string duration_text = check.value("expected_duration");
  const auto duration = expected_duration_from(duration_text);
  if (!duration) {
    check.fail("expected_duration", "invalid_choice",
               "'" + duration_text + "' is none of: tot 1 week, 1-6 weken, langer dan 6 weken, "
               "onbekend");
  }
  payload["expected_duration"] = duration.value_or("unknown");
  payload["safety_net_applies"] = check.yes_no("safety_net_applies");
  payload["work_accident"] = check.yes_no("work_accident");
  payload["third_party_liability"] = check.yes_no("third_party_liability");
  if (const std::string phone = check.value("contact_phone"); !phone.empty()) {
    payload["contact_phone"] = phone;
  }
  return payload.dump();
}

std::string partial_payload(LineCheck& check, int& percentage) {
  const std::string percentage_text = check.value("percentage");
  if (percentage_text.empty()) {
    check.fail("percentage", "missing_value",
               "is required for a partial recovery: the percentage of the agreed hours worked");
  } else if (const auto value = percentage_from(percentage_text)) {
    percentage = *value;
  } else {
    check.fail("percentage", "invalid_percentage",
               "'" + percentage_text + "' is not a whole number from 1 to 100");
  }
  const std::string kind_text = check.value("work_kind");
  const auto kind = work_kind_from(kind_text);
  if (!kind) {
    check.fail("work_kind", "invalid_choice",
               "'" + kind_text + "' is none of: eigen werk, therapeutisch, passend werk");
  }
  Json payload = Json::object();
  payload["percentage"] = percentage;
  payload["kind"] = kind.value_or("own_work");
  return payload.dump();
}

}  // namespace

ReportFile read_report_file(std::string_view text) {
  ReportFile file;
  CsvTable table = read_csv(text);
  file.errors = std::move(table.errors);
  file.data_rows = table.data_rows;
  if (table.header_line == 0) return file;
  const HeaderMap map = map_header(table, report_columns(), file.errors);
  file.ignored_columns = map.ignored;
  require_column(map, table.header_line, {kPersonnelNumber}, "personeelsnummer",
                 "personnel_number", file.errors);
  require_column(map, table.header_line, {"kind"}, "soort", "kind", file.errors);
  require_column(map, table.header_line, {"date"}, "datum", "date", file.errors);
  file.columns.personnel_number = map.name_of(kPersonnelNumber);
  file.columns.employer = map.has(kEmployer) ? map.name_of(kEmployer) : "";
  file.columns.kind = map.name_of("kind");
  file.columns.date = map.name_of("date");
  file.columns.percentage = map.name_of("percentage");
  if (misses_a_column(file.errors, table.header_line)) return file;

  std::map<std::string, std::size_t> first_index;
  for (const CsvRow& row : table.rows) {
    LineCheck check(map, row, file.errors);
    ReportLine line;
    line.line = row.line;
    line.personnel_number = check.required_text(kPersonnelNumber, 64);
    line.employer = check.value(kEmployer);
    const std::string kind_text = check.value("kind");
    const auto kind = report_kind_from(kind_text);
    if (!kind) {
      check.fail("kind", kind_text.empty() ? "missing_value" : "invalid_choice",
                 kind_text.empty() ? "is empty: ziek, hersteld or gedeeltelijk hersteld"
                                   : "'" + kind_text +
                                         "' is none of: ziek, hersteld, gedeeltelijk hersteld");
    }
    const std::string date_text = check.value("date");
    if (date_text.empty()) {
      check.fail("date", "missing_value", "is empty");
    } else if (auto date = parse_import_date(date_text); date.ok()) {
      line.date = *date;
    } else {
      check.fail("date", date.error().code, date.error().message);
    }
    if (!kind) continue;
    line.kind = *kind;
    for (const auto field : kSickReportFields) {
      if (!check.value(field).empty()) line.has_sick_report_fields = true;
    }
    if (line.kind != ReportKind::sick && line.has_sick_report_fields) {
      for (const auto field : kSickReportFields) {
        if (check.value(field).empty()) continue;
        check.fail(field, "not_for_this_kind",
                   "belongs to a sick report (ziek), not to a " +
                       std::string(report_kind_label(line.kind)));
      }
    }
    if (line.kind != ReportKind::partial) {
      const std::string percentage = check.value("percentage");
      // A full recovery may say 100%.
      const bool full = line.kind == ReportKind::recovered && percentage_from(percentage) == 100;
      if (!percentage.empty() && !full) {
        check.fail("percentage", "not_for_this_kind",
                   "belongs to a partial recovery (gedeeltelijk hersteld), not to a " +
                       std::string(report_kind_label(line.kind)));
      }
      if (!check.value("work_kind").empty()) {
        check.fail("work_kind", "not_for_this_kind",
                   "belongs to a partial recovery (gedeeltelijk hersteld)");
      }
    }
    std::string payload;
    switch (line.kind) {
      case ReportKind::sick:
        line.type = core::EntryType::sick_report;
        payload = sick_report_payload(check);
        break;
      case ReportKind::recovered:
        line.type = core::EntryType::recovery;
        payload = "{}";
        break;
      case ReportKind::partial:
        line.type = core::EntryType::partial_work;
        payload = partial_payload(check, line.percentage);
        break;
    }
    if (check.failed()) continue;
    // The same validation as a case manager's entry.
    auto canonical = core::canonicalize_payload(line.type, payload);
    if (!canonical.ok()) {
      std::string field = canonical.error().field;
      if (field.starts_with("payload.")) field.erase(0, 8);
      check.fail(field, canonical.error().code, canonical.error().message);
      continue;
    }
    line.payload = std::move(canonical->payload);
    const std::string key = line.personnel_number + '\n' +
                            std::string(report_kind_label(line.kind)) + '\n' +
                            core::format_iso_date(line.date);
    const auto same = [](const ReportLine& a, const ReportLine& b) {
      return a.payload == b.payload && a.employer == b.employer;
    };
    if (is_repeat(first_index, key, file.lines, line, same, file.duplicates, file.errors,
                  file.columns.kind,
                  "reports the same " + std::string(report_kind_label(line.kind)) + " on " +
                      core::format_iso_date(line.date) + " for " + line.personnel_number)) {
      continue;
    }
    file.lines.push_back(std::move(line));
  }
  std::stable_sort(file.errors.begin(), file.errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
  return file;
}

}  // namespace spoorboek::app
