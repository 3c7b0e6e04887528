// Writing a command's output file whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace spoorboek::cli {

// Writes `content` to a new temporary file beside `path` (mode 0600: exports hold personal
// data), flushes it to disk and renames it over `path`, so that `path` holds either its old
// content or the whole new one. On any failure the temporary file is removed and nothing is left
// behind. Error code "cannot_write", field `option`, naming the path and the system's reason.
core::Status write_file_atomically(const std::string& path, std::string_view content,
                                   std::string_view option);

}  // namespace spoorboek::cli
