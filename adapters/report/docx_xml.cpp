#include "adapters/report/docx_xml.h"

namespace kinerja::report_out::docx {

namespace {

constexpr const char* replacement = "\xEF\xBF\xBD"; // U+FFFD

bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence starting at p[0] (lead byte >= 0x80), 0 when malformed:
// overlong forms, surrogates and code points above U+10FFFF are malformed (RFC 3629).
size_t utf8_length(const unsigned char* p, size_t left) {
    const unsigned char c = p[0];
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && continuation(p[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !continuation(p[1]) || !continuation(p[2])) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;
        if (c == 0xED && p[1] > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;
        if (c == 0xF4 && p[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}

} // namespace

void append_escaped(std::string& out, std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t verbatim = 0; // start of the bytes not yet copied
    size_t i = 0;
    auto replace = [&](size_t skip, const char* with) {
        out.append(s.data() + verbatim, i - verbatim);
        out += with;
        i += skip;
        verbatim = i;
    };
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            switch (c) {
            case '&':
                replace(1, "&amp;");
                continue;
            case '<':
                replace(1, "&lt;");
                continue;
            case '>':
                replace(1, "&gt;");
                continue;
            case '"':
                replace(1, "&quot;");
                continue;
            default:
                if (c < 0x20 && c != '\t' && c != '\n') {
                    replace(1, "");
                    continue;
                }
                ++i;
                continue;
            }
        }
        const size_t len = utf8_length(p + i, n - i);
        if (len == 0) {
            replace(1, replacement);
        } else if (len == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) {
            replace(3, replacement); // U+FFFE, U+FFFF are not XML characters
        } else {
            i += len;
        }
    }
    out.append(s.data() + verbatim, n - verbatim);
}

void append_run(std::string& out, std::string_view text, std::string_view rpr) {
    if (text.empty()) return;
    out += "<w:r>";
    if (!rpr.empty()) {
        out += "<w:rPr>";
        out += rpr;
        out += "</w:rPr>";
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
        if (i > start) {
            out += "<w:t xml:space=\"preserve\">";
            append_escaped(out, text.substr(start, i - start));
            out += "</w:t>";
        }
        if (i < text.size()) out += text[i] == '\n' ? "<w:br/>" : "<w:tab/>";
        start = i + 1;
    }
    out += "</w:r>";
}

} // namespace kinerja::report_out::docx
