// libFuzzer target for the HR import's file readers (app/csv_reader.h, app/hr_import_file.h): a
// staff list or a report file of any bytes must give lines or line-named errors: never crash,
// hang or leak, and every error has a code and a message. The first byte picks the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/hr_import_file.h"

namespace {

using namespace spoorboek;

void check(const std::vector<app::LineError>& errors) {
  for (const auto& error : errors) {
    if (error.code.empty() || error.message.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: check(app::read_csv(text).errors); break;
    case 1: check(app::read_employee_file(text).errors); break;
    case 2: check(app::read_report_file(text).errors); break;
    case 3: {
      const auto date = app::parse_import_date(text);
      if (!date.ok() && date.error().message.empty()) __builtin_trap();
      break;
    }
  }
  return 0;
}
