// The case file as one JSON document: what `spoorboek export` writes and `spoorboek import`
// reads back.
//
// {"format":"spoorboek-case-file","version":1,"kind":"full"|"view","exported_at","exported_by",
//  "case":{"id","created_at"},"employer":{"name"},"employee":{"name","personnel_number"},
//  "medical":"sealed"|"withheld","entries":[{"case_id","seq","type","occurred_on","recorded_at",
//  "actor","visibility","payload":{...},"medical":"sealed:v1:..."|null,"prev_hash","hash"
//  [,"redacted":true][,"medical_withheld":true]}],"last_hash"}
//
// Two kinds:
// - "full": every entry exactly as stored, payload of every class, and each MEDICAL part as the
//   sealed text the database holds (XChaCha20-Poly1305, bound to its case and seq): only the same
//   key file opens it, so the file can move between installations that share that key without
//   exposing a diagnosis to anyone on the way. Only an administrator of the whole installation
//   makes one; only a full export can be imported, because only its hash chain can be verified.
// - "view": the file as one user may see it: payloads of classes the user may not read are "{}"
//   with "redacted":true, and no medical part ever leaves (not even for those who read it in the
//   application: a file on disk escapes both the read log and the encryption at rest), marked
//   "medical_withheld":true. The hashes are those of the stored entries, for reference.
//
// read_case_file_export() is strict: unknown fields, wrong types, unknown entry types or
// visibility classes, dates that are not ISO and payloads that are not objects are refused with
// the field's path ("entries[3].occurred_on"). Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_file.h"
#include "core/result.h"

namespace spoorboek::core {

inline constexpr std::string_view kCaseFileExportFormat = "spoorboek-case-file";
inline constexpr int kCaseFileExportVersion = 1;

struct ExportedEntry {
  Entry entry;
  bool redacted = false;          // view: the payload was left out ("{}")
  bool medical_withheld = false;  // view: the entry has a medical part that was left out
};

struct CaseFileExport {
  bool full = true;  // "full" or "view"
  std::string exported_at;
  std::string exported_by;
  std::int64_t case_id = 0;
  std::string case_created_at;
  std::string employer_name;
  std::string employee_name;
  std::string personnel_number;
  std::vector<ExportedEntry> entries;  // in seq order
  // The hash of the last entry: set by the writer from `entries`; as read from a file, what the
  // file claims (check_importable() compares).
  std::string last_hash;
};

std::string write_case_file_export(const CaseFileExport& file);

// Errors: "invalid_json", "unsupported_format" (field "format" or "version"), and the reader's
// field-named codes ("missing_field", "invalid_type", "unknown_field", "invalid_date",
// "unknown_value").
Result<CaseFileExport> read_case_file_export(std::string_view text);

// For an import: the file is a full export that holds at least one entry, whose chain is intact
// (core::verify_chain over its entries: seq 1, 2, ..., every prev_hash the previous hash, every
// hash recomputed from the content) and whose last_hash is its last entry's. Error code "tampered" (field "entries[i]" of the first break) or
// "not_importable" (field "kind").
Status check_importable(const CaseFileExport& file);

}  // namespace spoorboek::core
