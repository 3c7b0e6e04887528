// Reads a case description from JSON events straight into core::TimelineInput.
//
// No document tree: the batch command parses a million descriptions, and building a tree only to
// walk it once would cost more than the deadline engine itself. The reader is a small state
// machine over the few shapes the contract allows. After the first schema error it keeps
// listening without acting, so that broken JSON later in the text is still reported as such.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <limits>
#include <optional>

#include "json/json_reader.h"
#include "json/timeline_input_schema.h"
#include "json/timeline_json.h"

namespace spoorboek::json {
namespace {

using core::Date;
using core::TimelineInput;
using timeline_input_schema::DeviationKey;
using timeline_input_schema::kDeviationKeyNames;
using timeline_input_schema::kDeviationRequiredKeys;
using timeline_input_schema::kPeriodKeyNames;
using timeline_input_schema::kPeriodRequiredKeys;
using timeline_input_schema::kRootKeyCount;
using timeline_input_schema::kRootKeys;
using timeline_input_schema::PeriodKey;
using timeline_input_schema::RequiredKey;
using timeline_input_schema::RootKey;
using timeline_input_schema::ValueKind;

std::string_view name_of(std::string_view name) { return name; }
std::string_view name_of(const RootKey& key) { return key.name; }

template <class Named, std::size_t N>
std::optional<std::size_t> index_of(const Named (&table)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name_of(table[i]) == name) return i;
  }
  return std::nullopt;
}

// One JSON value in a position where the contract expects a scalar.
struct Scalar {
  enum class Type : std::uint8_t { null, boolean, integer, fraction, string, container };
  Type type = Type::null;
  bool boolean = false;
  long long integer = 0;
  bool too_large = false;  // beyond long long
  std::string_view text{};
};

// Long user text is cut in messages: a message names the problem, it does not echo the input.
std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::size_t shown = std::min(text.size(), kMaxShown);
  // Never cut a UTF-8 sequence in two: the message must stay valid UTF-8.
  while (shown < text.size() && (static_cast<unsigned char>(text[shown]) & 0xC0) == 0x80) --shown;
  std::string out = "\"";
  out.append(text.substr(0, shown));
  if (shown < text.size()) out.append("...");
  out.push_back('"');
  return out;
}

std::string describe(const Scalar& value) {
  switch (value.type) {
    case Scalar::Type::null: return "null";
    case Scalar::Type::boolean: return value.boolean ? "true" : "false";
    case Scalar::Type::integer: return "a whole number";
    case Scalar::Type::fraction: return "a fraction";
    case Scalar::Type::string: return "the string " + quoted_excerpt(value.text);
    case Scalar::Type::container: return "an object or array";
  }
  return "a value";
}

std::optional<core::SafetyNet> safety_net_from_name(std::string_view name) {
  if (name == "none") return core::SafetyNet::none;
  if (name == "organ_donation") return core::SafetyNet::organ_donation;
  if (name == "pregnancy") return core::SafetyNet::pregnancy;
  if (name == "no_risk") return core::SafetyNet::no_risk;
  return std::nullopt;
}

class DescriptionReader final : public JsonEvents {
 public:
  DescriptionReader(TimelineInput& input, Date default_as_of) : input_(input) {
    input_.as_of = default_as_of;
  }

  // The first problem found, if any.
  const std::optional<core::Error>& error() const { return error_; }

  void null() override { on_scalar(Scalar{}); }
  void boolean(bool value) override {
    on_scalar(Scalar{.type = Scalar::Type::boolean, .boolean = value});
  }
  void whole_number(long long value) override {
    on_scalar(Scalar{.type = Scalar::Type::integer, .integer = value});
  }
  void other_number(std::string_view written) override {
    // A whole number beyond 64 bits arrives here too; it is just far too large.
    if (written.find_first_of(".eE") == std::string_view::npos) {
      on_scalar(Scalar{.type = Scalar::Type::integer, .too_large = true});
    } else {
      on_scalar(Scalar{.type = Scalar::Type::fraction});
    }
  }
  void string(std::string_view value) override {
    on_scalar(Scalar{.type = Scalar::Type::string, .text = value});
  }
  void start_object() override { on_container_start(/*is_object=*/true); }
  void start_array() override { on_container_start(/*is_object=*/false); }
  void end_object() override;
  void end_array() override;
  void key(std::string_view name) override;

