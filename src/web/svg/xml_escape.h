// Text made safe for XML character data and attribute values (SVG inline in HTML included).
//
// Whatever the input bytes, the output is well-formed: the five markup characters become
// entities, characters XML 1.0 forbids or discourages (C0 controls other than tab, newline and
// carriage return; DEL; U+FFFE, U+FFFF) are dropped, and bytes that are not valid UTF-8 become U+FFFD. So hostile or
// broken text from a message catalogue or a user can never open a tag, close an attribute or
// make the document unparsable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spoorboek::web::svg {

// Appends the escaped form of `text` to `out`.
void append_xml_escaped(std::string& out, std::string_view text);

std::string xml_escape(std::string_view text);

// The number of characters (Unicode code points) in UTF-8 text; invalid bytes count as one each.
// Used to estimate how wide a label is when laying it out.
std::size_t utf8_length(std::string_view text);

}  // namespace spoorboek::web::svg
