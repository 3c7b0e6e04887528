#include "web/embedded_files.h"

#include <algorithm>

namespace spoorboek::web {

const EmbeddedFile* find_embedded_file(std::string_view path) {
  const auto files = embedded_files();
  const auto found = std::lower_bound(
      files.begin(), files.end(), path,
      [](const EmbeddedFile& file, std::string_view wanted) { return file.path < wanted; });
  return found != files.end() && found->path == path ? &*found : nullptr;
}

}  // namespace spoorboek::web
