#include "cli/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace spoorboek::cli {
namespace {

core::Error cannot_write(const std::string& path, std::string_view option, int error_number) {
  return core::make_error("cannot_write", std::string(option),
                          "cannot write '" + path + "': " + std::strerror(error_number));
}

}  // namespace

core::Status write_file_atomically(const std::string& path, std::string_view content,
                                   std::string_view option) {
  if (path.empty()) return core::make_error("missing_field", std::string(option), "is required");
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());  // 0600, in the target's directory (same file system)
  if (fd < 0) return cannot_write(path, option, errno);
  const std::string temporary(name.data());
  const auto fail = [&](int error_number) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return cannot_write(path, option, error_number);
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return cannot_write(path, option, error_number);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return cannot_write(path, option, error_number);
  }
  return core::ok_status();
}

}  // namespace spoorboek::cli
