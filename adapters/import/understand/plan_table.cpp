#include "adapters/import/understand/plan_table.h"

#include <cctype>

#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace {

// Case-insensitive "<p>" / "</p>" at i; its length, or 0.
std::size_t paragraph_tag_at(std::string_view s, std::size_t i) {
    for (std::string_view tag : {"<p>", "</p>"}) {
        if (s.size() - i < tag.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < tag.size() && same; ++k)
            same = std::tolower(static_cast<unsigned char>(s[i + k])) == tag[k];
        if (same) return tag.size();
    }
    return 0;
}

} // namespace

HeaderColumn header_column(std::string_view cell) {
    const std::string f = fold(cell);
    HeaderColumn c;
    c.year = year_in(f).value_or(0);
    c.percent = f.find('%') != std::string::npos;
    if (f == "no" || f == "no." || f == "nomor")
        c.kind = Column::number;
    else if (f.starts_with("program"))
        c.kind = Column::program;
    else if (f.starts_with("kegiatan"))
        c.kind = Column::activity;
    else if (f.find("indikator") != std::string::npos)
        c.kind = Column::indicator;
    else if (f.find("sasaran") != std::string::npos)
        c.kind = Column::objective;
    else if (f.find("target") != std::string::npos)
        c.kind = Column::target;
    else if (f.starts_with("satuan"))
        c.kind = Column::unit;
    else if (f.starts_with("anggaran") || f.starts_with("pagu"))
        c.kind = Column::budget;
    else if (f.starts_with("pelaksana"))
        c.kind = Column::executor;
    else if (c.year && f.size() == 4)
        c.kind = Column::target; // a year standing alone over its targets
    return c;
}

std::optional<std::vector<HeaderColumn>> table_header(const Line& line) {
    if (!line.tabbed()) return std::nullopt;
    std::vector<HeaderColumn> columns;
    int known = 0;
    bool indicator = false;
    for (const auto& cell : line.cells) {
        columns.push_back(header_column(cell));
        if (cell.size() > 40) return std::nullopt; // a row of text, not of header words
        if (columns.back().kind != Column::other) ++known;
        if (columns.back().kind == Column::indicator) indicator = true;
    }
    if (!indicator || known < 3) return std::nullopt;
    return columns;
}

bool same_header(const std::vector<HeaderColumn>& a, const std::vector<HeaderColumn>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].kind != b[i].kind) return false;
    return true;
}

std::vector<std::string> raw_cells(const std::string& raw) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = raw.find('\t', start);
        cells.push_back(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return cells;
}

std::vector<std::string> statements(std::string_view raw_cell) {
    std::vector<std::string> out;
    std::size_t piece = 0;
    auto take = [&](std::size_t end) {
        std::string s = clean_text(raw_cell.substr(piece, end - piece));
        if (!s.empty()) out.push_back(std::move(s));
    };
    for (std::size_t i = 0; i < raw_cell.size(); ++i) {
        if (raw_cell[i] != '<') continue;
        if (const std::size_t tag = paragraph_tag_at(raw_cell, i)) {
            take(i);
            piece = i + tag;
            i += tag - 1;
        }
    }
    take(raw_cell.size());
    return out;
}

std::vector<std::string> aligned_cells(std::vector<std::string> cells, std::size_t columns, bool numbered_table,
                                       bool positioned) {
    if (columns == 0) return {};
    if (cells.size() > columns) {
        // Cells past the header (a stray tab at the end) belong to the last column.
        for (std::size_t i = columns; i < cells.size(); ++i)
            if (!clean_text(cells[i]).empty()) cells[columns - 1] += " " + cells[i];
        cells.resize(columns);
    }
    std::size_t used = cells.size();
    while (used > 0 && clean_text(cells[used - 1]).empty())
        --used;
    const std::string first = cells.empty() ? std::string() : clean_text(cells[0]);
    // A row that starts with its row number has its first columns: cells missing at its end are empty,
    // not the slid-away ones of a broken row. A spreadsheet row never slides (each cell has its column).
    const bool starts_numbered = numbered_table && is_row_number(first);
    const bool slid = !positioned && ((cells.size() < columns && !starts_numbered) ||
                                      (numbered_table && !first.empty() && !starts_numbered));
    if (used > 0 && used < columns && slid) {
        std::vector<std::string> moved(columns);
        for (std::size_t i = 0; i < used; ++i)
            moved[columns - used + i] = std::move(cells[i]);
        return moved;
    }
    cells.resize(columns);
    return cells;
}

std::optional<std::string> first_code(std::string_view name) {
    for (std::size_t open = name.find('('); open != std::string_view::npos; open = name.find('(', open + 1)) {
        const std::size_t close = name.find(')', open);
        if (close == std::string_view::npos) break;
        if (auto code = trailing_code(name.substr(open, close - open + 1))) return code;
    }
    return std::nullopt;
}

bool is_row_number(std::string_view cell) {
    std::size_t digits = 0;
    while (digits < cell.size() && std::isdigit(static_cast<unsigned char>(cell[digits])))
        ++digits;
    if (digits == 0 || digits > 3) return false;
    return digits == cell.size() || (digits + 1 == cell.size() && cell[digits] == '.');
}

bool is_total_label(std::string_view cell) {
    const std::string head = fold(cell);
    return head.starts_with("jumlah") || head.starts_with("total");
}

bool starts_like_indicator(std::string_view text) {
    static constexpr std::string_view k_words[] = {"persentase", "prosentase", "presentase", "jumlah",    "indeks",
                                                   "tingkat",    "nilai",      "rasio",      "rata-rata", "opini",
                                                   "hasil",      "luas",       "level",      "kualitas",  "konsumsi",
                                                   "kontribusi", "penurunan",  "peningkatan"};
    const std::string f = fold(text.substr(0, 40));
    for (auto w : k_words)
        if (f.starts_with(w) && (f.size() == w.size() || f[w.size()] == ' ')) return true;
    return false;
}

std::string joined(std::string_view a, std::string_view b) {
    if (a.empty()) return std::string(b);
    if (b.empty()) return std::string(a);
    return std::string(a) + " " + std::string(b);
}

} // namespace kinerja::import
