#include "security/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "security/sodium_init.h"

namespace spoorboek::security {
namespace {

constexpr std::size_t kHexLength = kFieldKeyBytes * 2;
constexpr const char* kField = "key_file";

core::Error storage_error(const std::string& what, const std::string& path, int error_number) {
  return core::make_error("storage", kField,
                          what + " " + path + ": " + std::strerror(error_number) + ".");
}

// Closes the descriptor on every path out of a function.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports the result: a failed close can mean the data never reached the disk.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::string parent_directory(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The temporary file next to the key, with a random suffix so two concurrent `init`s do not meet.
std::string temporary_path(const std::string& path) {
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return path + ".tmp-" + hex;
}

}  // namespace

core::Status create_key_file(const std::string& path) {
  ensure_sodium_initialised();
  struct stat existing {};
  if (::lstat(path.c_str(), &existing) == 0) {
    return core::make_error("key_file_exists", kField,
                            "The key file " + path +
                                " already exists; it is never overwritten, because data sealed "
                                "with it could no longer be read.");
  }

  // Write the key to a new temporary file and link it under the real name only when it is
  // complete and on disk: a crash midway then leaves no half-written key file behind. link()
  // fails if the name exists, so even a concurrent creator cannot be overwritten.
  const std::string temporary = temporary_path(path);
  FileDescriptor fd(::open(temporary.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
  if (fd.get() < 0) return storage_error("Cannot create the key file", temporary, errno);

  // The umask can only narrow the mode given to open(); fchmod makes it exactly 0600, since a
  // narrower mode such as 0400 or 0200 would be just as wrong for the owner that needs to read it.
  if (::fchmod(fd.get(), 0600) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return storage_error("Cannot set the mode of the key file", temporary, error_number);
  }

  const FieldKey key = FieldKey::generate();
  std::array<char, kHexLength + 2> text{};  // hex, '\n', and sodium_bin2hex's NUL
  sodium_bin2hex(text.data(), kHexLength + 1, key.bytes().data(), key.bytes().size());
  text[kHexLength] = '\n';
  const bool written = write_all(fd.get(), text.data(), kHexLength + 1) && ::fsync(fd.get()) == 0;
  const int write_errno = errno;
  sodium_memzero(text.data(), text.size());
  if (!written || fd.close() != 0) {
    const int error_number = written ? errno : write_errno;
    ::unlink(temporary.c_str());
    return storage_error("Cannot write the key file", temporary, error_number);
  }

  if (::link(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    if (error_number == EEXIST) {
      return core::make_error("key_file_exists", kField,
                              "The key file " + path + " was created by someone else meanwhile.");
    }
    return storage_error("Cannot create the key file", path, error_number);
  }
  ::unlink(temporary.c_str());

  // The new name must reach the disk too, or a crash could lose the file after we reported it.
  const std::string directory = parent_directory(path);
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
    return storage_error("Cannot flush the directory", directory, errno);
  }
  return core::ok_status();
}

core::Result<FieldKey> load_key_file(const std::string& path) {
  ensure_sodium_initialised();
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      return core::make_error(
          "key_file_missing", kField,
          "The key file " + path +
              " does not exist. It is created once by `spoorboek init`; without it the medical "
              "data in the database cannot be read, so restore it from the backup if it was lost.");
    }
    return storage_error("Cannot open the key file", path, errno);
  }

  // fstat on the open descriptor checks the very file we read, not one swapped in meanwhile.
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0)
    return storage_error("Cannot inspect the key file", path, errno);
  if (!S_ISREG(status.st_mode)) {
    return core::make_error("key_file_invalid", kField,
                            "The key file " + path + " is not a regular file.");
  }
  if ((status.st_mode & 077) != 0) {
    return core::make_error("key_file_permissions", kField,
                            "The key file " + path +
                                " may be read or written by other users; run `chmod 600 " + path +
                                "` so that only its owner can.");
  }

  // One byte more than the longest valid content, to notice a file that is too long.
  std::array<char, kHexLength + 2> text{};
  std::size_t length = 0;
  while (length < text.size()) {
    const ssize_t got = ::read(fd.get(), text.data() + length, text.size() - length);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error_number = errno;
      sodium_memzero(text.data(), text.size());
      return storage_error("Cannot read the key file", path, error_number);
    }
    if (got == 0) break;
    length += static_cast<std::size_t>(got);
  }

  std::array<unsigned char, kFieldKeyBytes> bytes{};
  bool valid = length == kHexLength || (length == kHexLength + 1 && text[kHexLength] == '\n');
  for (std::size_t i = 0; valid && i < kFieldKeyBytes; ++i) {
    const int high = hex_value(text[2 * i]);
    const int low = hex_value(text[2 * i + 1]);
    if (high < 0 || low < 0)
      valid = false;
    else
      bytes[i] = static_cast<unsigned char>(high * 16 + low);
  }
  sodium_memzero(text.data(), text.size());
  if (!valid) {
    sodium_memzero(bytes.data(), bytes.size());
    return core::make_error("key_file_invalid", kField,
                            "The key file " + path +
                                " does not hold exactly 64 hexadecimal characters; it is damaged "
                                "or not a Spoorboek key file.");
  }
  FieldKey key = FieldKey::from_bytes(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

}  // namespace spoorboek::security
