// JSON Lines for `spoorboek timeline --batch`: one case description per input line, one output
// line per input line, in order.
//
// A good line gives its timeline; a bad one gives {"error":{"code","field","message"},"line":N}
// and the batch goes on. An empty line is a bad line (it is counted, never skipped), so output
// line N always answers input line N. Reading the input (files, pipes, buffering, threads) is
// the caller's business: this unit turns lines into lines.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/timeline.h"

namespace spoorboek::json {

class TimelineBatch {
 public:
  // `default_as_of` is the as-of date of every line that has no "as_of". `first_line_number`
  // numbers the first line this batch sees, for a batch that starts in the middle of a file.
  explicit TimelineBatch(core::Date default_as_of, long first_line_number = 1)
      : default_as_of_(default_as_of), next_line_number_(first_line_number) {}

  // Appends the answer to the next input line (`line` without its '\n') and a '\n' to `out`.
  // Returns false when the line was refused.
  bool process_line(std::string_view line, std::string& out);

  // Answers every line of `text`: each '\n' ends a line, and text after the last '\n' is one
  // more line (the end of a file without a final newline).
  void process_lines(std::string_view text, std::string& out);

  long lines_read() const { return lines_read_; }
  long lines_refused() const { return lines_refused_; }

 private:
  core::Date default_as_of_;
  long next_line_number_;
  core::TimelineInput input_;  // reused from line to line to keep its storage
  long lines_read_ = 0;
  long lines_refused_ = 0;
};

}  // namespace spoorboek::json
