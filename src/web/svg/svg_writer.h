// A minimal writer of SVG markup: elements with attributes, every value and text escaped, numbers
// in one fixed, locale-independent form. Output is deterministic: the same calls give the same
// bytes. The writer keeps a stack of open elements, so a close always matches its open.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace spoorboek::web::svg {

struct Attribute {
  std::string_view name;  // REQUIRES: a valid XML name (the renderer's own constants)
  std::string value;      // escaped when written
};
using Attributes = std::initializer_list<Attribute>;

// A coordinate or length: rounded to a tenth, without a trailing ".0", never "-0".
std::string format_number(double value);

class SvgWriter {
 public:
  // <name attributes...>, to be closed by close().
  void open(std::string_view name, Attributes attributes = {});
  // <name attributes.../>
  void empty(std::string_view name, Attributes attributes);
  // <name attributes...>text</name>
  void text_element(std::string_view name, Attributes attributes, std::string_view text);
  // Closes the innermost open element. REQUIRES: one is open.
  void close();
  // The markup; REQUIRES: every element closed.
  std::string finish() &&;

 private:
  void start_tag(std::string_view name, Attributes attributes);
  std::string out_;
  std::vector<std::string_view> open_elements_;
};

}  // namespace spoorboek::web::svg
