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
#include <string_view>

#include "core/result.h"
#include "report/document.h"

namespace spoorboek::report {

// The PDF bytes, or "render_failed" when cairo reports an error.
core::Result<std::string> render_pdf(const Document& document);

// Writes `bytes` to `path` so that the file is either complete or absent: into a new temporary
// file beside it, flushed, then renamed over `path`. On any failure the temporary file is removed
// and `path` is left as it was. Errors: "unwritable" (field "out") naming the path and the reason.
core::Status write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace spoorboek::report
