// The export format of one case file: written and read back unchanged, read strictly, and only a
// full export with an intact chain is importable.
#include "core/case_file_export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/core/case_file_test_support.h"

namespace spoorboek::core {
namespace {

using nlohmann::json;
using testing::append;
using testing::sick_report;
using testing::simple;

CaseFileExport sample(std::int64_t case_id = 7) {
  std::vector<Entry> entries;
  append(entries, sick_report("2026-01-05"), case_id);
  append(entries, simple("company_doctor_report", "2026-01-20"), case_id);
  append(entries, simple("long_term_expected", "2026-01-25"), case_id);
  // A sealed medical part: the export carries it as the text the database stores.
  entries.back().medical = "sealed:v1:c2VhbGVkIGJ5dGVz";
  entries.back().hash = compute_entry_hash(entries.back());
  CaseFileExport file;
  file.exported_at = "2026-03-02T10:15:00Z";
  file.exported_by = "cli:test";
  file.case_id = case_id;
  file.case_created_at = "2026-01-05T09:00:00Z";
  file.employer_name = "Bakkerij \"De Korst\", Utrecht";
  file.employee_name = "Jan de Vries";
  file.personnel_number = "P-001";
  for (const auto& entry : entries) file.entries.push_back(ExportedEntry{entry, false, false});
  file.last_hash = entries.back().hash;
  return file;
}

TEST(CaseFileExport, RoundTripsEveryField) {
  const CaseFileExport file = sample();
  const std::string text = write_case_file_export(file);
  auto read = read_case_file_export(text);
  ASSERT_TRUE(read.ok()) << read.error().field << ": " << read.error().message;
  EXPECT_TRUE(read->full);
  EXPECT_EQ(read->case_id, 7);
  EXPECT_EQ(read->employer_name, file.employer_name);
  EXPECT_EQ(read->employee_name, "Jan de Vries");
  EXPECT_EQ(read->personnel_number, "P-001");
  EXPECT_EQ(read->last_hash, file.entries.back().entry.hash);
  ASSERT_EQ(read->entries.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const Entry& a = file.entries[i].entry;
    const Entry& b = read->entries[i].entry;
    EXPECT_EQ(b.case_id, a.case_id);
    EXPECT_EQ(b.seq, a.seq);
    EXPECT_EQ(b.type, a.type);
    EXPECT_EQ(b.occurred_on, a.occurred_on);
    EXPECT_EQ(b.recorded_at, a.recorded_at);
    EXPECT_EQ(b.actor, a.actor);
    EXPECT_EQ(b.visibility, a.visibility);
    EXPECT_EQ(b.payload, a.payload);  // canonical again
    EXPECT_EQ(b.medical, a.medical);
    EXPECT_EQ(b.prev_hash, a.prev_hash);
    EXPECT_EQ(b.hash, a.hash);
  }
  EXPECT_TRUE(check_importable(*read).ok());
}

TEST(CaseFileExport, PayloadsAreObjectsInTheFileAndCanonicalWhenRead) {
  const std::string text = write_case_file_export(sample());
  json document = json::parse(text);
  EXPECT_TRUE(document["entries"][0]["payload"].is_object());
  // Layout does not matter: the same file compact reads to the same entries and hashes.
  auto read = read_case_file_export(document.dump());
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(check_importable(*read).ok());
}

Error read_error(const json& document) {
  auto read = read_case_file_export(document.dump());
  EXPECT_FALSE(read.ok()) << document.dump().substr(0, 200);
  return read.ok() ? Error{} : read.error();
}

TEST(CaseFileExport, ReadingIsStrictAndNamesTheField) {
  const json good = json::parse(write_case_file_export(sample()));
  EXPECT_EQ(read_case_file_export("{not json").error().code, "invalid_json");
  EXPECT_EQ(read_case_file_export("[]").error().code, "invalid_type");
  json doc = good;
  doc["format"] = "other";
  EXPECT_EQ(read_error(doc).code, "unsupported_format");
  doc = good;
  doc["version"] = 2;
  EXPECT_EQ(read_error(doc).field, "version");
  doc = good;
  doc["surprise"] = 1;
  EXPECT_EQ(read_error(doc).field, "surprise");
  doc = good;
  doc.erase("employee");
  EXPECT_EQ(read_error(doc).field, "employee");
  doc = good;
  doc["employee"]["personnel_number"] = 12;
  EXPECT_EQ(read_error(doc).field, "employee.personnel_number");
  doc = good;
  doc["entries"][1]["occurred_on"] = "2026-02-30";
  EXPECT_EQ(read_error(doc).field, "entries[1].occurred_on");
  doc = good;
  doc["entries"][2]["visibility"] = "SECRET";
  EXPECT_EQ(read_error(doc).field, "entries[2].visibility");
  doc = good;
  doc["entries"][0]["payload"] = "text";
  EXPECT_EQ(read_error(doc).field, "entries[0].payload");
  doc = good;
  doc["entries"][0]["hash"] = "ABC";
  EXPECT_EQ(read_error(doc).field, "entries[0].hash");
  doc = good;
  doc["entries"] = json::object();
  EXPECT_EQ(read_error(doc).field, "entries");
}

TEST(CaseFileExport, OnlyAnIntactFullExportIsImportable) {
  CaseFileExport file = sample();
  file.entries[1].entry.payload = R"({"forged":true})";
  Status status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "tampered");
  EXPECT_EQ(status.error().field, "entries[1]");

  file = sample();
  file.entries.erase(file.entries.begin());
  status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "entries[0]");

  file = sample();
  file.entries.pop_back();  // last_hash still names the removed entry
  status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "last_hash");

  file = sample();
  file.case_id = 8;  // the entries were hashed for case 7
  status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "tampered");

  file = sample();
  file.full = false;
  status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "not_importable");

  file = sample();
  file.entries.clear();
  status = check_importable(file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "entries");
}

TEST(CaseFileExport, AViewMarksRedactionAndNeverCarriesMedicalParts) {
  CaseFileExport file = sample();
  file.full = false;
  file.entries[0].redacted = true;
  file.entries[0].entry.payload = "{}";
  file.entries[2].medical_withheld = true;  // the writer leaves the sealed text out itself
  const json document = json::parse(write_case_file_export(file));
  EXPECT_EQ(document["kind"], "view");
  EXPECT_EQ(document["medical"], "withheld");
  EXPECT_EQ(document["entries"][0]["redacted"], true);
  EXPECT_TRUE(document["entries"][2]["medical"].is_null());
  EXPECT_EQ(document["entries"][2]["medical_withheld"], true);
  EXPECT_FALSE(document["entries"][1].contains("redacted"));
}

}  // namespace
}  // namespace spoorboek::core
