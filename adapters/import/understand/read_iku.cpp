// Reads an IKU (Indikator Kinerja Utama) decree or a Renstra chapter into seed/1 `renstra`
// (data/demo/FORMAT.md): the period, the decree, and its tables of indicators.
//
// Two table families arrive. The KPU decree's attachment: per program ("Program …" above the table),
// a tabbed table No / Kegiatan / Sasaran Kegiatan / Indikator Kinerja Kegiatan, read into
// programs > activities > objectives > indicators. Other agencies' IKU and Renstra tables
// (column-aligned text): objectives with their indicators and, where the table has them, a target per
// year (and the realization beside it), read into `objectives` with `indicators` (read_iku_layout.cpp).
//
// Rows are kept as printed. Cells slid left by a page break are put back under their columns
// (plan_table.h); a cell that starts in lowercase continues the one above it; a row whose objective
// continues below it and whose indicator does not read as one carries the tail of the indicator above.
#include "adapters/import/understand/read_iku.h"

#include <algorithm>

#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

struct Indicator {
    std::string name;
    int line = 0;
};
struct Objective {
    std::string name;
    int line = 0;
    std::vector<Indicator> indicators;
};
struct Activity {
    std::string number, name;
    int line = 0;
    std::vector<Objective> objectives;
};
struct Program {
    std::string name;
    int line = 0;
    std::vector<Activity> activities;
};

bool starts_lowercase(const std::string& s) {
    return !s.empty() && std::islower(static_cast<unsigned char>(s[0]));
}

