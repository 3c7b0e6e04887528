#include "json/timeline_batch.h"

#include "json/timeline_json.h"

namespace spoorboek::json {

bool TimelineBatch::process_line(std::string_view line, std::string& out) {
  ++lines_read_;
  core::Status parsed = parse_timeline_input_into(line, default_as_of_, input_);
  if (parsed.ok()) {
    append_timeline_json(out, input_, core::compute_timeline(input_));
    out.push_back('\n');
    return true;
  }
  ++lines_refused_;
  if (parsed.error().code == "empty_input") {
    // Said in terms of lines: a blank line in a batch is most likely a stray separator.
    parsed = core::make_error("empty_line", "", "the line is empty (expected one JSON object)");
  }
  append_error_json(out, parsed.error(), lines_read_);
  out.push_back('\n');
  return false;
}

}  // namespace spoorboek::json
