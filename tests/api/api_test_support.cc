#include "tests/api/api_test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/date.h"
#include "platform/clock.h"

extern char** environ;

namespace spoorboek::apitest {

ScratchDir::ScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "spoorboek_api_XXXXXX").string();
  path_ = mkdtemp(pattern.data());
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

int run_spoorboek(const std::vector<std::string>& args) {
  std::vector<std::string> words{SPOORBOEK_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string iso_day(int days_from_today) {
  return core::format_iso_date(core::add_days(platform::current_moment().today, days_from_today));
}

std::string random_hex() {
  std::random_device device;
  std::uniform_int_distribution<unsigned> nibble(0, 15);
  std::string hex;
  for (int i = 0; i < 16; ++i) hex.push_back("0123456789abcdef"[nibble(device)]);
  return hex;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

InProcessServer::InProcessServer(const std::string& db_path, const MoreRoutes& more_routes) {
  auto service = api::ApiService::open(api::ApiConfig{db_path, "", false});
  if (!service.ok()) {
    error_ = service.error().code + ": " + service.error().message;
    return;
  }
  service_ = std::move(*service);
  service_->register_routes(router_);
  if (more_routes) more_routes(router_, *service_);
  api::ServerOptions options;
  options.port = 0;
  options.threads = 4;
  options.access_log = false;
  options.shutdown_grace = std::chrono::seconds(5);
  server_ = std::make_unique<api::HttpServer>(options, router_);
  if (auto started = server_->start(); !started.ok()) {
    error_ = started.error().code + ": " + started.error().message;
    return;
  }
  running_ = true;
}

InProcessServer::~InProcessServer() { stop(); }

std::uint16_t InProcessServer::port() const { return server_ ? server_->port() : 0; }

void InProcessServer::stop() {
  if (server_) server_->stop();
  if (service_) service_->shutdown();
  server_.reset();
  service_.reset();
  running_ = false;
}

Json Reply::json() const { return Json::parse(body, nullptr, /*allow_exceptions=*/false); }

std::string Reply::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

Client::Client(std::uint16_t port) : kept_alive_("127.0.0.1", port), one_off_("127.0.0.1", port) {
  kept_alive_.set_keep_alive(true);
  // On a kept-alive connection the server sometimes closes it without an answer when a POST body
  // arrives after its headers (keep_alive_test.cc); cpp-httplib writes them separately.
  one_off_.set_keep_alive(false);
  for (httplib::Client* client : {&kept_alive_, &one_off_}) {
    client->set_read_timeout(30, 0);
    client->set_write_timeout(30, 0);
  }
}

Reply Client::call(const std::string& method, const std::string& path, const Auth& auth,
                   const std::optional<std::string>& body, const std::string& content_type) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  switch (auth.kind) {
    case Auth::Kind::none:
      break;
    case Auth::Kind::bearer:
      request.set_header("Authorization", "Bearer " + auth.token);
      break;
    case Auth::Kind::cookie:
      request.set_header("Cookie", "spoorboek_session=" + auth.token);
      break;
  }
  if (auth.csrf) request.set_header("X-CSRF-Token", *auth.csrf);
  if (body) {
    request.body = *body;
    if (!content_type.empty()) request.set_header("Content-Type", content_type);
  }
  auto result = body ? one_off_.send(request) : kept_alive_.send(request);
  Reply reply;
  if (!result) {
    reply.body = "<no answer: " + httplib::to_string(result.error()) + ">";
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  return reply;
}

Reply Client::login_reply(const std::string& email, const std::string& password,
                          const std::optional<std::string>& totp) {
  Json body{{"email", email}, {"password", password}};
  if (totp) body["totp"] = *totp;
  return post("/api/v1/login", Auth::none(), body);
}

Session Client::login(const std::string& email, const std::string& password,
                      const std::optional<std::string>& totp) {
  const Reply reply = login_reply(email, password, totp);
  Session session;
  const Json json = reply.json();
  if (reply.status != 200 || !json.is_object()) return session;
  session.token = json.value("token", "");
  session.csrf = json.value("csrf_token", "");
  session.enrolment_only = json.value("enrolment_only", false);
  if (json.contains("user") && json["user"].is_object()) {
    session.user_id = json["user"].value("id", std::int64_t{0});
  }
  return session;
}

bool is_error_shape(const Reply& reply, std::string* why) {
  auto fail = [why, &reply](const std::string& reason) {
    if (why) *why = reason + " in " + reply.body.substr(0, 300);
    return false;
  };
  const Json json = reply.json();
  if (!json.is_object()) return fail("no JSON object");
  if (json.size() != 1 || !json.contains("error")) return fail("not exactly {\"error\":...}");
  const Json& error = json["error"];
  if (!error.is_object() || error.size() != 3) return fail("error is not an object of 3 keys");
  for (const char* key : {"code", "message", "field"}) {
    if (!error.contains(key) || !error[key].is_string()) {
      return fail(std::string("error.") + key + " is not a string");
    }
  }
  if (error["code"].get<std::string>().empty()) return fail("empty code");
  if (error["message"].get<std::string>().empty()) return fail("empty message");
  if (reply.header("Content-Type").find("application/json") == std::string::npos) {
    return fail("Content-Type is not application/json");
  }
  return true;
}

std::string describe(const std::string& method, const std::string& path) {
  return method + " " + path;
}

}  // namespace spoorboek::apitest
