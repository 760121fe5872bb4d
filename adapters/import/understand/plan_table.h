#pragma once
// Table pieces the plan readers share (RKT: read_rkt.cpp, IKU/Renstra: read_iku.cpp): columns known by
// their header words, raw cells split into `<p>` statements, rows whose cells slid left, codes inside
// names. They know nothing about which document they serve.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/import/understand/lines.h"

namespace kinerja::import {

enum class Column { number, program, activity, objective, indicator, target, unit, budget, executor, other };

struct HeaderColumn {
    Column kind = Column::other;
    int year = 0;         // "Target 2016", "2017": the year the column is for, 0 when none
    bool percent = false; // "Target %", "Target (%)": the values are percents printed bare
};

// A header cell by its words: "No", "Program/Kegiatan", "Sasaran Strategis", "Indikator Kinerja",
// "Target %", "Anggaran", "Pelaksana(an)", "Kegiatan". Unknown words are Column::other.
HeaderColumn header_column(std::string_view cell);

// The columns of a tabbed header row, or nothing when the row is not a table header (it must name at
// least an indicator column and two other known columns).
std::optional<std::vector<HeaderColumn>> table_header(const Line& line);

// Same column kinds in the same order: a header repeated on a new page.
bool same_header(const std::vector<HeaderColumn>& a, const std::vector<HeaderColumn>& b);

// The raw tab-separated cells of a line, markup kept (the `<p>` boundaries carry meaning).
std::vector<std::string> raw_cells(const std::string& raw);

// The statements of one raw cell: "<p>a</p> <p>b</p>" -> {"a", "b"}; a cell without `<p>` is one
// statement; empty statements are dropped.
std::vector<std::string> statements(std::string_view raw_cell);

// Cells of a row that slid left (a page break, a merged cell): trailing empty cells dropped and the
// rest moved to the last columns, when the row is shorter than the header and does not start with its
// number (in a table with a number column, a first cell of text also means the row slid). Otherwise,
// and always for a `positioned` row (Line::positioned), the cells as they are, padded to `columns`.
std::vector<std::string> aligned_cells(std::vector<std::string> cells, std::size_t columns, bool numbered_table,
                                       bool positioned);

// The first activity or KRO code in parentheses anywhere in a name: "... (3355) dan" -> "3355",
// "... (6981) dan ... (6982)" -> "6981", "(6709.QGE.004)" -> "6709.QGE.004".
std::optional<std::string> first_code(std::string_view name);

// A row number as printed: "1", "1.", "12" (not "1 2 3", not a year).
bool is_row_number(std::string_view cell);

// The label of a total row under a table ("Jumlah", "JUMLAH", "Total"): the row is no item. A cell
// "Jumlah laporan ..." is an indicator, so callers also look that the indicator column is empty.
bool is_total_label(std::string_view cell);

// Words an indicator statement starts with ("Persentase", "Prosentase", "Jumlah", "Indeks", ...).
bool starts_like_indicator(std::string_view text);

// Joins two pieces of a wrapped cell with one space.
std::string joined(std::string_view a, std::string_view b);

} // namespace kinerja::import
