// The one way a document reaches the disk: complete or not at all.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "report/pdf.h"

namespace spoorboek::report {
namespace {

core::Error unwritable(const std::string& path, const std::string& reason) {
  return core::make_error("unwritable", "out", "cannot write '" + path + "': " + reason);
}

}  // namespace

core::Status write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path.empty()) return unwritable(path, "no file name given");
  const std::filesystem::path target(path);
  std::error_code ignored;
  if (std::filesystem::is_directory(target, ignored)) return unwritable(path, "it is a directory");
  // The temporary file sits beside the target, so the rename stays on one file system and is
  // atomic; its name starts with a dot and ends in random letters (mkstemp).
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern =
      (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return unwritable(path, std::strerror(errno));
  const std::string temporary(name.data());
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return unwritable(path, std::strerror(error));
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; a document is an ordinary file of its owner (umask applies).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) return fail(errno);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return unwritable(path, std::strerror(error));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return unwritable(path, std::strerror(error));
  }
  return core::ok_status();
}

}  // namespace spoorboek::report