// "Persentase … Mesuji. Terselesaikannya …": two indicators printed as two sentences in one cell.
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 2)) {
        if (at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2])) && at > start + 10) {
            out.push_back(text.substr(start, at - start));
            start = at + 2;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

std::vector<std::string> indicators_of(const std::string& raw_cell) {
    auto list = statements(raw_cell);
    if (list.size() == 1) list = sentences(list[0]);
    return list;
}

// "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN MESUJI" + "NOMOR 18 TAHUN 2022", words capitalized.
std::string capitalized(const std::string& text) {
    std::string out = fold(text);
    bool word_start = true;
    for (auto& c : out) {
        if (word_start && std::isalpha(static_cast<unsigned char>(c)))
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        word_start = c == ' ';
    }
    return out;
}

class IkuDecreeReader {
public:
    explicit IkuDecreeReader(Context& ctx) : m_lines(ctx.lines) {}

    void read(bj::object& renstra) {
        for (std::size_t i = 0; i < m_lines.size();) {
            const Line& l = m_lines[i];
            if (is_program_line(l)) {
                m_programs.push_back(Program{l.text, l.number, {}});
                ++i;
                continue;
            }
            auto header = table_header(l);
            if (!header || !is_activity_table(*header)) {
                ++i;
                continue;
            }
            if (m_programs.empty()) m_programs.push_back(Program{{}, l.number, {}});
            i = read_table(*header, i + 1);
        }
        if (!m_programs.empty()) renstra["programs"] = programs_json();
    }

    bool found() const { return !m_programs.empty(); }

private:
    static bool is_program_line(const Line& l) {
        return !l.tabbed() && l.text.starts_with("Program ") && l.text.size() < 160 && l.text.back() != '.';
    }

    static bool is_activity_table(const std::vector<HeaderColumn>& header) {
        return std::any_of(header.begin(), header.end(),
                           [](const HeaderColumn& c) { return c.kind == Column::activity; });
    }

    std::size_t read_table(const std::vector<HeaderColumn>& header, std::size_t i) {
        const bool numbered = header[0].kind == Column::number;
        for (; i < m_lines.size(); ++i) {
            const Line& l = m_lines[i];
            if (l.blank() || is_column_number_row(l) || table_header(l)) continue;
            if (!l.tabbed()) break;
            read_row(header, aligned_cells(raw_cells(l.raw), header.size(), numbered, l.positioned), l.number);
        }
        return i;
    }

    void read_row(const std::vector<HeaderColumn>& header, const std::vector<std::string>& cells, int line) {
        std::string number, activity, objective, indicator_cell;
        for (std::size_t c = 0; c < header.size() && c < cells.size(); ++c) {
            switch (header[c].kind) {
            case Column::number:
                number = clean_text(cells[c]);
                break;
            case Column::activity:
                activity = clean_text(cells[c]);
                break;
            case Column::objective:
                objective = clean_text(cells[c]);
                break;
            case Column::indicator:
                indicator_cell = cells[c];
                break;
            default:
                break;
            }
        }
        Program& program = m_programs.back();
        if (!number.empty() || program.activities.empty())
            program.activities.push_back(Activity{number, activity, line, {}});
        else if (!activity.empty())
            program.activities.back().name = joined(program.activities.back().name, activity);
        Activity& current = program.activities.back();
        const auto indicators = indicators_of(indicator_cell);
        if (!objective.empty()) {
            if (starts_lowercase(objective) && !current.objectives.empty()) {
                continue_objective(current, objective, !indicators.empty());
            } else {
                current.objectives.push_back(Objective{objective, line, {}});
                m_objective_first_row = line;
            }
        }
        if (current.objectives.empty() && !indicators.empty()) current.objectives.push_back(Objective{{}, line, {}});
        for (const auto& name : indicators)
            current.objectives.back().indicators.push_back(Indicator{name, line});
    }

    // The objective's words go on in this row. When the row brings its own indicators and the row the
    // objective began on held one statement that does not read as an indicator, that statement is the
    // tail of the indicator above, pushed down beside the objective by the page break.
    void continue_objective(Activity& activity, const std::string& words, bool brings_indicators) {
        auto& objectives = activity.objectives;
        Objective& objective = objectives.back();
        objective.name = joined(objective.name, words);
        if (!brings_indicators || objectives.size() < 2 || objective.indicators.size() != 1) return;
        const Indicator& stray = objective.indicators.front();
        if (stray.line != m_objective_first_row || starts_like_indicator(stray.name)) return;
        Objective& above = objectives[objectives.size() - 2];
        if (above.indicators.empty()) return;
        above.indicators.back().name = joined(above.indicators.back().name, stray.name);
        objective.indicators.clear();
    }

    bj::array programs_json() const {
        bj::array programs;
        for (const auto& p : m_programs) {
            bj::array activities;
            for (const auto& a : p.activities) {
                bj::array objectives;
                for (const auto& o : a.objectives) {
                    bj::array indicators;
                    for (const auto& i : o.indicators)
                        indicators.push_back(bj::object{{"name", i.name}, {"line", i.line}});
                    objectives.push_back(bj::object{
                        {"name", text_or_null(o.name)}, {"line", o.line}, {"indicators", std::move(indicators)}});
                }
                activities.push_back(bj::object{{"number", text_or_null(a.number)},
                                                {"name", text_or_null(a.name)},
                                                {"line", a.line},
                                                {"objectives", std::move(objectives)}});
            }
            programs.push_back(
                bj::object{{"name", text_or_null(p.name)}, {"line", p.line}, {"activities", std::move(activities)}});
        }
        return programs;
    }

    const std::vector<Line>& m_lines;
    std::vector<Program> m_programs;
    int m_objective_first_row = 0;
};

// "KEPUTUSAN … / NOMOR 18 TAHUN 2022" in the title area.
std::string decree_of(const std::vector<Line>& lines) {
    int seen = 0;
    for (std::size_t i = 0; i < lines.size() && seen < 40; ++i) {
        if (lines[i].blank()) continue;
        ++seen;
        if (!starts_with_folded(lines[i].text, "keputusan ") || lines[i].text.size() > 120) continue;
        for (std::size_t j = i + 1; j < lines.size() && j < i + 4; ++j)
            if (starts_with_folded(lines[j].text, "nomor ")) return capitalized(lines[i].text + " " + lines[j].text);
        return capitalized(lines[i].text);
    }
    return {};
}

} // namespace

void read_iku(Context& ctx) {
    bj::object renstra;
    renstra["period_start"] = ctx.facts.period_start ? bj::value(*ctx.facts.period_start) : bj::value(nullptr);
    renstra["period_end"] = ctx.facts.period_end ? bj::value(*ctx.facts.period_end) : bj::value(nullptr);
    renstra["decree"] = text_or_null(decree_of(ctx.lines));
    renstra["date_text"] = text_or_null(ctx.facts.date_text);
    renstra["place"] = text_or_null(ctx.facts.place);
    IkuDecreeReader decree(ctx);
    decree.read(renstra);
    const bool layout = read_iku_layout(ctx, renstra);
    if (!decree.found() && !layout)
        ctx.note("iku-table-missing", Severity::warning, "Tabel indikator kinerja tidak ditemukan", 1);
    ctx.seed["renstra"] = std::move(renstra);
}

} // namespace kinerja::import
