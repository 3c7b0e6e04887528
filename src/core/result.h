// Result<T>: the value of an operation that can fail in an expected way (bad input, a broken rule).
//
// The core never throws for expected failures; it returns an Error that names a machine-readable
// code, the input field concerned (a JSON-pointer-like path such as "periods[1].end", or "" when
// the whole input is at fault) and a human message. Adapters map these to exit codes or HTTP.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace spoorboek::core {

struct Error {
  std::string code;     // e.g. "invalid_date", "overlap", "conflict"
  std::string field;    // e.g. "periods[0].start"
  std::string message;  // one sentence for a person
};

inline Error make_error(std::string code, std::string field, std::string message) {
  return Error{std::move(code), std::move(field), std::move(message)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok()
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace spoorboek::core
