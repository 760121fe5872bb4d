#pragma once
// Text into WordprocessingML: the report model carries plain UTF-8, the DOCX parts are XML 1.0.
#include <string>
#include <string_view>

namespace kinerja::report_out::docx {

// Appends `s` as XML 1.0 character data, also safe inside a double-quoted attribute: & < > " become
// entities, control characters other than tab and newline are dropped (XML 1.0 forbids them, and a
// carriage return would only double a line break), malformed UTF-8 and U+FFFE/U+FFFF become U+FFFD.
void append_escaped(std::string& out, std::string_view s);

inline std::string escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    append_escaped(out, s);
    return out;
}

// Appends one run (w:r) of `text` with the run properties `rpr` (the inside of w:rPr, may be empty):
// newlines become w:br, tabs w:tab, the rest escaped w:t. Nothing for empty text.
void append_run(std::string& out, std::string_view text, std::string_view rpr = {});

} // namespace kinerja::report_out::docx
