// Reads an LKj (Laporan Kinerja) into seed/1 (data/demo/FORMAT.md): the measurement table of BAB III,
// the budget tables, last year's figures, evaluations and obstacles. Tables are read by their headers
// (which column says Target, Realisasi, Pagu...), values by their form, never by the seed's layout.
#include "adapters/import/understand/read_lkj.h"

#include <cctype>

#include "adapters/import/understand/layout_table.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;

namespace lkj {
namespace {

bool has_lowercase(std::string_view s) {
    for (char c : s)
        if (c >= 'a' && c <= 'z') return true;
    return false;
}

int letters(std::string_view s) {
    int n = 0;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c))) ++n;
    return n;
}

bool only_digits_and_marks(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ' ' && c != '|' && c != '.') return false;
    return true;
}

constexpr std::size_t k_short_line = 120;
constexpr std::size_t k_max_noise_run = 14; // blank/noise lines a page break may put inside a table

} // namespace

Doc::Doc(Context& c) : ctx(c), lines(c.lines), lampiran(c.lines.size()), year(c.facts.year.value_or(0)) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (page_edge(i)) ++repeats[fold(lines[i].text)];
    // The attachment starts at the last line that says only "Lampiran" (after the chapters; the
    // attachments' own titles "Lampiran 1. Perjanjian Kinerja", "Lampiran Perjanjian Kinerja Tahun …"
    // follow it), else at the last line starting so.
    std::size_t titled = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string f = fold(lines[i].text);
        if (f == "lampiran" || f == "lampiran-lampiran") lampiran = i;
        if (f.starts_with("lampiran ")) titled = i;
    }
    if (lampiran == lines.size()) lampiran = titled;
}

bool Doc::page_edge(std::size_t i) const {
    // Running headers and footers stand next to the blank lines of a page break; a wrapped table cell
    // that repeats in several tables does not.
    const Line& line = lines[i];
    if (line.tabbed() || line.blank() || line.text.size() > k_short_line) return false;
    return (i > 0 && lines[i - 1].blank()) || (i + 1 < lines.size() && lines[i + 1].blank()) || i == 0 ||
           i + 1 == lines.size();
}

bool Doc::noise(std::size_t i) const {
    const Line& line = lines[i];
    if (line.blank()) return true;
    const std::string& t = line.text;
    // Separator rows of dashes, in cells or not.
    bool dashes = true;
    for (char c : t)
        if (c != '-' && c != ' ') dashes = false;
    if (dashes) return true;
    if (line.tabbed()) return false;
    if (t.size() > k_short_line) return false;
    if (only_digits_and_marks(t)) return true; // page numbers
    const std::string f = fold(t);
    if (f.starts_with("bab ")) return false;
    // Running headers: a capitals-only line (not a bare "(6639)"), or one that repeats on many pages.
    if (!has_lowercase(t) && letters(t) >= 3) return true;
    if (!page_edge(i)) return false;
    const auto it = repeats.find(f);
    return it != repeats.end() && it->second >= 3;
}

const std::string& cell(const Line& line, int column) {
    static const std::string empty;
    if (column < 0 || static_cast<std::size_t>(column) >= line.cells.size()) return empty;
    return line.cells[static_cast<std::size_t>(column)];
}

std::optional<Heading> objective_heading(std::string_view text) {
    std::string t = clean_text(text);
    std::string f = fold(t);
    std::size_t i = 0;
    Heading h;
    auto skip = [&](std::string_view chars) {
        while (i < f.size() && chars.find(f[i]) != std::string_view::npos)
            ++i;
    };
    auto digits = [&] {
        const std::size_t start = i;
        while (i < f.size() && i - start < 3 && std::isdigit(static_cast<unsigned char>(f[i])))
            ++i;
        return f.substr(start, i - start);
    };
    if (!f.empty() && std::isdigit(static_cast<unsigned char>(f[0]))) {
        // "1. Sasaran : name"
        h.number = digits();
        skip(". ");
        if (!(f.compare(i, 7, "sasaran") == 0)) return std::nullopt;
        i += 7;
    } else {
        if (!f.starts_with("sasaran")) return std::nullopt;
        i = 7;
        skip(" ");
        if (f.compare(i, 3, "ke-") == 0 || f.compare(i, 3, "ke ") == 0) i += 3;
        h.number = digits();
        if (h.number.empty()) return std::nullopt;
    }
    skip(" .:=)-");
    if (i >= t.size()) return std::nullopt;
    h.name = t.substr(i);
    return h;
}

// ---- tables ----

