// Plain text: UTF-8 as the seeds are; Windows-1252 when the file is not valid UTF-8 (documents saved
// on Indonesian Windows); UTF-16 when it starts with a byte order mark (Notepad's "Unicode").
// The lines are kept as written: tabs, `<p>` fragments and repeated page headers are the
// understanding step's business.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "adapters/import/read/read_common.h"
#include "adapters/import/read/readers.h"

namespace kinerja::import::read {
namespace {

// Windows-1252 bytes 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr char32_t cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::size_t line_of(std::string_view bytes, std::size_t at) {
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(at), '\n'));
}

Result<std::string> decode_cp1252(std::string_view name, std::string_view bytes, std::size_t max_text) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c >= 0xA0) {
            append_utf8(out, c); // Latin-1 and Windows-1252 agree here
        } else if (const char32_t cp = cp1252_high[c - 0x80]; cp != 0) {
            append_utf8(out, cp);
        } else {
            return invalid(name, fmt::format("Berkas {} bukan teks UTF-8 dan tidak dapat dibaca sebagai Windows-1252 "
                                             "(byte 0x{:02X} di baris {}); simpan ulang sebagai UTF-8",
                                             name, c, group_thousands(line_of(bytes, i))));
        }
        // The decoded text can be up to three times the file; stop at the limit, not after.
        if (out.size() > max_text) return limit_exceeded(name, "ukuran teks", max_text, "byte");
    }
    return out;
}

// UTF-16 with a byte order mark; an unpaired surrogate becomes U+FFFD like any invalid sequence.
Result<std::string> decode_utf16(std::string_view name, std::string_view bytes, bool little_endian,
                                 std::size_t max_text) {
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        append_utf8(out, cp);
        if (out.size() > max_text) return limit_exceeded(name, "ukuran teks", max_text, "byte");
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// NUL anywhere, or more than one byte in ten a control character that text does not use: a program,
// an image, a database, an old .doc saved under the wrong name.
bool looks_binary(std::string_view text) {
    // An empty view may have no data at all, and memchr must not be given a null pointer.
    if (!text.empty() && std::memchr(text.data(), 0, text.size()) != nullptr) return true;
    std::size_t controls = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && !is_space(ch)) || c == 0x7F) ++controls;
    }
    return controls > 0 && controls * 10 > text.size();
}

} // namespace

Result<SourceText> read_text(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    std::string decoded; // only when the bytes are not already UTF-8
    std::string_view text = bytes;
    const auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        auto d = decode_utf16(name, bytes, bytes[0] == '\xFF', limits.max_text_bytes);
        if (!d) return tl::unexpected(d.error());
        decoded = std::move(*d);
        text = decoded;
    } else if (starts("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }

    if (looks_binary(text)) return invalid(name, fmt::format("Berkas {} bukan dokumen teks (berisi data biner)", name));
    if (std::all_of(text.begin(), text.end(), is_space)) return invalid(name, fmt::format("Berkas {} kosong", name));

    if (decoded.empty() && !is_valid_utf8(text)) {
        auto d = decode_cp1252(name, text, limits.max_text_bytes);
        if (!d) return tl::unexpected(d.error());
        decoded = std::move(*d);
        text = decoded;
    }

    SourceText out{std::string(name), "text", {}};
    LineSink sink(name, limits);
    if (auto r = sink.add_text(text); !r) return tl::unexpected(r.error());
    sink.trim_trailing_empty();
    out.lines = sink.take();
    return out;
}

} // namespace kinerja::import::read
