// The transport on RESTinio 0.6: the only file of src/api that includes RESTinio (its headers
// take ~25 s to compile).
//
// Lifetimes. A request's answer may come from any thread at any time, also after stop() or after
// the HttpServer is gone, so what an answer needs is shared, not owned by the server:
//   - Shared: options, access log, the in-flight counter and the "stopped" flag;
//   - the io_context: a Pending request holds it, because its connection's socket must be
//     destroyed before the io_context it belongs to.
// Nothing RESTinio keeps in its queues points back to the io_context, so there are no cycles.
//
// Threads. RESTinio's default traits run each connection on an Asio strand, so handlers of one
// connection never run concurrently, and create_response()...done() from another thread is
// dispatched onto that strand (RESTinio posts it there).
#include "api/http_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <restinio/all.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <future>
#include <mutex>
#include <random>
#include <shared_mutex>
#include <system_error>
#include <thread>

#include "api/json_error.h"

namespace spoorboek::api {
namespace {

namespace asio = restinio::asio_ns;
using Traits = restinio::default_traits_t;
using RestinioServer = restinio::http_server_t<Traits>;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHeaderNameBytes = 1024;
constexpr std::size_t kMaxHeaderFields = 100;
constexpr std::size_t kReadBufferBytes = 16 * 1024;

// ---- small text helpers ---------------------------------------------------------------------

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 9110 token characters: a header name must be one.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kSpecials.find(c) != std::string_view::npos;
  });
}

