#pragma once
// UTF-8, decoded in one place. Text enters the program from forms, the command line and documents;
// each entry checks it (or repairs it, for documents) so that every page and JSON document built from
// stored text is valid UTF-8 too.
#include <cstddef>
#include <string>
#include <string_view>

namespace kinerja {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when the bytes there are not valid
// UTF-8 (overlong forms, surrogates and code points over U+10FFFF are invalid too).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t* cp = nullptr);
bool is_valid_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);

} // namespace kinerja
