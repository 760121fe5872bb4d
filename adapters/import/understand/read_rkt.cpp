// Reads the Rencana Kinerja Tahunan of a document into seed/1 `rkt` (data/demo/FORMAT.md).
//
// An RKT is a table found by its header words (plan_table.h), in one of three layouts: the regency's
// (No, Program, Sasaran strategis (code), Indikator, Target, Kegiatan, Anggaran, Pelaksana), the
// province's (Sasaran Strategis, Indikator Kinerja, Target) and the province secretariat's
// (Program/Kegiatan first). A header repeated on a new page continues the table; a title, a signature
// or a header of other columns starts the next RKT. Above the table stand its title and unit, below
// it the place, date and signer.
//
// Rows are kept as printed: a cell of several `<p>` statements is one row per indicator, a row with
// an empty number continues the one above it, a row with neither number nor target is the rest of a
// row cut by a page break. PDF text where a table's cells run together on one line (the flow style)
// is read by value form instead: a row is an indicator name followed by its target number.
#include <algorithm>

#include "adapters/import/understand/context.h"
#include "adapters/import/understand/layout_table.h"
#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

struct Row {
    std::string number, program, objective, code, indicator, target, unit, activity, budget, executor;
    int line = 0;
};

struct Plan {
    std::string title, unit, layout, place, date_text, signer_name, signer_position;
    int date_line = 0;
    int line = 0;      // the title's line, or the header's when there is no title
    int last_line = 0; // the last line of the table
    std::vector<HeaderColumn> header;
    std::vector<Row> rows;
};

// The cells of one tabbed row by column kind (the first cell of each kind; the raw text is kept for
// its `<p>` statements).
struct RowCells {
    std::string number, program, activity, objective, indicator, target, budget, executor;
    bool target_percent = false;
};

RowCells cells_by_column(const std::vector<std::string>& raw, const std::vector<HeaderColumn>& header) {
    RowCells r;
    for (std::size_t i = 0; i < header.size() && i < raw.size(); ++i) {
        std::string* to = nullptr;
        switch (header[i].kind) {
        case Column::number:
            to = &r.number;
            break;
        case Column::program:
            to = &r.program;
            break;
        case Column::activity:
            to = &r.activity;
            break;
        case Column::objective:
            to = &r.objective;
            break;
        case Column::indicator:
            to = &r.indicator;
            break;
        case Column::target:
            to = &r.target;
            r.target_percent = header[i].percent;
            break;
        case Column::budget:
            to = &r.budget;
            break;
        case Column::executor:
            to = &r.executor;
            break;
        default:
            break;
        }
        if (to && to->empty()) *to = raw[i];
    }
    return r;
}

std::string layout_of(const std::vector<HeaderColumn>& header) {
    bool number = false, program = false, budget = false;
    for (const auto& c : header) {
        number = number || c.kind == Column::number;
        program = program || c.kind == Column::program;
        budget = budget || c.kind == Column::budget;
    }
    if (number && budget) return "regency";
    if (program) return "province_program";
    return "province";
}