// A header value must not be able to start a new header or end the header block.
bool is_safe_header_value(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// "2026-11-23T10:15:00.123Z"
std::string utc_timestamp(std::chrono::system_clock::time_point now) {
  const auto since_epoch = now.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
  const std::time_t time = static_cast<std::time_t>(seconds.count());
  std::tm parts{};
  gmtime_r(&time, &parts);
  std::array<char, 96> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
                parts.tm_min, parts.tm_sec, static_cast<int>(millis));
  return buffer.data();
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

Method to_method(const restinio::http_method_id_t& method) {
  if (method == restinio::http_method_get()) return Method::get;
  if (method == restinio::http_method_post()) return Method::post;
  if (method == restinio::http_method_put()) return Method::put;
  if (method == restinio::http_method_patch()) return Method::patch;
  if (method == restinio::http_method_delete()) return Method::del;
  if (method == restinio::http_method_head()) return Method::head;
  if (method == restinio::http_method_options()) return Method::options;
  return Method::other;
}

// One line of JSON on stderr, for what an operator must see (a handler that threw).
void log_error(std::string_view request_id, std::string_view message) {
  static std::mutex mutex;
  std::string line = R"({"ts":)";
  append_json_string(line, utc_timestamp(std::chrono::system_clock::now()));
  line += R"(,"level":"error","request_id":)";
  append_json_string(line, request_id);
  line += R"(,"message":)";
  append_json_string(line, message);
  line += "}\n";
  std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void write_to_stdout(std::string_view line) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

// ---- what outlives the server ---------------------------------------------------------------

struct Shared {
  ServerOptions options;
  AccessLogSink access_log;  // empty: no access log
  std::string id_prefix;
  std::atomic<std::uint64_t> next_id{0};
  std::atomic<bool> stopping{false};  // stop() began: answers close their connection

  std::shared_mutex state_mutex;
  bool stopped = false;  // guarded by state_mutex: answers are dropped

  std::mutex inflight_mutex;
  std::condition_variable inflight_cv;
  std::size_t inflight = 0;  // guarded by inflight_mutex
};

// Counts one request as in flight from its arrival until its answer is written (or dropped).
class InflightToken {
 public:
  explicit InflightToken(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {
    std::lock_guard lock(shared_->inflight_mutex);
    ++shared_->inflight;
  }
  InflightToken(const InflightToken&) = delete;
  InflightToken& operator=(const InflightToken&) = delete;
  ~InflightToken() {
    std::lock_guard lock(shared_->inflight_mutex);
    if (--shared_->inflight == 0) shared_->inflight_cv.notify_all();
  }

 private:
  std::shared_ptr<Shared> shared_;
};

// One request waiting for its answer. Members are destroyed bottom-up: the request (and with it
// the connection and its socket) before the io_context.
struct Pending {
  std::shared_ptr<asio::io_context> io;
  std::shared_ptr<Shared> shared;
  std::shared_ptr<InflightToken> token;
  restinio::request_handle_t request;
  std::string request_id;
  std::string method;
  std::string path;
  std::string remote;
  bool head = false;  // a HEAD request: the answer goes without its body
  Clock::time_point started;
};

std::string access_log_line(const Pending& pending, const HttpResponse& response) {
  const auto duration =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - pending.started);
  std::string line = R"({"ts":)";
  append_json_string(line, utc_timestamp(std::chrono::system_clock::now()));
  line += R"(,"request_id":)";
  append_json_string(line, pending.request_id);
  line += R"(,"remote":)";
  append_json_string(line, pending.remote);
  line += R"(,"method":)";
  append_json_string(line, pending.method);
  line += R"(,"path":)";
  append_json_string(line, response.log_path.empty() ? pending.path : response.log_path);
  line += R"(,"status":)";
  line += std::to_string(response.status);
  line += R"(,"bytes":)";
  line += std::to_string(response.body.size());
  line += R"(,"duration_us":)";
  line += std::to_string(duration.count());
  line += R"(,"user":)";
  append_json_string(line, response.log_user);
  line += '}';
  return line;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equal_ignoring_case(text.substr(0, prefix.size()), prefix);
}

// The headers of a response: the security headers, then the handler's. A handler header named
// like a security header replaces it; the framing headers and X-Request-Id belong to the
// transport and are not taken from handlers, nor are headers that could split the response.
std::vector<std::pair<std::string, std::string>> response_headers(const Pending& pending,
                                                                  const HttpResponse& response) {
  const bool html = starts_with_ignoring_case(response.content_type, "text/html");
  std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
      {"Content-Security-Policy",
       html ? "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
            : "default-src 'none'; frame-ancestors 'none'"},
  };
  if (pending.shared->options.tls_terminated_upstream) {
    headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  }
  headers.emplace_back("X-Request-Id", pending.request_id);
  if (!response.content_type.empty() && is_safe_header_value(response.content_type)) {
    std::string content_type = response.content_type;
    const bool textual = starts_with_ignoring_case(content_type, "application/json") ||
                         starts_with_ignoring_case(content_type, "text/html");
    if (textual && content_type.find(';') == std::string::npos) content_type += "; charset=utf-8";
    headers.emplace_back("Content-Type", std::move(content_type));
  }
  const std::size_t defaults = headers.size();

  static constexpr std::array<std::string_view, 6> kTransportOwned = {
      "content-length", "transfer-encoding", "connection", "x-request-id", "content-type", "date"};
  for (const auto& [name, value] : response.headers) {
    if (!is_token(name) || !is_safe_header_value(value)) {
      log_error(pending.request_id, "a handler set an invalid header; it was not sent");
      continue;
    }
    const std::string lowered = lower(name);
    if (std::find(kTransportOwned.begin(), kTransportOwned.end(), lowered) !=
        kTransportOwned.end()) {
      continue;
    }
    auto end = headers.begin() + static_cast<std::ptrdiff_t>(defaults);
    auto existing = std::find_if(headers.begin(), end, [&](const auto& header) {
      return equal_ignoring_case(header.first, name);
    });
    if (existing != end) {
      existing->second = value;
    } else {
      headers.emplace_back(name, value);
    }
  }
  return headers;
}

// Writes the answer of `pending`. Runs on whichever thread answers; at most once per request
// (the Responder's slot sees to that).
void deliver(Pending& pending, HttpResponse&& response) {
  try {
    std::shared_lock lock(pending.shared->state_mutex);
    if (pending.shared->stopped || !pending.request) {
      pending.request.reset();
      pending.token.reset();
      return;
    }
    if (response.status < 100 || response.status > 599) {
      log_error(pending.request_id,
                "a handler answered with status " + std::to_string(response.status));
      response = json_error(500, "internal", "the server could not handle the request");
    }
    auto builder = pending.request->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(reason_phrase(response.status))});
    for (auto& [name, value] : response_headers(pending, response)) {
      builder.append_header(std::move(name), std::move(value));
    }
    builder.append_header_date_field();
    if (pending.shared->stopping.load()) builder.connection_close();
    if (pending.shared->access_log) pending.shared->access_log(access_log_line(pending, response));
    if (!pending.head) builder.set_body(std::move(response.body));
    // The request stays in flight until its bytes are written (or the write failed).
    builder.done([token = std::move(pending.token)](const asio::error_code&) {});
    pending.request.reset();
  } catch (const std::exception& e) {
    log_error(pending.request_id, std::string("could not send the answer: ") + e.what());
    pending.request.reset();
    pending.token.reset();
  }
}

