// GET /api/v1/openapi.json against the router: the document describes exactly the routes the
// server registers, each with a summary, responses and its path parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <utility>

#include "tests/api/api_test_support.h"

namespace spoorboek::apitest {
namespace {

class OpenApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    ASSERT_EQ(run_spoorboek({"init", "--db", dir_->file("api.db")}), 0);
    server_ = new InProcessServer(dir_->file("api.db"));
    ASSERT_TRUE(server_->running()) << server_->error();
    Client client(server_->port());
    const Reply reply = client.get("/api/v1/openapi.json", Auth::none());
    ASSERT_EQ(reply.status, 200);
    document_ = new Json(reply.json());
  }
  static void TearDownTestSuite() {
    delete document_;
    delete server_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    ASSERT_TRUE(server_->running());
    ASSERT_NE(document_, nullptr);
    ASSERT_TRUE(document_->is_object()) << "the document is no JSON object";
  }

  // Follows a local "$ref" ("#/components/parameters/Id"); the value itself when it is none.
  static const Json& resolve(const Json& value) {
    if (!value.is_object() || !value.contains("$ref")) return value;
    const std::string ref = value["$ref"].get<std::string>();
    static const Json kNull;
    if (!ref.starts_with("#/")) return kNull;
    const Json* at = document_;
    std::size_t start = 2;
    while (start <= ref.size()) {
      const std::size_t end = std::min(ref.find('/', start), ref.size());
      const std::string key = ref.substr(start, end - start);
      if (!at->is_object() || !at->contains(key)) return kNull;
      at = &(*at)[key];
      start = end + 1;
    }
    return *at;
  }

  static ScratchDir* dir_;
  static InProcessServer* server_;
  static Json* document_;
};

ScratchDir* OpenApiTest::dir_ = nullptr;
InProcessServer* OpenApiTest::server_ = nullptr;
Json* OpenApiTest::document_ = nullptr;

const std::set<std::string> kOperations{"get", "put", "post", "delete", "patch", "head", "options"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST_F(OpenApiTest, IsOpenApi3WithInfoAndSecuritySchemes) {
  const Json& doc = *document_;
  ASSERT_TRUE(doc.contains("openapi"));
  EXPECT_TRUE(doc["openapi"].get<std::string>().starts_with("3.")) << doc["openapi"];
  ASSERT_TRUE(doc.contains("info"));
  EXPECT_TRUE(doc["info"].contains("title"));
  EXPECT_TRUE(doc["info"].contains("version"));
  ASSERT_TRUE(doc.contains("paths"));
  ASSERT_TRUE(doc["paths"].is_object());

  const Json& schemes = doc["components"]["securitySchemes"];
  ASSERT_TRUE(schemes.contains("bearerAuth"));
  EXPECT_EQ(schemes["bearerAuth"]["type"], "http");
  EXPECT_EQ(schemes["bearerAuth"]["scheme"], "bearer");
  ASSERT_TRUE(schemes.contains("cookieAuth"));
  EXPECT_EQ(schemes["cookieAuth"]["type"], "apiKey");
  EXPECT_EQ(schemes["cookieAuth"]["in"], "cookie");
  EXPECT_EQ(schemes["cookieAuth"]["name"], "spoorboek_session");
  EXPECT_NE(schemes["cookieAuth"].value("description", "").find("X-CSRF-Token"), std::string::npos);

  // The shared error body.
  const Json& error = doc["components"]["schemas"]["Error"];
  ASSERT_TRUE(error.is_object());
  const Json& inner = error["properties"]["error"];
  for (const char* key : {"code", "message", "field"}) {
    EXPECT_TRUE(inner["properties"].contains(key)) << key;
  }
}

TEST_F(OpenApiTest, DescribesExactlyTheRoutesOfTheRouter) {
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : server_->routes()) {
    routed.emplace(lower(api::method_name(route.method)), route.pattern);
  }
  ASSERT_FALSE(routed.empty());
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : (*document_)["paths"].items()) {
    for (const auto& [key, operation] : item.items()) {
      if (kOperations.contains(key)) documented.emplace(key, path);
    }
  }
  for (const auto& route : routed) {
    EXPECT_TRUE(documented.contains(route))
        << "the router has " << route.first << " " << route.second << " but the document not";
  }
  for (const auto& operation : documented) {
    EXPECT_TRUE(routed.contains(operation)) << "the document has " << operation.first << " "
                                            << operation.second << " but the router not";
  }
  EXPECT_EQ(routed.size(), documented.size());
}

