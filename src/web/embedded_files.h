// The files of web/ (templates, static files, message catalogues) compiled into the binary by
// web/embed_web.cmake, so that `spoorboek serve` is self-contained.
//
// Paths are relative to web/ ("templates/login.mustache", "static/spoorboek.css"); the SHA-256 of
// each file is computed at build time and names a static file's version in its URL.
#pragma once

#include <span>
#include <string_view>

namespace spoorboek::web {

struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
  std::string_view sha256;  // lower-case hex
};

// Every embedded file, sorted by path.
std::span<const EmbeddedFile> embedded_files();

// The file at `path`, or nullptr.
const EmbeddedFile* find_embedded_file(std::string_view path);

}  // namespace spoorboek::web
