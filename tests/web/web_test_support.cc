#include "tests/web/web_test_support.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "web/catalogue.h"
#include "web/pages.h"

namespace spoorboek::webtest {

std::unique_ptr<InProcessServer> serve_pages(const std::string& db_path) {
  return std::make_unique<InProcessServer>(
      db_path, [](api::Router& router, api::ApiService& service) {
        web::register_page_routes(router, service.state());
      });
}

DemoSite& DemoSite::instance() {
  static DemoSite site;
  return site;
}

DemoSite::DemoSite() : db_(dir_.file("demo.db")) {
  if (apitest::run_spoorboek({"demo", "--db", db_}) != 0) {
    ADD_FAILURE() << "spoorboek demo failed";
  }
  server_ = serve_pages(db_);
  if (!server_->running()) ADD_FAILURE() << server_->error();
}

Browser::Browser(std::uint16_t port) : client_("127.0.0.1", port) {
  client_.set_keep_alive(false);
  client_.set_follow_location(false);
  client_.set_read_timeout(30, 0);
}

void Browser::take_cookies(const httplib::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie") continue;
    const auto equals = value.find('=');
    const auto end = value.find(';');
    if (equals == std::string::npos) continue;
    const std::string cookie_name = value.substr(0, equals);
    const std::string cookie_value = value.substr(equals + 1, end - equals - 1);
    if (value.find("Max-Age=0") != std::string::npos) {
      jar_.erase(cookie_name);
    } else {
      jar_[cookie_name] = cookie_value;
    }
  }
}

Page Browser::send(httplib::Request& request) {
  std::string cookies;
  for (const auto& [name, value] : jar_) {
    if (!cookies.empty()) cookies += "; ";
    cookies += name + "=" + value;
  }
  if (!cookies.empty()) request.set_header("Cookie", cookies);
  auto result = client_.send(request);
  Page page;
  if (!result) return page;
  take_cookies(*result);
  page.status = result->status;
  page.body = result->body;
  page.location = result->get_header_value("Location");
  page.content_type = result->get_header_value("Content-Type");
  page.cache_control = result->get_header_value("Cache-Control");
  page.csp = result->get_header_value("Content-Security-Policy");
  page.disposition = result->get_header_value("Content-Disposition");
  return page;
}

Page Browser::get(const std::string& path) {
  httplib::Request request;
  request.method = "GET";
  request.path = path;
  return send(request);
}

Page Browser::post_raw(const std::string& path, const std::string& body,
                       const std::string& content_type) {
  httplib::Request request;
  request.method = "POST";
  request.path = path;
  request.body = body;
  request.set_header("Content-Type", content_type);
  return send(request);
}

Page Browser::post(const std::string& path, const Fields& fields) {
  return post_raw(path, url_encode(fields), "application/x-www-form-urlencoded");
}

Page Browser::log_in(const std::string& email, const std::string& password) {
  const Page form = get("/login");
  return post("/login", {{"csrf", csrf_of(form.body)}, {"email", email}, {"password", password}});
}

std::optional<std::string> Browser::cookie(const std::string& name) const {
  const auto found = jar_.find(name);
  if (found == jar_.end()) return std::nullopt;
  return found->second;
}

std::string csrf_of(const std::string& html) {
  static const std::regex pattern(R"re(name="csrf" value="([^"]*)")re");
  std::smatch match;
  return std::regex_search(html, match, pattern) ? match[1].str() : "";
}

std::string url_encode(const Fields& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    for (const std::string* part : {&name, &value}) {
      for (const unsigned char c : *part) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          body += static_cast<char>(c);
        } else {
          body += '%';
          body += kHex[c >> 4];
          body += kHex[c & 15];
        }
      }
      if (part == &name) body += '=';
    }
  }
  return body;
}

bool contains(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

std::vector<std::string> raw_keys(const std::string& html) {
  std::set<std::string> sections;
  for (const auto& [key, text] : web::Catalogue::instance().texts(web::Language::nl)) {
    sections.insert(key.substr(0, key.find('.')));
  }
  std::string alternatives;
  for (const auto& section : sections) alternatives += (alternatives.empty() ? "" : "|") + section;
  const std::regex key("[>\\s](?:" + alternatives + ")\\.[a-z0-9_]+");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), key); it != std::sregex_iterator();
       ++it) {
    found.push_back(it->str());
  }
  if (html.find("{{") != std::string::npos) found.push_back("{{");
  return found;
}

}  // namespace spoorboek::webtest