std::string random_prefix() {
  std::random_device device;
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%08x", static_cast<unsigned>(device()));
  return buffer.data();
}

}  // namespace

// ---- transport helpers ----------------------------------------------------------------------

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_query(
    std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view part = query.substr(start, end - start);
    if (!part.empty()) {
      const std::size_t equals = part.find('=');
      auto name = percent_decode(part.substr(0, equals), true);
      auto value = percent_decode(
          equals == std::string_view::npos ? std::string_view() : part.substr(equals + 1), true);
      if (!name || !value) return std::nullopt;
      pairs.emplace_back(std::move(*name), std::move(*value));
    }
    start = end + 1;
  }
  return pairs;
}

// ---- the server -----------------------------------------------------------------------------

struct HttpServer::Core {
  enum class State { idle, running, stopped };

  Core(ServerOptions options, const Router& router_ref, AccessLogSink sink)
      : shared(std::make_shared<Shared>()), router(router_ref) {
    shared->options = std::move(options);
    if (shared->options.access_log) {
      shared->access_log = sink ? std::move(sink) : AccessLogSink(write_to_stdout);
    }
    shared->id_prefix = random_prefix();
  }

  ~Core() { stop(); }

  core::Status start();
  void stop();
  restinio::request_handling_status_t handle(const restinio::request_handle_t& request);

  std::shared_ptr<Shared> shared;
  const Router& router;
  std::atomic<std::uint16_t> port{0};
  std::atomic<int> listen_fd{-1};  // the listening socket, to shut it down in stop()

  std::mutex lifecycle_mutex;  // start() and stop()
  State state = State::idle;
  std::shared_ptr<asio::io_context> io;
  std::unique_ptr<RestinioServer> server;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;

 private:
  void stop_threads();
};

core::Status HttpServer::Core::start() {
  std::lock_guard lifecycle(lifecycle_mutex);
  if (state != State::idle) {
    return core::make_error("state", "", "the server was started before");
  }
  const ServerOptions& options = shared->options;
  asio::error_code address_error;
  const asio::ip::address address = asio::ip::make_address(options.bind, address_error);
  if (address_error) {
    return core::make_error("invalid", "bind",
                            "\"" + options.bind + "\" is not an IPv4 or IPv6 address");
  }
  unsigned thread_count = options.threads;
  if (thread_count == 0) thread_count = std::max(2u, std::thread::hardware_concurrency());

  // RESTinio's own body limit sits above ours, so that our 413 answers the bodies in between.
  const std::uint64_t body_limit =
      std::max<std::uint64_t>(static_cast<std::uint64_t>(options.max_body_bytes) * kBodyReadFactor,
                              static_cast<std::uint64_t>(options.max_body_bytes) + 64 * 1024);

  io = std::make_shared<asio::io_context>(static_cast<int>(thread_count));
  restinio::server_settings_t<Traits> settings;
  settings.port(options.port)
      .protocol(address.is_v6() ? asio::ip::tcp::v6() : asio::ip::tcp::v4())
      .address(address)
      .buffer_size(kReadBufferBytes)
      // Two, not RESTinio's default of one: with one, an answer sent from inside the handler
      // makes RESTinio 0.6.16 start reading the next request twice (once when the handler
      // returns, once when the write completes; connection.hpp, m_init_read_after_this_write),
      // and a body arriving in a later TCP segment than its headers then fails to parse and
      // the connection closes unanswered. Answers still go out in request order.
      .max_pipelined_requests(2)
      // One accept at a time: RESTinio 0.6 completes concurrent accepts on the plain executor,
      // and they would race on its (non-atomic) connection-id counter.
      .concurrent_accepts_count(1)
      .read_next_http_message_timelimit(options.read_timeout)
      .handle_request_timeout(options.handle_timeout)
      .write_http_response_timelimit(options.write_timeout)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(options.max_header_bytes)
                                    .max_field_name_size(kMaxHeaderNameBytes)
                                    .max_field_value_size(options.max_header_bytes)
                                    .max_field_count(kMaxHeaderFields)
                                    .max_body_size(body_limit))
      .socket_options_setter([](restinio::socket_options_t& socket) {
        socket.set_option(asio::ip::tcp::no_delay(true));
        socket.set_option(asio::socket_base::keep_alive(true));
      })
      .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor& acceptor) {
        port = acceptor.local_endpoint().port();
        listen_fd = acceptor.native_handle();
      })
      .request_handler(
          [this](restinio::request_handle_t request) { return handle(request); });

  server = std::make_unique<RestinioServer>(restinio::io_context_holder_t{io},
                                            std::move(settings));
  work.emplace(asio::make_work_guard(*io));
  threads.reserve(thread_count);
  for (unsigned i = 0; i < thread_count; ++i) {
    threads.emplace_back([context = io] {
      while (true) {
        try {
          context->run();
          return;
        } catch (const std::exception& e) {
          log_error("", std::string("the server's event loop threw: ") + e.what());
        } catch (...) {
          log_error("", "the server's event loop threw");
        }
      }
    });
  }

  std::promise<std::exception_ptr> opened;
  auto opened_future = opened.get_future();
  server->open_async([&opened] { opened.set_value(nullptr); },
                     [&opened](std::exception_ptr error) { opened.set_value(error); });
  const std::exception_ptr error = opened_future.get();
  if (!error) {
    state = State::running;
    return core::ok_status();
  }

  stop_threads();
  server.reset();
  io.reset();
  state = State::stopped;
  const std::string where = options.bind + ":" + std::to_string(options.port);
  try {
    std::rethrow_exception(error);
  } catch (const std::system_error& e) {
    if (e.code().value() == EADDRINUSE) {
      return core::make_error("address_in_use", "port",
                              "cannot listen on " + where + ": the address is already in use");
    }
    return core::make_error("listen_failed", "port",
                            "cannot listen on " + where + ": " + e.code().message());
  } catch (const std::exception& e) {
    return core::make_error("listen_failed", "port",
                            "cannot listen on " + where + ": " + e.what());
  } catch (...) {
    return core::make_error("listen_failed", "port", "cannot listen on " + where);
  }
}