TEST_F(OpenApiTest, EveryOperationHasASummaryResponsesAndItsPathParameters) {
  const std::regex placeholder(R"(\{([^}/]+)\})");
  for (const auto& [path, item] : (*document_)["paths"].items()) {
    std::set<std::string> in_template;
    for (std::sregex_iterator it(path.begin(), path.end(), placeholder), end; it != end; ++it) {
      in_template.insert((*it)[1].str());
    }
    std::set<std::string> item_level;
    for (const auto& parameter : item.value("parameters", Json::array())) {
      const Json& p = resolve(parameter);
      ASSERT_TRUE(p.is_object()) << path << ": a parameter does not resolve";
      if (p.value("in", "") == "path") item_level.insert(p.value("name", ""));
    }
    for (const auto& [key, operation] : item.items()) {
      if (!kOperations.contains(key)) continue;
      const std::string where = key + " " + path;
      EXPECT_FALSE(operation.value("summary", "").empty()) << where << " has no summary";
      ASSERT_TRUE(operation.contains("responses")) << where;
      EXPECT_FALSE(operation["responses"].empty()) << where << " has no response";
      for (const auto& [status, response] : operation["responses"].items()) {
        EXPECT_TRUE(status == "default" || std::regex_match(status, std::regex("[1-5][0-9][0-9]")))
            << where << ": " << status;
        const Json& resolved = resolve(response);
        EXPECT_TRUE(resolved.is_object() && resolved.contains("description"))
            << where << " " << status << " does not resolve to a response";
      }
      std::set<std::string> declared = item_level;
      for (const auto& parameter : operation.value("parameters", Json::array())) {
        const Json& p = resolve(parameter);
        ASSERT_TRUE(p.is_object()) << where << ": a parameter does not resolve";
        if (p.value("in", "") == "path") {
          declared.insert(p.value("name", ""));
          EXPECT_TRUE(p.value("required", false)) << where << ": path parameters are required";
        }
      }
      EXPECT_EQ(declared, in_template) << where << ": path parameters and template differ";
      if (operation.contains("requestBody")) {
        const Json& body = resolve(operation["requestBody"]);
        EXPECT_TRUE(body["content"].contains("application/json")) << where;
      }
    }
  }
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::vector<std::string> broken;
  std::function<void(const Json&)> walk = [&](const Json& value) {
    if (value.is_object()) {
      if (value.contains("$ref") && resolve(value).is_null()) {
        broken.push_back(value["$ref"].get<std::string>());
      }
      for (const auto& [key, child] : value.items()) walk(child);
    } else if (value.is_array()) {
      for (const auto& child : value) walk(child);
    }
  };
  walk(*document_);
  EXPECT_TRUE(broken.empty()) << "unresolved: " << ::testing::PrintToString(broken);
}

TEST_F(OpenApiTest, LoginDocumentsThrottlingAndPublicRoutesNeedNoLogin) {
  const Json& paths = (*document_)["paths"];
  const Json& login = paths["/api/v1/login"]["post"];
  ASSERT_TRUE(login["responses"].contains("429"));
  EXPECT_TRUE(resolve(login["responses"]["429"])["headers"].contains("Retry-After"));
  for (const char* path : {"/healthz", "/api/v1/openapi.json", "/api/v1/login"}) {
    for (const auto& [key, operation] : paths[path].items()) {
      if (!kOperations.contains(key)) continue;
      ASSERT_TRUE(operation.contains("security")) << path;
      EXPECT_TRUE(operation["security"].empty()) << path;
    }
  }
  // Query parameters of the dashboard and of case reads.
  std::set<std::string> list_parameters;
  for (const auto& p : paths["/api/v1/cases"]["get"]["parameters"]) {
    list_parameters.insert(resolve(p).value("name", ""));
  }
  EXPECT_EQ(list_parameters,
            (std::set<std::string>{"employer_id", "status", "due_within_days", "assignee_id",
                                   "include_closed", "overdue", "limit", "offset"}));
  for (const auto& p : paths["/api/v1/cases"]["get"]["parameters"]) {
    if (resolve(p).value("name", "") != "limit") continue;
    EXPECT_EQ(resolve(p)["schema"]["minimum"], 1);
    EXPECT_EQ(resolve(p)["schema"]["maximum"], 500);
    EXPECT_EQ(resolve(p)["schema"]["default"], 50);
  }
  std::set<std::string> read_parameters;
  for (const auto& p : paths["/api/v1/cases/{id}"]["get"]["parameters"]) {
    read_parameters.insert(resolve(p).value("name", ""));
  }
  EXPECT_EQ(read_parameters, (std::set<std::string>{"as_of", "lang"}));
}

}  // namespace
}  // namespace spoorboek::apitest
