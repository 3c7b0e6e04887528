// The JSON API's service: opens the database and the medical key for the server, registers the
// /api/v1 routes on a Router, and closes everything on shutdown.
//
// The HTTP transport (http_server.h) knows nothing of Spoorboek; this unit knows nothing of
// RESTinio. Handlers parse a request, call one application use case and render its result.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace spoorboek::api {

class Router;
class ApiState;

struct ApiConfig {
  std::string db_path;
  std::string key_file;         // the medical key; empty: "<db_path>.key"
  bool secure_cookies = false;  // served over TLS (directly or behind a TLS proxy)
};

class ApiService {
 public:
  // Opens the database (which must exist and be initialised) and the key file.
  static core::Result<std::unique_ptr<ApiService>> open(const ApiConfig& config);
  virtual ~ApiService() = default;

  // Adds every route of the API (and /healthz) to `router`.
  virtual void register_routes(Router& router) = 0;
  // What the handlers share (database contexts, throttle, configuration): the browser pages
  // (src/web) register their routes over the same state, so that both use one session table.
  virtual ApiState& state() = 0;
  // Lines the server prints at start (e.g. the demo-accounts banner).
  virtual std::vector<std::string> startup_warnings() = 0;
  // Called after the last request finished: flushes what is pending and closes the database.
  virtual void shutdown() = 0;
};

}  // namespace spoorboek::api
