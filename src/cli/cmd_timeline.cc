// `spoorboek timeline [FILE|-]` and `spoorboek timeline --batch [FILE|-]`: stateless, no database.
//
// The batch form is built for throughput (a million lines in seconds): it reads with large
// read(2) calls in blocks of whole lines, answers blocks on several threads, and writes each
// block's answers with one write(2). Everything between input and output is the json/ adapter
// and the core engine.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "cli/clock.h"
#include "cli/commands.h"
#include "core/date.h"
#include "core/result.h"
#include "json/timeline_batch.h"
#include "json/timeline_json.h"

namespace spoorboek::cli {
namespace {

constexpr std::size_t kReadChunk = 1 << 20;
// A block of about 700 descriptions: large enough that starting its thread costs nothing, small
// enough that the answers in flight (some 20 times the input) stay at a few megabytes each.
constexpr std::size_t kBlockSize = 256 << 10;
constexpr std::size_t kOutputPerInputByte = 22;
constexpr unsigned kMaxDefaultJobs = 8;

unsigned default_jobs();

struct TimelineOptions {
  std::string file = "-";
  std::string as_of;
  bool batch = false;
  unsigned jobs = default_jobs();
};

core::Error cannot_read(const std::string& name) {
  return core::make_error("cannot_read", name,
                          "cannot be read: " + std::string(std::strerror(errno)));
}

// An open input: standard input for "-", else the named file. Closes what it opened.
class Input {
 public:
  static core::Result<Input> open(const std::string& path) {
    if (path == "-") return Input(STDIN_FILENO, false, "standard input");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return cannot_read(path);
    return Input(fd, true, path);
  }
  Input(Input&& other) noexcept
      : fd_(other.fd_), owned_(other.owned_), name_(std::move(other.name_)) {
    other.owned_ = false;
  }
  Input& operator=(Input&&) = delete;
  ~Input() {
    if (owned_) ::close(fd_);
  }

