// A small, strict XML reader for the tests: enough to prove that the renderer's output is
// well-formed (one root, balanced tags, quoted and unique attributes, only the five predefined
// entities and numeric references, no stray '<' or '&') and to query the element tree.
// Comments, CDATA, processing instructions and DOCTYPE are refused: the renderer writes none.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spoorboek::web::svg::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values decoded
  std::vector<XmlElement> children;
  std::string text;  // the decoded character data directly inside, concatenated

  const std::string* attribute(std::string_view key) const {
    for (const auto& [name, value] : attributes) {
      if (name == key) return &value;
    }
    return nullptr;
  }
  std::string attr(std::string_view key) const {
    const std::string* value = attribute(key);
    return value ? *value : std::string();
  }
  bool has_class(std::string_view css_class) const {
    const std::string classes = " " + attr("class") + " ";
    return classes.find(" " + std::string(css_class) + " ") != std::string::npos;
  }
  // The first child element with this name, or nullptr.
  const XmlElement* child(std::string_view element_name) const {
    for (const XmlElement& c : children) {
      if (c.name == element_name) return &c;
    }
    return nullptr;
  }
};

struct XmlParse {
  bool ok = false;
  std::string error;  // with the byte offset
  XmlElement root;
};

XmlParse parse_xml(std::string_view text);

// Every element of the tree (the root included) for which `keep` is true, in document order.
template <class Predicate>
void collect(const XmlElement& element, Predicate keep, std::vector<const XmlElement*>& out) {
  if (keep(element)) out.push_back(&element);
  for (const XmlElement& child : element.children) collect(child, keep, out);
}
std::vector<const XmlElement*> with_class(const XmlElement& root, std::string_view css_class);
std::vector<const XmlElement*> named(const XmlElement& root, std::string_view name);

}  // namespace spoorboek::web::svg::testing