namespace {

bool numeric_cell_beyond_first(const Line& line) {
    for (std::size_t c = 1; c < line.cells.size(); ++c)
        if (looks_numeric(line.cells[c])) return true;
    return false;
}

bool first_cell_is_number(const Line& line) {
    const std::string& c = line.cells.empty() ? line.text : line.cells[0];
    if (c.empty() || c.size() > 4) return false;
    for (char ch : c)
        if (!std::isdigit(static_cast<unsigned char>(ch)) && ch != '.') return false;
    return true;
}

bool says(std::string_view folded, std::string_view word) {
    return folded.find(word) != std::string_view::npos;
}

} // namespace

// The role of a column that stands alone under its header (not inside a spanning group).
Role column_role(const std::string& f) {
    if (f == "no" || f == "no." || f == "nomor") return Role::number;
    if (says(f, "hasil")) return Role::none;
    // "Sasaran / Indikator Kinerja": the indicators, under rows that name their objective ("Sasaran 1. …").
    if (says(f, "sasaran") && says(f, "indikator")) return Role::indicator;
    if (says(f, "sasaran")) return Role::objective;
    if (says(f, "indikator")) return Role::indicator;
    if (says(f, "satuan")) return Role::unit;
    if (says(f, "pagu")) return Role::ceiling;
    if (says(f, "(rp)")) return Role::spent;
    if (says(f, "target")) return Role::target;
    if (says(f, "realisasi")) return Role::actual;
    if (says(f, "capaian") || says(f, "penyerapan") || f == "%" || says(f, "% ")) return Role::achievement;
    // After the values: "Pagu Kegiatan", "Target Kinerja Kegiatan" are values of an activity.
    if (says(f, "kegiatan")) return Role::activity;
    return Role::none;
}

namespace {

Columns read_columns(const Doc& doc, const std::vector<std::size_t>& head) {
    Columns cols;
    if (head.empty()) return cols;
    std::size_t width = 0;
    for (auto h : head)
        width = std::max(width, doc.at(h).cells.size());
    const Line& top = doc.at(head[0]);
    // The top row's labels span to the right over empty cells when a second header row exists.
    std::vector<int> group_start(width, 0);
    for (std::size_t c = 0; c < width; ++c) {
        const bool own = c < top.cells.size() && !top.cells[c].empty();
        group_start[c] = own || c == 0 || head.size() < 2 ? static_cast<int>(c) : group_start[c - 1];
    }
    for (std::size_t c = 0; c < width;) {
        const auto start = static_cast<std::size_t>(group_start[c]);
        std::size_t span = 1;
        while (c + span < width && static_cast<std::size_t>(group_start[c + span]) == start)
            ++span;
        const std::string group = fold(cell(top, static_cast<int>(start)));
        std::string sub;
        for (std::size_t h = 1; h < head.size(); ++h)
            for (std::size_t k = c; k < c + span; ++k)
                sub += " " + fold(cell(doc.at(head[h]), static_cast<int>(k)));
        const bool percent = says(sub, "(%)") || says(group, "(%)");
        if (span > 1 && (says(group, "anggaran") || says(group, "pagu"))) {
            // By position: the sub-headers of budget groups are often mislabelled copies.
            cols.ceiling = static_cast<int>(c);
            cols.spent = static_cast<int>(c + 1);
            if (span > 2) cols.spent_percent = static_cast<int>(c + 2);
            cols.budget_year = year_in(group);
        } else if (span > 1 && !says(group, "hasil")) {
            PerformanceColumns p;
            p.year = year_in(group);
            p.target = static_cast<int>(c);
            p.actual = static_cast<int>(c + 1);
            if (span > 2) p.achievement = static_cast<int>(c + 2);
            p.percent = percent;
            cols.performance.push_back(p);
        } else if (span == 1) {
            std::string label = group;
            for (std::size_t h = 1; h < head.size(); ++h) {
                const std::string more = fold(cell(doc.at(head[h]), static_cast<int>(c)));
                if (!more.empty()) label += (label.empty() ? "" : " ") + more;
            }
            switch (column_role(label)) {
            case Role::number:
                cols.number = static_cast<int>(c);
                break;
            case Role::objective:
                cols.objective = static_cast<int>(c);
                break;
            case Role::indicator:
                cols.indicator = static_cast<int>(c);
                cols.objective_rows = says(label, "sasaran");
                break;
            case Role::activity:
                cols.activity = static_cast<int>(c);
                break;
            case Role::unit:
                cols.unit = static_cast<int>(c);
                break;
            case Role::ceiling:
                cols.ceiling = static_cast<int>(c);
                break;
            case Role::spent:
                cols.spent = static_cast<int>(c);
                break;
            case Role::target:
                cols.performance.push_back({year_in(label), static_cast<int>(c), -1, -1, says(label, "(%)")});
                break;
            case Role::actual:
                if (!cols.performance.empty() && cols.performance.back().actual < 0)
                    cols.performance.back().actual = static_cast<int>(c);
                break;
            case Role::achievement:
                if (!cols.performance.empty() && cols.performance.back().achievement < 0)
                    cols.performance.back().achievement = static_cast<int>(c);
                else if (cols.spent >= 0 && cols.spent_percent < 0)
                    cols.spent_percent = static_cast<int>(c);
                break;
            default:
                break;
            }
        }
        c += span;
    }
    return cols;
}

} // namespace

