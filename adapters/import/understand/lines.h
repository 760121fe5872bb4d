#pragma once
// The source lines as the understanding step sees them: numbered, split into cells, markup dropped.
// Three text styles arrive (samples/README.md): tab-separated rows (the seeds, DOCX and XLSX tables),
// column-aligned layout (pdftotext -layout), and reading-order flow where a table's values follow its
// names on later lines. `cells` serves the first; `layout_cells` the second; the flow style is read
// by value form (values.h) over consecutive lines.
#include <string>
#include <string_view>
#include <vector>

#include "adapters/import/source_text.h"

namespace kinerja::import {

struct Line {
    int number = 0;                 // 1-based line in SourceText::lines (the `line` of every finding)
    std::string raw;                // as read
    std::string text;               // clean_text(raw) with tabs turned into single spaces
    std::vector<std::string> cells; // split at tabs, each clean_text'ed; one cell when there is no tab
    bool positioned = false;        // every cell stands in its own column (a spreadsheet row): none slid
    bool blank() const { return text.empty(); }
    bool tabbed() const { return cells.size() > 1; }
};

std::vector<Line> make_lines(const SourceText& source);

// Drops markup the seeds carry (`<p>`, `</p>`, `<i>`, `<br>`, `**`, leading "- " bullets are kept),
// turns non-breaking spaces into spaces, collapses runs of whitespace and trims.
std::string clean_text(std::string_view s);

// A column-aligned line cut at runs of two or more spaces; `column` is the byte offset of the cell.
struct LayoutCell {
    int column = 0;
    std::string text;
};
std::vector<LayoutCell> layout_cells(std::string_view raw);

// The words of a column-aligned line with the byte offset each starts at; `run_on` when one space
// parts it from the word before (the same cell).
struct LayoutWord {
    int x = 0;
    std::string text;
    bool run_on = false;
};
std::vector<LayoutWord> layout_words(std::string_view raw);

// "(1) (2) (3) (4)", "1 2 3 4 5 6 7 8" in cells or in one cell: the column-number row under a header.
bool is_column_number_row(const Line& line);

// Case- and space-insensitive containment and prefix tests on clean text (ASCII folding only:
// the documents' keywords are ASCII).
std::string fold(std::string_view s); // lowercase ASCII, collapsed spaces
bool contains_folded(std::string_view haystack, std::string_view needle_folded);
bool starts_with_folded(std::string_view text, std::string_view prefix_folded);

} // namespace kinerja::import