 private:
  enum class Scope : std::uint8_t {
    document,
    root,
    periods,
    period,
    evaluation_dates,
    deviations,
    deviation,
    finished
  };

  void on_scalar(const Scalar& value);
  void on_container_start(bool is_object);
  void assign_root(const RootKey& key, const Scalar& value);
  void assign_period(const Scalar& value);
  void assign_deviation(const Scalar& value);
  std::optional<Date> read_date(const Scalar& value);
  bool read_required_text(const Scalar& value, std::string_view what);
  // Fails for the first required key the current item lacks.
  template <std::size_t N>
  bool has_required_keys(const RequiredKey (&required)[N]) {
    for (const RequiredKey& key : required) {
      if (!(item_seen_ & (1u << key.index))) {
        fail("missing_field", current_path(/*item_only=*/true) + "." + std::string(key.name),
             std::string(key.missing_message));
        return false;
      }
    }
    return true;
  }

  // The path of the value being read ("periods[1].end"), or of the current item when
  // `item_only` ("periods[1]").
  std::string current_path(bool item_only = false) const;
  void fail(std::string code, std::string field, std::string message);
  void fail_here(std::string code, std::string message) {
    fail(std::move(code), current_path(), std::move(message));
  }
  void fail_wrong_type(const Scalar& value, std::string_view expected) {
    fail_here("wrong_type", "must be " + std::string(expected) + ", not " + describe(value));
  }

  TimelineInput& input_;
  std::optional<core::Error> error_;
  Scope scope_ = Scope::document;
  std::size_t root_key_ = 0;
  std::bitset<kRootKeyCount> root_seen_;
  std::size_t item_key_ = 0;    // PeriodKey or DeviationKey of the value being read
  std::uint8_t item_seen_ = 0;  // bit per PeriodKey or DeviationKey
  std::size_t item_index_ = 0;  // within the array being read
};

void DescriptionReader::fail(std::string code, std::string field, std::string message) {
  if (!error_) error_ = core::make_error(std::move(code), std::move(field), std::move(message));
}

std::string DescriptionReader::current_path(bool item_only) const {
  const auto item = [this](std::string_view array) {
    return std::string(array) + "[" + std::to_string(item_index_) + "]";
  };
  switch (scope_) {
    case Scope::document:
    case Scope::finished: return "";
    case Scope::root: return std::string(kRootKeys[root_key_].name);
    case Scope::periods: return item("periods");
    case Scope::evaluation_dates: return item("progress_evaluation_dates");
    case Scope::deviations: return item("deviations");
    case Scope::period:
      return item_only ? item("periods")
                       : item("periods") + "." + std::string(kPeriodKeyNames[item_key_]);
    case Scope::deviation:
      return item_only ? item("deviations")
                       : item("deviations") + "." + std::string(kDeviationKeyNames[item_key_]);
  }
  return "";
}

void DescriptionReader::key(std::string_view name) {
  if (error_) return;
  if (scope_ == Scope::root) {
    const auto index = index_of(kRootKeys, name);
    if (!index) {
      fail("unknown_key", std::string(name),
           "unknown key (accepted: periods, as_of and the optional keys "
           "listed by `spoorboek timeline --help`)");
      return;
    }
    root_key_ = *index;
    if (root_seen_.test(*index)) fail_here("duplicate_key", "appears twice");
    root_seen_.set(*index);
    return;
  }
  const bool in_period = scope_ == Scope::period;
  const auto index =
      in_period ? index_of(kPeriodKeyNames, name) : index_of(kDeviationKeyNames, name);
  if (!index) {
    fail("unknown_key", current_path(/*item_only=*/true) + "." + std::string(name),
         in_period ? "unknown key (a period has kind, start, end and cause)"
                   : "unknown key (a deviation has milestone and reason)");
    return;
  }
  item_key_ = *index;
  const auto bit = static_cast<std::uint8_t>(1u << *index);
  if (item_seen_ & bit) fail_here("duplicate_key", "appears twice");
  item_seen_ |= bit;
}

