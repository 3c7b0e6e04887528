#include "web/svg/svg_writer.h"

#include <cmath>
#include <utility>

#include "web/svg/xml_escape.h"

namespace spoorboek::web::svg {

std::string format_number(double value) {
  // Integer tenths keep the text independent of the locale and of floating-point printing.
  long long tenths = std::llround(value * 10.0);
  std::string text;
  if (tenths < 0) {
    text += '-';
    tenths = -tenths;
  }
  text += std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    text += '.';
    text += static_cast<char>('0' + tenths % 10);
  }
  return text;
}

void SvgWriter::start_tag(std::string_view name, Attributes attributes) {
  out_ += '<';
  out_ += name;
  for (const Attribute& attribute : attributes) {
    out_ += ' ';
    out_ += attribute.name;
    out_ += "=\"";
    append_xml_escaped(out_, attribute.value);
    out_ += '"';
  }
}

void SvgWriter::open(std::string_view name, Attributes attributes) {
  start_tag(name, attributes);
  out_ += ">\n";
  open_elements_.push_back(name);
}

void SvgWriter::empty(std::string_view name, Attributes attributes) {
  start_tag(name, attributes);
  out_ += "/>\n";
}

void SvgWriter::text_element(std::string_view name, Attributes attributes, std::string_view text) {
  start_tag(name, attributes);
  out_ += '>';
  append_xml_escaped(out_, text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void SvgWriter::close() {
  out_ += "</";
  out_ += open_elements_.back();
  out_ += ">\n";
  open_elements_.pop_back();
}

std::string SvgWriter::finish() && { return std::move(out_); }

}  // namespace spoorboek::web::svg