void HttpServer::Core::stop_threads() {
  work.reset();
  io->stop();
  for (std::thread& thread : threads) thread.join();
  threads.clear();
}

void HttpServer::Core::stop() {
  std::lock_guard lifecycle(lifecycle_mutex);
  if (state != State::running) {
    state = State::stopped;
    return;
  }
  shared->stopping = true;

  // 1. No new connections. The listening socket is shut down, not closed: RESTinio 0.6 runs its
  //    accept loop on the plain executor and closes the acceptor on a strand, so closing it now
  //    could race with an accept being started on another thread. A shut-down listener refuses
  //    connections (the kernel answers a RST) and fails the pending accept, which ends the loop;
  //    RESTinio closes the descriptor below, once no thread runs.
  if (const int fd = listen_fd.exchange(-1); fd >= 0) ::shutdown(fd, SHUT_RDWR);

  // 2. The requests in flight finish, for up to the grace period.
  {
    std::unique_lock lock(shared->inflight_mutex);
    const bool drained = shared->inflight_cv.wait_for(
        lock, shared->options.shutdown_grace, [this] { return shared->inflight == 0; });
    if (!drained) {
      log_error("", std::to_string(shared->inflight) +
                        " requests were still in flight at the end of the grace period");
    }
  }

  // 3. Later answers are dropped; the event loop ends; the connections close with the
  //    io_context (unless an unanswered Responder still holds it; then with that Responder).
  {
    std::unique_lock lock(shared->state_mutex);
    shared->stopped = true;
  }
  stop_threads();
  try {
    server->close_sync();
  } catch (const std::exception& e) {
    log_error("", std::string("closing the listener failed: ") + e.what());
  }
  server.reset();
  io.reset();
  state = State::stopped;
}