void DescriptionReader::on_container_start(bool is_object) {
  if (error_) return;
  const Scalar container{.type = Scalar::Type::container};
  switch (scope_) {
    case Scope::document:
      if (!is_object) {
        fail("not_an_object", "", "the description must be a JSON object, not an array");
        return;
      }
      scope_ = Scope::root;
      return;
    case Scope::root: {
      const ValueKind kind = kRootKeys[root_key_].kind;
      if (!is_object && kind == ValueKind::periods) {
        scope_ = Scope::periods;
      } else if (!is_object && kind == ValueKind::evaluation_dates) {
        scope_ = Scope::evaluation_dates;
      } else if (!is_object && kind == ValueKind::deviations) {
        scope_ = Scope::deviations;
      } else {
        on_scalar(container);
        return;
      }
      item_index_ = 0;
      return;
    }
    case Scope::periods:
    case Scope::deviations:
      if (!is_object) {
        fail(std::string("wrong_type"), current_path(),
             scope_ == Scope::periods ? "must be a period object, not an array"
                                      : "must be a deviation object, not an array");
        return;
      }
      item_seen_ = 0;
      if (scope_ == Scope::periods) {
        input_.periods.emplace_back();
        scope_ = Scope::period;
      } else {
        input_.deviations.emplace_back();
        scope_ = Scope::deviation;
      }
      return;
    case Scope::evaluation_dates:
    case Scope::period:
    case Scope::deviation:
    case Scope::finished: on_scalar(container); return;
  }
  return;
}

void DescriptionReader::end_object() {
  if (error_) return;
  switch (scope_) {
    case Scope::root:
      if (!root_seen_.test(0)) {
        fail("missing_field", "periods", "is required (a list of at least one sick period)");
      }
      scope_ = Scope::finished;
      return;
    case Scope::period:
      if (!has_required_keys(kPeriodRequiredKeys)) return;
      scope_ = Scope::periods;
      ++item_index_;
      return;
    case Scope::deviation:
      if (!has_required_keys(kDeviationRequiredKeys)) return;
      scope_ = Scope::deviations;
      ++item_index_;
      return;
    default: return;  // the reader guarantees balance; other scopes never see end_object
  }
}

void DescriptionReader::end_array() {
  if (error_) return;
  if (scope_ == Scope::periods || scope_ == Scope::evaluation_dates ||
      scope_ == Scope::deviations) {
    scope_ = Scope::root;
  }
  return;
}

void DescriptionReader::on_scalar(const Scalar& value) {
  if (error_) return;
  switch (scope_) {
    case Scope::document:
      fail("not_an_object", "", "the description must be a JSON object, not " + describe(value));
      return;
    case Scope::root: assign_root(kRootKeys[root_key_], value); return;
    case Scope::period: assign_period(value); return;
    case Scope::deviation: assign_deviation(value); return;
    case Scope::evaluation_dates:
      if (value.type == Scalar::Type::null) {
        fail_wrong_type(value, "a date (YYYY-MM-DD)");
      } else if (const auto date = read_date(value)) {
        input_.progress_evaluation_dates.push_back(*date);
      }
      ++item_index_;
      return;
    case Scope::periods: fail_wrong_type(value, "a period object"); return;
    case Scope::deviations: fail_wrong_type(value, "a deviation object"); return;
    case Scope::finished: return;
  }
  return;
}

std::optional<Date> DescriptionReader::read_date(const Scalar& value) {
  if (value.type != Scalar::Type::string) {
    fail_wrong_type(value, "a date string (YYYY-MM-DD)");
    return std::nullopt;
  }
  const auto date = core::parse_iso_date(value.text);
  if (!date) {
    fail_here("invalid_date",
              quoted_excerpt(value.text) + " is not a calendar date written as YYYY-MM-DD");
  }
  return date;
}

bool DescriptionReader::read_required_text(const Scalar& value, std::string_view what) {
  if (value.type != Scalar::Type::string) {
    fail_wrong_type(value, what);
    return false;
  }
  return true;
}

