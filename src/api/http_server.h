// The HTTP transport: serves a Router over HTTP/1.1 with RESTinio on a pool of threads.
//
// What every request goes through, before and after its handler:
//   - a request id ("<8 random hex>-<counter>"), echoed as X-Request-Id and in the access log;
//   - the path percent-decoded (an invalid escape or a NUL: 400 bad_request), the query split into
//     decoded pairs ('+' is a space), header names lower-cased;
//   - the body limit: a body over max_body_bytes gets 413 payload_too_large (field "body") and the
//     handler is not called. RESTinio reads bodies up to kBodyReadFactor x max_body_bytes (at
//     least max_body_bytes + 64 KiB) so that it can answer them with that 413; a declared or
//     actual body beyond that is refused by the parser, which closes the connection without an
//     answer;
//   - routing: no route for the path 404 not_found; a route for the path but not the method 405
//     method_not_allowed with an Allow header;
//   - a handler that throws: 500 internal (logged on stderr); the server keeps serving;
//   - security headers on every response (nosniff, DENY framing, no-referrer, no-store, COOP,
//     CORP, Permissions-Policy, a Content-Security-Policy for JSON or for HTML, HSTS when TLS is
//     terminated upstream);
//   - one access-log line of JSON per response, never with query values, headers, cookies or
//     bodies.
//
// Handlers run on pool threads and may answer later, from any thread, through their Responder.
// The URL and each header value are limited to max_header_bytes, a header name to 1 KiB and the
// count of header fields to 100 (http_parser caps the whole header block at 80 KiB); beyond
// those the parser refuses the request and the connection is closed without an answer.
//
// Timeouts: a connection that does not deliver a complete request within read_timeout of being
// opened or of its previous answer (an idle keep-alive connection, a slow sender) is closed; so
// is one whose handler has not answered within handle_timeout (its late answer is dropped), and
// one whose client does not take the answer within write_timeout.
//
// This header is free of RESTinio; only http_server.cc includes it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/router.h"
#include "core/result.h"

namespace spoorboek::api {

struct ServerOptions {
  std::string bind = "127.0.0.1";  // an IPv4 or IPv6 address literal
  std::uint16_t port = 8080;       // 0: a free port chosen by the system; port() tells which
  unsigned threads = 0;            // 0: hardware_concurrency, at least 2
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 * 1024;  // the URL, and each header value
  bool tls_terminated_upstream = false;      // a TLS proxy in front: HSTS, HttpRequest::tls
  std::chrono::seconds shutdown_grace{10};
  bool access_log = true;  // off only for benchmarks
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds handle_timeout{60};
  std::chrono::seconds write_timeout{30};
};

// RESTinio reads bodies up to this multiple of max_body_bytes, to answer them with a 413.
inline constexpr std::size_t kBodyReadFactor = 4;

// Receives each access-log line (one JSON object, without the newline). Called from many
// threads at once; must be thread-safe. The default writes to stdout, flushed per line.
using AccessLogSink = std::function<void(std::string_view line)>;

class HttpServer {
 public:
  // `router` must outlive the server. An empty `access_log` means stdout.
  HttpServer(ServerOptions options, const Router& router, AccessLogSink access_log = {});
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();  // stop()s when still running

  // Binds and listens; returns once connections are accepted. Errors: "bind" (not an address
  // literal), "port" ("address_in_use" when another socket holds it, "listen_failed" otherwise),
  // "state" (started twice).
  core::Status start();

  // The port listened on (the one the system chose when options.port was 0); 0 before start().
  std::uint16_t port() const;

  // Graceful: stops accepting, lets the requests in flight (also those answered later through a
  // Responder) finish for up to options.shutdown_grace, then closes every connection and joins
  // the threads. Responses sent during the grace period carry "Connection: close"; answers
  // arriving after it are dropped. Idempotent; a stopped server cannot be started again. Must
  // not be called from a handler (it joins the threads handlers run on).
  void stop();

 private:
  struct Core;
  std::shared_ptr<Core> core_;
};

// Blocks until SIGTERM or SIGINT arrives, then stop()s the server and returns the signal's
// number. While it waits, those signals only wake it (whichever thread receives them); then
// their previous handling is restored, so a second Ctrl-C during the grace period ends the
// process at once. It unblocks both signals in the calling thread: a program that blocks them
// (pthread_sigmask) before it starts any thread, the server's included, loses no signal that
// arrives before this call; the signal waits and is taken here.
int run_until_signal(HttpServer& server);

// Transport helpers, exposed for the tests.
// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt for a bad escape or a
// decoded NUL.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// "a=1&b=x%20y&c" -> {{"a","1"},{"b","x y"},{"c",""}}; empty parts are skipped.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_query(std::string_view query);

}  // namespace spoorboek::api
