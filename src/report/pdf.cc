#include "report/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <utility>
#include <vector>

namespace spoorboek::report {
namespace {

// A4 in points; margins of 2 cm, a footer band below the text.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.7;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kTextTop = kMargin;
constexpr double kTextBottom = kPageHeight - kMargin - 14;
constexpr double kFooterBaseline = kPageHeight - kMargin + 12;
constexpr double kCellPadding = 3;
constexpr double kLabelShare = 0.32;  // of a field list's width

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.08, 0.08, 0.10};
constexpr Rgb kGrey{0.38, 0.38, 0.42};
constexpr Rgb kRule{0.70, 0.70, 0.74};
constexpr Rgb kHeaderFill{0.90, 0.91, 0.94};

enum class Font { body, body_bold, note, small, heading_1, heading_2, title, subtitle };

const char* font_name(Font font) {
  switch (font) {
    case Font::body: return "DejaVu Sans 9.5";
    case Font::body_bold: return "DejaVu Sans Bold 9.5";
    case Font::note: return "DejaVu Sans Oblique 8.5";
    case Font::small: return "DejaVu Sans 7.5";
    case Font::heading_1: return "DejaVu Sans Bold 13";
    case Font::heading_2: return "DejaVu Sans Bold 10.5";
    case Font::title: return "DejaVu Sans Bold 18";
    case Font::subtitle: return "DejaVu Sans 11";
  }
  return "DejaVu Sans 9.5";
}

struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// One line of a laid-out text, in points relative to the layout's top.
struct LineBox {
  double top = 0;
  double height = 0;
  double baseline = 0;
};

// A text laid out for one column, consumed line by line as it is placed on pages.
struct TextBlock {
  LayoutPtr layout;
  std::vector<LineBox> lines;
  double x = 0;
  Rgb colour = kInk;
  std::size_t next = 0;  // the first line not placed yet

