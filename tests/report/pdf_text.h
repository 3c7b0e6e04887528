// Reads a PDF back as text with poppler's pdftotext, for assertions on what a document says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::report::testing {

// The text of `pdf` in content order (pdftotext -raw), pages separated by form feeds; empty when
// pdftotext fails.
std::string pdf_text(const std::string& pdf);

// The first of `needles` that does not occur in `text` after the one before it ("" when all occur
// in order). White space is compared loosely: a text wrapped over lines still matches.
std::string first_out_of_order(std::string_view text, const std::vector<std::string>& needles);

// The page (1-based) on which `needle` first occurs in pdf_text() output; 0 when absent.
int page_of(std::string_view text, std::string_view needle);

}  // namespace spoorboek::report::testing
