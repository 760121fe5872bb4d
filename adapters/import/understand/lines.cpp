#include "adapters/import/understand/lines.h"

#include <cctype>

namespace kinerja::import {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Tags the seeds carry from their HTML origin; dropped wherever they stand.
constexpr std::string_view k_tags[] = {"<p>",  "</p>",  "<i>",    "</i>", "<b>", "</b>",
                                       "<br>", "<br/>", "<br />", "<u>",  "</u>"};

bool tag_at(std::string_view s, std::size_t i, std::size_t& length) {
    for (auto tag : k_tags) {
        if (s.size() - i < tag.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < tag.size() && same; ++k)
            same = std::tolower(static_cast<unsigned char>(s[i + k])) == tag[k];
        if (same) {
            length = tag.size();
            return true;
        }
    }
    return false;
}

// <i>, </i>, <b>, </b>, <u>, </u>: markup inside a word run, not between statements.
bool is_font_tag(std::string_view tag) {
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(tag[tag.size() - 2])));
    return tag.size() <= 4 && (letter == 'i' || letter == 'b' || letter == 'u');
}

} // namespace

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t tag = 0;
        if (s[i] == '<' && tag_at(s, i, tag)) {
            // "</p> <p>" between two statements separates them; "(<i>clean governance</i>)" only
            // changes the font.
            if (!is_font_tag(s.substr(i, tag))) pending_space = true;
            i += tag;
            continue;
        }
        if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            i += 2;
            continue;
        }
        // U+00A0 no-break space (C2 A0) counts as a space.
        if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
            static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            pending_space = true;
            i += 2;
            continue;
        }
        if (is_space(s[i])) {
            pending_space = true;
            ++i;
            continue;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += s[i++];
    }
    return out;
}

std::vector<Line> make_lines(const SourceText& source) {
    std::vector<Line> lines;
    lines.reserve(source.lines.size());
    int number = 0;
    for (const auto& raw : source.lines) {
        Line line;
        line.number = ++number;
        line.raw = raw;
        line.text = clean_text(raw);
        line.positioned = source.format == "xlsx";
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = raw.find('\t', start);
            line.cells.push_back(clean_text(
                std::string_view(raw).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<LayoutCell> layout_cells(std::string_view raw) {
    std::vector<LayoutCell> cells;
    std::size_t i = 0;
    while (i < raw.size()) {
        while (i < raw.size() && is_space(raw[i]))
            ++i;
        if (i >= raw.size()) break;
        const std::size_t start = i;
        // A cell ends at two spaces in a row, or at a tab.
        while (i < raw.size() && raw[i] != '\t' && !(raw[i] == ' ' && i + 1 < raw.size() && is_space(raw[i + 1])))
            ++i;
        cells.push_back({static_cast<int>(start), clean_text(raw.substr(start, i - start))});
    }
    return cells;
}

std::vector<LayoutWord> layout_words(std::string_view raw) {
    std::vector<LayoutWord> out;
    for (const auto& cell : layout_cells(raw)) {
        std::size_t i = 0;
        while (i < cell.text.size()) {
            const std::size_t end = std::min(cell.text.find(' ', i), cell.text.size());
            out.push_back(LayoutWord{cell.column + static_cast<int>(i), cell.text.substr(i, end - i), i > 0});
            i = end + 1;
        }
    }
    return out;
}

bool is_column_number_row(const Line& line) {
    // Every token is "(n)" or "n", and they count up from 1 (allowing a merged header, e.g. 1 2 4 5).
    int count = 0, last = 0;
    std::size_t i = 0;
    const std::string& t = line.text;
    while (i < t.size()) {
        while (i < t.size() && t[i] == ' ')
            ++i;
        if (i >= t.size()) break;
        const bool paren = t[i] == '(';
        if (paren) ++i;
        int value = 0, digits = 0;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
            value = value * 10 + (t[i] - '0');
            ++i;
            if (++digits > 2) return false;
        }
        if (digits == 0) return false;
        if (paren) {
            if (i >= t.size() || t[i] != ')') return false;
            ++i;
        }
        if (i < t.size() && t[i] != ' ') return false;
        if (value <= last || value > last + 2) return false;
        last = value;
        ++count;
    }
    return count >= 3 && (last - count) <= 2;
}

std::string fold(std::string_view s) {
    std::string out = clean_text(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle_folded) {
    return fold(haystack).find(needle_folded) != std::string::npos;
}

bool starts_with_folded(std::string_view text, std::string_view prefix_folded) {
    return fold(text).starts_with(prefix_folded);
}

} // namespace kinerja::import