  bool done() const { return next >= lines.size(); }
  // Height of lines [next, end).
  double remaining_height() const {
    if (done()) return 0;
    const LineBox& last = lines.back();
    return last.top + last.height - lines[next].top;
  }
  // How many of the remaining lines fit in `height`.
  std::size_t lines_fitting(double height) const {
    std::size_t count = 0;
    for (std::size_t i = next; i < lines.size(); ++i) {
      if (lines[i].top + lines[i].height - lines[next].top > height + 0.01) break;
      ++count;
    }
    return count;
  }
};

// Where the chapters start, from the first pass; the second pass draws with them.
struct PassResult {
  int pages = 0;
  std::vector<int> chapter_pages;
};

std::string fill_page_number(std::string format, int page, int pages) {
  for (const auto& [name, value] :
       {std::pair<std::string, std::string>{"{page}", std::to_string(page)},
        std::pair<std::string, std::string>{"{pages}", std::to_string(pages)}}) {
    for (auto at = format.find(name); at != std::string::npos; at = format.find(name, at)) {
      format.replace(at, name.size(), value);
      at += value.size();
    }
  }
  return format;
}

class Typesetter {
 public:
  // `draw` false: a measuring pass that only counts pages; `known` is the previous pass's result.
  Typesetter(cairo_t* cr, bool draw, const PassResult& known)
      : cr_(cr), draw_(draw), known_(known), context_(pango_cairo_create_context(cr)) {
    // One point per user unit: sizes in the font names are points on paper.
    pango_cairo_context_set_resolution(context_.get(), 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
    for (int f = 0; f <= static_cast<int>(Font::subtitle); ++f) {
      fonts_.push_back(pango_font_description_from_string(font_name(static_cast<Font>(f))));
    }
  }
  ~Typesetter() {
    for (auto* font : fonts_) pango_font_description_free(font);
  }
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  PassResult run(const Document& document) {
    document_ = &document;
    page_ = 1;
    y_ = kTextTop;
    title(document);
    if (!document.identity.empty()) {
      rule();
      fields(document.identity);
      rule();
    }
    if (!document.contents_heading.empty()) contents(document);
    for (const auto& section : document.sections) this->section(section);
    signatures(document);
    finish_page();
    return result_;
  }

 private:
  // ---- text ----

  TextBlock text(const std::string& content, Font font, double x, double width,
                 Rgb colour = kInk, PangoAlignment align = PANGO_ALIGN_LEFT) {
    TextBlock block;
    block.layout.reset(pango_layout_new(context_.get()));
    pango_layout_set_font_description(block.layout.get(), fonts_[static_cast<int>(font)]);
    pango_layout_set_width(block.layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(block.layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(block.layout.get(), align);
    pango_layout_set_text(block.layout.get(), content.data(), static_cast<int>(content.size()));
    block.x = x;
    block.colour = colour;
    PangoLayoutIter* iter = pango_layout_get_iter(block.layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      LineBox line;
      line.top = static_cast<double>(logical.y) / PANGO_SCALE;
      line.height = static_cast<double>(logical.height) / PANGO_SCALE;
      line.baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      block.lines.push_back(line);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return block;
  }

  // Draws `count` lines of `block` from its cursor, the first line's top at `top`.
  void draw_lines(TextBlock& block, std::size_t count, double top) {
    const double origin = block.lines[block.next].top;
    for (std::size_t i = block.next; i < block.next + count; ++i) {
      if (draw_) {
        PangoLayoutLine* line = pango_layout_get_line_readonly(block.layout.get(),
                                                               static_cast<int>(i));
        PangoRectangle logical;
        pango_layout_line_get_extents(line, nullptr, &logical);
        cairo_set_source_rgb(cr_, block.colour.r, block.colour.g, block.colour.b);
        cairo_move_to(cr_, block.x + static_cast<double>(logical.x) / PANGO_SCALE,
                      top + block.lines[i].baseline - origin);
        pango_cairo_show_layout_line(cr_, line);
      }
    }
    block.next += count;
  }

  // Places a row of columns side by side from y_, breaking between lines across pages.
  // `on_new_page` runs after every page break (a table repeats its header there).
  void row(std::vector<TextBlock>& cells, double padding,
           const std::function<void()>& on_new_page = {}) {
    for (;;) {
      double needed = 0;
      for (const auto& cell : cells) needed = std::max(needed, cell.remaining_height());
      needed += 2 * padding;
      const double available = kTextBottom - y_;
      if (needed <= available) {
        for (auto& cell : cells) {
          if (!cell.done()) draw_lines(cell, cell.lines.size() - cell.next, y_ + padding);
        }
        y_ += needed;
        return;
      }
      bool placed_any = false;
      for (auto& cell : cells) {
        const std::size_t fit = cell.lines_fitting(available - 2 * padding);
        if (fit > 0) {
          draw_lines(cell, fit, y_ + padding);
          placed_any = true;
        }
      }
      // Nothing fitted at the bottom of a page: go to a new one. A line taller than a whole page
      // cannot occur with these fonts, but would be drawn rather than loop forever.
      if (!placed_any && y_ == kTextTop) {
        for (auto& cell : cells) {
          if (!cell.done()) draw_lines(cell, 1, y_ + padding);
        }
      }
      new_page();
      if (on_new_page) on_new_page();
    }
  }

  void paragraph(const std::string& content, Font font, Rgb colour = kInk, double after = 5) {
    std::vector<TextBlock> cells;
    cells.push_back(text(content, font, kMargin, kTextWidth, colour));
    row(cells, 0);
    y_ += after;
  }

  // ---- pages ----

  void new_page() {
    finish_page();
    ++page_;
    y_ = kTextTop;
  }

  void finish_page() {
    if (draw_) {
      const std::string number =
          fill_page_number(document_->page_number_format, page_, known_.pages);
      const double number_width = 80;
      TextBlock left = text(document_->footer, Font::small, kMargin, kTextWidth - number_width - 8,
                            kGrey);
      TextBlock right = text(number, Font::small, kMargin + kTextWidth - number_width,
                             number_width, kGrey, PANGO_ALIGN_RIGHT);
      cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kMargin, kFooterBaseline - 12);
      cairo_line_to(cr_, kMargin + kTextWidth, kFooterBaseline - 12);
      cairo_stroke(cr_);
      draw_lines(left, left.lines.size(), kFooterBaseline - 9);
      draw_lines(right, right.lines.size(), kFooterBaseline - 9);
      cairo_show_page(cr_);
    }
    result_.pages = page_;
  }

  // Moves to a new page unless `height` still fits on this one.
  void keep(double height) {
    if (y_ + height > kTextBottom && y_ > kTextTop) new_page();
  }

  void rule(Rgb colour = kRule) {
    if (draw_) {
      cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kMargin, y_ + 3);
      cairo_line_to(cr_, kMargin + kTextWidth, y_ + 3);
      cairo_stroke(cr_);
    }
    y_ += 7;
  }

  void fill(double top, double height, Rgb colour) {
    if (!draw_) return;
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_rectangle(cr_, kMargin, top, kTextWidth, height);
    cairo_fill(cr_);
  }

  // ---- parts of the document ----

  void title(const Document& document) {
    paragraph(document.title, Font::title, kInk, 4);
    if (!document.subtitle.empty()) paragraph(document.subtitle, Font::subtitle, kGrey, 8);
  }

  void fields(const std::vector<Field>& list) {
    const double label_width = kTextWidth * kLabelShare;
    for (const auto& field : list) {
      std::vector<TextBlock> cells;
      cells.push_back(text(field.label, Font::body_bold, kMargin, label_width - 8));
      cells.push_back(text(field.value, Font::body, kMargin + label_width,
                           kTextWidth - label_width));
      row(cells, 1.5);
    }
    y_ += 4;
  }

  void contents(const Document& document) {
    keep(60);
    heading(document.contents_heading, 1);
    const double number_width = 40;
    std::size_t chapter = 0;
    for (const auto& section : document.sections) {
      if (section.level != 1) continue;
      const int page =
          chapter < known_.chapter_pages.size() ? known_.chapter_pages[chapter] : 0;
      ++chapter;
      std::vector<TextBlock> cells;
      cells.push_back(text(section.heading, Font::body, kMargin, kTextWidth - number_width - 8));
      // The measuring pass does not know the pages yet; "000" takes the room a number will.
      cells.push_back(text(page > 0 ? std::to_string(page) : "000", Font::body,
                           kMargin + kTextWidth - number_width, number_width, kInk,
                           PANGO_ALIGN_RIGHT));
      row(cells, 1.5);
    }
    y_ += 8;
  }

  void heading(const std::string& content, int level) {
    const Font font = level == 1 ? Font::heading_1 : Font::heading_2;
    y_ += level == 1 ? 10 : 6;
    if (y_ > kTextBottom) new_page();
    // A heading keeps at least a few lines of what follows on its page.
    keep(level == 1 ? 60 : 45);
    paragraph(content, font, kInk, level == 1 ? 6 : 3);
  }

  void section(const Section& section) {
    if (section.new_page && y_ > kTextTop) new_page();
    if (section.level == 1) {
      if (y_ > kTextTop) y_ += 10;
      keep(60);
      result_.chapter_pages.push_back(page_);
      if (draw_) add_bookmark(section.heading);
      paragraph(section.heading, Font::heading_1, kInk, 6);
    } else {
      heading(section.heading, section.level);
    }
    for (const auto& block : section.blocks) {
      std::visit([this](const auto& b) { this->block(b); }, block);
    }
  }

  void block(const Paragraph& p) {
    switch (p.style) {
      case Paragraph::Style::body: return paragraph(p.text, Font::body);
      case Paragraph::Style::caption:
        keep(40);
        return paragraph(p.text, Font::body_bold, kInk, 3);
      case Paragraph::Style::note: return paragraph(p.text, Font::note, kGrey);
    }
  }

  void block(const FieldList& list) { fields(list.fields); }

  void block(const Table& table) {
    if (table.columns.empty()) return;
    std::vector<double> shares = table.widths;
    shares.resize(table.columns.size(), 0);
    for (auto& share : shares) share = share > 0 ? share : 1;
    const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    std::vector<double> xs;
    std::vector<double> widths;
    double x = kMargin;
    for (const double share : shares) {
      const double width = kTextWidth * share / total;
      xs.push_back(x);
      widths.push_back(width);
      x += width;
    }
    auto cells_of = [&](const std::vector<std::string>& contents, Font font) {
      std::vector<TextBlock> cells;
      for (std::size_t c = 0; c < xs.size(); ++c) {
        const std::string& content = c < contents.size() ? contents[c] : std::string();
        cells.push_back(text(content, font, xs[c] + kCellPadding, widths[c] - 2 * kCellPadding));
      }
      return cells;
    };
    auto header = [&] {
      auto cells = cells_of(table.columns, Font::body_bold);
      double height = 0;
      for (const auto& cell : cells) height = std::max(height, cell.remaining_height());
      height += 2 * kCellPadding;
      keep(height + 20);
      fill(y_, height, kHeaderFill);
      row(cells, kCellPadding);
    };
    header();
    for (const auto& contents : table.rows) {
      auto cells = cells_of(contents, Font::body);
      row(cells, kCellPadding, header);
      if (draw_) {
        cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
        cairo_set_line_width(cr_, 0.4);
        cairo_move_to(cr_, kMargin, y_);
        cairo_line_to(cr_, kMargin + kTextWidth, y_);
        cairo_stroke(cr_);
      }
    }
    y_ += 8;
  }

  void signatures(const Document& document) {
    if (document.signatories.empty()) return;
    // The whole block on one page: heading plus two signatories per row.
    const double column = (kTextWidth - 16) / 2;
    auto box_height = [&](const Signatory& s) {
      double height = text(s.role, Font::body_bold, 0, column).remaining_height() + 4;
      for (const auto& line : s.lines) {
        height += text(line.label + ": " + line.value, Font::body, 0, column).remaining_height();
      }
      return height + 48;
    };
    double total = 40;
    for (std::size_t i = 0; i < document.signatories.size(); i += 2) {
      double h = box_height(document.signatories[i]);
      if (i + 1 < document.signatories.size()) {
        h = std::max(h, box_height(document.signatories[i + 1]));
      }
      total += h + 10;
    }
    keep(std::min(total, kTextBottom - kTextTop));
    heading(document.signatures_heading, 1);
    for (std::size_t i = 0; i < document.signatories.size(); i += 2) {
      double row_height = box_height(document.signatories[i]);
      if (i + 1 < document.signatories.size()) {
        row_height = std::max(row_height, box_height(document.signatories[i + 1]));
      }
      keep(row_height);
      const double top = y_;
      for (std::size_t j = i; j < std::min(i + 2, document.signatories.size()); ++j) {
        const double x = kMargin + (j - i) * (column + 16);
        signatory(document.signatories[j], document.signature_label, x, column, top, row_height);
      }
      y_ = top + row_height + 10;
    }
  }

  void signatory(const Signatory& s, const std::string& signature_label, double x, double width,
                 double top, double height) {
    double y = top;
    TextBlock role = text(s.role, Font::body_bold, x, width);
    const double role_height = role.remaining_height();
    draw_lines(role, role.lines.size(), y);
    y += role_height + 4;
    for (const auto& line : s.lines) {
      TextBlock t = text(line.label + ": " + line.value, Font::body, x, width);
      const double h = t.remaining_height();
      draw_lines(t, t.lines.size(), y);
      y += h;
    }
    TextBlock caption = text(signature_label, Font::small, x, width, kGrey);
    draw_lines(caption, caption.lines.size(), top + height - 12);
    if (draw_) {
      cairo_set_source_rgb(cr_, kInk.r, kInk.g, kInk.b);
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, x, top + height - 14);
      cairo_line_to(cr_, x + width, top + height - 14);
      cairo_stroke(cr_);
    }
  }

  void add_bookmark(const std::string& heading) {
    const std::string link = "page=" + std::to_string(page_);
    cairo_pdf_surface_add_outline(cairo_get_target(cr_), CAIRO_PDF_OUTLINE_ROOT, heading.c_str(),
                                  link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }

  struct ContextDeleter {
    void operator()(PangoContext* context) const { g_object_unref(context); }
  };

  cairo_t* cr_;
  bool draw_;
  const PassResult& known_;
  std::unique_ptr<PangoContext, ContextDeleter> context_;
  std::vector<PangoFontDescription*> fonts_;
  const Document* document_ = nullptr;
  int page_ = 1;
  double y_ = kTextTop;
  PassResult result_;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// One pass over the document onto a PDF surface writing to `write` (with `closure`).
core::Result<PassResult> typeset(const Document& document, bool draw, const PassResult& known,
                                 cairo_write_func_t write, void* closure) {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(write, closure, kPageWidth, kPageHeight));
  if (draw) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   document.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   document.author.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Spoorboek");
  }
  PassResult result;
  {
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
    Typesetter typesetter(cr.get(), draw, known);
    result = typesetter.run(document);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return core::make_error("render_failed", "",
                              std::string("the PDF could not be drawn: ") +
                                  cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::make_error("render_failed", "",
                            std::string("the PDF could not be written: ") +
                                cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return result;
}

}  // namespace

core::Result<std::string> render_pdf(const Document& document) {
  // First pass: where every chapter starts and how many pages there are; the second draws the
  // table of contents and "page n of N" with them. Both passes break pages identically: the
  // contents' page numbers take the same room in both.
  auto measured = typeset(document, false, PassResult{}, discard, nullptr);
  if (!measured.ok()) return measured.error();
  std::string pdf;
  auto drawn = typeset(document, true, *measured, append_to_string, &pdf);
  if (!drawn.ok()) return drawn.error();
  return pdf;
}

}  // namespace spoorboek::report