restinio::request_handling_status_t HttpServer::Core::handle(
    const restinio::request_handle_t& request) {
  const auto started = Clock::now();
  const auto& header = request->header();

  auto pending = std::make_shared<Pending>();
  pending->io = io;
  pending->shared = shared;
  pending->token = std::make_shared<InflightToken>(shared);
  pending->request = request;
  pending->started = started;
  pending->request_id = shared->id_prefix + "-" + std::to_string(++shared->next_id);

  HttpRequest http_request;
  http_request.method = to_method(header.method());
  pending->head = http_request.method == Method::head;
  pending->method = http_request.method == Method::other
                        ? std::string(header.method().c_str())
                        : std::string(method_name(http_request.method));
  http_request.request_id = pending->request_id;
  http_request.remote_address = request->remote_endpoint().address().to_string();
  pending->remote = http_request.remote_address;
  http_request.tls = shared->options.tls_terminated_upstream;

  const std::string_view raw_path(header.path().data(), header.path().size());
  std::optional<std::string> path = percent_decode(raw_path, false);
  pending->path = path ? *path : std::string(raw_path);
  const std::string request_id = pending->request_id;
  Responder responder([pending](HttpResponse&& response) {
    deliver(*pending, std::move(response));
  });
  pending.reset();

  try {
    if (!path || path->empty() || path->front() != '/') {
      responder.send(json_error(400, "bad_request", "the request path is not valid", "path"));
      return restinio::request_accepted();
    }
    const std::string_view raw_query(header.query().data(), header.query().size());
    auto query = parse_query(raw_query);
    if (!query) {
      responder.send(json_error(400, "bad_request", "the query string is not valid", "query"));
      return restinio::request_accepted();
    }
    if (request->body().size() > shared->options.max_body_bytes) {
      responder.send(json_error(413, "payload_too_large",
                                "the request body is larger than " +
                                    std::to_string(shared->options.max_body_bytes) + " bytes",
                                "body"));
      return restinio::request_accepted();
    }
    http_request.path = std::move(*path);
    http_request.query = std::move(*query);
    http_request.headers.reserve(header.fields_count());
    header.for_each_field([&](const restinio::http_header_field_t& field) {
      http_request.headers.emplace_back(lower(field.name()), field.value());
    });
    http_request.body = request->body();

    Router::Match match = router.match(http_request.method, http_request.path);
    if (match.kind == Router::MatchKind::no_path) {
      responder.send(json_error(404, "not_found", "there is no resource at this path"));
      return restinio::request_accepted();
    }
    if (match.kind == Router::MatchKind::wrong_method) {
      HttpResponse response =
          json_error(405, "method_not_allowed", "this resource does not allow this method");
      std::string allow;
      for (Method method : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += method_name(method);
      }
      response.headers.emplace_back("Allow", std::move(allow));
      responder.send(std::move(response));
      return restinio::request_accepted();
    }
    http_request.params = std::move(match.params);
    (*match.handler)(http_request, responder);
  } catch (const std::exception& e) {
    log_error(request_id, std::string("the handler threw: ") + e.what());
    responder.send(json_error(500, "internal", "the server could not handle the request"));
  } catch (...) {
    log_error(request_id, "the handler threw");
    responder.send(json_error(500, "internal", "the server could not handle the request"));
  }
  return restinio::request_accepted();
}

// ---- HttpServer -----------------------------------------------------------------------------

HttpServer::HttpServer(ServerOptions options, const Router& router, AccessLogSink access_log)
    : core_(std::make_shared<Core>(std::move(options), router, std::move(access_log))) {}

HttpServer::~HttpServer() { stop(); }

core::Status HttpServer::start() { return core_->start(); }

std::uint16_t HttpServer::port() const { return core_->port.load(); }

void HttpServer::stop() { core_->stop(); }

// ---- signals --------------------------------------------------------------------------------

namespace {

std::atomic<int> g_signal_pipe{-1};

extern "C" void on_stop_signal(int signal_number) {
  const int saved_errno = errno;
  const int fd = g_signal_pipe.load();
  if (fd >= 0) {
    const auto byte = static_cast<unsigned char>(signal_number);
    [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
  }
  errno = saved_errno;
}

}  // namespace

int run_until_signal(HttpServer& server) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    log_error("", std::string("cannot wait for signals: ") + std::strerror(errno));
    server.stop();
    return 0;
  }
  g_signal_pipe = fds[1];

  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  struct sigaction previous_term {};
  struct sigaction previous_int {};
  ::sigaction(SIGTERM, &action, &previous_term);
  ::sigaction(SIGINT, &action, &previous_int);

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  ::pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);

  // Wakes at least every 250 ms: a runtime that defers signal handlers to the thread's next
  // library call (ThreadSanitizer does) still gets to run ours.
  unsigned char received = 0;
  while (true) {
    pollfd readable{fds[0], POLLIN, 0};
    const int ready = ::poll(&readable, 1, 250);
    if (ready == 0 || (ready < 0 && errno == EINTR)) continue;
    if (ready > 0 && ::read(fds[0], &received, 1) == 1) break;
    if (ready > 0 && errno == EINTR) continue;
    log_error("", "the signal pipe failed; stopping");
    received = 0;
    break;
  }

  ::sigaction(SIGTERM, &previous_term, nullptr);
  ::sigaction(SIGINT, &previous_int, nullptr);
  g_signal_pipe = -1;
  ::close(fds[0]);
  ::close(fds[1]);

  server.stop();
  return received;
}

}  // namespace spoorboek::api
