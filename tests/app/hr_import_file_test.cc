// Reading the staff list and the report list: columns by their Dutch or English names, dates as
// HR files write them, payloads validated as a case manager's, and every error naming its line
// and column.
#include "app/hr_import_file.h"

#include <gtest/gtest.h>

namespace spoorboek::app {
namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

std::vector<std::string> described(const std::vector<LineError>& errors) {
  std::vector<std::string> texts;
  for (const auto& error : errors) texts.push_back(describe(error));
  return texts;
}

TEST(ImportDateTest, DutchAndIsoDates) {
  EXPECT_EQ(*parse_import_date("02-03-2026"), day("2026-03-02"));
  EXPECT_EQ(*parse_import_date("2-3-2026"), day("2026-03-02"));
  EXPECT_EQ(*parse_import_date("29-02-2028"), day("2028-02-29"));
  EXPECT_EQ(*parse_import_date("2026-03-02"), day("2026-03-02"));
}

TEST(ImportDateTest, ImpossibleDatesSayWhy) {
  const auto february = parse_import_date("31-02-2026");
  ASSERT_FALSE(february.ok());
  EXPECT_EQ(february.error().code, "invalid_date");
  EXPECT_EQ(february.error().message,
            "'31-02-2026' is not a calendar date: February 2026 has 28 days");
  EXPECT_NE(parse_import_date("29-02-2026").error().message.find("28 days"), std::string::npos);
  EXPECT_NE(parse_import_date("2026-13-01").error().message.find("no month 13"),
            std::string::npos);
  EXPECT_NE(parse_import_date("00-01-2026").error().message.find("January 2026 has 31 days"),
            std::string::npos);
  EXPECT_NE(parse_import_date("01-01-1850").error().message.find("outside the years"),
            std::string::npos);
}

TEST(ImportDateTest, OtherShapesAreNotDates) {
  for (const char* text : {"2-3-26", "02/03/2026", "2026-3-2", "02-03-2026 00:00", "morgen", "",
                           "1-2-3-2026", "123-01-2026", "+1-01-2026"}) {
    const auto parsed = parse_import_date(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_NE(parsed.error().message.find("write DD-MM-YYYY"), std::string::npos) << text;
  }
}

TEST(EmployeeFileTest, DutchColumnsInAnyOrderAndOtherColumnsIgnored) {
  const EmployeeFile file = read_employee_file(
      "Afdeling;Naam;Personeels nr.;E-mail leidinggevende\n"
      "Bakkerij;J. de Vries;00123;lm@bakkerij.test\n"
      "Winkel;A. Jansen;00124;\n");
  ASSERT_TRUE(file.errors.empty()) << described(file.errors).front();
  ASSERT_EQ(file.lines.size(), 2u);
  EXPECT_EQ(file.lines[0].personnel_number, "00123");
  EXPECT_EQ(file.lines[0].name, "J. de Vries");
  EXPECT_EQ(file.lines[0].manager_email, "lm@bakkerij.test");
  EXPECT_EQ(file.lines[0].line, 2u);
  EXPECT_TRUE(file.lines[1].manager_email.empty());
  EXPECT_EQ(file.ignored_columns, std::vector<std::string>{"Afdeling"});
  EXPECT_EQ(file.data_rows, 2u);
}

TEST(EmployeeFileTest, EnglishColumnsAndANameMadeOfItsParts) {
  const EmployeeFile file = read_employee_file(
      "personnel_number,first_name,infix,last_name\n7,Jan,van der,Berg\n8,Piet,,Smit\n");
  ASSERT_TRUE(file.errors.empty()) << described(file.errors).front();
  ASSERT_EQ(file.lines.size(), 2u);
  EXPECT_EQ(file.lines[0].name, "Jan van der Berg");
  EXPECT_EQ(file.lines[1].name, "Piet Smit");
}

TEST(EmployeeFileTest, AMissingColumnIsAnErrorOfTheHeader) {
  const EmployeeFile file = read_employee_file("naam;afdeling\nJan;Winkel\n");
  EXPECT_EQ(described(file.errors),
            std::vector<std::string>{"line 1, column personeelsnummer: is missing: the header "
                                     "needs a column personeelsnummer (or personnel_number)"});
  EXPECT_TRUE(file.lines.empty());
}

TEST(EmployeeFileTest, TwoColumnsForOneFieldAreRefused) {
  const EmployeeFile file = read_employee_file("naam;personeelsnummer;name\nJan;1;Jan\n");
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors.front().code, "duplicate_column");
  EXPECT_EQ(file.errors.front().column, "name");
}

TEST(EmployeeFileTest, EmptyAndTooLongValuesNameTheirColumn) {
  const EmployeeFile file = read_employee_file("Personeelsnummer;Naam;Email leidinggevende\n"
                                               ";Jan;\n"
                                               "2;;\n" +
                                               std::string("3;") + std::string(201, 'x') + ";\n" +
                                               "4;Piet;geen-adres\n");
  EXPECT_EQ(described(file.errors),
            (std::vector<std::string>{
                "line 2, column Personeelsnummer: is empty",
                "line 3, column Naam: is empty",
                "line 4, column Naam: is longer than 200 bytes",
                "line 5, column Email leidinggevende: 'geen-adres' is not an e-mail address"}));
  EXPECT_TRUE(file.lines.empty());
}

TEST(EmployeeFileTest, DuplicateLinesAreReadOnceAndConflictingOnesAreErrors) {
  const EmployeeFile file = read_employee_file(
      "personeelsnummer;naam\n1;Jan\n2;Piet\n1;Jan\n2;Pieter\n");
  ASSERT_EQ(file.lines.size(), 2u);
  ASSERT_EQ(file.duplicates.size(), 1u);
  EXPECT_EQ(file.duplicates[0].line, 4u);
  EXPECT_EQ(file.duplicates[0].same_as, 2u);
  EXPECT_EQ(described(file.errors),
            std::vector<std::string>{"line 5, column personeelsnummer: names the same employee as "
                                     "line 3 with other values; keep the right one"});
}

TEST(ReportFileTest, TheThreeKindsBecomeTheirEntries) {
  const ReportFile file = read_report_file(
      "Personeelsnummer;Soort;Datum;Percentage;Verwachte duur;Vangnet;Bedrijfsongeval;Telefoon\n"
      "00123;Ziekmelding;02-03-2026;;1-6 weken;nee;ja;06-12345678\n"
      "00123;Gedeeltelijk hersteld;2026-03-16;50%;;;;\n"
      "00123;Hersteld;30-3-2026;100;;;;\n");
  ASSERT_TRUE(file.errors.empty()) << described(file.errors).front();
  ASSERT_EQ(file.lines.size(), 3u);
  EXPECT_EQ(file.lines[0].kind, ReportKind::sick);
  EXPECT_EQ(file.lines[0].type, core::EntryType::sick_report);
  EXPECT_EQ(file.lines[0].date, day("2026-03-02"));
  EXPECT_EQ(file.lines[0].payload,
            "{\"contact_phone\":\"06-12345678\",\"expected_duration\":\"1_to_6_weeks\","
            "\"safety_net_applies\":false,\"third_party_liability\":false,\"work_accident\":true}");
  EXPECT_TRUE(file.lines[0].has_sick_report_fields);
  EXPECT_EQ(file.lines[1].type, core::EntryType::partial_work);
  EXPECT_EQ(file.lines[1].percentage, 50);
  EXPECT_EQ(file.lines[1].payload, "{\"kind\":\"own_work\",\"percentage\":50}");
  EXPECT_EQ(file.lines[2].type, core::EntryType::recovery);
  EXPECT_EQ(file.lines[2].date, day("2026-03-30"));
  EXPECT_EQ(file.lines[2].payload, "{}");
}

TEST(ReportFileTest, ASickReportWithoutOptionalColumnsGetsTheCautiousDefaults) {
  const ReportFile file = read_report_file("personnel_number,kind,date\n7,sick,2026-03-02\n");
  ASSERT_TRUE(file.errors.empty());
  ASSERT_EQ(file.lines.size(), 1u);
  EXPECT_EQ(file.lines[0].payload,
            "{\"expected_duration\":\"unknown\",\"safety_net_applies\":false,"
            "\"third_party_liability\":false,\"work_accident\":false}");
  EXPECT_FALSE(file.lines[0].has_sick_report_fields);
}

TEST(ReportFileTest, EveryBadValueNamesItsLineAndColumn) {
  const ReportFile file = read_report_file(
      "personeelsnummer;soort;datum;percentage;soort werk;vangnet;telefoon\n"
      "1;ziek;31-02-2026;;;;\n"           // 2: impossible date
      "1;verlof;02-03-2026;;;;\n"         // 3: unknown kind
      "1;gedeeltelijk hersteld;02-03-2026;;;;\n"     // 4: no percentage
      "1;gedeeltelijk hersteld;02-03-2026;150;;;\n"  // 5: percentage out of range
      "1;hersteld;02-03-2026;50;;;\n"     // 6: percentage on a recovery
      "1;hersteld;03-03-2026;;;ja;\n"     // 7: sick-report field on a recovery
      "1;ziek;04-03-2026;;;misschien;\n"  // 8: not yes or no
      "1;ziek;05-03-2026;;;;bel me\n"     // 9: the core's phone check
      "1;gedeeltelijk hersteld;06-03-2026;40;kantoor;;\n"  // 10: work kind
      ";ziek;;;;;\n");                    // 11: two empty values
  EXPECT_EQ(described(file.errors),
            (std::vector<std::string>{
                "line 2, column datum: '31-02-2026' is not a calendar date: February 2026 has "
                "28 days",
                "line 3, column soort: 'verlof' is none of: ziek, hersteld, gedeeltelijk hersteld",
                "line 4, column percentage: is required for a partial recovery: the percentage "
                "of the agreed hours worked",
                "line 5, column percentage: '150' is not a whole number from 1 to 100",
                "line 6, column percentage: belongs to a partial recovery (gedeeltelijk "
                "hersteld), not to a recovery",
                "line 7, column vangnet: belongs to a sick report (ziek), not to a recovery",
                "line 8, column vangnet: 'misschien' is not ja or nee (yes or no)",
                "line 9, column telefoon: may hold only digits, spaces and + - ( )",
                "line 10, column soort werk: 'kantoor' is none of: eigen werk, therapeutisch, "
                "passend werk",
                "line 11, column personeelsnummer: is empty",
                "line 11, column datum: is empty",
            }));
  EXPECT_TRUE(file.lines.empty());
  EXPECT_EQ(file.data_rows, 10u);
}

TEST(ReportFileTest, DuplicateReportsAreReadOnceAndConflictingOnesAreErrors) {
  const ReportFile file = read_report_file(
      "personeelsnummer;soort;datum;percentage\n"
      "1;ziek;02-03-2026;\n"
      "1;Ziek;2026-03-02;\n"  // the same report written differently
      "1;gedeeltelijk hersteld;09-03-2026;50\n"
      "1;gedeeltelijk hersteld;09-03-2026;60\n"
      "2;ziek;02-03-2026;\n");
  ASSERT_EQ(file.lines.size(), 3u);
  ASSERT_EQ(file.duplicates.size(), 1u);
  EXPECT_EQ(file.duplicates[0].line, 3u);
  EXPECT_EQ(file.duplicates[0].same_as, 2u);
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors[0].line, 5u);
  EXPECT_EQ(file.errors[0].code, "conflicting_line");
  EXPECT_NE(file.errors[0].message.find("as line 4"), std::string::npos);
}

