// Reads Perjanjian Kinerja (performance agreements) into seed/1 `agreements` (data/demo/FORMAT.md).
//
// An agreement starts at its title ("PERJANJIAN KINERJA TAHUN 2024 …"). Its first page names the two
// parties ("Nama : … / NIP : … / Jabatan : …", then "selanjutnya disebut pihak pertama|KESATU|kedua"),
// the place and date and the signatures; its attachment, under a second title, holds the table of
// objectives, indicators and targets and then the budget (Program or KRO) with its total. A second
// title that follows a first page without a table is that attachment, not a new agreement.
//
// The table is found by its header words (No, Sasaran, Indikator, Target) in the three text styles:
// tab-separated rows; column-aligned text (cells placed by the header's columns, wrapped cells joined,
// an indicator numbered "1." starting a new row); and the reading-order flow of scanned PDFs where
// names come first and their targets after them, paired in order only when their counts agree. An
// LKj's summary of its PK has objective headings ("1. Name (6709)") over small Indikator/Target tables.
// Nothing is corrected: targets, amounts, names and NIPs are kept as printed.
#include <algorithm>
#include <optional>

#include "adapters/import/understand/context.h"
#include "adapters/import/understand/layout_table.h"
#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/values.h"
#include "core/text.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

// ---------------------------------------------------------------------------------------------------
// Small text helpers

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A line's text is already clean (lines.h): lowering it is enough, and much cheaper than fold().
std::string lower(std::string_view clean) {
    std::string out(clean);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Appends a wrapped piece in place: a cell continued over many lines stays linear.
void append_text(std::string& to, std::string_view piece) {
    if (piece.empty()) return;
    if (!to.empty()) to += ' ';
    to += piece;
}

// A list number at the start of a text: "1.", "1. Text", "1.1. Text", "6". Up to two digits per level
// (so "768.495" and "2024" are values, not numbers), followed by a space or the end.
struct Enumerator {
    std::string number; // as printed: "1.", "1.1.", "6"
    std::string rest;   // the text after it
    int levels = 0;     // "1." -> 1, "1.1." -> 2
    int first = 0;      // the first level's value
};

std::optional<Enumerator> leading_enumerator(std::string_view text) {
    Enumerator e;
    std::size_t i = 0;
    while (i < text.size() && e.levels < 4) {
        const std::size_t start = i;
        int value = 0;
        while (i < text.size() && is_digit(text[i]) && i - start < 3)
            value = value * 10 + (text[i++] - '0');
        const std::size_t digits = i - start;
        if (digits == 0) break;
        if (digits > 2 || (i < text.size() && is_digit(text[i]))) return std::nullopt;
        if (e.levels++ == 0) e.first = value;
        if (i < text.size() && text[i] == '.') {
            ++i;
            continue;
        }
        break;
    }
    if (e.levels == 0 || (i < text.size() && text[i] != ' ')) return std::nullopt;
    e.number = std::string(text.substr(0, i));
    e.rest = std::string(trim(text.substr(i)));
    return e;
}

// The number of a list item printed in front of its text ("1. Program …") is kept as its digits
// ("1"), as the hand transcriptions do; a number standing in a cell of its own is kept as printed.
std::string digits_of(std::string_view number) {
    std::string out(number);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

// A section label in front of a heading: "D. Perjanjian …" -> "D"; none for "PERJANJIAN …".
// A section label in front of a heading: "D. Perjanjian …" -> "D", "2.6 Perjanjian …" -> "2.6";
// none for "PERJANJIAN …".
std::string section_label(std::string_view text, std::string_view* rest) {
    std::size_t i = 0;
    while (i < text.size() && i < 6 && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        ++i;
    if (i == 0 || i >= text.size() || text[i] != ' ') return {};
    const std::string_view label = text.substr(0, i);
    const bool letters = std::isalpha(static_cast<unsigned char>(label[0])) && label.size() <= 4 && label.back() == '.';
    const bool numbers =
        is_digit(label[0]) && std::all_of(label.begin(), label.end(), [](char c) { return is_digit(c) || c == '.'; });
    if (!letters && !numbers) return {};
    *rest = trim(text.substr(i));
    std::string out(label);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

// "bab ii" -> 2; 0 when the text is not a chapter heading.
int chapter_number(const std::string& folded) {
    if (!folded.starts_with("bab ")) return 0;
    const std::size_t end = folded.find(' ', 4);
    const std::string roman = folded.substr(4, end == std::string::npos ? std::string::npos : end - 4);
    static const char* const k_roman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
    for (int n = 0; n < 10; ++n)
        if (roman == k_roman[n]) return n + 1;
    return 0;
}

// ---------------------------------------------------------------------------------------------------
// What one agreement holds while it is read

struct Party {
    std::string name, position, nip;
    int line = 0;
};

struct Objective {
    std::string number, text;
};

struct Item {
    int objective = -1; // index into objectives, -1 when the table has none
    std::string indicator, target;
    int line = 0;
};

struct Budget {
    std::string number, name, amount;
    int line = 0;
    bool waits_for_amount = false; // a name of the flow style, its amount printed later
};

struct Agreement {
    int first = 0, last = 0; // lines of the agreement (inclusive)
    std::vector<int> titles; // its title lines: the agreement's and its attachment's
    bool untitled = false;   // no title found: `first` is the start of the range read
    std::string title, unit, place, date_text, budget_kind;
    std::string source, chapter; // in an LKj: "bab2" (chapter "II") or "lampiran"
    std::optional<int> year;
    std::optional<Party> first_party, second_party;
    std::vector<Objective> objectives;
    std::vector<Item> items;
    std::vector<Budget> budgets;
    std::optional<Budget> total;
};

// The lines of the range being read; every index is checked here.
struct Range {
    const std::vector<Line>& lines;
    int first = 1, last = 0;
    const Line* at(int n) const {
        if (n < first || n > last || n < 1 || n > static_cast<int>(lines.size())) return nullptr;
        return &lines[static_cast<std::size_t>(n - 1)];
    }
    // The next non-blank line after n (within `to`), 0 when none.
    int next_text(int n, int to) const {
        for (int k = n + 1; k <= to && k <= last; ++k)
            if (const Line* l = at(k); l && !l->blank()) return k;
        return 0;
    }
};

// ---------------------------------------------------------------------------------------------------
// Kinds of lines

// "(1) (2) (3)" under a header; also the two columns "(1)<TAB>(2)" of an LKj summary's small tables,
// which is_column_number_row leaves alone (two bare numbers may be data).
bool is_numbering_row(const Line& l) {
    if (is_column_number_row(l)) return true;
    if (!l.tabbed()) return false;
    int count = 0;
    for (const auto& cell : l.cells) {
        if (cell.empty()) continue;
        if (cell.size() < 3 || cell.front() != '(' || cell.back() != ')' ||
            !std::all_of(cell.begin() + 1, cell.end() - 1, is_digit))
            return false;
        ++count;
    }
    return count >= 2;
}

// "PERJANJIAN KINERJA TAHUN 2024 …", "D. Perjanjian Kinerja Tahun 2024", "PENETAPAN KINERJA TAHUN 2016",
// "Lampiran Perjanjian Kinerja Tahun 2024 …".
bool is_agreement_title(const Line& l) {
    if (l.blank() || l.text.size() > 300) return false;
    // A table of contents row ends with its page number; "2.6<TAB>Perjanjian Kinerja Tahun 2016" is a heading.
    if (l.tabbed() && (l.cells.size() > 2 || looks_numeric(l.cells.back()))) return false;
    std::string_view rest = l.text;
    section_label(l.text, &rest);
    std::string f = lower(rest.substr(0, 40)); // the title words; checked on every line, so kept short
    // "Lampiran Perjanjian Kinerja Tahun 2024 <unit>": the attachment's title, which is all a
    // spreadsheet of agreements prints (one sheet per agreement).
    if (f.starts_with("lampiran ")) f.erase(0, 9);
    if (!f.starts_with("perjanjian kinerja tahun") && !f.starts_with("penetapan kinerja tahun")) return false;
    return title_year(l.text).has_value();
}

// "Nama : X", "Nama" (a label whose value follows later, in the flow style).
bool is_name_label(const Line& l) {
    const std::string f = lower(std::string_view(l.text).substr(0, 5)); // checked on every line
    return f.starts_with("nama") && (f.size() == 4 || f[4] == ' ' || f[4] == ':');
}

std::string label_value(const std::string& text) {
    const auto colon = text.find(':');
    return colon == std::string::npos ? std::string() : std::string(trim(std::string_view(text).substr(colon + 1)));
}

// The heading of a budget table: "Program", "KRO (Klasifikasi Rincian Output)", "Program Anggaran Keterangan".
bool is_budget_header(const Line& l, std::string* kind) {
    std::string f = lower(l.text);
    if (f.size() > 100 || leading_enumerator(l.text)) return false;
    if (f.starts_with("no ")) f = f.substr(3); // "NO<TAB>PROGRAM<TAB>ANGGARAN<TAB>KETERANGAN"
    const bool money = f.find("anggaran") != std::string::npos;
    const bool program = f.starts_with("program") && (f == "program" || money);
    const bool kro = f.starts_with("kro") && (f.size() == 3 || f[3] == ' ' || f[3] == '(');
    const bool activity = f.starts_with("kegiatan") && (f == "kegiatan" || money);
    if (program) *kind = "program";
    if (kro) *kind = "kro";
    return program || kro || activity;
}

// Lines that close a table: a signature, a chapter, the place and date.
bool ends_table(const Line& l) {
    if (l.tabbed()) return false;
    const std::string f = lower(l.text);
    if (f.starts_with("pihak ") || chapter_number(f) > 0) return true;
    return l.text.size() <= 80 && l.text.find(',') != std::string::npos && place_date(l.text).has_value();
}

// ---------------------------------------------------------------------------------------------------
// The table header in its three styles

enum class Role { number, objective, indicator, target, other };

Role role_of(std::string_view header_cell) {
    const std::string f = fold(header_cell);
    if (f == "no" || f == "no." || f == "nomor") return Role::number;
    if (f.find("indikator") != std::string::npos) return Role::indicator;
    if (f.starts_with("target")) return Role::target;
    if (f.find("sasaran") != std::string::npos || f.find("tujuan") != std::string::npos) return Role::objective;
    return Role::other;
}

struct Column {
    Role role = Role::other;
    int start = 0, end = 0; // byte columns of the header cell (layout style)
};

enum class Style { tabbed, layout, flow };

struct Header {
    Style style = Style::tabbed;
    int line = 0; // the header line (flow: the "Target" line)
    std::vector<Column> columns;
    bool has(Role r) const {
        return std::any_of(columns.begin(), columns.end(), [r](const Column& c) { return c.role == r; });
    }
};

std::optional<Header> header_at(const Range& r, int n) {
    const Line* l = r.at(n);
    if (!l || l->blank() || l->text.size() > 200) return std::nullopt;
    const std::string f = lower(l->text);
    if (f.find("indikator") == std::string::npos) return std::nullopt;
    Header h;
    h.line = n;
    if (l->tabbed()) {
        h.style = Style::tabbed;
        for (const auto& cell : l->cells)
            h.columns.push_back({role_of(cell), 0, 0});
    } else if (const auto cells = layout_cells(l->raw); cells.size() >= 2) {
        h.style = Style::layout;
        for (const auto& cell : cells)
            h.columns.push_back({role_of(cell.text), cell.column, cell.column + static_cast<int>(cell.text.size())});
    } else if (f.size() <= 30) {
        // Flow: "No", "Sasaran Strategis", "Indikator Kinerja", "Target" each on a line of its own.
        const int target = r.next_text(n, n + 4);
        const Line* t = r.at(target);
        if (!t || !lower(t->text).starts_with("target") || t->text.size() > 30) return std::nullopt;
        h.style = Style::flow;
        h.line = target;
        h.columns = {{Role::number, 0, 0}, {Role::objective, 0, 0}, {Role::indicator, 0, 0}, {Role::target, 0, 0}};
        return h;
    }
    if (!h.has(Role::indicator) || !h.has(Role::target)) return std::nullopt;
    return h;
}

std::optional<Header> find_header(const Range& r, int from, int to) {
    for (int n = from; n <= to; ++n)
        if (auto h = header_at(r, n)) return h;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// Reading the table into objectives and items

struct TableReader {
    Agreement& a;
    bool objective_started = false; // on the line being read

    int current_objective() const { return a.objectives.empty() ? -1 : static_cast<int>(a.objectives.size()) - 1; }

    void start_objective(std::string number, std::string text) {
        a.objectives.push_back({std::move(number), std::move(text)});
        objective_started = true;
    }
    void continue_objective(std::string_view text) {
        if (a.objectives.empty())
            start_objective("", std::string(text));
        else
            append_text(a.objectives.back().text, text);
    }
    void start_item(std::string indicator, std::string target, int line) {
        a.items.push_back({current_objective(), std::move(indicator), std::move(target), line});
    }
    // The indicator goes on the current item unless this line starts a new one.
    void indicator_text(std::string_view text, int line) {
        if (const auto e = leading_enumerator(text); e && !e->rest.empty()) {
            start_item(e->rest, "", line);
            return;
        }
        if (objective_started || a.items.empty() || a.items.back().objective != current_objective())
            start_item(std::string(text), "", line);
        else
            append_text(a.items.back().indicator, text);
    }
    void target_text(std::string_view text) {
        if (!a.items.empty() && a.items.back().target.empty()) a.items.back().target = printed_quantity(text).text;
    }
};

// The objective headings of an LKj's PK summary: "1. Perencanaan … (6709)" above an Indikator/Target table.
std::optional<Enumerator> objective_heading(const Line& l) {
    if (l.tabbed() || l.text.size() > 300) return std::nullopt;
    auto e = leading_enumerator(l.text);
    if (!e || e->levels != 1 || e->rest.empty() || looks_numeric(e->rest)) return std::nullopt;
    return e;
}

// The header row of a table of other columns ("No | Jenis | Uraian | Letak" after the agreement).
bool starts_other_table(const Line& l) {
    if (!l.tabbed()) return false;
    const std::string f = lower(l.cells.front());
    return f == "no" || f == "no." || f == "nomor";
}

// Tab-separated rows: cells by the header's columns.
int read_tabbed_table(const Range& r, const Header& h, Agreement& a, int to) {
    TableReader t{a};
    const int width = static_cast<int>(h.columns.size());
    auto index_of = [&](Role role) {
        for (int i = 0; i < width; ++i)
            if (h.columns[static_cast<std::size_t>(i)].role == role) return i;
        return -1;
    };
    const int c_number = index_of(Role::number), c_objective = index_of(Role::objective);
    const int c_indicator = index_of(Role::indicator), c_target = index_of(Role::target);
    // An LKj summary's tables have no objective column: the heading above the first table names it.
    for (int n = h.line - 1; c_objective < 0 && n >= r.first && n >= h.line - 15; --n) {
        const Line* l = r.at(n);
        if (!l || l->tabbed()) break;
        if (auto e = objective_heading(*l)) {
            t.start_objective(digits_of(e->number), e->rest);
            break;
        }
    }
    int n = h.line + 1;
    for (; n <= to; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank() || is_numbering_row(*l) || header_at(r, n)) continue;
        std::string kind;
        if (is_budget_header(*l, &kind) || ends_table(*l) || starts_other_table(*l)) break;
        t.objective_started = false;
        if (!l->tabbed()) {
            if (c_objective < 0)
                if (auto e = objective_heading(*l)) t.start_objective(digits_of(e->number), e->rest);
            // A target alone on its line belongs to the row above it (PDF text of a tall row).
            if (looks_numeric(l->text) && !leading_enumerator(l->text)) t.target_text(l->text);
            continue; // other lines: page headers between the pieces of a table
        }
        // A short row lost its leading (merged) cells, unless it starts with its number: then it lost
        // its last ones (a target printed on a later line).
        const bool numbered_row = c_number == 0 && !l->cells.empty() && leading_enumerator(l->cells[0]) &&
                                  leading_enumerator(l->cells[0])->rest.empty();
        // A short row ending in text (not a target) holds the wrapped pieces of the columns before the target.
        const bool ends_in_text = !l->cells.back().empty() && !looks_numeric(l->cells.back());
        const int aligned_width = ends_in_text && c_target == width - 1 ? c_target : width;
        const int shift =
            numbered_row || l->positioned ? 0 : std::max(0, aligned_width - static_cast<int>(l->cells.size()));
        auto cell = [&](int column) -> std::string {
            const int i = column - shift;
            if (column < 0 || i < 0 || i >= static_cast<int>(l->cells.size())) return {};
            return l->cells[static_cast<std::size_t>(i)];
        };
        const std::string number = cell(c_number), objective = cell(c_objective);
        const std::string indicator = cell(c_indicator), target = cell(c_target);
        if (!number.empty())
            t.start_objective(number, objective);
        else if (!objective.empty() && (c_number < 0 || a.objectives.empty()))
            t.start_objective("", objective);
        else if (!objective.empty())
            t.continue_objective(objective);
        if (!indicator.empty()) {
            // A row without target under an item is the rest of its wrapped indicator.
            const auto numbered = leading_enumerator(indicator);
            if (numbered && !numbered->rest.empty())
                t.start_item(numbered->rest, printed_quantity(target).text, n);
            else if (target.empty() && !t.objective_started && !a.items.empty() &&
                     a.items.back().objective == t.current_objective())
                append_text(a.items.back().indicator, indicator);
            else
                t.start_item(indicator, printed_quantity(target).text, n);
        } else if (!target.empty()) {
            t.target_text(target);
        }
    }
    return n;
}

// Column-aligned text: a cell belongs to the header column its start falls under; a cell that runs
// into the next column (one space between two columns' words) is cut there.
struct LayoutPiece {
    int column = 0;
    std::string text;
};

int column_index(const std::vector<Column>& columns, int at) {
    int index = 0;
    for (std::size_t i = 1; i < columns.size(); ++i) {
        const int boundary = (columns[i - 1].end + columns[i].start) / 2;
        if (at >= boundary) index = static_cast<int>(i);
    }
    return index;
}

int boundary_before(const std::vector<Column>& columns, std::size_t i) {
    return i == 0 || i >= columns.size() ? 0 : (columns[i - 1].end + columns[i].start) / 2;
}

// Splits `piece` (in column `index`) where it runs into the next column.
std::vector<std::pair<int, std::string>> cut_at_columns(const std::vector<Column>& columns, LayoutPiece piece) {
    std::vector<std::pair<int, std::string>> out;
    int index = column_index(columns, piece.column);
    for (int guard = 0; guard < 8 && !piece.text.empty(); ++guard) {
        const auto role = columns[static_cast<std::size_t>(index)].role;
        // A number cell "1. Meningkatnya …": the number stays, the text goes to the next column.
        if (role == Role::number) {
            if (auto e = leading_enumerator(piece.text); e && !e->rest.empty()) {
                out.emplace_back(index, e->number);
                piece.column += static_cast<int>(piece.text.size() - e->rest.size());
                piece.text = e->rest;
                index = std::min(index + 1, static_cast<int>(columns.size()) - 1);
                continue;
            }
        }
        const std::size_t next = static_cast<std::size_t>(index) + 1;
        if (next >= columns.size()) break;
        const int boundary = boundary_before(columns, next);
        if (piece.column + static_cast<int>(piece.text.size()) <= boundary) break;
        std::size_t cut = std::string::npos;
        if (columns[next].role == Role::target) {
            // Only a value at the end belongs to the target column ("… lebih dari 50% 40,70%").
            const auto space = piece.text.rfind(' ');
            if (space != std::string::npos && piece.column + static_cast<int>(space) + 1 >= boundary &&
                looks_numeric(piece.text.substr(space + 1)))
                cut = space + 1;
        } else {
            for (std::size_t k = 1; k < piece.text.size(); ++k)
                if (piece.text[k - 1] == ' ' && piece.column + static_cast<int>(k) >= boundary) {
                    cut = k;
                    break;
                }
        }
        if (cut == std::string::npos) break;
        out.emplace_back(index, std::string(trim(std::string_view(piece.text).substr(0, cut))));
        piece.column += static_cast<int>(cut);
        piece.text = piece.text.substr(cut);
        index = static_cast<int>(next);
    }
    if (!piece.text.empty()) out.emplace_back(index, piece.text);
    return out;
}

int read_layout_table(const Range& r, const Header& h, Agreement& a, int to) {
    TableReader t{a};
    int n = h.line + 1;
    for (; n <= to; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank() || is_numbering_row(*l) || header_at(r, n)) continue;
        std::string kind;
        if (is_budget_header(*l, &kind) || ends_table(*l)) break;
        std::vector<std::string> text(h.columns.size());
        for (const auto& cell : layout_cells(l->raw))
            for (auto& [index, piece] : cut_at_columns(h.columns, {cell.column, cell.text}))
                append_text(text[static_cast<std::size_t>(index)], piece);
        std::string number, objective, indicator, target;
        for (std::size_t i = 0; i < h.columns.size(); ++i) {
            switch (h.columns[i].role) {
            case Role::number:
                append_text(number, text[i]);
                break;
            case Role::objective:
                append_text(objective, text[i]);
                break;
            case Role::indicator:
                append_text(indicator, text[i]);
                break;
            case Role::target:
                append_text(target, text[i]);
                break;
            case Role::other:
                break;
            }
        }
        t.objective_started = false;
        if (!number.empty() && leading_enumerator(number))
            t.start_objective(number, objective);
        else if (!objective.empty())
            t.continue_objective(objective);
        if (!indicator.empty()) t.indicator_text(indicator, n);
        if (!target.empty() && looks_numeric(target)) t.target_text(target);
    }
    return n;
}

// The flow style: names first, then the targets in the same order. An objective is "1. Text" or a
// number alone followed by its text; an indicator "1.1. Text"; "- Daging" a part of an indicator
// with a target of its own; "-" alone a part whose text comes after the marks.
struct FlowIndicator {
    int objective = -1;
    std::string text;
    int line = 0;
    std::vector<std::pair<std::string, int>> parts; // text, line
};

// An indicator ends with its unit or the colon before its parts ("… (ton) :", "… (unit)"); words
// after that in the flow are the objective's, whose column the reading order interleaves.
bool closed(std::string_view indicator) {
    return !indicator.empty() && (indicator.back() == ')' || indicator.back() == ':');
}

bool is_flow_header_word(const std::string& folded) {
    return folded == "no" || folded == "no." || folded.starts_with("sasaran") || folded.starts_with("indikator") ||
           folded.starts_with("target");
}

int read_flow_table(Context& ctx, const Range& r, const Header& h, Agreement& a, int to) {
    std::vector<FlowIndicator> indicators;
    std::vector<std::pair<std::string, int>> values;
    std::string pending_objective, pending_indicator;
    int pending_dashes = 0, pending_value = 0, last_objective = 0, n = h.line + 1;
    auto objective_index = [&] { return a.objectives.empty() ? -1 : static_cast<int>(a.objectives.size()) - 1; };
    auto add_objective = [&](std::string number, std::string text, int value) {
        a.objectives.push_back({std::move(number), std::move(text)});
        last_objective = value;
    };
    for (; n <= to; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank()) continue;
        const std::string f = lower(l->text);
        std::string kind;
        if (is_flow_header_word(f) || is_numbering_row(*l)) continue;
        if (is_budget_header(*l, &kind) || ends_table(*l)) break;
        const auto e = leading_enumerator(l->text);
        const int next = r.next_text(n, to);
        const bool next_is_value = next && looks_numeric(r.at(next)->text);
        if (e && e->rest.empty() && e->levels == 1 && e->first == last_objective + 1 && !next_is_value) {
            pending_objective = e->number; // "2." or "6": its text follows
            pending_value = e->first;
        } else if (e && e->rest.empty() && e->levels >= 2) {
            pending_indicator = e->number;
        } else if (looks_numeric(l->text)) {
            values.emplace_back(l->text, n);
        } else if (e && e->levels >= 2) {
            indicators.push_back({objective_index(), e->rest, n, {}});
        } else if (e && e->levels == 1 && e->first == last_objective + 1) {
            add_objective(digits_of(e->number), e->rest, e->first);
        } else if (e && e->levels == 1) {
            break; // numbering starts again: the budget list
        } else if (l->text == "-") {
            ++pending_dashes;
        } else if (l->text.starts_with("- ") && !indicators.empty()) {
            indicators.back().parts.emplace_back(l->text.substr(2), n);
        } else if (!pending_objective.empty()) {
            add_objective(pending_objective, l->text, pending_value);
            pending_objective.clear();
        } else if (!pending_indicator.empty()) {
            indicators.push_back({objective_index(), l->text, n, {}});
            pending_indicator.clear();
        } else if (pending_dashes > 0 && !indicators.empty()) {
            indicators.back().parts.emplace_back(l->text, n);
            --pending_dashes;
        } else if (!indicators.empty() && indicators.back().objective == objective_index() &&
                   indicators.back().parts.empty() && !closed(indicators.back().text)) {
            append_text(indicators.back().text, l->text);
        } else if (!a.objectives.empty()) {
            append_text(a.objectives.back().text, l->text);
        }
    }
    for (const auto& ind : indicators) {
        if (ind.parts.empty()) a.items.push_back({ind.objective, ind.text, "", ind.line});
        for (const auto& [part, line] : ind.parts)
            a.items.push_back({ind.objective, joined(ind.text, "- " + part), "", line});
    }
    // Targets are paired with the indicators in order only when every indicator has exactly one.
    if (values.size() == a.items.size()) {
        for (std::size_t i = 0; i < values.size(); ++i)
            a.items[i].target = values[i].first;
    } else if (!a.items.empty()) {
        ctx.note("pk-target-unpaired", Severity::warning,
                 "Tabel Perjanjian Kinerja memuat " + std::to_string(a.items.size()) + " indikator tetapi " +
                     std::to_string(values.size()) + " target; target tidak dipasangkan",
                 h.line);
    }
    return n;
}

// ---------------------------------------------------------------------------------------------------
// Budgets: "1. Name<TAB>Rp 822.654.000", "1. Name Rp. 900.000.000,- APBD", or the names first and the
// amounts after them ("Program / 1. … / 2. … / Anggaran / Rp … / Rp …").

struct BudgetPiece {
    std::string number, name, amount;
    bool numbered = false;
};

bool starts_rp(std::string_view s) {
    return s.size() > 2 && s[0] == 'R' && s[1] == 'p' && !std::islower(static_cast<unsigned char>(s[2]));
}

bool looks_amount(std::string_view s) {
    s = trim(s);
    if (starts_rp(s)) return true;
    if (s.ends_with(",-")) s.remove_suffix(2);
    return looks_like_rupiah(s);
}

// The amount as printed without "Rp": "Rp.30.903.396.770,-" -> "30.903.396.770,-"; only its first word.
std::string amount_text(std::string_view s) {
    s = trim(s);
    if (starts_rp(s)) {
        s.remove_prefix(2);
        if (!s.empty() && s.front() == '.') s.remove_prefix(1);
        s = trim(s);
    }
    return std::string(s.substr(0, s.find(' ')));
}

void set_name(BudgetPiece& p, std::string_view text) {
    text = trim(text);
    // "Program Pelayanan Administrasi Rp.<TAB>89.361.539.500,00": the currency belongs to the amount.
    for (std::string_view rp : {"Rp.", "Rp"})
        if (text == rp || text.ends_with(" " + std::string(rp))) {
            text = trim(text.substr(0, text.size() - rp.size()));
            break;
        }
    if (text.empty()) return;
    if (auto e = leading_enumerator(text)) {
        p.numbered = true;
        if (e->rest.empty()) {
            p.number = e->number;
        } else {
            if (p.number.empty()) p.number = digits_of(e->number);
            append_text(p.name, e->rest);
        }
        return;
    }
    append_text(p.name, text);
}

BudgetPiece budget_piece(const Line& l) {
    BudgetPiece p;
    if (l.tabbed()) {
        for (const auto& cell : l.cells) {
            if (cell.empty()) continue;
            if (cell == "Rp" || cell == "Rp.") continue; // the amount follows in the next cell
            if (p.amount.empty() && looks_amount(cell))
                p.amount = amount_text(cell);
            else if (p.amount.empty())
                set_name(p, cell);
        }
        return p;
    }
    const std::string& t = l.text;
    std::size_t rp = std::string::npos;
    for (std::size_t at = t.find("Rp"); at != std::string::npos; at = t.find("Rp", at + 1))
        if ((at == 0 || t[at - 1] == ' ') && starts_rp(std::string_view(t).substr(at))) {
            rp = at;
            break;
        }
    if (rp == std::string::npos) {
        // "Total 20.518.557.000": an amount as the last word.
        const auto space = t.rfind(' ');
        const std::string last = space == std::string::npos ? t : t.substr(space + 1);
        if (looks_amount(last)) {
            p.amount = amount_text(last);
            if (space != std::string::npos) set_name(p, std::string_view(t).substr(0, space));
            return p;
        }
        set_name(p, t);
        return p;
    }
    p.amount = amount_text(std::string_view(t).substr(rp));
    set_name(p, std::string_view(t).substr(0, rp));
    return p;
}

void read_budgets(Context& ctx, const Range& r, Agreement& a, int from, int to) {
    std::vector<Budget> rows;
    std::size_t waiting = 0; // first row still without its amount (the flow style)
    int flow_names = 0, flow_amounts = 0;
    for (int n = from; n <= to; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank() || is_numbering_row(*l)) continue;
        std::string kind;
        if (ends_table(*l) || is_agreement_title(*l) || header_at(r, n)) break;
        if (is_budget_header(*l, &kind)) {
            if (!kind.empty()) a.budget_kind = kind;
            continue;
        }
        if (starts_other_table(*l)) break;
        const std::string f = lower(l->text);
        if (f == "anggaran" || f == "keterangan") continue;
        const BudgetPiece p = budget_piece(*l);
        if (!p.amount.empty() && (!p.name.empty() || !p.number.empty())) {
            rows.push_back({p.number, p.name, p.amount, n, false});
            if (is_total_label(p.name)) break; // the total with its amount closes the table
        } else if (!p.amount.empty()) {
            ++flow_amounts;
            while (waiting < rows.size() && !rows[waiting].amount.empty())
                ++waiting;
            if (waiting < rows.size()) {
                rows[waiting].amount = p.amount;
                rows[waiting].line = n; // the hand transcriptions place a budget on its amount
            }
        } else if (p.numbered || rows.empty()) {
            ++flow_names;
            rows.push_back({p.number, p.name, "", n, true});
        } else {
            append_text(rows.back().name, p.name); // a wrapped name
        }
    }
    if (flow_names != flow_amounts) {
        if (flow_amounts > 0)
            ctx.note("pk-budget-unpaired", Severity::warning,
                     "Anggaran Perjanjian Kinerja memuat " + std::to_string(flow_names) + " nama tetapi " +
                         std::to_string(flow_amounts) + " nilai; nilai tidak dipasangkan",
                     from);
        for (auto& row : rows)
            if (row.waits_for_amount) row.amount.clear();
    }
    for (auto& row : rows) {
        if (is_total_label(row.name)) {
            a.total = row;
            continue;
        }
        if (!row.name.empty()) a.budgets.push_back(row);
    }
}

// ---------------------------------------------------------------------------------------------------
// Parties, place and date, unit, NIPs in the signatures

// Which party a block is: the words after "disebut" ("pihak pertama", "PIHAK KESATU", "pihak kedua").
int party_role(const std::string& folded) {
    const auto at = folded.find("disebut");
    if (at == std::string::npos) return 0;
    const std::string after = folded.substr(at);
    if (after.find("kedua") != std::string::npos) return 2;
    if (after.find("pertama") != std::string::npos || after.find("kesatu") != std::string::npos) return 1;
    return 0;
}

// One "Nama : … / NIP : … / Jabatan : …" block, or the flow style's labels followed by their values.
// Returns the line after the block.
int read_party(const Range& r, int n, int to, Party& p, int& role) {
    const Line* l = r.at(n);
    std::vector<std::string> labels; // labels still waiting for their values (flow style)
    p.name = label_value(l->text);
    p.line = n;
    if (p.name.empty()) labels.push_back("nama");
    int k = n + 1;
    for (int seen = 0; k <= to && seen < 16; ++k, ++seen) {
        const Line* x = r.at(k);
        if (!x || x->blank()) continue;
        const std::string f = lower(x->text);
        if (is_name_label(*x)) break;
        if (const int found = party_role(f)) {
            role = found;
            ++k;
            break;
        }
        const bool nip = f.starts_with("nip"), position = f.starts_with("jabatan");
        if ((nip || position || f.starts_with("pangkat")) && label_value(x->text).empty() && x->text.size() < 20) {
            labels.push_back(nip ? "nip" : position ? "jabatan" : "pangkat");
            continue;
        }
        if (nip) p.nip = nip_in(x->text).value_or("");
        if (position) p.position = label_value(x->text);
        if ((nip || position) || labels.empty()) continue;
        // A value of the flow style, in the order of its labels.
        const std::string label = labels.front();
        labels.erase(labels.begin());
        if (label == "nama") {
            p.name = x->text;
            p.line = k;
        }
        if (label == "jabatan") p.position = x->text;
        if (label == "nip") p.nip = nip_in("NIP " + x->text).value_or("");
    }
    return k;
}

void read_parties(const Range& r, Agreement& a, int from, int to) {
    int blocks = 0;
    for (int n = from; n <= to && blocks < 2; ++n) {
        const Line* l = r.at(n);
        if (!l || !is_name_label(*l)) continue;
        Party p;
        int role = 0;
        const int after = read_party(r, n, to, p, role);
        if (role == 0) role = blocks == 0 ? 1 : 2;
        if (p.name.empty()) continue;
        auto& slot = role == 1 ? a.first_party : a.second_party;
        if (!slot) slot = p;
        ++blocks;
        n = after - 1;
    }
}

// An NIP printed under a name in the signatures ("Ir. H. KOESMAYADIE …" / "Pembina Utama Madya" /
// "NIP. 19590920 …"), names side by side: it belongs to the name standing nearest above its column.
void nips_from_signatures(const Range& r, Agreement& a) {
    std::vector<Party*> parties;
    for (auto* p : {&a.first_party, &a.second_party})
        if (*p && (*p)->nip.empty()) parties.push_back(&**p);
    if (parties.empty()) return;
    for (int n = a.first; n <= a.last; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank() || l->text.size() > 200 || lower(l->text).find("nip") == std::string::npos) continue;
        for (const auto& cell : layout_cells(l->raw)) {
            const auto nip = nip_in(cell.text);
            if (!fold(cell.text).starts_with("nip") || !nip) continue;
            Party* owner = nullptr;
            int distance = 1 << 30, looked = 0;
            for (int k = n - 1; k >= a.first && looked < 6 && !owner; --k) {
                const Line* above = r.at(k);
                if (!above || above->blank()) continue;
                ++looked;
                for (const auto& name : layout_cells(above->raw))
                    for (auto* p : parties)
                        if (fold(name.text) == fold(p->name) && std::abs(name.column - cell.column) < distance) {
                            owner = p;
                            distance = std::abs(name.column - cell.column);
                        }
            }
            if (owner && owner->nip.empty()) owner->nip = *nip;
        }
    }
}

