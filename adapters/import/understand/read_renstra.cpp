// Renstra chapters of other agencies in column-aligned text (pdftotext -layout): the table that
// links programs, their objectives (Sasaran Program), indicators, unit (Satuan) and a target per
// year. The Jawa Barat DKP review (sample 11) is the model: one table over two pages, a header whose
// last line is the years, and cells whose words run into the next column with a single space.
//
// Columns are known from the header words (Sasaran, Indikator, Satuan, the years) and placed where
// the body's cells start most often near each header word: headers are centred over their columns,
// the cells are left-aligned. A row is a line with a value under a year; the names of the program,
// the objective and the indicator start on that line and continue on the lines below it. A program
// or objective cell that is empty on a row's line means the row belongs to the one above.
#include <algorithm>
#include <map>

#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/read_iku.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

using Word = LayoutWord;

bool is_year_word(const std::string& w) {
    return w.size() == 4 && year_in(w).has_value();
}

struct YearColumn {
    int x = 0, year = 0;
};

// Where the header words stand (-1: not in the header).
struct Header {
    std::size_t years_index = 0; // the line of the years, the header's last line
    int program_x = -1, objective_x = -1, indicator_x = -1, unit_x = -1;
    std::vector<YearColumn> years;
};

// Where the body's columns begin.
struct Columns {
    int objective = 0, indicator = 0, values = 0; // values: unit and year columns from here
};

enum class Part { number, program, objective, indicator, unit, value };

struct Row {
    std::size_t index = 0;
    std::string number, program, objective, indicator, unit;
    bool program_starts = false, objective_starts = false;
    std::map<int, std::string> values; // year column -> printed value
};

class RenstraTableReader {
public:
    explicit RenstraTableReader(Context& ctx) : m_lines(ctx.lines) {}

    bj::array read() {
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            Header h;
            if (!header_at(i, h)) continue;
            // Resume at the line that ended the body: it may be the next table's header (a table
            // continued after a page break with its header printed again).
            i = std::max(i, read_body(h) - 1);
        }
        return std::move(m_programs);
    }