void DescriptionReader::assign_root(const RootKey& key, const Scalar& value) {
  // null stands for "absent" for every optional key; the defaults are already in place.
  const bool absent = value.type == Scalar::Type::null;
  switch (key.kind) {
    case ValueKind::periods: fail_wrong_type(value, "a list of periods"); return;
    case ValueKind::evaluation_dates:
      if (!absent) fail_wrong_type(value, "a list of dates (YYYY-MM-DD)");
      return;
    case ValueKind::deviations:
      if (!absent) fail_wrong_type(value, "a list of deviations");
      return;
    case ValueKind::optional_date:
      if (!absent) input_.*key.date = read_date(value);
      return;
    case ValueKind::as_of:
      if (absent) return;
      if (const auto date = read_date(value)) input_.as_of = *date;
      return;
    case ValueKind::whole_number:
      if (absent) return;
      if (value.type != Scalar::Type::integer) {
        fail_wrong_type(value, "a whole number");
      } else if (value.too_large || value.integer < std::numeric_limits<int>::min() ||
                 value.integer > std::numeric_limits<int>::max()) {
        fail_here("out_of_range", "is far too large");
      } else {
        input_.*key.number = static_cast<int>(value.integer);
      }
      return;
    case ValueKind::safety_net: {
      if (absent) return;
      if (!read_required_text(value,
                              "one of \"none\", \"organ_donation\", \"pregnancy\", "
                              "\"no_risk\"")) {
        return;
      }
      const auto net = safety_net_from_name(value.text);
      if (!net) {
        fail_here("unknown_value", quoted_excerpt(value.text) +
                                       " is no safety-net case (expected none, organ_donation, "
                                       "pregnancy or no_risk)");
        return;
      }
      input_.safety_net = *net;
      return;
    }
    case ValueKind::flag:
      if (absent) return;
      if (value.type != Scalar::Type::boolean) {
        fail_wrong_type(value, "true or false");
        return;
      }
      input_.file_is_complete = value.boolean;
      return;
  }
}

void DescriptionReader::assign_period(const Scalar& value) {
  core::Period& period = input_.periods.back();
  switch (static_cast<PeriodKey>(item_key_)) {
    case PeriodKey::kind:
      if (!read_required_text(value, "\"sick\" or \"maternity_leave\"")) return;
      if (value.text == "sick") {
        period.kind = core::PeriodKind::sick;
      } else if (value.text == "maternity_leave") {
        period.kind = core::PeriodKind::maternity_leave;
      } else {
        fail_here("unknown_kind", quoted_excerpt(value.text) +
                                      " is no period kind (expected sick or maternity_leave)");
      }
      return;
    case PeriodKey::start:
      if (const auto date = read_date(value)) period.start = *date;
      return;
    case PeriodKey::end:
      if (value.type != Scalar::Type::null) period.end = read_date(value);
      return;
    case PeriodKey::cause:
      if (value.type == Scalar::Type::null) return;
      if (read_required_text(value, "a text")) period.cause.assign(value.text);
      return;
  }
}

void DescriptionReader::assign_deviation(const Scalar& value) {
  core::Deviation& deviation = input_.deviations.back();
  switch (static_cast<DeviationKey>(item_key_)) {
    case DeviationKey::milestone: {
      if (!read_required_text(value, "a milestone key")) return;
      const auto milestone = core::milestone_key_from_name(value.text);
      if (!milestone) {
        fail_here("unknown_value", quoted_excerpt(value.text) + " is no milestone key");
        return;
      }
      deviation.milestone = *milestone;
      return;
    }
    case DeviationKey::reason:
      if (read_required_text(value, "a text")) deviation.reason.assign(value.text);
      return;
  }
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Empties `input` but keeps the capacity of its lists for the next description.
void reset_keeping_storage(core::TimelineInput& input) {
  auto periods = std::move(input.periods);
  auto evaluations = std::move(input.progress_evaluation_dates);
  auto deviations = std::move(input.deviations);
  periods.clear();
  evaluations.clear();
  deviations.clear();
  input = core::TimelineInput{};
  input.periods = std::move(periods);
  input.progress_evaluation_dates = std::move(evaluations);
  input.deviations = std::move(deviations);
}

}  // namespace

std::vector<std::string_view> timeline_input_keys() {
  std::vector<std::string_view> names;
  for (const RootKey& key : kRootKeys) names.push_back(key.name);
  return names;
}

core::Status parse_timeline_input_into(std::string_view text, core::Date default_as_of,
                                       core::TimelineInput& input) {
  if (is_blank(text)) {
    return core::make_error("empty_input", "", "the input is empty (expected a JSON object)");
  }
  reset_keeping_storage(input);
  DescriptionReader reader(input, default_as_of);
  // Broken JSON outranks a schema error found before it: the text as a whole is at fault.
  if (auto syntax = read_json(text, reader); !syntax.ok()) return syntax;
  if (reader.error()) return *reader.error();
  return core::validate_timeline_input(input);
}

core::Result<core::TimelineInput> parse_timeline_input(std::string_view text,
                                                       core::Date default_as_of) {
  core::TimelineInput input;
  if (auto status = parse_timeline_input_into(text, default_as_of, input); !status) {
    return status.error();
  }
  return input;
}

}  // namespace spoorboek::json
