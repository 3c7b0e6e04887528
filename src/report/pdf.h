// Lays a Document out on A4 pages with pango (Unicode text, word wrap, DejaVu Sans) and writes it
// as a PDF with cairo, in memory.
//
// Layout: the title and subtitle, the identity block, the table of contents (chapter headings
// with their page numbers, taken from a first layout pass), the sections, then the signature
// block, kept on one page. Paragraphs, field values and table rows break between lines across
// pages; a table repeats its header on every page it continues on; a heading is never the last
// thing on a page. Every page carries the footer and "page n of N". Chapters are also PDF
// bookmarks.
//
// Thread-safe: nothing is shared between calls (pango's font map is per thread).
#pragma once

#include <string>

#include "core/result.h"
#include "report/document.h"

namespace spoorboek::report {

// The PDF bytes, or "render_failed" when cairo reports an error.
core::Result<std::string> render_pdf(const Document& document);

}  // namespace spoorboek::report
