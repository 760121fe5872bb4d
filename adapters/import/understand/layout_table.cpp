#include "adapters/import/understand/layout_table.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

namespace kinerja::import {
namespace {

// pdftotext places text by characters, not bytes: columns count UTF-8 code points. A form feed (the
// page turn pdftotext puts in front of a page's first line) takes no place.
int width_of(std::string_view s) {
    int w = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\f') ++w;
    return w;
}

// A run of a line's words up to two spaces, at its columns [x, end).
struct Piece {
    std::size_t line = 0; // index in the lines
    int x = 0, end = 0;
    std::string text;
};

// Lines between blank lines: one table row, or a header, a title, a footer.
struct Band {
    std::size_t first = 0, last = 0; // indices of its first and last line
    int gap = 0;                     // blank lines before it
    bool after_tabbed = false;       // a tabbed line stands between it and the band before
    std::vector<Piece> pieces;       // as printed: a header's words stay together
};

// Pieces one above the other that overlap: one cell of the band.
struct Block {
    int x = 0, end = 0;
    std::vector<const Piece*> pieces;
};

struct Column {
    int x = 0, end = 0;
};

Line blank_line(int number) {
    Line l;
    l.number = number;
    l.cells.emplace_back();
    return l;
}

Line tabbed_line(int number, const std::vector<std::string>& cells) {
    Line l;
    l.number = number;
    std::string words;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        l.raw += (i ? "\t" : "") + cells[i];
        words += " " + cells[i];
    }
    l.text = clean_text(words);
    l.cells = cells;
    return l;
}

// Where the pieces of a band's lines start: (x, line), sorted.
using Starts = std::vector<std::pair<int, std::size_t>>;

// Whether a word at x starts a cell of its own: another line of the band has a cell starting there
// (pdftotext may place a column's lines a column or two apart), not at its own piece's start.
bool starts_cell(const Starts& starts, const Piece& piece, int x) {
    constexpr int k_slack = 2;
    const auto from = std::lower_bound(starts.begin(), starts.end(), std::make_pair(x - k_slack, std::size_t{0}));
    for (auto s = from; s != starts.end() && s->first <= x + k_slack; ++s)
        if (s->second != piece.line && s->first > piece.x + 2 * k_slack) return true;
    return false;
}

// A row's lines at most: a taller band is text, not a row, and its pieces are not cut into cells.
constexpr std::size_t k_max_row_lines = 64;

// The band's pieces split where one of their words starts at the column where a cell of another line
// of the band starts: two cells printed one space apart ("1.720.000 Partisipasi").
std::vector<Piece> cells_of(const std::vector<Piece>& pieces) {
    if (pieces.empty() || pieces.back().line - pieces.front().line >= k_max_row_lines) return pieces;
    Starts starts;
    for (const Piece& q : pieces)
        starts.emplace_back(q.x, q.line);
    std::sort(starts.begin(), starts.end());
    std::vector<Piece> out;
    for (const Piece& p : pieces) {
        Piece current{p.line, p.x, p.x, {}};
        std::size_t i = 0;
        int x = p.x; // the word's column, counted on as the words go (UTF-8 code points)
        while (i < p.text.size()) {
            const std::size_t space = std::min(p.text.find(' ', i), p.text.size());
            const std::string word = p.text.substr(i, space - i);
            if (!current.text.empty() && starts_cell(starts, p, x)) {
                out.push_back(current);
                current = Piece{p.line, x, x, {}};
            }
            current.text += (current.text.empty() ? "" : " ") + word;
            current.end = x + width_of(word);
            x = current.end + 1;
            i = space + 1;
        }
        if (!current.text.empty()) out.push_back(current);
    }
    return out;
}

std::vector<Band> bands_of(const std::vector<Line>& lines) {
    std::vector<Band> bands;
    int gap = 0;
    bool tabbed = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank() || l.tabbed()) {
            gap += l.blank() ? 1 : 0;
            tabbed = tabbed || l.tabbed();
            continue;
        }
        if (bands.empty() || gap > 0 || tabbed) {
            bands.push_back(Band{i, i, gap, tabbed, {}});
            gap = 0;
            tabbed = false;
        }
        Band& band = bands.back();
        band.last = i;
        // Columns count code points: counted on from one cell to the next, not from the line's start.
        std::size_t counted = 0;
        int x = 0;
        for (const auto& cell : layout_cells(l.raw)) {
            const auto at = static_cast<std::size_t>(cell.column);
            x += width_of(std::string_view(l.raw).substr(counted, at - counted));
            counted = at;
            band.pieces.push_back(Piece{i, x, x + width_of(cell.text), cell.text});
        }
    }
    return bands;
}

