// The documents of a case as PDF downloads (/cases/{id}/documents/{kind}.pdf): offered on the
// case page for the kinds the file can fill and the viewer may make, answered as an attachment,
// on the read log before they leave the server, and refused as "not found" wherever the case
// page is (or for the GP pack, to all but the employee and the company doctor).
#include <gtest/gtest.h>

#include <regex>

#include "tests/web/web_test_support.h"

namespace spoorboek::webtest {
namespace {

using apitest::Client;
using apitest::Json;

Browser browser_of(const std::string& who) {
  Browser browser(DemoSite::instance().port());
  const Page answer = browser.log_in(who + "@demo.test", kDemoPassword);
  EXPECT_EQ(answer.status, 303) << who << ": " << answer.body;
  return browser;
}

// The first case on the case manager's dashboard that the company doctor reaches too.
int shared_case_id() {
  Browser manager = browser_of("casemanager");
  Browser doctor = browser_of("doctor");
  const std::string board = manager.get("/dashboard").body;
  static const std::regex link("href=\"/cases/([0-9]+)\"");
  for (auto it = std::sregex_iterator(board.begin(), board.end(), link);
       it != std::sregex_iterator(); ++it) {
    const int id = std::stoi((*it)[1].str());
    if (doctor.get("/cases/" + std::to_string(id)).status == 200) return id;
  }
  ADD_FAILURE() << "no case reached by both the case manager and the doctor";
  return 0;
}

std::string document_path(int id, const std::string& file) {
  return "/cases/" + std::to_string(id) + "/documents/" + file;
}

TEST(DocumentsPage, TheCasePageOffersTheDocumentsTheViewerMayMake) {
  const int id = shared_case_id();
  const std::string manager_page = browser_of("casemanager").get("/cases/" + std::to_string(id)).body;
  EXPECT_TRUE(contains(manager_page, "href=\"" + document_path(id, "riv.pdf") + "\""));
  EXPECT_FALSE(contains(manager_page, document_path(id, "gp_pack.pdf")));
  const std::string doctor_page = browser_of("doctor").get("/cases/" + std::to_string(id)).body;
  EXPECT_TRUE(contains(doctor_page, "href=\"" + document_path(id, "gp_pack.pdf") + "\""));
}

TEST(DocumentsPage, ADocumentIsAPdfAttachmentOnTheReadLog) {
  const int id = shared_case_id();
  Client client(DemoSite::instance().port());
  const auto manager = client.login("casemanager@demo.test", kDemoPassword);
  auto document_reads = [&] {
    const Json reads =
        client.get("/api/v1/cases/" + std::to_string(id) + "/reads", manager.bearer()).json();
    std::size_t count = 0;
    for (const auto& read : reads.at("reads")) {
      if (read.at("what") == "document:riv" && read.at("user_id") == manager.user_id) ++count;
    }
    return count;
  };
  const std::size_t before = document_reads();
  Browser browser = browser_of("casemanager");
  for (const char* lang : {"", "?lang=en"}) {
    const Page pdf = browser.get(document_path(id, "riv.pdf") + lang);
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_EQ(pdf.disposition,
              "attachment; filename=\"dossier-" + std::to_string(id) + "-riv.pdf\"");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    EXPECT_EQ(pdf.cache_control, "no-store");
  }
  EXPECT_EQ(document_reads(), before + 2);
}

TEST(DocumentsPage, WhatTheViewerMayNotMakeIsNotFound) {
  const int id = shared_case_id();
  Browser manager = browser_of("casemanager");
  for (const char* file : {"gp_pack.pdf", "medical.pdf", "riv.txt", "riv", ".pdf"}) {
    EXPECT_EQ(manager.get(document_path(id, file)).status, 404) << file;
  }
  EXPECT_EQ(manager.get(document_path(999999, "riv.pdf")).status, 404);
  EXPECT_EQ(manager.get("/cases/abc/documents/riv.pdf").status, 404);
  // Without a session: to the login page, nothing rendered.
  Browser anonymous(DemoSite::instance().port());
  const Page refused = anonymous.get(document_path(id, "riv.pdf"));
  EXPECT_EQ(refused.status, 303);
  EXPECT_FALSE(refused.body.starts_with("%PDF-"));
}

}  // namespace
}  // namespace spoorboek::webtest
