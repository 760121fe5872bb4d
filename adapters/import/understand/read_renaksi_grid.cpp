// A Rencana Aksi whose table keeps its cells and its header: the layout Kinerja itself writes
// (DOCX and XLSX of `kinerja report renaksi`) and a Word or Excel form filled in by hand. Columns are
// found by their header words, not by position: No, Sasaran (Strategis), Indikator (Kinerja), Target,
// Kegiatan, the twelve month columns (B1..B12, Jan..Des, or 1..12 under "Jadwal"/"Bulan"), Biaya /
// Anggaran, Pelaksana. A numbered row starts an objective, whose name may end in its activity code
// "(6709)"; the rows under it add items. A month cell "v" is ticked, an empty one not, and "?" (a
// month the source did not say) leaves the item's months unknown.
#include <array>
#include <optional>

#include "adapters/import/understand/context.h"
#include "adapters/import/understand/layout_table.h"
#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

struct Columns {
    std::optional<std::size_t> number, objective, indicator, target, activity, cost, executor;
    std::array<std::optional<std::size_t>, 12> months;
    bool complete() const {
        return indicator && target && activity && executor &&
               std::all_of(months.begin(), months.end(), [](auto m) { return m.has_value(); });
    }
};

std::optional<int> month_of(const std::string& cell) {
    static constexpr std::array<std::string_view, 12> names{"jan", "feb", "mar", "apr", "mei", "jun",
                                                            "jul", "agu", "sep", "okt", "nov", "des"};
    std::string f = fold(cell);
    if (f.size() >= 2 && (f[0] == 'b') && std::isdigit(static_cast<unsigned char>(f[1]))) f = f.substr(1);
    if (!f.empty() &&
        std::all_of(f.begin(), f.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        f.size() <= 2) {
        const int m = std::stoi(f);
        return m >= 1 && m <= 12 ? std::optional<int>(m) : std::nullopt;
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (f.starts_with(names[i])) return static_cast<int>(i) + 1;
    return std::nullopt;
}

// The columns a header line names by their words (the months are found apart).
Columns named_columns(const Line& h) {
    Columns c;
    for (std::size_t k = 0; k < h.cells.size(); ++k) {
        const std::string f = fold(h.cells[k]);
        if (f == "no" || f == "no." || f == "nomor")
            c.number = k;
        else if (f.starts_with("sasaran"))
            c.objective = k;
        else if (f.starts_with("indikator"))
            c.indicator = k;
        else if (f.starts_with("target"))
            c.target = k;
        else if (f.starts_with("kegiatan") || f.starts_with("rencana aksi"))
            c.activity = k;
        else if (f.find("biaya") != std::string::npos || f.find("anggaran") != std::string::npos)
            c.cost = k;
        else if (f.starts_with("pelaksana") || f.starts_with("penanggung jawab"))
            c.executor = k;
    }
    return c;
}

// A header of the grid before its months are known: the months stand on the line under it in
// column-aligned text (layout_table.h).
bool names_grid_columns(const Line& h) {
    const Columns c = named_columns(h);
    return h.tabbed() && c.indicator && c.target && c.activity && c.executor;
}

// The header line and the month line under it (the same line when the months stand in the header).
std::optional<Columns> header_at(const std::vector<Line>& lines, std::size_t i) {
    const Line& h = lines[i];
    if (!h.tabbed()) return std::nullopt;
    Columns c = named_columns(h);
    for (std::size_t row : {i, i + 1}) {
        if (row >= lines.size()) break;
        int found = 0;
        std::array<std::optional<std::size_t>, 12> months;
        for (std::size_t k = 0; k < lines[row].cells.size(); ++k)
            if (auto m = month_of(lines[row].cells[k]);
                m && (!c.indicator || k > *c.indicator) && !months[static_cast<std::size_t>(*m - 1)]) {
                months[static_cast<std::size_t>(*m - 1)] = k;
                ++found;
            }
        if (found == 12) {
            c.months = months;
            break;
        }
    }
    if (!c.complete()) return std::nullopt;
    return c;
}

std::string cell(const Line& l, std::optional<std::size_t> k) {
    return k && *k < l.cells.size() ? l.cells[*k] : std::string();
}

bool is_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool read_grid(const std::vector<Line>& lines, bj::object& plan) {
    std::optional<Columns> columns;
    std::size_t first = 0;
    for (std::size_t i = 0; i < lines.size() && !columns; ++i)
        if ((columns = header_at(lines, i))) first = i + 1;
    if (!columns) return false;
    const Columns& c = *columns;
    bj::array objectives;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (!l.tabbed()) {
            if (!objectives.empty() && !l.blank()) break; // the table ends at the first paragraph after it
            continue;
        }
        if (is_column_number_row(l)) continue;
        // The total under the table ("Jumlah … 20.518.557.000") ends it; it is no item.
        if (is_total_label(l.cells.front()) && cell(l, c.indicator).empty()) break;
        int month_cells = 0;
        for (const auto& k : c.months)
            month_cells += month_of(cell(l, k)).has_value() ? 1 : 0;
        if (month_cells == 12) continue;     // the month line under the header, or a header repeated on a new page
        if (names_grid_columns(l)) continue; // a header repeated on a new page, its months on the line under it
        const std::string number = cell(l, c.number), name = cell(l, c.objective);
        if (is_digits(number) || objectives.empty()) {
            bj::object o;
            o["number"] = text_or_null(number);
            o["name"] = text_or_null(name);
            const auto code = trailing_code(name);
            o["code"] = code ? bj::value(*code) : bj::value(nullptr);
            o["cost"] = text_or_null(cell(l, c.cost));
            o["line"] = l.number;
            o["items"] = bj::array();
            objectives.push_back(std::move(o));
        }
        bj::object item;
        item["indicator"] = text_or_null(cell(l, c.indicator));
        item["target"] = text_or_null(cell(l, c.target));
        item["activity"] = text_or_null(cell(l, c.activity));
        bj::array months;
        bool known = true;
        int ticks = 0;
        for (std::size_t m = 0; m < 12; ++m) {
            const std::string f = fold(cell(l, c.months[m]));
            if (f == "?") known = false;
            if (f == "v" || f == "x" || f == "\xE2\x88\x9A" /* √ */) {
                months.push_back(static_cast<int>(m) + 1);
                ++ticks;
            }
        }
        item["months"] = known ? bj::value(std::move(months)) : bj::value(nullptr);
        item["month_ticks"] = known ? bj::value(ticks) : bj::value(nullptr);
        item["executor"] = text_or_null(cell(l, c.executor));
        item["line"] = l.number;
        objectives.back().as_object()["items"].as_array().push_back(std::move(item));
    }
    if (objectives.empty()) return false;
    plan["objectives"] = std::move(objectives);
    return true;
}

} // namespace

bool read_renaksi_grid(Context& ctx, bj::object& plan) {
    if (read_grid(ctx.lines, plan)) return true;
    // Column-aligned text (pdftotext -layout): its tables as tabbed rows.
    return read_grid(tabbed_layout_tables(ctx.lines, names_grid_columns), plan);
}

} // namespace kinerja::import
