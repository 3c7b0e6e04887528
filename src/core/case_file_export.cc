#include "core/case_file_export.h"

#include "core/case_file_json.h"
#include "core/entry_hash.h"

namespace spoorboek::core {
namespace {

using detail::Json;
using detail::ObjectReader;
// The writer keeps its keys in the order of the format (format and version first, for a person
// who opens the file); the reader does not care.
using OrderedJson = nlohmann::ordered_json;

constexpr std::size_t kMaxHashLength = 64;
constexpr std::size_t kMaxSealedLength = 1 << 20;  // a medical part; the API bounds bodies at 1 MiB

OrderedJson entry_json(const ExportedEntry& exported, bool full) {
  const Entry& entry = exported.entry;
  OrderedJson object = OrderedJson::object();
  object["case_id"] = entry.case_id;
  object["seq"] = entry.seq;
  object["type"] = entry_type_name(entry.type);
  object["occurred_on"] = format_iso_date(entry.occurred_on);
  object["recorded_at"] = entry.recorded_at;
  object["actor"] = entry.actor;
  object["visibility"] = visibility_name(entry.visibility);
  OrderedJson payload = OrderedJson::parse(entry.payload, nullptr, /*allow_exceptions=*/false);
  object["payload"] = payload.is_object() ? payload : OrderedJson::object();
  object["medical"] = full && entry.medical ? OrderedJson(*entry.medical) : OrderedJson(nullptr);
  object["prev_hash"] = entry.prev_hash;
  object["hash"] = entry.hash;
  if (!full && exported.redacted) object["redacted"] = true;
  if (!full && exported.medical_withheld) object["medical_withheld"] = true;
  return object;
}

bool is_lower_hex(std::string_view text) {
  return text.size() == kMaxHashLength &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// One entry of a file; `path` is "entries[i]".
std::optional<ExportedEntry> read_entry(const Json& value, const std::string& path,
                                        std::optional<Error>& error) {
  ObjectReader reader(value, path);
  ExportedEntry exported;
  Entry& entry = exported.entry;
  entry.case_id = reader.required_integer("case_id", 1, INT64_MAX);
  entry.seq = reader.required_integer("seq", 1, INT64_MAX);
  const std::string type = reader.required_text("type", 64);
  entry.occurred_on = reader.required_date("occurred_on");
  entry.recorded_at = reader.required_text("recorded_at", 64);
  entry.actor = reader.required_text("actor", 256);
  const std::string visibility = reader.required_text("visibility", 32);
  const std::optional<Json> payload = reader.optional_object("payload");
  if (!reader.failed() && !payload) reader.fail("payload", "missing_field", "is required");
  entry.medical = reader.optional_text("medical", kMaxSealedLength);
  entry.prev_hash = reader.required_text("prev_hash", kMaxHashLength);
  entry.hash = reader.required_text("hash", kMaxHashLength);
  exported.redacted = reader.optional_bool("redacted").value_or(false);
  exported.medical_withheld = reader.optional_bool("medical_withheld").value_or(false);
  if (!reader.failed()) {
    if (const auto known = entry_type_from_name(type)) {
      entry.type = *known;
    } else {
      reader.fail("type", "unknown_value", "'" + type + "' is not an entry type");
    }
  }
  if (!reader.failed()) {
    if (const auto known = visibility_from_name(visibility)) {
      entry.visibility = *known;
    } else {
      reader.fail("visibility", "unknown_value", "'" + visibility + "' is not a visibility class");
    }
  }
  if (!reader.failed() && !is_lower_hex(entry.prev_hash)) {
    reader.fail("prev_hash", "invalid", "must be 64 lowercase hex digits");
  }
  if (!reader.failed() && !is_lower_hex(entry.hash)) {
    reader.fail("hash", "invalid", "must be 64 lowercase hex digits");
  }
  if (auto finished = reader.finish(); !finished.ok()) {
    error = finished.error();
    return std::nullopt;
  }
  // The canonical form, as stored and hashed (sorted keys, no spaces).
  entry.payload = payload->dump();
  return exported;
}

}  // namespace

std::string write_case_file_export(const CaseFileExport& file) {
  OrderedJson document = OrderedJson::object();
  document["format"] = kCaseFileExportFormat;
  document["version"] = kCaseFileExportVersion;
  document["kind"] = file.full ? "full" : "view";
  document["exported_at"] = file.exported_at;
  document["exported_by"] = file.exported_by;
  document["case"] = OrderedJson{{"id", file.case_id}, {"created_at", file.case_created_at}};
  document["employer"] = OrderedJson{{"name", file.employer_name}};
  document["employee"] =
      OrderedJson{{"name", file.employee_name}, {"personnel_number", file.personnel_number}};
  document["medical"] = file.full ? "sealed" : "withheld";
  OrderedJson entries = OrderedJson::array();
  for (const auto& exported : file.entries) entries.push_back(entry_json(exported, file.full));
  document["entries"] = std::move(entries);
  document["last_hash"] =
      file.entries.empty() ? std::string(kGenesisHash) : file.entries.back().entry.hash;
  // Indented: a person may read the file; the hashes do not depend on its layout.
  return document.dump(1, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

Result<CaseFileExport> read_case_file_export(std::string_view text) {
  auto parsed = detail::parse_json_object(text, "");
  if (!parsed.ok()) return parsed.error();
  const Json& document = *parsed;
  ObjectReader reader(document, "");
  const std::string format = reader.required_text("format", 64);
  if (!reader.failed() && format != kCaseFileExportFormat) {
    return make_error("unsupported_format", "format",
                      "is not a Spoorboek case file ('" + std::string(kCaseFileExportFormat) +
                          "')");
  }
  const std::int64_t version = reader.required_integer("version", 1, INT32_MAX);
  if (!reader.failed() && version != kCaseFileExportVersion) {
    return make_error("unsupported_format", "version",
                      "version " + std::to_string(version) + " is not known to this program (" +
                          std::to_string(kCaseFileExportVersion) + ")");
  }
  CaseFileExport file;
  file.full = reader.required_choice("kind", {"full", "view"}) == "full";
  file.exported_at = reader.required_text("exported_at", 64);
  file.exported_by = reader.required_text("exported_by", 256);
  reader.required_choice("medical", {"sealed", "withheld"});
  const auto case_object = reader.optional_object("case");
  const auto employer = reader.optional_object("employer");
  const auto employee = reader.optional_object("employee");
  file.last_hash = reader.required_text("last_hash", kMaxHashLength);
  reader.accept("entries");
  for (const char* key : {"case", "employer", "employee"}) {
    if (!reader.failed() && !reader.has(key)) reader.fail(key, "missing_field", "is required");
  }
  if (auto finished = reader.finish(); !finished.ok()) return finished.error();

  ObjectReader case_reader(*case_object, "case");
  file.case_id = case_reader.required_integer("id", 1, INT64_MAX);
  file.case_created_at = case_reader.required_text("created_at", 64);
  if (auto finished = case_reader.finish(); !finished.ok()) return finished.error();
  ObjectReader employer_reader(*employer, "employer");
  file.employer_name = employer_reader.required_text("name", detail::kMaxNameLength);
  if (auto finished = employer_reader.finish(); !finished.ok()) return finished.error();
  ObjectReader employee_reader(*employee, "employee");
  file.employee_name = employee_reader.required_text("name", detail::kMaxNameLength);
  file.personnel_number = employee_reader.required_text("personnel_number", 64);
  if (auto finished = employee_reader.finish(); !finished.ok()) return finished.error();

  const auto entries = document.find("entries");
  if (entries == document.end() || entries->is_null()) {
    return make_error("missing_field", "entries", "is required");
  }
  if (!entries->is_array()) return make_error("invalid_type", "entries", "must be an array");
  for (std::size_t i = 0; i < entries->size(); ++i) {
    std::optional<Error> error;
    auto entry = read_entry((*entries)[i], "entries[" + std::to_string(i) + "]", error);
    if (!entry) return *error;
    file.entries.push_back(std::move(*entry));
  }
  return file;
}

Status check_importable(const CaseFileExport& file) {
  if (!file.full) {
    return make_error("not_importable", "kind",
                      "a view export leaves out what its user may not see, so its hash chain "
                      "cannot be verified: only a full export can be imported");
  }
  if (file.entries.empty()) {
    return make_error("not_importable", "entries", "the file holds no entries");
  }
  std::vector<Entry> entries;
  entries.reserve(file.entries.size());
  for (const auto& exported : file.entries) {
    if (exported.redacted || exported.medical_withheld) {
      return make_error("tampered", "entries[" + std::to_string(exported.entry.seq - 1) + "]",
                        "a full export has no redacted entries");
    }
    entries.push_back(exported.entry);
  }
  if (const auto broken = verify_chain(file.case_id, entries)) {
    return make_error("tampered", "entries[" + std::to_string(broken->seq - 1) + "]",
                      "entry " + std::to_string(broken->seq) + ": " + broken->reason);
  }
  if (file.last_hash != entries.back().hash) {
    return make_error("tampered", "last_hash",
                      "is not the hash of the last entry (entries were removed from the end)");
  }
  return ok_status();
}

}  // namespace spoorboek::core
