// The layout of a document model as PDF, read back with pdftotext: everything in the model is on
// the pages in order, long texts and tables continue across pages (a table repeats its header),
// the table of contents names the page each chapter starts on, every page is numbered, and text
// is never taken for markup.
#include <gtest/gtest.h>

#include "report/pdf.h"
#include "tests/report/pdf_text.h"

namespace spoorboek::report {
namespace {

using testing::first_out_of_order;
using testing::page_of;
using testing::pdf_text;

Document sample(int rows, int paragraphs) {
  Document d;
  d.title = "Testdocument";
  d.subtitle = "Ondertitel";
  d.identity = {{"Werknemer", "J. de Vries"}, {"Werkgever", "Bakkerij De Korenschoof"}};
  d.contents_heading = "Inhoud";
  Section intro{"Hoofdstuk één", 1, false, {Paragraph{"Eerste alinea met ë en ß."}}};
  Table table;
  table.columns = {"Kolom A", "Kolom B"};
  table.widths = {1, 3};
  for (int i = 0; i < rows; ++i) {
    table.rows.push_back({"rij " + std::to_string(i), "waarde " + std::to_string(i)});
  }
  Section tables{"Hoofdstuk twee", 1, false, {table}};
  Section longer{"Hoofdstuk drie", 1, false, {}};
  for (int i = 0; i < paragraphs; ++i) {
    longer.blocks.push_back(Paragraph{"Alinea " + std::to_string(i) +
                                      ": een tekst die lang genoeg is om over meer dan één regel "
                                      "door te lopen, zodat de opmaak hem moet afbreken."});
  }
  longer.blocks.push_back(FieldList{{{"Label", "Waarde <b>geen opmaak</b> & zo"}}});
  Section sub{"Paragraaf drie.een", 2, false, {Paragraph{"Onderdeel", Paragraph::Style::note}}};
  d.sections = {intro, tables, longer, sub};
  d.signatures_heading = "Ondertekening";
  d.signature_label = "Handtekening";
  d.signatories = {{"Werkgever", {{"Naam", "P. Hoekstra"}}}, {"Werknemer", {{"Naam", "J. de Vries"}}}};
  d.footer = "Dossier 1";
  d.page_number_format = "Pagina {page} van {pages}";
  return d;
}

TEST(PdfLayout, EverythingInTheModelIsOnThePagesInOrder) {
  const auto pdf = render_pdf(sample(3, 2));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  const std::string text = pdf_text(*pdf);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(first_out_of_order(text, {"Testdocument", "Ondertitel", "Werknemer", "J. de Vries",
                                      "Inhoud", "Hoofdstuk één", "Hoofdstuk twee",
                                      "Hoofdstuk drie", "Hoofdstuk één", "Eerste alinea met ë en ß.",
                                      "Kolom A", "rij 0", "waarde 0", "rij 2", "Hoofdstuk drie",
                                      "Alinea 0", "Alinea 1", "Waarde <b>geen opmaak</b> & zo",
                                      "Paragraaf drie.een", "Ondertekening", "Werkgever",
                                      "P. Hoekstra", "Handtekening", "Pagina 1 van 1"}),
            "");
}

TEST(PdfLayout, LongTablesAndTextsContinueOnNewPagesWithTheirHeaderAndPageNumbers) {
  const auto pdf = render_pdf(sample(120, 40));
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_text(*pdf);
  const int pages = static_cast<int>(std::count(text.begin(), text.end(), '\f'));
  ASSERT_GE(pages, 4);
  // Every row is there, in order.
  std::vector<std::string> rows;
  for (int i = 0; i < 120; ++i) rows.push_back("waarde " + std::to_string(i) + "\n");
  EXPECT_EQ(first_out_of_order(text, rows), "");
  // The header is repeated on the page where the table continues.
  const int last_row_page = page_of(text, "waarde 119\n");
  ASSERT_GT(last_row_page, page_of(text, "waarde 0\n"));
  std::string_view page_text = text;
  for (int p = 1; p < last_row_page; ++p) page_text.remove_prefix(page_text.find('\f') + 1);
  EXPECT_NE(page_text.substr(0, page_text.find('\f')).find("Kolom A"), std::string_view::npos);
  // "Pagina n van N" on every page.
  for (int p = 1; p <= pages; ++p) {
    EXPECT_NE(text.find("Pagina " + std::to_string(p) + " van " + std::to_string(pages)),
              std::string::npos)
        << p;
  }
}

TEST(PdfLayout, TheTableOfContentsNamesThePageEachChapterStartsOn) {
  const auto pdf = render_pdf(sample(120, 40));
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_text(*pdf);
  // Contents lines read "Hoofdstuk drie <page>"; the chapter's own heading is the second
  // occurrence of its name.
  for (const char* chapter : {"Hoofdstuk twee", "Hoofdstuk drie"}) {
    const auto listed = text.find(chapter);
    ASSERT_NE(listed, std::string::npos);
    const auto line_end = text.find('\n', listed);
    const std::string line = text.substr(listed, line_end - listed);
    const int listed_page = std::stoi(line.substr(line.rfind(' ') + 1));
    const auto heading = text.find(chapter, line_end);
    ASSERT_NE(heading, std::string::npos);
    const int actual_page =
        1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(heading), '\f'));
    EXPECT_EQ(listed_page, actual_page) << chapter;
  }
}

TEST(PdfLayout, AnEmptyDocumentIsStillOneValidPage) {
  Document empty;
  const auto pdf = render_pdf(empty);
  ASSERT_TRUE(pdf.ok());
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf_text(*pdf).find('\f'), std::string::npos);
}

}  // namespace
}  // namespace spoorboek::report
