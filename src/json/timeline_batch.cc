#include "json/timeline_batch.h"

#include "json/timeline_json.h"

namespace spoorboek::json {

bool TimelineBatch::process_line(std::string_view line, std::string& out) {
  ++lines_read_;
  const long line_number = next_line_number_++;
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
  append_error_json(out, parsed.error(), line_number);
  out.push_back('\n');
  return false;
}

void TimelineBatch::process_lines(std::string_view text, std::string& out) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      process_line(text, out);
      return;
    }
    process_line(text.substr(0, end), out);
    text.remove_prefix(end + 1);
  }
}

}  // namespace spoorboek::json