  // Reads up to `size` bytes; 0 at the end. Fails with the reason on an I/O error.
  core::Result<std::size_t> read(char* into, std::size_t size) {
    for (;;) {
      const ssize_t n = ::read(fd_, into, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return cannot_read(name_);
    }
  }

 private:
  Input(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}

  int fd_;
  bool owned_;
  std::string name_;  // for messages
};

// Writes all of `bytes` to standard output; fails when the output is gone (disk full, closed).
core::Status write_stdout(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return core::make_error("cannot_write", "standard output", std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return core::ok_status();
}

int refuse(const core::Error& error) {
  std::cerr << "error: ";
  if (!error.field.empty()) std::cerr << error.field << ": ";
  std::cerr << error.message << '\n';
  return kExitBadInput;
}

core::Result<std::string> read_all(Input& input) {
  std::string text;
  std::size_t filled = 0;
  for (;;) {
    text.resize(filled + kReadChunk);
    auto n = input.read(text.data() + filled, kReadChunk);
    if (!n.ok()) return n.error();
    if (*n == 0) break;
    filled += *n;
  }
  text.resize(filled);
  return text;
}

int run_single(Input& input, core::Date default_as_of) {
  auto text = read_all(input);
  if (!text.ok()) return refuse(text.error());
  const auto description = json::parse_timeline_input(*text, default_as_of);
  if (!description.ok()) return refuse(description.error());
  std::string out;
  json::append_timeline_json(out, *description, core::compute_timeline(*description));
  out.push_back('\n');
  if (auto written = write_stdout(out); !written.ok()) return refuse(written.error());
  return kExitOk;
}

// Reads the input in blocks of whole lines, so that blocks can be answered independently.
class BlockReader {
 public:
  explicit BlockReader(Input& input) : input_(input) {}

  // The next block: at least kBlockSize bytes ending with '\n' (a line longer than that makes a
  // longer block), or the rest of the input, whose last line may lack its '\n'. Empty at the end.
  core::Result<std::string> next() {
    std::string block = std::move(carry_);
    carry_ = std::string();
    while (!at_end_) {
      const std::size_t searched = block.size();
      block.resize(searched + kBlockSize);
      auto n = input_.read(block.data() + searched, kBlockSize);
      if (!n.ok()) return n.error();
      block.resize(searched + *n);
      if (*n == 0) {
        at_end_ = true;
        break;
      }
      if (block.size() < kBlockSize) continue;
      // Only the new bytes can hold the last newline: a long line is not searched twice.
      const void* last_newline = ::memrchr(block.data() + searched, '\n', *n);
      if (last_newline == nullptr) continue;
      const auto cut =
          static_cast<std::size_t>(static_cast<const char*>(last_newline) - block.data()) + 1;
      carry_.assign(block, cut);
      block.resize(cut);
      return block;
    }
    return block;
  }

 private:
  Input& input_;
  std::string carry_;  // the start of the line after the last block
  bool at_end_ = false;
};

long count_lines(std::string_view block) {
  const auto newlines = static_cast<long>(std::count(block.begin(), block.end(), '\n'));
  return newlines + (!block.empty() && block.back() != '\n' ? 1 : 0);
}

struct BlockAnswer {
  std::string out;
  long lines = 0;
  long refused = 0;
};

BlockAnswer answer_block(const std::string& block, long first_line, core::Date default_as_of) {
  json::TimelineBatch batch(default_as_of, first_line);
  BlockAnswer answer;
  // A block of a few huge lines gives little output: reserve for a normal block at most.
  answer.out.reserve(std::min(block.size(), kBlockSize) * kOutputPerInputByte);
  batch.process_lines(block, answer.out);
  answer.lines = batch.lines_read();
  answer.refused = batch.lines_refused();
  return answer;
}

// Answers blocks on `jobs` threads at once and writes the answers in input order. Every line is
// independent of the others, so the only order to keep is that of the output.
int run_batch(Input& input, core::Date default_as_of, unsigned jobs) {
  BlockReader reader(input);
  std::deque<std::future<BlockAnswer>> running;
  long next_line = 1;
  long lines = 0;
  long refused = 0;
  core::Status written = core::ok_status();
  const auto finish_oldest = [&] {
    const BlockAnswer answer = running.front().get();
    running.pop_front();
    lines += answer.lines;
    refused += answer.refused;
    if (written.ok()) written = write_stdout(answer.out);
  };
  // One job answers on this thread, between reads: no thread is worth starting for it.
  const auto policy = jobs == 1 ? std::launch::deferred : std::launch::async;
  core::Status read = core::ok_status();
  for (;;) {
    auto block = reader.next();
    if (!block.ok()) {
      read = block.error();
      break;
    }
    if (block->empty()) break;
    const long first_line = next_line;
    next_line += count_lines(*block);
    running.push_back(std::async(policy, [block = std::move(*block), first_line, default_as_of] {
      return answer_block(block, first_line, default_as_of);
    }));
    if (running.size() >= jobs) finish_oldest();
  }
  while (!running.empty()) finish_oldest();
  if (!read.ok()) return refuse(read.error());
  if (!written.ok()) return refuse(written.error());
  if (refused > 0) {
    std::cerr << "error: " << refused << " of " << lines
              << " lines refused; their output lines hold the error objects\n";
    return kExitBadInput;
  }
  return kExitOk;
}

unsigned default_jobs() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxDefaultJobs);
}

int run_timeline(const TimelineOptions& options) {
  core::Date default_as_of = local_today();
  if (!options.as_of.empty()) {
    const auto as_of = core::parse_iso_date(options.as_of);
    if (!as_of) {
      return refuse(core::make_error("invalid_date", "--as-of",
                                     "\"" + options.as_of +
                                         "\" is not a calendar date written as "
                                         "YYYY-MM-DD"));
    }
    default_as_of = *as_of;
  }
  auto input = Input::open(options.file);
  if (!input.ok()) return refuse(input.error());
  return options.batch ? run_batch(*input, default_as_of, options.jobs)
                       : run_single(*input, default_as_of);
}

std::string help_footer() {
  std::string keys;
  std::size_t line_length = 0;
  for (const std::string_view key : json::timeline_input_keys()) {
    if (!keys.empty()) keys += ",";
    if (line_length + key.size() > 88) {
      keys += "\n   ";
      line_length = 0;
    } else if (!keys.empty()) {
      keys += " ";
    }
    keys += key;
    line_length += key.size() + 2;
  }
  return R"(
Input: one JSON object describing a case, e.g.
  {"periods": [{"kind": "sick", "start": "2022-01-03", "end": "2022-07-03"},
               {"kind": "sick", "start": "2022-07-25"}],
   "problem_analysis_date": "2022-02-10", "as_of": "2023-03-01"}
  A period's "kind" is "sick" or "maternity_leave"; "end" is its last day (inclusive); only the
  last sick period may be open. Dates are YYYY-MM-DD. A null value means the key is absent.
  Accepted keys (all optional but periods):
   )" + keys +
         R"(.
  "progress_evaluation_dates" is a list of dates; "deviations" a list of {"milestone", "reason"};
  "safety_net" one of none, organ_donation, pregnancy, no_risk.
  The as-of date for statuses is the description's "as_of", else --as-of, else today.

Output: the timeline of the case holding the latest sick period, as one line of JSON with
  "first_sick_day", "case", "deadlines" (every milestone: due, window, status, who, legal basis,
  explanation in English and Dutch), "wage_period" and "progress_evaluations".

With --batch: JSON Lines. Every input line is one description; every input line gets exactly one
  output line, in order: its timeline, or {"error":{"code","field","message"},"line":N} when the
  line is refused (an empty line is refused too). The run always goes to the end. Blocks of
  lines are answered on --jobs threads (default: the number of cores, at most 8); the output
  order is always the input order.

Exit codes: 0 when every description was accepted; 2 when the input was refused (single form:
  the reason on stderr as "error: <field>: <reason>" and nothing on stdout) or when any batch
  line was refused (a count on stderr).
)";
}

}  // namespace

void register_timeline_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* command = app.add_subcommand(
      "timeline", "Compute every statutory deadline of one case description (stateless)");
  command->add_option("file", options->file, "The description (JSON), or - for standard input")
      ->type_name("FILE|-")
      ->capture_default_str();
  command->add_flag("--batch", options->batch,
                    "JSON Lines in, JSON Lines out: one timeline or error object per input line");
  command
      ->add_option("--as-of", options->as_of,
                   "Date for statuses (YYYY-MM-DD) when a description has no \"as_of\"; "
                   "default today")
      ->type_name("DATE");
  command
      ->add_option("--jobs,-j", options->jobs,
                   "With --batch: answer this many blocks of lines at once (threads); "
                   "the output order is the input order")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  command->footer(help_footer());
  command->callback([options, &exit_code] { exit_code = run_timeline(*options); });
}

}  // namespace spoorboek::cli