TEST(ReportFileTest, QuotedValuesWithSeparatorsAndLineEnds) {
  const ReportFile file = read_report_file(
      "\"Personeelsnummer\";\"Soort\";\"Datum\";\"Opmerking\"\r\n"
      "\"00;7\";\"ziek\";\"02-03-2026\";\"twee\r\nregels\"\r\n"
      "\"008\";\"hersteld\";\"09-03-2026\";\"\"\r\n");
  ASSERT_TRUE(file.errors.empty()) << described(file.errors).front();
  ASSERT_EQ(file.lines.size(), 2u);
  EXPECT_EQ(file.lines[0].personnel_number, "00;7");
  EXPECT_EQ(file.lines[1].line, 4u);
  EXPECT_EQ(file.ignored_columns, std::vector<std::string>{"Opmerking"});
}

TEST(ReportFileTest, FileErrorsComeThroughWithTheirLines) {
  const ReportFile cut = read_report_file("personeelsnummer;soort;datum\n1;ziek;02-03-2026\n2;zi");
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_EQ(cut.errors[0].code, "cut_off");
  EXPECT_EQ(cut.errors[0].line, 3u);
  EXPECT_EQ(cut.lines.size(), 1u);

  const ReportFile wrong = read_report_file("personeelsnummer;soort;datum\n1;ziek;02-03-2026\n"
                                            "2;ziek;02-03-2026\n3;hersteld;\xE9\n");
  ASSERT_EQ(wrong.errors.size(), 1u);
  EXPECT_EQ(wrong.errors[0].code, "wrong_encoding");
  EXPECT_EQ(wrong.errors[0].line, 4u);
  EXPECT_TRUE(wrong.lines.empty());
}

}  // namespace
}  // namespace spoorboek::app