// "Persentase a … Persentase b …" printed in one cell without `<p>`: two indicators. A new one starts
// where a measure word follows a lowercase word.
std::vector<std::string> split_run_together(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at = text.find(' ', 0); at != std::string::npos; at = text.find(' ', at + 1)) {
        const std::string_view next = std::string_view(text).substr(at + 1);
        const bool measure = next.starts_with("Persentase ") || next.starts_with("Prosentase ");
        if (measure && at > 0 && std::islower(static_cast<unsigned char>(text[at - 1]))) {
            out.push_back(text.substr(start, at - start));
            start = at + 1;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

// The indicators of a cell. Numbers among them mean the cell ran into the next columns (a broken
// table): the statements from the first number on are not indicators.
std::vector<std::string> indicator_statements(const std::string& raw_cell) {
    auto list = statements(raw_cell);
    if (list.size() == 1) list = split_run_together(list[0]);
    const auto number = std::find_if(list.begin(), list.end(), [](const std::string& s) { return looks_numeric(s); });
    list.erase(number, list.end());
    return list;
}

// The subject of an indicator: its words after the measure word ("Persentase Bimbingan Teknis …" ->
// "Bimbingan Teknis"), to find where a run-together activity cell switches to the next one.
std::string subject_of(const std::string& indicator) {
    const std::size_t first = indicator.find(' ');
    if (first == std::string::npos) return {};
    const std::size_t second = indicator.find(' ', first + 1);
    if (second == std::string::npos) return {};
    const std::size_t third = indicator.find(' ', second + 1);
    return indicator.substr(first + 1, third == std::string::npos ? std::string::npos : third - first - 1);
}

// One activity cell for several indicators: split where each next indicator's subject begins, when
// they all stand in it in order; else every indicator has the whole activity.
std::vector<std::string> activities_for(std::vector<std::string> activities,
                                        const std::vector<std::string>& indicators) {
    if (activities.size() != 1 || indicators.size() < 2) return activities;
    const std::string whole = activities[0];
    std::vector<std::size_t> cuts;
    std::size_t from = 0;
    for (std::size_t k = 1; k < indicators.size(); ++k) {
        const std::string subject = subject_of(indicators[k]);
        const std::size_t at = subject.size() < 8 ? std::string::npos : whole.find(" " + subject, from);
        if (at == std::string::npos) return activities;
        cuts.push_back(at);
        from = at + 1;
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    for (const std::size_t cut : cuts) {
        out.push_back(whole.substr(start, cut - start));
        start = cut + 1;
    }
    out.push_back(whole.substr(start));
    return out;
}

// The k-th of a cell's statements; a single statement is shared by all rows of the cell when
// `shared` (targets, activities), else only the first row has it (budgets, executors).
std::string nth(const std::vector<std::string>& list, std::size_t k, bool shared) {
    if (k < list.size()) return list[k];
    if (shared && list.size() == 1) return list[0];
    return {};
}

class RktReader {
public:
    explicit RktReader(Context& ctx) : m_ctx(ctx), m_lines(ctx.lines) {}

    void read() {
        std::size_t i = 0;
        int previous_end = 0;
        while (i < m_lines.size()) {
            auto header = table_header(m_lines[i]);
            if (!header || !has(*header, Column::target)) {
                ++i;
                continue;
            }
            Plan plan;
            plan.header = *header;
            plan.layout = layout_of(*header);
            find_title(plan, previous_end, m_lines[i].number);
            i = read_table(plan, i);
            find_signature(plan, i);
            previous_end = plan.last_line;
            if (!plan.rows.empty()) m_plans.push_back(std::move(plan));
        }
        if (!m_plans.empty()) write();
    }

private:
    static bool has(const std::vector<HeaderColumn>& header, Column kind) {
        return std::any_of(header.begin(), header.end(), [&](const HeaderColumn& c) { return c.kind == kind; });
    }

    const Line* line_at(int number) const {
        if (number < 1 || number > static_cast<int>(m_lines.size())) return nullptr;
        return &m_lines[static_cast<std::size_t>(number - 1)];
    }

    // The title: the last "Rencana Kinerja Tahunan …" line between the previous table and this header;
    // the unit: "Nama/Unit Organisasi : …", "… (RKT) <unit> adalah …", or an office line under the title.
    void find_title(Plan& plan, int after, int header_line) {
        for (int n = std::max(after + 1, header_line - 60); n < header_line; ++n) {
            const Line* l = line_at(n);
            if (!l || l->blank()) continue;
            const std::string f = fold(l->text);
            if (f.starts_with("rencana kinerja tahunan") && l->text.size() < 120) {
                plan.title = l->text;
                plan.line = n;
                plan.unit.clear();
                if (const Line* next = line_at(n + 1); next && is_office_line(next->text)) plan.unit = next->text;
            }
            if (f.starts_with("nama/unit organisasi") || f.starts_with("unit organisasi") ||
                f.starts_with("nama unit")) {
                if (const auto colon = l->text.find(':'); colon != std::string::npos)
                    plan.unit = clean_text(l->text.substr(colon + 1));
            }
            if (plan.unit.empty()) plan.unit = unit_in_sentence(l->text);
        }
        if (plan.line == 0) plan.line = header_line;
    }

    static bool is_office_line(const std::string& text) {
        const std::string f = fold(text);
        for (std::string_view head : {"dinas ", "badan ", "biro ", "inspektorat", "sekretariat ", "kantor "})
            if (f.starts_with(head)) return text.size() < 100;
        return false;
    }

    // "Adapun Rencana Kinerja Tahunan (RKT) Sekretariat KPU Kabupaten OKU Selatan adalah sebagai berikut".
    static std::string unit_in_sentence(const std::string& text) {
        const std::string f = fold(text);
        const std::size_t at = f.find("rencana kinerja tahunan (rkt) ");
        if (at == std::string::npos) return {};
        const std::size_t start = at + 30;
        const std::size_t end = f.find(" adalah", start);
        if (end == std::string::npos || end - start > 80) return {};
        return text.substr(start, end - start);
    }

    // Rows until the table ends: at text that is no row, or at a header of other columns. Returns the
    // index of the first line after the table.
    std::size_t read_table(Plan& plan, std::size_t header_index) {
        plan.last_line = m_lines[header_index].number;
        if (is_flow_table(plan, header_index)) return read_flow_table(plan, header_index);
        std::size_t i = header_index + 1;
        bool page_break = false;
        for (; i < m_lines.size(); ++i) {
            const Line& l = m_lines[i];
            if (l.blank() || is_column_number_row(l) || is_rule(l)) {
                page_break = page_break || l.blank();
                continue;
            }
            if (auto header = table_header(l)) {
                if (!same_header(*header, plan.header)) break;
                page_break = true;
                continue;
            }
            if (!l.tabbed()) break;
            add_row(plan, l, page_break);
            page_break = false;
            plan.last_line = l.number;
        }
        return i;
    }

    static bool is_rule(const Line& l) {
        return std::all_of(l.text.begin(), l.text.end(), [](char c) { return c == '-' || c == ' ' || c == '_'; });
    }

    void add_row(Plan& plan, const Line& l, bool after_page_break) {
        const bool numbered = !plan.header.empty() && plan.header[0].kind == Column::number;
        const auto cells =
            cells_by_column(aligned_cells(raw_cells(l.raw), plan.header.size(), numbered, l.positioned), plan.header);
        const std::string number = clean_text(cells.number), target = clean_text(cells.target);
        if (is_total_label(number) && clean_text(cells.indicator).empty()) return; // the table's total
        if (number.empty() && target.empty() && !plan.rows.empty()) {
            continue_row(plan.rows.back(), cells);
            return;
        }
        (void)after_page_break;
        Row base;
        base.line = l.number;
        base.number = number;
        base.program = clean_text(cells.program);
        const std::string objective = clean_text(cells.objective);
        base.objective = objective; // as printed, its code "(6709)" too
        base.code = first_code(objective).value_or(first_code(base.program).value_or(""));
        inherit(plan, base, objective.empty());
        const auto indicators = indicator_statements(cells.indicator);
        const auto targets = statements(cells.target);
        const auto activities = activities_for(statements(cells.activity), indicators);
        const auto budgets = statements(cells.budget);
        const auto executors = statements(cells.executor);
        for (std::size_t k = 0; k < std::max<std::size_t>(indicators.size(), 1); ++k) {
            Row row = base;
            row.indicator = k < indicators.size() ? indicators[k] : std::string();
            row.target = nth(targets, k, true);
            row.unit = cells.target_percent ? "%" : "";
            row.activity = nth(activities, k, true);
            row.budget = printed_amount(nth(budgets, k, false));
            row.executor = nth(executors, k, false);
            plan.rows.push_back(std::move(row));
        }
    }

    // A row with an empty number (or an empty program and objective) belongs to the one above it.
    static void inherit(const Plan& plan, Row& row, bool objective_empty) {
        if (plan.rows.empty()) return;
        const Row& above = plan.rows.back();
        if (row.number.empty()) row.number = above.number;
        if (row.program.empty()) {
            row.program = above.program;
            if (objective_empty) row.code = above.code;
        }
        if (objective_empty) {
            row.objective = above.objective;
            if (row.code.empty()) row.code = above.code;
        }
        if (row.code.empty()) row.code = first_code(row.program).value_or("");
    }

    // The rest of a row cut by a page break: its words continue the cells of the row above.
    static void continue_row(Row& row, const RowCells& cells) {
        row.program = joined(row.program, clean_text(cells.program));
        const std::string objective = clean_text(cells.objective);
        row.objective = joined(row.objective, objective);
        row.indicator = joined(row.indicator, clean_text(cells.indicator));
        row.activity = joined(row.activity, clean_text(cells.activity));
        row.executor = joined(row.executor, clean_text(cells.executor));
        if (auto code = first_code(objective))
            row.code = *code;
        else if (auto program_code = first_code(row.program); program_code && row.code.empty())
            row.code = *program_code;
    }

    // --- flow style: a table whose rows run together on lines of text ---

    // A table in the flow style: most of the first lines after its header have fewer cells than half
    // the header.
    bool is_flow_table(const Plan& plan, std::size_t header_index) const {
        int rows = 0, short_rows = 0;
        for (std::size_t i = header_index + 1; i < m_lines.size() && rows < 3; ++i) {
            const Line& l = m_lines[i];
            if (l.blank()) continue;
            if (table_header(l)) continue;
            ++rows;
            if (l.cells.size() * 2 < plan.header.size()) ++short_rows;
        }
        return rows > 0 && short_rows * 2 > rows;
    }

    // Where a row starts: a measure word ("Prosentase", "Persentase", "Jumlah") somewhere on the line
    // and a number after it (the target). Returns the indicator's first words and the target.
    struct FlowStart {
        std::string indicator, target;
    };
    static std::optional<FlowStart> flow_start(const Line& l) {
        const std::string& t = l.text;
        std::size_t at = std::string::npos;
        for (std::string_view word : {"Prosentase ", "Persentase ", "Presentase ", "Jumlah ", "Indeks ", "Tingkat "}) {
            const std::size_t w = t.find(word);
            if (w != std::string::npos && (w == 0 || t[w - 1] == ' ')) at = std::min(at, w);
        }
        if (at == std::string::npos) return std::nullopt;
        // The target: the last word of the line, or the cell after the indicator's cell.
        const std::size_t last_space = t.rfind(' ');
        if (last_space == std::string::npos || last_space < at) return std::nullopt;
        const std::string last = t.substr(last_space + 1);
        if (!looks_numeric(last)) return std::nullopt;
        return FlowStart{clean_text(t.substr(at, last_space - at)), last};
    }

    std::size_t read_flow_table(Plan& plan, std::size_t header_index) {
        bool percent = false;
        for (const auto& c : plan.header)
            percent = percent || (c.kind == Column::target && c.percent);
        std::size_t i = header_index + 1;
        bool indicator_alone = false; // the row's first line began with its indicator: later lines are its words
        for (; i < m_lines.size(); ++i) {
            const Line& l = m_lines[i];
            if (l.blank() || table_header(l) || is_column_number_row(l)) continue;
            if (place_date(l.text)) break;
            if (auto start = flow_start(l)) {
                Row row;
                row.line = l.number;
                row.indicator = start->indicator;
                row.target = start->target;
                row.unit = percent ? "%" : "";
                indicator_alone = l.text.starts_with(start->indicator.substr(0, 10));
                plan.rows.push_back(std::move(row));
                plan.last_line = l.number;
                continue;
            }
            if (plan.rows.empty()) continue;
            // A line between rows: the indicator's next words when the indicator stood alone, else
            // the last tab cell (the other columns' words come first on the line).
            Row& row = plan.rows.back();
            if (indicator_alone)
                row.indicator = joined(row.indicator, l.text);
            else if (l.tabbed())
                row.indicator = joined(row.indicator, l.cells.back());
            plan.last_line = l.number;
        }
        return i;
    }

    // --- signature ---

    // Below the table: "Place, 25 Januari 2024", the position (up to a line ending with a comma), the name.
    void find_signature(Plan& plan, std::size_t after_index) {
        std::size_t i = after_index;
        const std::size_t stop = std::min(m_lines.size(), after_index + 12);
        for (; i < stop; ++i)
            if (const auto pd = place_date(m_lines[i].text); pd && m_lines[i].text.size() < 80) {
                plan.place = pd->place;
                plan.date_text = pd->date_text;
                plan.date_line = m_lines[i].number;
                break;
            }
        if (i >= stop) return;
        std::vector<std::string> position;
        for (++i; i < m_lines.size() && i < after_index + 30; ++i) {
            const Line& l = m_lines[i];
            if (l.blank() || fold(l.text) == "ttd") continue;
            if (table_header(l)) return;
            if (position.empty() || position.back().back() != ',') {
                position.push_back(l.text);
                continue;
            }
            plan.signer_name = l.text;
            break;
        }
        std::string joined_position;
        for (const auto& p : position)
            joined_position = joined(joined_position, p);
        while (!joined_position.empty() && (joined_position.back() == ',' || joined_position.back() == ' '))
            joined_position.pop_back();
        plan.signer_position = joined_position;
        if (plan.signer_name.empty() && position.size() >= 2) {
            // No comma closed the position: its first line is the position, the next the name.
            plan.signer_position = position[0];
            plan.signer_name = position[1];
        }
    }

    // --- seed/1 ---

    void write() {
        bj::array plans;
        for (const auto& plan : m_plans) {
            bj::object p;
            p["title"] = text_or_null(plan.title);
            p["unit"] = text_or_null(plan.unit);
            p["layout"] = plan.layout;
            p["place"] = text_or_null(plan.place);
            p["date_text"] = text_or_null(plan.date_text);
            p["date_line"] = plan.date_line > 0 ? bj::value(plan.date_line) : bj::value(nullptr);
            if (plan.signer_name.empty() && plan.signer_position.empty()) {
                p["signer"] = nullptr;
            } else {
                bj::object signer;
                signer["name"] = text_or_null(plan.signer_name);
                signer["position"] = text_or_null(plan.signer_position);
                p["signer"] = std::move(signer);
            }
            p["line"] = plan.line;
            bj::array rows;
            for (const auto& r : plan.rows)
                rows.push_back(row_json(r));
            p["rows"] = std::move(rows);
            plans.push_back(std::move(p));
        }
        m_ctx.seed["rkt"] = std::move(plans);
    }

    static bj::object row_json(const Row& r) {
        bj::object o;
        o["number"] = text_or_null(r.number);
        o["program"] = text_or_null(r.program);
        o["objective"] = text_or_null(r.objective);
        o["code"] = text_or_null(r.code);
        o["indicator"] = text_or_null(r.indicator);
        o["target"] = text_or_null(r.target);
        o["unit"] = text_or_null(r.unit);
        o["activity"] = text_or_null(r.activity);
        o["budget"] = text_or_null(r.budget);
        o["executor"] = text_or_null(r.executor);
        o["line"] = r.line;
        return o;
    }

    Context& m_ctx;
    const std::vector<Line>& m_lines;
    std::vector<Plan> m_plans;
};

// Column-aligned text (pdftotext -layout) holds its table as bands of wrapped cells: read again with
// its tables as tabbed rows (layout_table.h).
void read_column_aligned(Context& ctx) {
    const auto lines = tabbed_layout_tables(ctx.lines, [](const Line& l) {
        const auto header = table_header(l);
        return header && std::any_of(header->begin(), header->end(),
                                     [](const HeaderColumn& c) { return c.kind == Column::target; });
    });
    Context aligned{lines, ctx.facts, ctx.seed, {}, ctx.source};
    RktReader(aligned).read();
    ctx.findings.insert(ctx.findings.end(), aligned.findings.begin(), aligned.findings.end());
}

} // namespace

void read_rkt(Context& ctx) {
    RktReader(ctx).read();
    if (!ctx.seed.contains("rkt")) read_column_aligned(ctx);
    if (!ctx.seed.contains("rkt"))
        ctx.note("rkt-table-missing", Severity::warning, "Tabel Rencana Kinerja Tahunan tidak ditemukan", 1);
}

} // namespace kinerja::import