private:
    // A line of years only (two or more) with "Indikator" and "Sasaran" in the eight lines above.
    bool header_at(std::size_t index, Header& h) const {
        const auto words = layout_words(m_lines[index].raw);
        if (words.size() < 2 ||
            !std::all_of(words.begin(), words.end(), [](const Word& w) { return is_year_word(w.text); }))
            return false;
        for (const auto& w : words)
            h.years.push_back(YearColumn{w.x, std::stoi(w.text)});
        h.years_index = index;
        for (std::size_t k = index >= 8 ? index - 8 : 0; k < index; ++k)
            for (const auto& w : layout_words(m_lines[k].raw)) {
                const std::string f = fold(w.text);
                // The first word of each kind: "Program" also stands inside "Sasaran Program".
                if (f == "program" && (h.program_x < 0 || w.x < h.program_x)) h.program_x = w.x;
                if (f == "sasaran" && h.objective_x < 0) h.objective_x = w.x;
                if (f == "indikator" && h.indicator_x < 0) h.indicator_x = w.x;
                if (f == "satuan" && h.unit_x < 0) h.unit_x = w.x;
            }
        return h.objective_x >= 0 && h.indicator_x > h.objective_x && h.years.front().x > h.indicator_x;
    }

    // A page footer ("Halaman 6-5") or a sentence of prose after the table.
    static bool ends_table(const std::vector<Word>& words) {
        for (const auto& w : words)
            if (fold(w.text) == "halaman") return true;
        const bool digits = std::any_of(words.begin(), words.end(), [](const Word& w) {
            return std::any_of(w.text.begin(), w.text.end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        });
        const char last = words.empty() ? ' ' : words.back().text.back();
        return words.size() >= 6 && !digits && (last == ',' || last == '.');
    }

    // The most frequent cell start within [anchor - 6, anchor + 2]; the anchor when none is there.
    static int column_start(const std::vector<std::size_t>& body, const std::vector<Line>& lines, int anchor) {
        std::map<int, int> starts;
        for (const auto i : body)
            for (const auto& cell : layout_cells(lines[i].raw))
                if (cell.column >= anchor - 6 && cell.column <= anchor + 2) ++starts[cell.column];
        int best = anchor, count = 0;
        for (const auto& [x, n] : starts)
            if (n > count) {
                best = x;
                count = n;
            }
        return best;
    }

    Part part_of(const Header& h, const Columns& c, const Word& w) const {
        if (w.x >= c.values) {
            if (h.unit_x < 0) return Part::value;
            // Nearest of the unit and the year columns.
            int best = std::abs(w.x - h.unit_x);
            for (const auto& y : h.years)
                if (std::abs(w.x - y.x) < best) return Part::value;
            return Part::unit;
        }
        if (w.x >= c.indicator) return Part::indicator;
        if (w.x >= c.objective) return Part::objective;
        return Part::program;
    }

    int year_of(const Header& h, int x) const {
        std::size_t best = 0;
        for (std::size_t k = 1; k < h.years.size(); ++k)
            if (std::abs(h.years[k].x - x) < std::abs(h.years[best].x - x)) best = k;
        return static_cast<int>(best);
    }

    std::size_t read_body(const Header& h) {
        std::vector<std::size_t> body;
        std::size_t i = h.years_index + 1;
        for (int blanks = 0; i < m_lines.size(); ++i) {
            if (m_lines[i].blank()) {
                if (++blanks >= 3) break;
                continue;
            }
            blanks = 0;
            const auto words = layout_words(m_lines[i].raw);
            if (ends_table(words)) break;
            if (std::all_of(words.begin(), words.end(), [](const Word& w) { return is_year_word(w.text); }) &&
                words.size() >= 2)
                break; // the next table's header
            body.push_back(i);
        }
        Columns c;
        c.objective = column_start(body, m_lines, h.objective_x);
        c.indicator = column_start(body, m_lines, h.indicator_x);
        // Indicator words run up to the unit column; values sit under their years.
        c.values = h.unit_x >= 0 ? h.unit_x - 3 : h.years.front().x - 4;

        std::vector<Row> rows;
        for (const auto index : body) {
            Row line_row;
            line_row.index = index;
            const auto words = layout_words(m_lines[index].raw);
            for (std::size_t k = 0; k < words.size(); ++k) {
                const Word& w = words[k];
                if (k == 0 && w.x < c.objective && is_row_number(w.text) && words.size() > 1 &&
                    words[1].x > w.x + static_cast<int>(w.text.size()) + 1) {
                    line_row.number = w.text;
                    if (line_row.number.back() == '.') line_row.number.pop_back();
                    continue;
                }
                switch (part_of(h, c, w)) {
                case Part::program:
                    line_row.program = joined(line_row.program, w.text);
                    break;
                case Part::objective:
                    line_row.objective = joined(line_row.objective, w.text);
                    break;
                case Part::indicator:
                    line_row.indicator = joined(line_row.indicator, w.text);
                    break;
                case Part::unit:
                    line_row.unit = joined(line_row.unit, w.text);
                    break;
                case Part::value: {
                    auto& v = line_row.values[year_of(h, w.x)];
                    v = joined(v, w.text);
                    break;
                }
                default:
                    break;
                }
            }
            const bool has_value = std::any_of(line_row.values.begin(), line_row.values.end(),
                                               [](const auto& v) { return looks_numeric(v.second); });
            if (has_value && !line_row.indicator.empty()) {
                line_row.program_starts = !line_row.program.empty() || !line_row.number.empty();
                line_row.objective_starts = !line_row.objective.empty();
                rows.push_back(std::move(line_row));
            } else if (!rows.empty()) {
                // A continuation line: its words end the cells of the row above.
                Row& r = rows.back();
                r.program = joined(r.program, line_row.program);
                r.objective = joined(r.objective, line_row.objective);
                r.indicator = joined(r.indicator, line_row.indicator);
                r.unit = joined(r.unit, line_row.unit);
            }
        }
        for (const auto& r : rows)
            add_row(h, r);
        return i;
    }

    void add_row(const Header& h, const Row& r) {
        const int line = m_lines[r.index].number;
        if (r.program_starts || m_programs.empty()) {
            bj::object p;
            p["number"] = text_or_null(r.number);
            p["name"] = text_or_null(r.program);
            p["line"] = line;
            p["objectives"] = bj::array();
            m_programs.push_back(std::move(p));
        } else if (!r.program.empty()) {
            auto& p = m_programs.back().as_object();
            p["name"] = joined(p["name"].is_string() ? std::string(p["name"].as_string()) : "", r.program);
        }
        auto& objectives = m_programs.back().as_object()["objectives"].as_array();
        if (r.objective_starts || objectives.empty()) {
            objectives.push_back(
                bj::object{{"name", text_or_null(r.objective)}, {"line", line}, {"indicators", bj::array()}});
        } else if (!r.objective.empty()) {
            auto& o = objectives.back().as_object();
            o["name"] = joined(o["name"].is_string() ? std::string(o["name"].as_string()) : "", r.objective);
        }
        bj::array targets;
        for (std::size_t k = 0; k < h.years.size(); ++k) {
            const auto it = r.values.find(static_cast<int>(k));
            targets.push_back(bj::object{{"year", h.years[k].year},
                                         {"target", text_or_null(it == r.values.end() ? "" : it->second)},
                                         {"line", line}});
        }
        bj::object indicator{{"name", r.indicator}, {"line", line}, {"targets", std::move(targets)}};
        if (h.unit_x >= 0) indicator["unit"] = text_or_null(r.unit);
        objectives.back().as_object()["indicators"].as_array().push_back(std::move(indicator));
    }

    const std::vector<Line>& m_lines;
    bj::array m_programs; // across the tables: a table cut by a page break continues its program
};

} // namespace

void read_renstra(Context& ctx) {
    bj::object renstra;
    renstra["period_start"] = ctx.facts.period_start ? bj::value(*ctx.facts.period_start) : bj::value(nullptr);
    renstra["period_end"] = ctx.facts.period_end ? bj::value(*ctx.facts.period_end) : bj::value(nullptr);
    renstra["decree"] = nullptr;
    renstra["date_text"] = text_or_null(ctx.facts.date_text);
    renstra["place"] = text_or_null(ctx.facts.place);
    auto programs = RenstraTableReader(ctx).read();
    // Without a program table, the indicator tables an IKU has (targets and realization per year).
    const bool indicators = programs.empty() && read_iku_layout(ctx, renstra);
    if (!programs.empty()) renstra["programs"] = std::move(programs);
    if (renstra.find("programs") == renstra.end() && !indicators)
        ctx.note("renstra-table-missing", Severity::warning,
                 "Tabel program, sasaran dan indikator Renstra tidak ditemukan", 1);
    ctx.seed["renstra"] = std::move(renstra);
}

} // namespace kinerja::import
