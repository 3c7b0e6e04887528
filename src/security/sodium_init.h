// One-time initialisation of libsodium, shared by every unit here that calls it.
//
// libsodium must be initialised before its random generator or its optimised implementations are
// used. ensure_sodium_initialised() is cheap after the first call and safe from any thread; if
// libsodium cannot initialise (no entropy source) the process aborts with a message, because
// continuing would mean hashing passwords or encrypting medical data without a working CSPRNG.
#pragma once

namespace spoorboek::security {

void ensure_sodium_initialised();

}  // namespace spoorboek::security
