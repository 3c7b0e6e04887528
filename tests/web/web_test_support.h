// What the page tests share: a demo database served with the API and the pages in-process
// (tests/api's InProcessServer), and a small browser: a cookie jar, forms sent url-encoded, the
// CSRF token read from the page, redirects reported rather than followed.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/api/api_test_support.h"

namespace spoorboek::webtest {

using apitest::InProcessServer;
using apitest::ScratchDir;
using Fields = std::vector<std::pair<std::string, std::string>>;

struct Page {
  int status = 0;
  std::string body;
  std::string location;      // of a redirect
  std::string content_type;
  std::string cache_control;
  std::string csp;
  std::string disposition;  // Content-Disposition
};

// The demo database (spoorboek demo) with the API and the pages, made once per test binary.
class DemoSite {
 public:
  static DemoSite& instance();
  // A demo site of its own, for tests that write to the file and must not change the shared one.
  DemoSite();
  std::uint16_t port() const { return server_->port(); }
  const std::string& db_path() const { return db_; }

 private:
  ScratchDir dir_;
  std::string db_;
  std::unique_ptr<InProcessServer> server_;
};

// Starts the API and the pages on `db_path`.
std::unique_ptr<InProcessServer> serve_pages(const std::string& db_path);

class Browser {
 public:
  explicit Browser(std::uint16_t port);

  Page get(const std::string& path);
  // Sends `fields` url-encoded, as a browser sends a form.
  Page post(const std::string& path, const Fields& fields);
  // Sends a raw body with a content type of choice.
  Page post_raw(const std::string& path, const std::string& body, const std::string& content_type);

  // GET /login, then the form with its CSRF token; the answer to the POST.
  Page log_in(const std::string& email, const std::string& password);

  std::optional<std::string> cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  void forget_cookie(const std::string& name) { jar_.erase(name); }

 private:
  Page send(httplib::Request& request);
  void take_cookies(const httplib::Response& response);
  httplib::Client client_;
  std::map<std::string, std::string> jar_;
};

// The value of the first hidden field named csrf in a page ("" when none).
std::string csrf_of(const std::string& html);
// application/x-www-form-urlencoded.
std::string url_encode(const Fields& fields);
// Whether `html` contains `needle`.
bool contains(const std::string& html, const std::string& needle);

// Text of the page that looks like a catalogue key ("dashboard.title", a key of any section the
// catalogue has) or a template tag: a text the page forgot to translate.
std::vector<std::string> raw_keys(const std::string& html);

inline constexpr const char* kDemoPassword = "demo";

}  // namespace spoorboek::webtest