Table read_table(const Doc& doc, std::size_t first) {
    Table t;
    t.first = first;
    std::size_t i = first;
    // Header rows: up to a column-number row when one follows within four rows, else the rows
    // before the first that carries a number or a value.
    std::size_t numbers_row = 0;
    for (std::size_t k = first; k < doc.size() && k < first + 4 && doc.at(k).tabbed(); ++k)
        if (is_column_number_row(doc.at(k))) {
            numbers_row = k;
            break;
        }
    if (numbers_row > first) {
        for (std::size_t k = first; k < numbers_row; ++k)
            t.head.push_back(k);
        i = numbers_row + 1;
    } else {
        t.head.push_back(first);
        i = first + 1;
        // A row naming an objective ("Sasaran 1. …" over its indicators) is the first row, not a header.
        while (i < doc.size() && i < first + 3 && doc.at(i).tabbed() && !first_cell_is_number(doc.at(i)) &&
               !numeric_cell_beyond_first(doc.at(i)) && !objective_heading(doc.at(i).cells[0]))
            t.head.push_back(i++);
    }
    t.columns = read_columns(doc, t.head);
    std::size_t noise_run = 0;
    t.end = i;
    for (; i < doc.size(); ++i) {
        const Line& line = doc.at(i);
        const bool objective_row = t.columns.objective_rows && !line.tabbed() && objective_heading(line.text);
        // The header printed again at the top of the next page is no row.
        const bool header_again = line.tabbed() && line.cells == doc.at(t.head.front()).cells;
        if (header_again) {
            noise_run = 0;
            continue;
        }
        if ((line.tabbed() || objective_row) && !doc.noise(i)) {
            t.rows.push_back(i);
            t.end = i + 1;
            noise_run = 0;
            continue;
        }
        if (!doc.noise(i) || ++noise_run > k_max_noise_run) break;
    }
    return t;
}

std::vector<const bj::object*> measured_indicators(const bj::value* measurement) {
    std::vector<const bj::object*> out;
    const auto* m = measurement ? measurement->if_object() : nullptr;
    const auto* objectives = m ? m->if_contains("objectives") : nullptr;
    if (!objectives || !objectives->is_array()) return out;
    for (const auto& o : objectives->as_array())
        if (const auto* list = o.is_object() ? o.as_object().if_contains("indicators") : nullptr;
            list && list->is_array())
            for (const auto& i : list->as_array())
                if (i.is_object()) out.push_back(&i.as_object());
    return out;
}

boost::json::array& section_array(Doc& doc, const char* key) {
    auto& seed = doc.ctx.seed;
    if (!seed.contains(key)) seed[key] = bj::array();
    return seed[key].as_array();
}

// ---- measurement (BAB III A) ----

namespace {

bool is_measurement_table(const Table& t) {
    if (t.columns.has_budget() || t.columns.indicator < 0 || t.columns.performance.empty()) return false;
    const auto& p = t.columns.performance.front();
    return p.target >= 0 && p.actual >= 0;
}

bj::object indicator_item(const Line& row, const Columns& cols, const PerformanceColumns& p) {
    bj::object item;
    item["name"] = cell(row, cols.indicator);
    const auto target = printed_quantity(cell(row, p.target));
    item["target"] = text_or_null(target.text);
    item["actual"] = text_or_null(printed_quantity(cell(row, p.actual)).text);
    item["unit"] = p.percent ? bj::value("%") : text_or_null(cols.unit >= 0 ? cell(row, cols.unit) : target.unit);
    item["achievement_printed"] =
        p.achievement >= 0 ? text_or_null(printed_quantity(cell(row, p.achievement)).text) : bj::value(nullptr);
    item["line"] = row.number;
    return item;
}

} // namespace

