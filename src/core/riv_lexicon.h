// Internal to the core: the privacy lint's matcher with its scratch buffers kept between calls,
// so that the check of a file does not allocate per text (core::find_medical_term() is the
// public, allocating form; riv_lexicon.cc documents the lexicon).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::core::detail {

class MedicalTermFinder {
 public:
  // The first lexicon term found in `text`, or an empty view. The view points into the lexicon.
  std::string_view find(std::string_view text);

 private:
  std::string lower_;
  std::vector<std::string_view> words_;
};

}  // namespace spoorboek::core::detail
