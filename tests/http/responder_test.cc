#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "api/http_types.h"

namespace spoorboek::api {
namespace {

// Records what a Responder sends.
struct Sent {
  std::mutex mutex;
  std::vector<HttpResponse> responses;
  Responder::SendFunction function() {
    return [this](HttpResponse&& response) {
      std::lock_guard lock(mutex);
      responses.push_back(std::move(response));
    };
  }
};

HttpResponse with_status(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

TEST(Responder, FirstSendWins) {
  Sent sent;
  {
    Responder responder(sent.function());
    EXPECT_FALSE(responder.answered());
    const Responder copy = responder;
    copy.send(with_status(201));
    EXPECT_TRUE(responder.answered());
    EXPECT_TRUE(copy.answered());
    responder.send(with_status(500));
    copy.send(with_status(400));
  }
  ASSERT_EQ(sent.responses.size(), 1u);
  EXPECT_EQ(sent.responses[0].status, 201);
}

TEST(Responder, UnansweredSends500WhenTheLastCopyGoes) {
  Sent sent;
  {
    Responder responder(sent.function());
    {
      Responder copy = responder;
      (void)copy;
    }
    EXPECT_TRUE(sent.responses.empty());  // a copy is still alive
  }
  ASSERT_EQ(sent.responses.size(), 1u);
  EXPECT_EQ(sent.responses[0].status, 500);
  EXPECT_EQ(sent.responses[0].content_type, "application/json");
  EXPECT_EQ(sent.responses[0].body,
            R"({"error":{"code":"internal","message":"the request was not answered","field":""}})");
}

TEST(Responder, AnsweredFromAnotherThreadAfterTheHandlerReturned) {
  Sent sent;
  std::thread later;
  {
    Responder responder(sent.function());
    later = std::thread([responder] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      responder.send(with_status(202));
    });
  }
  later.join();
  ASSERT_EQ(sent.responses.size(), 1u);
  EXPECT_EQ(sent.responses[0].status, 202);
}

TEST(Responder, ExactlyOneOfManyRacingSendsWins) {
  for (int round = 0; round < 50; ++round) {
    Sent sent;
    {
      Responder responder(sent.function());
      std::vector<std::thread> threads;
      std::atomic<bool> go{false};
      for (int i = 0; i < 8; ++i) {
        threads.emplace_back([responder, i, &go] {
          while (!go.load()) std::this_thread::yield();
          responder.send(with_status(200 + i));
        });
      }
      go = true;
      for (auto& thread : threads) thread.join();
    }
    ASSERT_EQ(sent.responses.size(), 1u);
    EXPECT_GE(sent.responses[0].status, 200);
    EXPECT_LT(sent.responses[0].status, 208);
  }
}

TEST(Responder, DefaultConstructedDoesNothing) {
  Responder responder;
  responder.send(with_status(200));
  EXPECT_FALSE(responder.answered());
}

TEST(HttpRequest, LookupsByName) {
  HttpRequest request;
  request.headers = {{"content-type", "application/json"}, {"x-twice", "1"}, {"x-twice", "2"}};
  request.query = {{"page", "2"}, {"Page", "3"}};
  request.params = {{"id", "12"}};
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(request.header("x-twice"), "1");
  EXPECT_FALSE(request.header("cookie"));
  EXPECT_EQ(request.query_value("page"), "2");
  EXPECT_EQ(request.query_value("Page"), "3");
  EXPECT_FALSE(request.query_value("size"));
  EXPECT_EQ(request.param("id"), "12");
  EXPECT_FALSE(request.param("seq"));
}

}  // namespace
}  // namespace spoorboek::api