void read_measurement(Doc& doc, const std::vector<Table>& tables) {
    const Table* table = nullptr;
    for (const auto& t : tables)
        if (t.first < doc.lampiran && is_measurement_table(t)) {
            table = &t;
            break;
        }
    if (!table) return;
    const Columns& cols = table->columns;
    const PerformanceColumns& p = cols.performance.front();
    bj::object measurement;
    measurement["year"] = p.year ? bj::value(*p.year) : doc.year ? bj::value(doc.year) : bj::value(nullptr);
    measurement["line"] = doc.at(table->first).number;
    bj::array objectives;
    for (auto r : table->rows) {
        const Line& row = doc.at(r);
        const std::string& first = row.cells.empty() ? row.text : row.cells[0];
        if (auto h = objective_heading(first); h && cell(row, p.target).empty()) {
            bj::object o;
            o["number"] = h->number;
            const auto code = trailing_code(h->name);
            o["code"] = code ? bj::value(*code) : bj::value(nullptr);
            o["name"] = h->name;
            o["line"] = row.number;
            o["indicators"] = bj::array();
            objectives.push_back(std::move(o));
            continue;
        }
        if (cell(row, cols.indicator).empty()) continue;
        if (objectives.empty()) {
            // Indicators before any "Sasaran" row: one objective without a name holds them.
            bj::object o{{"number", nullptr}, {"code", nullptr}, {"name", nullptr}, {"line", row.number}};
            o["indicators"] = bj::array();
            objectives.push_back(std::move(o));
        }
        auto& indicators = objectives.back().as_object()["indicators"].as_array();
        const bool no_values = cell(row, p.target).empty() && cell(row, p.actual).empty();
        const std::string& name = cell(row, cols.indicator);
        if (no_values && !indicators.empty() && std::islower(static_cast<unsigned char>(name[0]))) {
            // A wrapped name continues on the next row.
            auto& last = indicators.back().as_object();
            last["name"] = std::string(last["name"].as_string()) + " " + name;
            continue;
        }
        indicators.push_back(indicator_item(row, cols, p));
    }
    measurement["objectives"] = std::move(objectives);
    doc.ctx.seed["measurement"] = std::move(measurement);
}

// The agreements (PK) an LKj carries: the summary in BAB II ("D. Perjanjian Kinerja Tahun 2024" up to
// the next chapter) and the signed PKs attached after the Lampiran tables. read_pk.cpp reads them.
void read_lkj_agreements(Doc& doc) {
    std::size_t summary = doc.size(), attached = doc.size();
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const std::string f = fold(doc.at(i).text);
        // A heading stands alone; the table of contents' line has its page number in a cell.
        const bool lettered =
            !doc.at(i).tabbed() && f.size() > 3 && f[1] == '.' && std::isalpha(static_cast<unsigned char>(f[0]));
        if (i < doc.lampiran && summary == doc.size() && lettered && f.find("perjanjian kinerja") == 3) summary = i;
        if (i > doc.lampiran && attached == doc.size() && f.starts_with("perjanjian kinerja")) attached = i;
    }
    if (summary < doc.size()) {
        std::size_t end = summary + 1;
        bool table = false;
        while (end < doc.size() && end < doc.lampiran && !fold(doc.at(end).text).starts_with("bab "))
            table = doc.at(end++).tabbed() || table;
        // A section that only says the agreement is signed and attached ("Naskah lengkap terlampir")
        // holds no agreement of its own.
        if (table) read_agreements(doc.ctx, doc.at(summary).number, static_cast<int>(end));
    }
    if (attached < doc.size()) read_agreements(doc.ctx, doc.at(attached).number, static_cast<int>(doc.size()));
}

bool numbered_item(const std::string& text, std::string& number, std::string& rest) {
    std::size_t i = 0;
    while (i < text.size() && i < 2 && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == 0 || i + 2 > text.size() || text[i] != '.' || text[i + 1] != ' ') return false;
    number = text.substr(0, i);
    rest = text.substr(i + 2);
    return !rest.empty();
}

bool lettered_heading(const Line& line) {
    const std::string& t = line.text;
    return t.size() > 3 && t[1] == '.' && t[2] == ' ' && std::isupper(static_cast<unsigned char>(t[0]));
}

