#pragma once
// Tables in column-aligned text (pdftotext -layout) turned into the tab-separated rows the table
// readers know (the style of DOCX and XLSX tables), so one reader per document kind serves all three.
//
// In column-aligned text a table row is a band of lines between blank lines: every cell is a block of
// words standing at its own place across the band's lines (a wrapped cell goes on over the lines below
// it, a cell printed in the middle of a tall row stands on a middle line). A cell is the run of a
// line's words up to two spaces, joined with the pieces above and below it that overlap it; a word that
// starts where another line's cell starts is a cell of its own (two cells one space apart). The columns
// are the cells of the header band, known by the reader's test; a band right under the header whose
// cells all stand under one header cell splits that column (the months under "Jadwal Pelaksanaan").
// Each row's cells go to the header column they stand under (in order, the nearest one). Between a
// row and the same header printed again on the next page, a few short bands (the page's footer, the
// next page's banner and title) are skipped; two blank lines followed by anything else end the table.
#include <functional>
#include <vector>

#include "adapters/import/understand/lines.h"

namespace kinerja::import {

// Whether a row of cells (a tabbed Line, the cells of one band) is the header of a table the reader reads.
using HeaderTest = std::function<bool(const Line&)>;

// `lines` with every column-aligned table under a header `is_header` accepts turned into tabbed lines:
// the header on its first line (the columns it splits on the line after it), each row on the first line
// of its band. The other lines of a table become blank, so a line's number and index stay as they were.
// Lines already tabbed are left alone and end a table. Nothing changes when no header is found.
std::vector<Line> tabbed_layout_tables(const std::vector<Line>& lines, const HeaderTest& is_header);

} // namespace kinerja::import
