#include "adapters/import/read/read_common.h"

#include <fmt/format.h>

namespace kinerja::import::read {

tl::unexpected<Error> file_too_large(std::string_view name, std::uint64_t size, std::uint64_t limit) {
    return fail(ErrorCode::too_large,
                fmt::format("Berkas {} terlalu besar: {} byte, batas {} byte", name, group_thousands(size),
                            group_thousands(limit)),
                std::string(name));
}

tl::unexpected<Error> limit_exceeded(std::string_view name, std::string_view what, std::uint64_t limit,
                                     std::string_view unit, std::string_view where) {
    return fail(ErrorCode::too_large,
                fmt::format("Berkas {} melebihi batas {}: lebih dari {} {}", name, what, group_thousands(limit), unit),
                where.empty() ? std::string(name) : std::string(where));
}

tl::unexpected<Error> invalid(std::string_view name, std::string message, std::string_view where) {
    return fail(ErrorCode::invalid_input, std::move(message), where.empty() ? std::string(name) : std::string(where));
}

Result<void> LineSink::add(std::string_view line) {
    if (lines_.size() >= limits_.max_lines) return limit_exceeded(name_, "jumlah baris", limits_.max_lines, "baris");
    // A line far over the limit is refused before it is copied.
    if (line.size() > limits_.max_line_bytes)
        return limit_exceeded(name_, fmt::format("panjang baris (baris {})", group_thousands(lines_.size() + 1)),
                              limits_.max_line_bytes, "byte");

    std::string out;
    out.reserve(line.size());
    std::size_t done = 0; // line[0, done) is in `out`
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence(line, i);
            if (n != 0) {
                i += n;
                continue;
            }
        } else if (c != '\n' && c != '\r') {
            ++i;
            continue;
        }
        // A byte to replace: what precedes it is copied in one piece.
        out.append(line.substr(done, i - done));
        out += c >= 0x80 ? "\xEF\xBF\xBD" : " "; // U+FFFD for an invalid byte; a line break is a space
        done = ++i;
    }
    out.append(line.substr(done));
    // Measured again after the replacements, which are longer than the bytes they replace.
    if (out.size() > limits_.max_line_bytes)
        return limit_exceeded(name_, fmt::format("panjang baris (baris {})", group_thousands(lines_.size() + 1)),
                              limits_.max_line_bytes, "byte");
    text_bytes_ += out.size() + 1; // with its newline: the size of the text as a file
    if (text_bytes_ > limits_.max_text_bytes)
        return limit_exceeded(name_, "ukuran teks", limits_.max_text_bytes, "byte");
    lines_.push_back(std::move(out));
    return {};
}

bool LineSink::blank() const {
    for (const std::string& line : lines_)
        if (line.find_first_not_of(" \t") != std::string::npos) return false;
    return true;
}

void LineSink::trim_trailing_empty() {
    while (!lines_.empty() && lines_.back().empty()) {
        text_bytes_ -= 1;
        lines_.pop_back();
    }
}

Result<void> LineSink::add_text(std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\n' && c != '\r' && c != '\f') continue;
        const std::string_view line = text.substr(start, i - start);
        if (c == '\f') {
            if (!line.empty())
                if (auto r = add(line); !r) return r;
            if (auto r = add({}); !r) return r;
        } else {
            if (auto r = add(line); !r) return r;
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        }
        start = i + 1;
    }
    if (start < text.size()) return add(text.substr(start));
    return {};
}

} // namespace kinerja::import::read
