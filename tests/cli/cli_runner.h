// Runs build/spoorboek as a user would, through the shell, and captures what it did.
//
// Tests of the command line must see the real exit code and the real split between stdout and
// stderr, so they run the binary rather than calling the command functions.
#pragma once

#include <string>

namespace spoorboek::cli::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `spoorboek <arguments>` with `standard_input` on its stdin. `arguments` is shell text:
// quote file names with quoted_path().
RunResult run_spoorboek(const std::string& arguments, const std::string& standard_input = "");

// Writes `content` to a new file in the test's temporary directory and returns its path.
std::string write_temp_file(const std::string& content);

// `path` in single quotes for the shell.
std::string quoted_path(const std::string& path);

}  // namespace spoorboek::cli::testing
