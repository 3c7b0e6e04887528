// gen_cases COUNT [SEED]: writes COUNT realistic case descriptions as JSON Lines to stdout, the
// same ones for the same seed on every machine (input for bench/batch_vs_jq.sh).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "case_generator.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: gen_cases COUNT [SEED]\n");
    return 2;
  }
  const long count = std::strtol(argv[1], nullptr, 10);
  const unsigned long long seed =
      argc == 3 ? std::strtoull(argv[2], nullptr, 10) : spoorboek::bench::kDefaultSeed;
  if (count < 0) {
    std::fprintf(stderr, "error: COUNT: must be 0 or more\n");
    return 2;
  }
  spoorboek::bench::CaseGenerator generator(seed);
  std::string out;
  out.reserve(1 << 21);
  for (long i = 0; i < count; ++i) {
    spoorboek::bench::append_description_json(out, generator.next());
    out.push_back('\n');
    if (out.size() >= (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
