#include "api/http_types.h"

#include <atomic>
#include <cstdio>
#include <exception>

#include "api/json_error.h"

namespace spoorboek::api {
namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

std::optional<std::string_view> first_value(
    const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

std::string_view method_name(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::head: return "HEAD";
    case Method::options: return "OPTIONS";
    case Method::other: break;
  }
  return "OTHER";
}

std::optional<std::string_view> HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equal_ignoring_case(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view name) const {
  return first_value(query, name);
}

std::optional<std::string_view> HttpRequest::param(std::string_view name) const {
  return first_value(params, name);
}

std::optional<std::string_view> HttpRequest::cookie(std::string_view name) const {
  std::optional<std::string_view> cookies = header("cookie");
  if (!cookies) return std::nullopt;
  std::string_view rest = *cookies;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return std::nullopt;
}

// The answer slot all copies of one Responder share. `answered` decides the race between copies
// answering from different threads: only the thread that flips it touches `send`.
struct Responder::Slot {
  explicit Slot(SendFunction function) : send(std::move(function)) {}
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

  // The last copy is gone: nobody can answer any more, so the request gets a 500 now rather
  // than hanging until the client gives up.
  ~Slot() {
    if (answered.exchange(true) || !send) return;
    try {
      send(json_error(500, "internal", "the request was not answered"));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "spoorboek: could not send the 500 of an unanswered request: %s\n",
                   e.what());
    } catch (...) {
      std::fprintf(stderr, "spoorboek: could not send the 500 of an unanswered request\n");
    }
  }

  SendFunction send;
  std::atomic<bool> answered{false};
};

Responder::Responder(SendFunction send) : slot_(std::make_shared<Slot>(std::move(send))) {}

void Responder::send(HttpResponse&& response) const {
  if (!slot_ || slot_->answered.exchange(true)) return;
  // Moved out so that what the function holds (the connection) is released with the answer,
  // not with the last copy of the Responder.
  SendFunction function = std::move(slot_->send);
  if (function) function(std::move(response));
}

bool Responder::answered() const { return slot_ && slot_->answered.load(); }

}  // namespace spoorboek::api