// The RKT an LKj restates (BAB II "C. Rencana Kinerja Tahunan 2024" up to the next lettered section
// or chapter): read_rkt reads it from those lines alone, which keep their numbers in the document.
// The table of contents names the section too; the first heading whose lines hold an RKT counts.
void read_lkj_rkt(Doc& doc) {
    for (std::size_t first = 0; first < doc.lampiran && first < doc.size(); ++first) {
        if (!lettered_heading(doc.at(first)) || fold(doc.at(first).text).find("rencana kinerja tahunan") != 3) continue;
        std::size_t end = first + 1;
        while (end < doc.size() && end < doc.lampiran && !lettered_heading(doc.at(end)) &&
               !fold(doc.at(end).text).starts_with("bab "))
            ++end;
        bool table = false;
        for (std::size_t i = first; i < end && !table; ++i)
            table = doc.at(i).tabbed();
        if (!table) continue; // the table of contents
        // read_rkt finds a line by its number: the lines keep their places, all but the section's
        // blank, and so are the page headers the LKj repeats (they would end the table).
        std::vector<Line> section(end);
        for (std::size_t i = 0; i < end; ++i) {
            section[i].number = doc.at(i).number;
            if (i >= first && (i == first || !doc.noise(i))) section[i] = doc.at(i);
        }
        section[first].text = section[first].text.substr(3); // the section letter is not the title's
        section[first].cells = {section[first].text};
        bj::object rkt_seed;
        Context rkt{section, doc.ctx.facts, rkt_seed, {}, doc.ctx.source};
        read_rkt(rkt);
        if (auto* plans = rkt_seed.if_contains("rkt")) {
            doc.ctx.seed["rkt"] = std::move(*plans);
            return;
        }
    }
}

} // namespace lkj

namespace {

void read_lkj_lines(Context& ctx) {
    lkj::Doc doc(ctx);
    // Every tab table once, in order; the sections pick theirs by header.
    std::vector<lkj::Table> tables;
    for (std::size_t i = 0; i < doc.size();) {
        if (!doc.at(i).tabbed() || doc.noise(i)) {
            ++i;
            continue;
        }
        tables.push_back(lkj::read_table(doc, i));
        i = std::max(tables.back().end, i + 1);
    }
    lkj::read_measurement(doc, tables);
    lkj::read_budgets(doc, tables);
    lkj::read_evaluations(doc);
    lkj::read_obstacles(doc, tables);
    lkj::read_lkj_agreements(doc);
    lkj::read_units_and_people(doc, tables);
    lkj::read_lkj_rkt(doc);
    lkj::read_lkj_renstra(doc);
    if (!ctx.seed.contains("measurement")) lkj::read_flow_measurement(doc);
    // A table printed in reading order replaces a reading that found fewer of its indicators.
    lkj::read_reading_order_measurement(doc);
}

// A header of the tables an LKj holds, as a band of column-aligned text gives it: the measurement
// (indicator, target, actual), a budget table (ceiling), an agreement's tables.
bool is_lkj_table_header(const Line& l) {
    bool indicator = false, target = false, actual = false, ceiling = false;
    for (const auto& c : l.cells) {
        const lkj::Role role = lkj::column_role(fold(c));
        indicator = indicator || role == lkj::Role::indicator;
        target = target || role == lkj::Role::target;
        actual = actual || role == lkj::Role::actual;
        ceiling = ceiling || role == lkj::Role::ceiling;
    }
    return (indicator && target && actual) || ceiling || is_agreement_table_header(l);
}

// A report with no year in its title (a chapter, an untitled file) is of the year its measurement
// table names ("Thn 2016"), not of a year its introduction speaks of.
void year_of_measurement(Context& ctx) {
    if (ctx.facts.year_in_title) return;
    const auto* m = ctx.seed.if_contains("measurement");
    const auto* year = m && m->is_object() ? m->as_object().if_contains("year") : nullptr;
    if (!year || !year->is_int64() || ctx.facts.year == static_cast<int>(year->as_int64())) return;
    ctx.facts.year = static_cast<int>(year->as_int64());
    ctx.seed["year"] = year->as_int64();
}

} // namespace

void read_lkj(Context& ctx) {
    const bj::object before = ctx.seed;
    read_lkj_lines(ctx);
    if (!lkj::measured_indicators(ctx.seed.if_contains("measurement")).empty()) return year_of_measurement(ctx);
    // Column-aligned text (pdftotext -layout of a report with ruled tables, Kinerja's own among them):
    // read again with its tables as tabbed rows (layout_table.h) when that finds the measurement.
    const auto lines = tabbed_layout_tables(ctx.lines, is_lkj_table_header);
    bj::object seed = before;
    Context aligned{lines, ctx.facts, seed, {}, ctx.source};
    read_lkj_lines(aligned);
    if (lkj::measured_indicators(seed.if_contains("measurement")).empty()) return;
    ctx.seed = std::move(seed);
    ctx.findings = std::move(aligned.findings);
    year_of_measurement(ctx);
}

} // namespace kinerja::import
