// A printable document as plain data: what the application layer assembles (app/documents.h) and
// src/report lays out as a PDF (pdf.h).
//
// Every text here is final: already in the reader's language, already filtered to what the reader
// may see. The layout knows no law, no policy and no database; it only places these texts on A4
// pages. Texts are plain UTF-8, never markup: whatever a user typed is shown as typed.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace spoorboek::report {

// "Label: value", one per line of a two-column block.
struct Field {
  std::string label;
  std::string value;
};

struct Paragraph {
  enum class Style { body, caption, note };
  std::string text;
  // caption: a bold line naming what follows (a table); note: a remark about the document
  // itself (italic, grey).
  Style style = Style::body;
};

struct FieldList {
  std::vector<Field> fields;
};

struct Table {
  std::vector<std::string> columns;
  // Share of the width per column (any positive numbers, normalised); empty: equal shares.
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
};

using Block = std::variant<Paragraph, FieldList, Table>;

struct Section {
  std::string heading;
  int level = 1;          // 1: a chapter, listed in the table of contents; 2: a part of one
  bool new_page = false;  // starts on a new page
  std::vector<Block> blocks;
};

// One party that signs: a heading ("Werkgever"), what is known ("Naam: ...", "Datum: ...") and
// room for a handwritten signature.
struct Signatory {
  std::string role;
  std::vector<Field> lines;
};

struct Document {
  std::string title;
  std::string subtitle;
  std::vector<Field> identity;    // the case's identity block, under the title
  std::string contents_heading;   // when not empty: a table of contents of the chapters
  std::vector<Section> sections;
  std::string signatures_heading;
  std::string signature_label;    // the caption of the signature line ("Handtekening")
  std::vector<Signatory> signatories;
  std::string footer;             // on every page, beside the page number
  std::string page_number_format; // "{page}" and "{pages}" are filled in: "Pagina {page} van {pages}"
  std::string author;             // PDF metadata
};

}  // namespace spoorboek::report