// The blocks of `pieces` (a band's) on the lines from `from_line` on.
std::vector<Block> blocks_of(const std::vector<Piece>& pieces, std::size_t from_line = 0) {
    std::vector<const Piece*> sorted;
    for (const Piece& p : pieces)
        if (p.line >= from_line) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(), [](const Piece* a, const Piece* b) { return a->x < b->x; });
    std::vector<Block> blocks;
    for (const Piece* p : sorted) {
        // Touching by a character or two is a neighbour pdftotext placed a little to the left.
        const int overlap = blocks.empty() ? 0 : std::min(blocks.back().end, p->end) - p->x;
        if (blocks.empty() || overlap < std::min(3, p->end - p->x)) blocks.push_back(Block{p->x, p->end, {}});
        Block& b = blocks.back();
        b.end = std::max(b.end, p->end);
        b.pieces.push_back(p);
    }
    return blocks;
}

// A line broken at a word's hyphen ("perundang-" over "undangan") goes on without a space.
bool broken_after_mark(const std::string& text) {
    return text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

// The words of a cell from top to bottom. In a header a word too wide for its column is broken
// letter by letter ("N" over "o"): pieces of one or two letters are put together again.
std::string text_of(std::vector<const Piece*> pieces, bool header) {
    std::sort(pieces.begin(), pieces.end(),
              [](const Piece* a, const Piece* b) { return a->line != b->line ? a->line < b->line : a->x < b->x; });
    const bool broken_word =
        header && pieces.size() > 1 &&
        std::all_of(pieces.begin(), pieces.end(), [](const Piece* p) { return width_of(p->text) <= 2; });
    std::string out;
    for (const Piece* p : pieces)
        out += (out.empty() || broken_word || broken_after_mark(out) ? "" : " ") + p->text;
    return out;
}

// The band as a row of cells, one per block: what the header test sees.
Line candidate_of(const std::vector<Block>& blocks) {
    std::vector<std::string> cells;
    for (const auto& b : blocks)
        cells.push_back(text_of(b.pieces, true));
    return tabbed_line(0, cells);
}

// Blocks to columns, left to right, each to the column it stands under or nearest to; two blocks
// share a column only when there are more blocks than columns.
std::vector<std::size_t> column_of_blocks(const std::vector<Block>& blocks, const std::vector<Column>& columns) {
    const std::size_t n = blocks.size(), m = columns.size();
    if (n == 0 || m == 0) return std::vector<std::size_t>(n, 0);
    auto cost = [&](std::size_t b, std::size_t c) -> std::int64_t {
        const std::int64_t gap =
            std::max(0, std::max(blocks[b].x, columns[c].x) - std::min(blocks[b].end, columns[c].end));
        return 4 * gap + std::abs((blocks[b].x + blocks[b].end) - (columns[c].x + columns[c].end)) / 2;
    };
    // A row of more blocks than any table has columns is text, not a row: each block to its nearest
    // column, without the search below (n·m² steps).
    if (n > 256) {
        std::vector<std::size_t> out(n);
        for (std::size_t b = 0; b < n; ++b)
            for (std::size_t c = 1; c < m; ++c)
                if (cost(b, c) < cost(b, out[b])) out[b] = c;
        return out;
    }
    constexpr std::int64_t k_shared = 1000;
    constexpr std::int64_t k_none = std::numeric_limits<std::int64_t>::max() / 4;
    std::vector<std::vector<std::int64_t>> best(n, std::vector<std::int64_t>(m, k_none));
    std::vector<std::vector<std::size_t>> from(n, std::vector<std::size_t>(m, 0));
    for (std::size_t c = 0; c < m; ++c)
        best[0][c] = cost(0, c);
    for (std::size_t b = 1; b < n; ++b)
        for (std::size_t c = 0; c < m; ++c) {
            std::int64_t before = best[b - 1][c] + k_shared;
            std::size_t at = c;
            for (std::size_t p = 0; p < c; ++p)
                if (best[b - 1][p] < before) before = best[b - 1][p], at = p;
            best[b][c] = before + cost(b, c);
            from[b][c] = at;
        }
    std::vector<std::size_t> out(n);
    out[n - 1] =
        static_cast<std::size_t>(std::min_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
    for (std::size_t b = n - 1; b > 0; --b)
        out[b - 1] = from[b][out[b]];
    return out;
}

class TableConverter {
public:
    TableConverter(const std::vector<Line>& lines, const HeaderTest& is_header)
        : m_lines(lines), m_out(lines), m_bands(bands_of(lines)), m_is_header(is_header) {}

    std::vector<Line> convert() {
        for (std::size_t b = 0; b < m_bands.size();)
            if (auto header = header_blocks(m_bands[b]))
                b = read_table(b, *header);
            else
                ++b;
        return std::move(m_out);
    }

private:
    struct Header {
        std::size_t first = 0; // its first line: a title may stand on the band's lines above it
        std::vector<Block> blocks;
    };

    // The band's blocks when the band, or its lines under a title or a signature standing right above
    // it, is a header the reader knows: of the lines it may start on (not a line of one cell: a title),
    // the one giving the most columns (the first of those, for a header of several lines).
    std::optional<Header> header_blocks(const Band& band) const {
        std::optional<Header> best;
        // A header is a few lines at the band's end (a title or a paragraph may stand right above it).
        for (std::size_t first = band.last > band.first + 4 ? band.last - 4 : band.first; first <= band.last; ++first) {
            if (first < band.last && pieces_on(band, first).size() == 1) continue; // a title
            auto blocks = blocks_of(band.pieces, first);
            if (blocks.size() < 2 || (best && blocks.size() <= best->blocks.size())) continue;
            if (m_is_header(candidate_of(blocks))) best = Header{first, std::move(blocks)};
        }
        if (best) take_words_above(band, *best);
        return best;
    }

    // The lines of one piece right above the header's first line that each stand over one of its cells
    // alone, centred on it ("Capaian" over "(%)"): the top of that cell, not a title (a title reaches
    // over several cells, or stands off the middle of the one it touches).
    void take_words_above(const Band& band, Header& header) const {
        while (header.first > band.first) {
            const auto above = pieces_on(band, header.first - 1);
            if (above.size() != 1) return;
            const Piece* piece = above.front();
            Block* under = nullptr;
            for (Block& b : header.blocks) {
                if (piece->end < b.x - 1 || piece->x > b.end + 1) continue; // apart from it by a space at least
                if (under) return;                                          // over two cells: a title
                under = &b;
            }
            if (!under || piece->x + piece->end < 2 * under->x || piece->x + piece->end > 2 * under->end) return;
            under->x = std::min(under->x, piece->x);
            under->end = std::max(under->end, piece->end);
            under->pieces.push_back(piece);
            --header.first;
        }
    }

    // The pieces of one line of the band (its cells as printed), in order.
    static std::vector<const Piece*> pieces_on(const Band& band, std::size_t line) {
        std::vector<const Piece*> out;
        for (const Piece& p : band.pieces)
            if (p.line == line) out.push_back(&p);
        return out;
    }

    // A header's cells, folded: the same header printed again on the next page has the same words (a
    // table of as many columns after it is another table).
    static std::vector<std::string> words_of(const Header& h) {
        auto cells = candidate_of(h.blocks).cells;
        for (auto& c : cells)
            c = fold(c);
        return cells;
    }

    // Returns the index of the first band after the table.
    std::size_t read_table(std::size_t b, const Header& header) {
        m_header_text = words_of(header);
        std::size_t k = put_header(b, header);
        while (k < m_bands.size()) {
            const Band& band = m_bands[k];
            if (band.after_tabbed) break;
            if (auto again = header_blocks(band); again && words_of(*again) == m_header_text) {
                blank(band); // the page's banner or title right above the header printed again
                k = put_header(k, *again);
                continue;
            }
            if (band.gap >= 2) {
                const auto next_page = header_after_page_turn(k);
                if (!next_page) break;
                for (; k < *next_page; ++k)
                    blank(m_bands[k]);
                continue;
            }
            put_row(band);
            ++k;
        }
        return k;
    }

    // The header's line (and the line after it, for columns split by the band under it); its columns.
    std::size_t put_header(std::size_t b, const Header& header) {
        const Band& band = m_bands[b];
        m_columns.clear();
        std::vector<std::string> cells;
        for (const auto& block : header.blocks) {
            m_columns.push_back(Column{block.x, block.end});
            cells.push_back(text_of(block.pieces, true));
        }
        blank(band, header.first);
        std::size_t next = b + 1;
        if (next < m_bands.size()) {
            if (auto sub = split_column(m_bands[next])) {
                const auto& [column, parts] = *sub;
                std::vector<std::string> sub_cells(column, std::string());
                std::vector<Column> columns(m_columns.begin(), m_columns.begin() + static_cast<long>(column));
                std::vector<std::string> header_cells(cells.begin(), cells.begin() + static_cast<long>(column));
                for (const auto& part : parts) {
                    columns.push_back(Column{part.x, part.end});
                    sub_cells.push_back(text_of(part.pieces, true));
                    header_cells.push_back(header_cells.size() == column ? cells[column] : std::string());
                }
                for (std::size_t c = column + 1; c < m_columns.size(); ++c) {
                    columns.push_back(m_columns[c]);
                    sub_cells.emplace_back();
                    header_cells.push_back(cells[c]);
                }
                m_columns = std::move(columns);
                cells = std::move(header_cells);
                blank(m_bands[next]);
                // On the line under the header's first: inside the header band or the blank line under it.
                const std::size_t at = header.first + 1;
                if (at <= band.last || (at < m_lines.size() && m_lines[at].blank()))
                    m_out[at] = tabbed_line(m_lines[at].number, sub_cells);
                ++next;
            }
        }
        m_out[header.first] = tabbed_line(m_lines[header.first].number, cells);
        return next;
    }

    // A band whose blocks all stand under one header column, between its neighbours: that column's
    // parts ("B1" ... "B12" under "Jadwal Pelaksanaan").
    std::optional<std::pair<std::size_t, std::vector<Block>>> split_column(const Band& band) const {
        auto blocks = blocks_of(band.pieces);
        if (blocks.size() < 2) return std::nullopt;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const int left = c == 0 ? std::numeric_limits<int>::min() : m_columns[c - 1].end;
            const int right = c + 1 == m_columns.size() ? std::numeric_limits<int>::max() : m_columns[c + 1].x;
            if (std::all_of(blocks.begin(), blocks.end(),
                            [&](const Block& b) { return b.x >= left && b.end <= right; }))
                return std::make_pair(c, std::move(blocks));
        }
        return std::nullopt;
    }

    // After a row and a wider gap: the page's footer, the next page's banner and title (a few short
    // bands; the reader gives the page turn itself as a blank line), then the same header again.
    std::optional<std::size_t> header_after_page_turn(std::size_t k) const {
        for (std::size_t j = k; j < m_bands.size() && j < k + 5; ++j) {
            if (m_bands[j].after_tabbed && j > k) return std::nullopt;
            if (auto again = header_blocks(m_bands[j]); again && words_of(*again) == m_header_text) return j;
            if (m_bands[j].last - m_bands[j].first > 1) return std::nullopt; // text, not a footer or title
        }
        return std::nullopt;
    }

    void put_row(const Band& band) {
        const auto pieces_cut = cells_of(band.pieces);
        const auto blocks = blocks_of(pieces_cut);
        std::vector<std::vector<const Piece*>> pieces(m_columns.size());
        auto at = column_of_blocks(blocks, m_columns);
        // A cell merged across the row from the first column ("Sasaran 1. …" over the indicators, a
        // total's label) reaches into the next column: it is the first column's, as a DOCX row gives it.
        if (!blocks.empty() && m_columns.size() > 1 && blocks[0].x <= m_columns[0].end &&
            blocks[0].end > m_columns[1].x)
            at[0] = 0;
        for (std::size_t b = 0; b < blocks.size(); ++b)
            pieces[at[b]].insert(pieces[at[b]].end(), blocks[b].pieces.begin(), blocks[b].pieces.end());
        std::vector<std::string> cells;
        for (const auto& p : pieces)
            cells.push_back(text_of(p, false));
        blank(band);
        m_out[band.first] = tabbed_line(m_lines[band.first].number, cells);
    }

    void blank(const Band& band, std::size_t from = 0) {
        for (std::size_t i = std::max(band.first, from); i <= band.last; ++i)
            m_out[i] = blank_line(m_lines[i].number);
    }

    const std::vector<Line>& m_lines;
    std::vector<Line> m_out;
    std::vector<Band> m_bands;
    const HeaderTest& m_is_header;
    std::vector<Column> m_columns;
    std::vector<std::string> m_header_text; // the table's header, folded (words_of)
};

} // namespace

std::vector<Line> tabbed_layout_tables(const std::vector<Line>& lines, const HeaderTest& is_header) {
    return TableConverter(lines, is_header).convert();
}

} // namespace kinerja::import
