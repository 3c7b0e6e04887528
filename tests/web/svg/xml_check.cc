#include "tests/web/svg/xml_check.h"

#include <cstdint>

namespace spoorboek::web::svg::testing {
namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  XmlParse parse() {
    XmlParse result;
    skip_space();
    if (!parse_element(result.root)) return fail(result);
    skip_space();
    if (at_ != text_.size()) {
      error_ = "content after the root element";
      return fail(result);
    }
    result.ok = true;
    return result;
  }

 private:
  XmlParse fail(XmlParse& result) {
    result.ok = false;
    result.error = error_ + " at byte " + std::to_string(at_);
    return result;
  }
  bool done() const { return at_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[at_]; }
  void skip_space() {
    while (!done() && is_space(text_[at_])) ++at_;
  }
  bool expect(char c) {
    if (peek() != c) {
      error_ = std::string("expected '") + c + "'";
      return false;
    }
    ++at_;
    return true;
  }

  bool parse_name(std::string& name) {
    if (!is_name_start(peek())) {
      error_ = "expected a name";
      return false;
    }
    const std::size_t start = at_;
    while (!done() && is_name_char(text_[at_])) ++at_;
    name = std::string(text_.substr(start, at_ - start));
    return true;
  }

  // After '&': one of the five entities or a numeric reference, decoded into out.
  bool parse_reference(std::string& out) {
    const std::size_t semicolon = text_.find(';', at_);
    if (semicolon == std::string_view::npos || semicolon - at_ > 10) {
      error_ = "a bare '&'";
      return false;
    }
    const std::string_view name = text_.substr(at_, semicolon - at_);
    at_ = semicolon + 1;
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      const std::string digits(name.substr(hex ? 2 : 1));
      if (digits.empty()) {
        error_ = "an empty character reference";
        return false;
      }
      append_utf8(out, static_cast<std::uint32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
    } else {
      error_ = "an unknown entity &" + std::string(name) + ";";
      return false;
    }
    return true;
  }

  bool parse_attribute_value(std::string& value) {
    const char quote = peek();
    if (quote != '"' && quote != '\'') {
      error_ = "an unquoted attribute value";
      return false;
    }
    ++at_;
    while (!done() && text_[at_] != quote) {
      const char c = text_[at_];
      if (c == '<') {
        error_ = "'<' in an attribute value";
        return false;
      }
      ++at_;
      if (c == '&') {
        if (!parse_reference(value)) return false;
      } else {
        value += c;
      }
    }
    return expect(quote);
  }

  bool parse_element(XmlElement& element) {
    if (!expect('<')) return false;
    if (!parse_name(element.name)) return false;
    while (true) {
      const bool spaced = is_space(peek());
      skip_space();
      if (peek() == '/') {
        ++at_;
        return expect('>');
      }
      if (peek() == '>') {
        ++at_;
        break;
      }
      if (!spaced) {
        error_ = "attributes must be separated by white space";
        return false;
      }
      std::string name;
      std::string value;
      if (!parse_name(name)) return false;
      skip_space();
      if (!expect('=')) return false;
      skip_space();
      if (!parse_attribute_value(value)) return false;
      if (element.attribute(name)) {
        error_ = "a repeated attribute " + name;
        return false;
      }
      element.attributes.emplace_back(std::move(name), std::move(value));
    }
    // Content: text, references and child elements up to the matching end tag.
    while (true) {
      if (done()) {
        error_ = "unclosed <" + element.name + ">";
        return false;
      }
      const char c = text_[at_];
      if (c == '<') {
        if (text_.substr(at_, 2) == "</") {
          at_ += 2;
          std::string name;
          if (!parse_name(name)) return false;
          if (name != element.name) {
            error_ = "</" + name + "> closes <" + element.name + ">";
            return false;
          }
          skip_space();
          return expect('>');
        }
        if (text_.substr(at_, 2) == "<!" || text_.substr(at_, 2) == "<?") {
          error_ = "a comment, CDATA, DOCTYPE or processing instruction";
          return false;
        }
        element.children.emplace_back();
        if (!parse_element(element.children.back())) return false;
      } else if (c == '&') {
        ++at_;
        if (!parse_reference(element.text)) return false;
      } else {
        element.text += c;
        ++at_;
      }
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::string error_;
};

}  // namespace

XmlParse parse_xml(std::string_view text) { return Reader(text).parse(); }

std::vector<const XmlElement*> with_class(const XmlElement& root, std::string_view css_class) {
  std::vector<const XmlElement*> out;
  collect(root, [&](const XmlElement& e) { return e.has_class(css_class); }, out);
  return out;
}

std::vector<const XmlElement*> named(const XmlElement& root, std::string_view name) {
  std::vector<const XmlElement*> out;
  collect(root, [&](const XmlElement& e) { return e.name == name; }, out);
  return out;
}

}  // namespace spoorboek::web::svg::testing
