#include "cli_runner.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace spoorboek::cli::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string unique_temp_path(const char* suffix) {
  static int counter = 0;
  return ::testing::TempDir() + "spoorboek_cli_" + std::to_string(::getpid()) + "_" +
         std::to_string(++counter) + suffix;
}

}  // namespace

std::string quoted_path(const std::string& path) {
  std::string quoted = "'";
  for (const char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string write_temp_file(const std::string& content) {
  const std::string path = unique_temp_path(".json");
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

RunResult run_spoorboek(const std::string& arguments, const std::string& standard_input) {
  const std::string in = write_temp_file(standard_input);
  const std::string out = unique_temp_path(".out");
  const std::string err = unique_temp_path(".err");
  const std::string command = quoted_path(SPOORBOEK_BINARY) + " " + arguments + " <" +
                              quoted_path(in) + " >" + quoted_path(out) + " 2>" + quoted_path(err);
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  return result;
}

}  // namespace spoorboek::cli::testing