void read_place_date(const Range& r, Agreement& a) {
    for (int n = a.first; n <= a.last; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank() || l->tabbed() || l->text.size() > 80 || l->text.find(',') == std::string::npos) continue;
        auto pd = place_date(l->text);
        // "Bandung," with the date on a later line (the flow style).
        if (!pd && l->text.back() == ',')
            if (const Line* next = r.at(r.next_text(n, a.last)); next && next->text.size() <= 30)
                pd = place_date(l->text + " " + next->text);
        if (pd) {
            a.place = pd->place;
            a.date_text = pd->date_text;
            return;
        }
    }
}

// A sub-unit named in a title ("… SUBBAGIAN KEUANGAN, UMUM DAN LOGISTIK SEKRETARIAT KOMISI …"); the
// office's own agreement names none.
std::string sub_unit_in(const std::string& text) {
    const std::string clean = clean_text(text);
    const std::string f = fold(clean); // same length: ASCII folding of the clean text
    static const std::string_view k_heads[] = {"subbagian ",  "sub bagian ", "subbag ", "subbidang ",
                                               "sub bidang ", "bagian ",     "bidang ", "seksi "};
    std::size_t start = std::string::npos;
    for (auto head : k_heads)
        for (std::size_t at = f.find(head); at != std::string::npos; at = f.find(head, at + 1))
            if ((at == 0 || f[at - 1] == ' ') && at < start) {
                start = at;
                break;
            }
    if (start == std::string::npos) return {};
    std::size_t end = f.size();
    // A title read with the lines under it (a DOCX has no blank line between them) runs into the
    // agreement's opening sentence, "Dalam rangka mewujudkan ...": the unit ends before it.
    for (std::string_view stop : {" sekretariat", " komisi", " kpu", " pada ", " dinas", " badan", " dalam rangka"})
        if (const auto at = f.find(stop, start); at != std::string::npos) end = std::min(end, at);
    return title_case(std::string_view(clean).substr(start, end - start));
}

