#include "security/sodium_init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace spoorboek::security {

void ensure_sodium_initialised() {
  // A function-local static is initialised exactly once even under concurrent first calls.
  static const bool initialised = [] {
    if (sodium_init() < 0) {
      std::fputs("spoorboek: libsodium could not be initialised (no entropy source?); stopping\n",
                 stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialised;
}

}  // namespace spoorboek::security
