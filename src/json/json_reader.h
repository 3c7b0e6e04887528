// A strict JSON reader (RFC 8259) that reports what it reads as events, without building a tree.
//
// Why our own: `timeline --batch` reads a million descriptions, and a general-purpose parser
// spent more time per line (it keeps every character of every token for its diagnostics) than
// the deadline engine and the rest of the line together. This one reads strings without copying
// them when they hold no escapes and checks UTF-8 as it goes.
//
// Accepts exactly one JSON value surrounded by optional whitespace (and a leading UTF-8 byte order
// mark, which it skips); refuses anything else
// (comments, trailing commas, NaN, single quotes, broken UTF-8, lone surrogates, control
// characters in strings, text after the value).
#pragma once

#include <string_view>

#include "core/result.h"

namespace spoorboek::json {

// Receives the events of one document in order. A string_view argument is valid only during the
// call. Containers: start_object, then (key, value)* and end_object; start_array, value*,
// end_array. Numbers come as a whole number when they have no fraction or exponent and fit in
// long long, else as their written text.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void null() = 0;
  virtual void boolean(bool value) = 0;
  virtual void whole_number(long long value) = 0;
  virtual void other_number(std::string_view written) = 0;  // a fraction, exponent or huge
  virtual void string(std::string_view value) = 0;          // unescaped, UTF-8
  virtual void start_object() = 0;
  virtual void key(std::string_view name) = 0;  // unescaped, UTF-8
  virtual void end_object() = 0;
  virtual void start_array() = 0;
  virtual void end_array() = 0;
};

// Reads `text` as one JSON document and reports it to `events`.
// Guarantees: on success every event was reported and containers are balanced. On failure the
// error has code "invalid_json", field "", and a message with the line and column and what was
// wrong; the events reported before the error are a prefix of a valid document's events.
core::Status read_json(std::string_view text, JsonEvents& events);

}  // namespace spoorboek::json