void read_unit(const Range& r, Agreement& a) {
    for (int title : a.titles) {
        std::string block;
        for (int n = title, lines = 0; n <= a.last && lines < 4; ++n, ++lines) {
            const Line* l = r.at(n);
            if (!l || l->blank() || (n != title && l->tabbed())) break; // a table row is no part of a title
            append_text(block, l->text);
        }
        if (auto unit = sub_unit_in(block); !unit.empty()) {
            a.unit = unit;
            return;
        }
    }
}

// Where an agreement stands in an LKj: cited in a chapter ("bab2") or attached ("lampiran"), by the
// nearest chapter or Lampiran heading above it.
struct Place {
    std::string source;  // "bab2", "lampiran", "" when not found
    std::string chapter; // "II"
};

std::vector<std::pair<int, Place>> lkj_headings(const std::vector<Line>& lines, int last) {
    std::vector<std::pair<int, Place>> out;
    for (int n = 1; n <= last && n <= static_cast<int>(lines.size()); ++n) {
        const Line& l = lines[static_cast<std::size_t>(n - 1)];
        if (l.blank() || l.tabbed() || l.text.size() > 80) continue;
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(l.text[0])));
        if (c != 'b' && c != 'l') continue;
        const std::string f = lower(l.text);
        if (const int chapter = chapter_number(f)) {
            const auto end = l.text.find(' ', 4);
            out.push_back(
                {n, {"bab" + std::to_string(chapter), l.text.substr(4, end == std::string::npos ? end : end - 4)}});
        } else if (f == "lampiran" || f.starts_with("lampiran ")) {
            out.push_back({n, {"lampiran", ""}});
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------
// One agreement, from its lines to seed/1

void read_agreement(Context& ctx, const Range& r, Agreement& a) {
    std::string_view title = a.untitled ? std::string_view() : std::string_view(r.at(a.first)->text);
    const std::string label = section_label(title, &title);
    a.title = std::string(title);
    if (!a.untitled) a.year = title_year(title);
    read_unit(r, a);
    read_parties(r, a, a.first, a.last);
    read_place_date(r, a);
    int after_table = a.first;
    if (auto h = find_header(r, a.first, a.last)) {
        if (h->style == Style::tabbed) after_table = read_tabbed_table(r, *h, a, a.last);
        if (h->style == Style::layout) after_table = read_layout_table(r, *h, a, a.last);
        if (h->style == Style::flow) after_table = read_flow_table(ctx, r, *h, a, a.last);
    } else {
        ctx.note("pk-table-missing", Severity::warning,
                 "Tabel sasaran, indikator dan target Perjanjian Kinerja tidak ditemukan", a.first);
    }
    read_budgets(ctx, r, a, after_table, a.last);
    nips_from_signatures(r, a);
    // A PK cited in a chapter under a section letter is known by its place: "… (BAB II D)" ("2.6" says it).
    if (!label.empty() && std::isalpha(static_cast<unsigned char>(label[0])) && !a.chapter.empty())
        a.title += " (BAB " + a.chapter + " " + label + ")";
}

bj::value party_json(const std::optional<Party>& p) {
    if (!p) return nullptr;
    return bj::object{{"name", text_or_null(p->name)},
                      {"position", text_or_null(p->position)},
                      {"nip", text_or_null(p->nip)},
                      {"line", p->line}};
}

bj::object agreement_json(const Agreement& a) {
    bj::object o;
    o["unit"] = text_or_null(a.unit);
    o["year"] = a.year ? bj::value(*a.year) : bj::value(nullptr);
    o["version"] = 1;
    o["place"] = text_or_null(a.place);
    o["date_text"] = text_or_null(a.date_text);
    o["title"] = text_or_null(a.title);
    o["line"] = a.first;
    o["first_party"] = party_json(a.first_party);
    o["second_party"] = party_json(a.second_party);
    bj::array items;
    for (const auto& item : a.items) {
        const Objective* objective =
            item.objective >= 0 ? &a.objectives[static_cast<std::size_t>(item.objective)] : nullptr;
        const auto code = objective ? trailing_code(objective->text) : std::nullopt;
        items.push_back(bj::object{{"number", objective ? text_or_null(objective->number) : nullptr},
                                   {"objective", objective ? text_or_null(objective->text) : nullptr},
                                   {"code", code ? bj::value(*code) : bj::value(nullptr)},
                                   {"indicator", text_or_null(item.indicator)},
                                   {"target", text_or_null(item.target)},
                                   {"line", item.line}});
    }
    o["items"] = std::move(items);
    if (!a.budgets.empty() || a.total) {
        o["budget_kind"] = text_or_null(a.budget_kind);
        bj::array budgets;
        for (const auto& b : a.budgets)
            budgets.push_back(bj::object{{"number", text_or_null(b.number)},
                                         {"name", text_or_null(b.name)},
                                         {"amount", text_or_null(b.amount)},
                                         {"line", b.line}});
        o["budgets"] = std::move(budgets);
    }
    if (a.total) o["total"] = bj::object{{"amount", text_or_null(a.total->amount)}, {"line", a.total->line}};
    if (!a.source.empty()) o["source"] = a.source;
    return o;
}

// The agreements between two lines: one per title, a title that follows a first page without a table
// being its attachment's.
std::vector<Agreement> split_agreements(const Range& r) {
    std::vector<Agreement> out;
    bool has_parties = false, has_table = false;
    for (int n = r.first; n <= r.last; ++n) {
        const Line* l = r.at(n);
        if (!l || l->blank()) continue;
        if (is_agreement_title(*l)) {
            const bool attachment = !out.empty() && has_parties && !has_table;
            if (!attachment) {
                out.push_back({});
                out.back().first = n;
                has_parties = has_table = false;
            }
            out.back().titles.push_back(n);
            continue;
        }
        if (!has_parties && is_name_label(*l)) has_parties = true;
        if (!has_table && header_at(r, n)) has_table = true;
        if (!out.empty()) out.back().last = n;
    }
    // No title the reader knows ("Perjanjian Kinerja 2016", a title lost in the text): the parties or
    // the table still make the range one agreement, without a title.
    if (out.empty() && (has_parties || has_table)) {
        out.push_back({});
        out.back().first = r.first;
        out.back().last = r.last;
        out.back().untitled = true;
    }
    for (auto& a : out)
        a.last = std::max(a.last, a.first);
    return out;
}

} // namespace

