// The LKj's budget tables: BAB III B per objective ("Sasaran N : name" above a table whose header has
// an Anggaran group) or as one table of activities with their objective's number, and the attachment (Lampiran) tables,
// which also give last year's figures in a "Kinerja Tahun <last year>" group.
#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

// The first row with an amount under Pagu: the budget is printed once per table, on that row.
const Line* budget_row(const Doc& doc, const Table& t) {
    for (auto r : t.rows)
        if (looks_numeric(cell(doc.at(r), t.columns.ceiling))) return &doc.at(r);
    return nullptr;
}

// BAB III B: the nearest "Sasaran N : name" line above the table, after the previous table.
struct Named {
    std::optional<Heading> heading;
    int line = 0;
};
Named heading_above(const Doc& doc, const Table& t, std::size_t after) {
    for (std::size_t i = t.first; i > after; --i) {
        const Line& line = doc.at(i - 1);
        if (line.tabbed()) continue;
        if (auto h = objective_heading(line.text)) return {h, line.number};
    }
    return {};
}

// Lampiran: the title lines right above the table ("Masa Kampanye Pemilu (6870)", possibly wrapped).
Named title_above(const Doc& doc, const Table& t, std::size_t after) {
    std::size_t i = t.first;
    while (i > after && doc.noise(i - 1))
        --i;
    // Up to three lines of text, never the "Lampiran" line, a chapter or a lettered section above it.
    const auto heading = [&](std::size_t k) {
        return k == doc.lampiran || lettered_heading(doc.at(k)) || fold(doc.at(k).text).starts_with("bab ");
    };
    std::size_t top = i;
    while (top > after && top + 3 > i && !doc.noise(top - 1) && !doc.at(top - 1).tabbed() && !heading(top - 1))
        --top;
    if (top == i) return {};
    std::string name;
    for (std::size_t k = top; k < i; ++k)
        name += (name.empty() ? "" : " ") + doc.at(k).text;
    return {Heading{"", name}, doc.at(top).number};
}

bj::value code_of(const std::string& name) {
    const auto code = trailing_code(name);
    return code ? bj::value(*code) : bj::value(nullptr);
}

bj::object budget_item(const Doc& doc, const Table& t, const Line& row, const std::string& name, const char* source) {
    const Columns& c = t.columns;
    bj::object b;
    const int year = c.budget_year.value_or(doc.year);
    b["year"] = year ? bj::value(year) : bj::value(nullptr);
    b["code"] = code_of(name);
    b["name"] = text_or_null(name);
    b["ceiling"] = text_or_null(printed_amount(cell(row, c.ceiling)));
    b["actual"] = text_or_null(printed_amount(cell(row, c.spent)));
    b["percent_printed"] = text_or_null(printed_quantity(cell(row, c.spent_percent)).text);
    b["source"] = source;
    b["line"] = row.number;
    return b;
}

// Whether the measurement already read names this indicator.
bool measured(const Doc& doc, const std::string& indicator) {
    const std::string wanted = fold(indicator);
    for (const auto* i : measured_indicators(doc.ctx.seed.if_contains("measurement")))
        if (const auto* n = i->if_contains("name"); n && n->is_string() && fold(n->as_string()) == wanted) return true;
    return false;
}

// Last year's figures: a performance group whose year is before the document's.
void read_previous_year(Doc& doc, const Table& t, const std::string& name) {
    if (doc.year == 0) return;
    const Columns& c = t.columns;
    for (const auto& p : c.performance) {
        if (!p.year || *p.year >= doc.year) continue;
        for (auto r : t.rows) {
            const Line& row = doc.at(r);
            const std::string target = printed_quantity(cell(row, p.target)).text;
            const std::string actual = printed_quantity(cell(row, p.actual)).text;
            if (target.empty() && actual.empty()) continue;
            bj::object item;
            item["year"] = *p.year;
            item["code"] = code_of(name);
            item["objective"] = text_or_null(name);
            item["indicator"] = text_or_null(cell(row, c.indicator));
            item["target"] = text_or_null(target);
            item["actual"] = text_or_null(actual);
            item["unit"] = p.percent ? bj::value("%") : bj::value(nullptr);
            item["achievement_printed"] = text_or_null(printed_quantity(cell(row, p.achievement)).text);
            item["line"] = row.number;
            if (name.empty() && !measured(doc, cell(row, c.indicator)))
                doc.ctx.note("previous-year-unplaced", Severity::warning,
                             "Realisasi tahun " + std::to_string(*p.year) + " indikator '" + cell(row, c.indicator) +
                                 "' tidak berada di bawah judul sasaran dan indikatornya tidak diukur tahun ini: "
                                 "tidak disimpan",
                             row.number);
            section_array(doc, "previous_year").push_back(std::move(item));
        }
    }
}

// BAB III B as one table of activities (Kinerja's own LKj): a row per activity with the number of the
// objective it supports ("Sasaran" column), up to the total.
void read_activity_budgets(Doc& doc, const Table& t) {
    const Columns& c = t.columns;
    for (auto r : t.rows) {
        const Line& row = doc.at(r);
        if (!row.cells.empty() && is_total_label(row.cells.front())) break;
        if (!looks_numeric(cell(row, c.ceiling))) continue;
        auto item = budget_item(doc, t, row, cell(row, c.activity), "bab3");
        if (const std::string& objective = cell(row, c.objective); is_row_number(objective)) {
            item["objective"] = objective;
            item["objective_line"] = row.number;
        }
        section_array(doc, "budgets").push_back(std::move(item));
    }
}

} // namespace

void read_budgets(Doc& doc, const std::vector<Table>& tables) {
    std::size_t previous_end = 0;
    for (const auto& t : tables) {
        const std::size_t after = previous_end;
        previous_end = t.end;
        if (!t.columns.has_budget()) continue;
        const Line* row = budget_row(doc, t);
        const bool attached = t.first > doc.lampiran;
        if (attached) {
            const Named title = title_above(doc, t, after);
            const std::string name = title.heading ? title.heading->name : "";
            if (row) section_array(doc, "budgets").push_back(budget_item(doc, t, *row, name, "lampiran"));
            read_previous_year(doc, t, name);
            continue;
        }
        if (!row) continue;
        if (t.columns.objective >= 0 && t.columns.activity >= 0) {
            read_activity_budgets(doc, t);
            continue;
        }
        const Named above = heading_above(doc, t, after);
        auto item = budget_item(doc, t, *row, above.heading ? above.heading->name : "", "bab3");
        if (above.heading) {
            item["objective"] = above.heading->number;
            item["objective_line"] = above.line;
        }
        section_array(doc, "budgets").push_back(std::move(item));
    }
}

} // namespace kinerja::import::lkj
