// `serve`: the JSON API and the browser pages over HTTP until SIGTERM or SIGINT, then a graceful
// stop.
//
// The composition root of the server: opens the service (database and key), lets it register
// its routes, starts the transport, waits for a signal, and closes the service after the last
// request finished.
#include <arpa/inet.h>
#include <malloc.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "api/api_service.h"
#include "api/http_server.h"
#include "api/router.h"
#include "cli/cmd_database_support.h"
#include "cli/commands.h"
#include "web/pages.h"

namespace spoorboek::cli {
namespace {

struct ServeOptions {
  std::string db_path;
  long long port = 8080;
  std::string bind = "127.0.0.1";
  long long threads = -1;  // -1: not given, the server picks
  std::string key_file;
  bool tls_terminated_upstream = false;
  bool no_access_log = false;
};

int fail(std::string_view field, std::string_view message) {
  std::cerr << "spoorboek serve: ";
  if (!field.empty()) std::cerr << field << ": ";
  std::cerr << message << '\n';
  return kExitBadInput;
}

bool is_address_literal(const std::string& text, bool* is_v6) {
  in6_addr buffer{};
  if (inet_pton(AF_INET, text.c_str(), &buffer) == 1) {
    *is_v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, text.c_str(), &buffer) == 1) {
    *is_v6 = true;
    return true;
  }
  return false;
}

void print_banner(const std::vector<std::string>& warnings) {
  if (warnings.empty()) return;
  const std::string rule(72, '!');
  std::cerr << rule << '\n';
  for (const auto& warning : warnings) std::cerr << "!! " << warning << '\n';
  std::cerr << rule << '\n';
}

int serve(const ServeOptions& options) {
  // glibc keeps what a thread freed in that thread's arena for reuse: after one large answer
  // (a case file of thousands of entries) the resident size would stay at its peak. Few arenas,
  // large blocks mapped on their own, and freed memory above 1 MiB returned keep it near what is
  // in use (bench/README.md, "soak").
  mallopt(M_ARENA_MAX, 2);
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024);

  if (options.port < 0 || options.port > 65535) {
    return fail("--port", "must be between 1 and 65535 (0: any free port)");
  }
  if (options.threads != -1 && (options.threads < 1 || options.threads > 256)) {
    return fail("--threads", "must be between 1 and 256");
  }
  bool is_v6 = false;
  if (!is_address_literal(options.bind, &is_v6)) {
    return fail("--bind", "\"" + options.bind + "\" is not an IPv4 or IPv6 address");
  }

  // SIGTERM and SIGINT wait, blocked, until run_until_signal() takes them: every thread started
  // from here on (the server's, the service's) inherits the mask, so a signal that arrives while
  // the server starts is not lost and does not kill the process.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a closed stdout must not end the server

  api::ApiConfig config;
  config.db_path = options.db_path;
  config.key_file = options.key_file;
  if (config.key_file.empty()) {
    auto key_file = key_file_path(options.db_path);
    if (!key_file.ok()) return fail("--key-file", key_file.error().message);
    config.key_file = *key_file;
  }
  config.secure_cookies = options.tls_terminated_upstream;
  auto service = api::ApiService::open(config);
  if (!service.ok()) return fail(service.error().field, service.error().message);

  api::Router router;
  (*service)->register_routes(router);
  web::register_page_routes(router, (*service)->state());
  print_banner((*service)->startup_warnings());

  api::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.threads = options.threads == -1 ? 0 : static_cast<unsigned>(options.threads);
  server_options.tls_terminated_upstream = options.tls_terminated_upstream;
  server_options.access_log = !options.no_access_log;
  api::HttpServer server(server_options, router);
  if (auto started = server.start(); !started.ok()) {
    (*service)->shutdown();
    return fail(started.error().field == "port" ? "--port" : "--" + started.error().field,
                started.error().message);
  }
  const std::string host = is_v6 ? "[" + options.bind + "]" : options.bind;
  std::cerr << "Spoorboek luistert op http://" << host << ':' << server.port() << " (listening)"
            << std::endl;

  const int signal_number = api::run_until_signal(server);
  std::cerr << "Spoorboek stopt (signal " << signal_number << "); requests in flight finished"
            << std::endl;
  (*service)->shutdown();
  return kExitOk;
}

}  // namespace

void register_serve_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand(
      "serve", "Serve the JSON API and the browser pages over HTTP until SIGTERM or SIGINT, then "
               "finish the requests in flight and stop; one JSON access-log line per request on "
               "stdout");
  command->add_option("--db", options->db_path, std::string(kDbHelp) + " (initialised)")
      ->required();
  command->add_option("--port", options->port, "TCP port, 1-65535 (0: any free port)")
      ->capture_default_str();
  command->add_option("--bind", options->bind, "IPv4 or IPv6 address to listen on")
      ->capture_default_str();
  command->add_option("--threads", options->threads,
                      "Worker threads, 1-256 (default: the cores, at least 2)");
  command->add_option("--key-file", options->key_file,
                      "The medical key file (default: $SPOORBOEK_KEY_FILE, else <db>.key for SQLite)");
  command->add_flag("--tls-terminated-upstream", options->tls_terminated_upstream,
                    "A TLS proxy in front: send HSTS and mark cookies Secure");
  command->add_flag("--no-access-log", options->no_access_log,
                    "Do not write the access log (benchmarks)");
  command->callback([options, &exit_code] { exit_code = serve(*options); });
}

}  // namespace spoorboek::cli