void read_agreements(Context& ctx, int first_line, int last_line) {
    const Range r{ctx.lines, std::max(1, first_line), std::min(last_line, static_cast<int>(ctx.lines.size()))};
    if (r.first > r.last) return;
    auto agreements = split_agreements(r);
    if (agreements.empty()) return;
    std::vector<std::pair<int, Place>> headings;
    if (ctx.facts.type == "lkj") headings = lkj_headings(ctx.lines, r.last);
    if (!ctx.seed.contains("agreements") || !ctx.seed["agreements"].is_array()) ctx.seed["agreements"] = bj::array{};
    auto& out = ctx.seed["agreements"].as_array();
    for (auto& a : agreements) {
        // The nearest heading above the agreement (headings are in line order).
        const auto above = std::lower_bound(headings.begin(), headings.end(), a.first,
                                            [](const auto& h, int line) { return h.first < line; });
        if (above != headings.begin()) {
            a.source = std::prev(above)->second.source;
            a.chapter = std::prev(above)->second.chapter;
        }
        read_agreement(ctx, r, a);
        out.push_back(agreement_json(a));
    }
}

bool is_agreement_table_header(const Line& l) {
    const auto has = [&](Role role) {
        return std::any_of(l.cells.begin(), l.cells.end(), [&](const auto& c) { return role_of(c) == role; });
    };
    std::string kind;
    return (has(Role::indicator) && has(Role::target)) || is_budget_header(l, &kind);
}

void read_pk(Context& ctx) {
    // Column-aligned text (pdftotext -layout): the tables of objectives, indicators and targets and the
    // budget tables as tabbed rows (layout_table.h); other text is left as it is.
    const auto lines = tabbed_layout_tables(ctx.lines, is_agreement_table_header);
    Context aligned{lines, ctx.facts, ctx.seed, {}, ctx.source};
    read_agreements(aligned, 1, static_cast<int>(lines.size()));
    ctx.findings.insert(ctx.findings.end(), aligned.findings.begin(), aligned.findings.end());
}

} // namespace kinerja::import
