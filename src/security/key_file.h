// The file that holds the FieldKey for medical data, created once by `spoorboek init`.
//
// The file is 64 lowercase hex characters and a newline, mode 0600. create_key_file never
// overwrites: losing the old key would make every sealed field unreadable, so an existing file is
// an error. The new file appears atomically (complete or not at all) and is on disk, with its
// directory entry, before the function returns. load_key_file refuses a key that group or others
// may read or write, so a wrong deployment fails loudly instead of running with an exposed key.
// This is the only unit in src/security that does I/O.
#pragma once

#include <string>

#include "core/result.h"
#include "security/field_cipher.h"

namespace spoorboek::security {

// Error field "key_file"; codes "key_file_exists", or "storage" with the system's reason.
core::Status create_key_file(const std::string& path);

// Error field "key_file"; codes "key_file_missing", "key_file_permissions" (mode & 077 != 0),
// "key_file_invalid" (not exactly 64 hex characters with an optional trailing newline), or
// "storage" with the system's reason.
core::Result<FieldKey> load_key_file(const std::string& path);

}  // namespace spoorboek::security
