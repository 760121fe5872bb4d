#pragma once
// Internal to the LKj reader (read_lkj*.cpp): the document with its page noise known, tab-separated
// tables read by their headers, and the sections each file fills. Not part of the toolkit.
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/import/understand/context.h"

namespace kinerja::import::lkj {

// The lines plus what the whole document tells about each: page headers and footers repeat on every
// page and cut tables in two, so they are known once (a count per text) and skipped inside tables.
struct Doc {
    Context& ctx;
    const std::vector<Line>& lines;
    std::unordered_map<std::string, int> repeats; // untabbed short texts -> how often they stand alone
    std::size_t lampiran = 0;                     // index of the "Lampiran" heading; lines.size() if none
    int year = 0;                                 // the document's year (0: unknown)

    explicit Doc(Context& c);
    std::size_t size() const { return lines.size(); }
    const Line& at(std::size_t i) const { return lines[i]; }
    // Page header/footer, separator or page number: not content, even in the middle of a table.
    bool noise(std::size_t i) const;
    bool page_edge(std::size_t i) const; // a short untabbed line next to a blank one
};

// What a table column holds, read from its header.
enum class Role {
    none,
    number,
    objective,
    activity,
    indicator,
    unit,
    target,
    actual,
    achievement,
    ceiling,
    spent,
    spent_percent
};

// The role of a column that stands alone under its header, from its folded label.
Role column_role(const std::string& folded_label);

// One "Kinerja [Tahun N]" group of columns: target, actual, achievement.
struct PerformanceColumns {
    std::optional<int> year;
    int target = -1, actual = -1, achievement = -1;
    bool percent = false; // the header says "(%)": the values are bare numbers in percent
};

struct Columns {
    int number = -1, objective = -1, activity = -1, indicator = -1, unit = -1;
    // "Sasaran / Indikator Kinerja": one column of indicators under rows that name their objective,
    // which a spreadsheet prints as one merged cell (an untabbed line inside the table).
    bool objective_rows = false;
    std::vector<PerformanceColumns> performance;
    int ceiling = -1, spent = -1, spent_percent = -1;
    std::optional<int> budget_year;
    bool has_budget() const { return ceiling >= 0; }
};

// A tab-separated table: header rows, then body rows up to the first prose line (page noise between
// rows is skipped, so a table cut by a page break stays one table).
struct Table {
    std::size_t first = 0;         // first header row
    std::vector<std::size_t> head; // header rows
    std::vector<std::size_t> rows; // body rows (tabbed), in order
    std::size_t end = 0;           // index after the last row
    Columns columns;
};

// The table whose first header row is at `first` (a tabbed line).
Table read_table(const Doc& doc, std::size_t first);
// The cell of a row, "" when the row is shorter.
const std::string& cell(const Line& line, int column);
// "Sasaran 1. name", "Sasaran 2 : name", "Sasaran Ke-1 = name", "1. Sasaran : name".
struct Heading {
    std::string number, name;
};
std::optional<Heading> objective_heading(std::string_view text);
// "C. Rencana Kinerja Tahunan 2024": a chapter's lettered section heading.
bool lettered_heading(const Line& line);
// "1. text" (one or two digits, a dot, a space) -> number "1", rest "text"; false for other lines.
bool numbered_item(const std::string& text, std::string& number, std::string& rest);

// The sections (read_lkj.cpp, read_lkj_budgets.cpp, read_lkj_prose.cpp, read_lkj_flow.cpp).
void read_measurement(Doc& doc, const std::vector<Table>& tables);
void read_budgets(Doc& doc, const std::vector<Table>& tables);
void read_evaluations(Doc& doc);
void read_obstacles(Doc& doc, const std::vector<Table>& tables);
void read_flow_measurement(Doc& doc); // layout and reading-order styles (no tab tables)
// read_lkj_reading_order.cpp: a table printed in reading order (name words of several columns share
// lines, each value row stands in the middle of its names) unless the measurement already read
// holds as many indicators; false when it is kept.
bool read_reading_order_measurement(Doc& doc);
// After the agreements (read_lkj_people.cpp): seed["units"] and seed["people"].
void read_units_and_people(Doc& doc, const std::vector<Table>& tables);
void read_lkj_renstra(Doc& doc); // read_lkj_plan.cpp: seed["renstra"] from BAB II B

boost::json::array& section_array(Doc& doc, const char* key);
// The indicators a seed's "measurement" holds, in order (none when there is no measurement).
std::vector<const boost::json::object*> measured_indicators(const boost::json::value* measurement);

} // namespace kinerja::import::lkj
