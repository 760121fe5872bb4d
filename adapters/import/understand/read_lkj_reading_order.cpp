// The measurement of LKj tables that the PDF text prints in reading order: no cell keeps its column,
// the words of the objective and indicator columns share lines (a tab between them, or one column
// alone), and each row's number, unit and values stand on one line in the middle of its names:
//
//   Meningkatnya	Persentase                  <- objective words, indicator words
//   jaminan	Pelayanan
//   1	Persen	100%	100%	100%                 <- row number, unit, target, actual, achievement
//   bagi Aparatur	dan Fasilitasi
//
// Two forms are read, told apart by the share of name lines with two text cells:
//  - two columns: an indicator starts where both columns start anew or where a numbered indicator
//    ("3. Persentase") starts; the value rows are given to the indicators in order;
//  - one column (the objective printed once, on its number's line): every value row is one indicator
//    and its names are the lines around it, split where a name can start (a capital) so that each
//    value row stands as near the middle of its names as the page allows.
// Objectives are the row numbers (1, 2, 3, ...); an indicator belongs to the nearest one. The
// header gives the columns only by their count: the values' target/actual/achievement triple is the
// one whose achievement is actual/target (or the lower-is-better formula) on most rows.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>

#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"
#include "core/quantity.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

constexpr std::size_t k_header_reach = 12; // lines from the column-number row up to the table's title
constexpr std::size_t k_max_body = 400;    // lines a table may take (page breaks included)
constexpr std::size_t k_long_line = 80;    // an untabbed line this long is prose: the table ended
constexpr std::size_t k_min_values = 3;    // a value row prints at least target, actual, achievement
constexpr int k_max_row_number = 99;
constexpr int k_not_a_start = 1000;         // cost of an indicator name starting at a lowercase word
constexpr double k_achievement_slack = 0.6; // printed achievements are rounded

bool contains(std::string_view folded, std::string_view word) {
    return folded.find(word) != std::string_view::npos;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts)
        if (!p.empty()) s += (s.empty() ? "" : " ") + p;
    return s;
}

bool starts_upper(std::string_view s) {
    return !s.empty() && std::isupper(static_cast<unsigned char>(s[0]));
}

// "3. Persentase …", "4) Jumlah …": a numbered indicator; `rest` is the name without its number.
bool numbered_name(std::string_view s, std::string* rest = nullptr) {
    std::size_t i = 0;
    while (i < s.size() && i < 2 && std::isdigit(static_cast<unsigned char>(s[i])))
        ++i;
    if (i == 0 || i + 1 >= s.size() || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ') return false;
    if (rest) *rest = clean_text(s.substr(i + 2));
    return true;
}

// A name that stops in the middle: the next line of its column goes on with it.
bool ends_open(std::string_view name) {
    const auto w = words(name);
    if (w.empty()) return false;
    const std::string last = fold(w.back());
    if (last.ends_with(",") || last.ends_with("(") || last.ends_with("/")) return true;
    for (std::string_view c : {"dan", "yang", "atau", "di", "dari", "dengan", "untuk", "serta", "pada", "ke", "oleh",
                               "terhadap", "bagi", "of", "and"})
        if (last == c) return true;
    return false;
}

// ---- the header ----

struct Header {
    std::size_t first = 0, numbers = 0; // first header line, the column-number row under it
    bool unit_column = false;
    std::optional<int> year;
};

bool header_word(std::string_view folded) {
    for (std::string_view w : {"sasaran", "indikator", "target", "realisasi", "capaian", "satuan"})
        if (contains(folded, w)) return true;
    return false;
}

// The header above a column-number row: the lines up to the table's title or a blank line, those
// before the first header word left out. It must name the objective, the indicator, the target and
// the actual or achievement.
std::optional<Header> header_above(const Doc& doc, std::size_t numbers) {
    Header h;
    h.numbers = numbers;
    h.first = numbers;
    std::string all;
    for (std::size_t k = numbers; k-- > 0 && k + k_header_reach > numbers;) {
        const Line& line = doc.at(k);
        const std::string f = fold(line.text);
        if (line.blank() || f.starts_with("tabel") || (!line.tabbed() && line.text.size() > k_long_line)) break;
        if (header_word(f)) h.first = k;
    }
    for (std::size_t k = h.first; k < numbers; ++k)
        all += " " + fold(doc.at(k).text);
    if (h.first == numbers || !contains(all, "sasaran") || !contains(all, "indikator") || !contains(all, "target") ||
        !(contains(all, "realisasi") || contains(all, "capaian")))
        return std::nullopt;
    h.unit_column = contains(all, "satuan");
    for (std::size_t k = h.first; !h.year && k < numbers; ++k)
        h.year = year_in(doc.at(k).text);
    for (std::size_t k = h.first; !h.year && k-- > 0 && k + 3 > h.first;)
        h.year = year_in(doc.at(k).text);
    return h;
}

// ---- the body ----

// One line of the table body, cut into what it holds.
struct BodyLine {
    int line = 0;
    std::size_t page = 0;             // page segment: page breaks and repeated headers part them
    std::optional<int> row;           // the row number in its own first cell
    std::vector<std::string> texts;   // the text cells, without row number, unit and values
    std::string unit;                 // the unit before the values (a table with a "Satuan" column)
    std::vector<std::string> values;  // the trailing values, as printed
    std::string objective, indicator; // the words each column gets (decided later)
    bool value_row() const { return values.size() >= k_min_values; }
};

// A page footer such as "19 | L K I P R S J P r o v" next to a page break (its number changes on
// every page, so Doc::noise does not know it by repetition).
bool page_footer(const Doc& doc, std::size_t i) {
    if (!doc.page_edge(i)) return false;
    const auto w = words(doc.at(i).text);
    return w.size() >= 2 &&
           ((all_digits(w.front()) && w[1] == "|") || (all_digits(w.back()) && w[w.size() - 2] == "|"));
}

bool noise(const Doc& doc, std::size_t i) {
    const Line& line = doc.at(i);
    if (line.blank()) return true;
    // A bare number is a page number only next to a page break; inside the rows it is a row number.
    if (!line.tabbed() && all_digits(line.text)) return doc.page_edge(i);
    return page_footer(doc, i) || doc.noise(i);
}

BodyLine cut(const Line& line, bool unit_column, std::optional<int> next_row) {
    BodyLine b;
    b.line = line.number;
    struct Token {
        std::size_t cell;
        std::string text;
    };
    std::vector<Token> tokens;
    for (std::size_t c = 0; c < line.cells.size(); ++c)
        for (auto& w : words(line.cells[c]))
            tokens.push_back({c, std::move(w)});
    std::size_t end = tokens.size();
    while (end > 0 && looks_numeric(tokens[end - 1].text))
        --end;
    if (tokens.size() - end >= k_min_values)
        for (std::size_t k = end; k < tokens.size(); ++k)
            b.values.push_back(tokens[k].text);
    else
        end = tokens.size();
    std::size_t begin = 0;
    // The row number ("3", "3.") stands in a cell of its own, followed by words or alone on the line.
    const std::string_view first = line.cells.empty() ? std::string_view() : std::string_view(line.cells[0]);
    const std::string_view digits = first.ends_with('.') ? first.substr(0, first.size() - 1) : first;
    if (!tokens.empty() && all_digits(digits) && digits.size() <= 2 && (end > 1 || tokens.size() == 1)) {
        const int n = std::stoi(std::string(digits));
        if (n >= 1 && n <= k_max_row_number && (!next_row || (n >= *next_row && n <= *next_row + 3))) {
            b.row = n;
            begin = 1;
        }
    }
    if (unit_column && b.value_row() && end > begin && !looks_numeric(tokens[end - 1].text))
        b.unit = tokens[--end].text;
    for (std::size_t k = begin; k < end; ++k) {
        if (k == begin || tokens[k].cell != tokens[k - 1].cell) b.texts.emplace_back();
        b.texts.back() += (b.texts.back().empty() ? "" : " ") + tokens[k].text;
    }
    return b;
}

// "RATA – RATA", "Rata-rata :": the average row closes the table (an indicator may start with
// "Rata-rata lama ...", so only the label alone counts).
bool average_row(const Line& line) {
    std::string letters;
    for (char c : fold(line.cells.empty() ? line.text : line.cells[0]))
        if (std::isalpha(static_cast<unsigned char>(c)))
            letters += c;
        else if (c != ' ' && c != '-' && c != ':' && static_cast<unsigned char>(c) < 0x80)
            return false;
    return letters == "ratarata";
}

bool ends_table(const Line& line) {
    return average_row(line) || fold(line.text).starts_with("tabel") ||
           (!line.tabbed() && line.text.size() > k_long_line);
}

std::vector<BodyLine> body_of(const Doc& doc, const Header& h) {
    std::vector<BodyLine> body;
    const std::string first_header = fold(doc.at(h.first).text);
    const std::size_t header_size = h.numbers - h.first;
    std::size_t page = 0;
    bool broken = false;
    std::optional<int> next_row = 1;
    for (std::size_t i = h.numbers + 1; i < doc.size() && i < h.numbers + k_max_body; ++i) {
        const Line& line = doc.at(i);
        // The header printed again on the next page: up to its column-number row.
        if (fold(line.text) == first_header) {
            std::size_t k = i;
            while (k < doc.size() && k <= i + header_size + 2 && !is_column_number_row(doc.at(k)))
                ++k;
            if (k < doc.size() && is_column_number_row(doc.at(k))) {
                i = k;
                broken = true;
                continue;
            }
        }
        if (is_column_number_row(line) || noise(doc, i)) {
            broken = true;
            continue;
        }
        if (ends_table(line)) break;
        if (broken && !body.empty()) ++page;
        broken = false;
        BodyLine b = cut(line, h.unit_column, next_row);
        if (b.row) next_row = *b.row + 1;
        b.page = page;
        body.push_back(std::move(b));
    }
    return body;
}

// ---- indicators ----

struct Indicator {
    std::size_t start = 0, end = 0; // body lines [start, end)
    std::size_t values = 0;         // the body line of its value row
};

// Two columns: the objective's words in the first text cell, the indicator's in the others (a row
// number's line with one text cell gives it to the objective). A run of lines with one text cell
// belongs to one column: the indicator's when it holds a value row's words (they stand next to the
// unit and values, in the indicator column), a numbered indicator, or follows an indicator name left
// open ("... Program dan"); else the objective's.
void split_two_columns(std::vector<BodyLine>& body) {
    std::string indicator_so_far;
    auto add_indicator = [&](BodyLine& b, std::string text) {
        if (numbered_name(text)) indicator_so_far.clear();
        indicator_so_far = joined({indicator_so_far, text});
        b.indicator = std::move(text);
    };
    auto single = [&](const BodyLine& b) { return b.texts.size() == 1 && !b.row; };
    for (std::size_t i = 0; i < body.size();) {
        BodyLine& b = body[i];
        if (!single(b)) {
            if (!b.texts.empty()) b.objective = b.texts[0];
            if (b.texts.size() >= 2)
                add_indicator(b, joined(std::vector<std::string>(b.texts.begin() + 1, b.texts.end())));
            ++i;
            continue;
        }
        std::size_t end = i + 1; // a numbered indicator starts a run of its own
        while (end < body.size() && single(body[end]) && !numbered_name(body[end].texts[0]))
            ++end;
        bool to_indicator = ends_open(indicator_so_far);
        for (std::size_t k = i; k < end; ++k)
            to_indicator = to_indicator || body[k].value_row() || numbered_name(body[k].texts[0]);
        for (std::size_t k = i; k < end; ++k) {
            if (to_indicator)
                add_indicator(body[k], body[k].texts[0]);
            else
                body[k].objective = body[k].texts[0];
        }
        i = end;
    }
}

// Where indicators start in two columns: a numbered indicator, or both columns starting anew
// (a capital in the objective column) after a line of one column.
std::vector<std::size_t> two_column_starts(const std::vector<BodyLine>& body) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const BodyLine& b = body[i];
        const BodyLine* prev = i > 0 ? &body[i - 1] : nullptr;
        const bool single_before = prev && prev->texts.size() == 1 && !prev->value_row();
        const bool both_anew =
            single_before && !b.objective.empty() && !b.indicator.empty() && starts_upper(b.objective);
        if (i == 0 || numbered_name(b.indicator) || both_anew) starts.push_back(i);
    }
    return starts;
}

std::vector<Indicator> two_column_indicators(const std::vector<BodyLine>& body) {
    const auto starts = two_column_starts(body);
    std::vector<std::size_t> value_rows;
    for (std::size_t i = 0; i < body.size(); ++i)
        if (body[i].value_row()) value_rows.push_back(i);
    std::vector<Indicator> out;
    if (starts.size() == value_rows.size()) {
        // Value rows in order: a row's values may stand on the line before its number ("Termonitor
        // Persen 100% …" above "4. Persentase").
        for (std::size_t k = 0; k < starts.size(); ++k)
            out.push_back({starts[k], k + 1 < starts.size() ? starts[k + 1] : body.size(), value_rows[k]});
        return out;
    }
    // Else every value row is an indicator, starting at the last start after the value row before.
    for (auto v : value_rows) {
        const std::size_t lower = out.empty() ? 0 : out.back().values + 1;
        std::size_t s = out.empty() ? 0 : v;
        for (auto st : starts)
            if (st >= lower && st <= v) s = st;
        if (!out.empty()) out.back().end = s;
        out.push_back({s, body.size(), v});
    }
    return out;
}

// One column: the indicator's words are the last text cell (a row number's line gives its first
// cell to the objective).
void split_one_column(std::vector<BodyLine>& body) {
    for (auto& b : body) {
        if (b.texts.empty()) continue;
        if (b.row) {
            b.objective = b.texts[0];
            b.indicator = joined(std::vector<std::string>(b.texts.begin() + 1, b.texts.end()));
        } else {
            b.indicator = b.texts.back();
        }
    }
}

// The split of the name lines among the value rows that puts each value row nearest the middle
// of its names on its page (lines on another page are free: a name cut by a page break goes on).
std::vector<Indicator> one_column_indicators(const std::vector<BodyLine>& body) {
    std::vector<std::size_t> named; // body lines that carry indicator words or values
    for (std::size_t i = 0; i < body.size(); ++i)
        if (!body[i].indicator.empty() || body[i].value_row()) named.push_back(i);
    std::vector<std::size_t> v; // positions in `named` of the value rows
    for (std::size_t p = 0; p < named.size(); ++p)
        if (body[named[p]].value_row()) v.push_back(p);
    if (v.empty()) return {};
    auto imbalance = [&](std::size_t k, std::size_t from, std::size_t to) { // names [from, to) of value row k
        int above = 0, below = 0;
        const std::size_t page = body[named[v[k]]].page;
        for (std::size_t p = from; p < to; ++p)
            if (p != v[k] && body[named[p]].page == page) ++(p < v[k] ? above : below);
        return std::abs(above - below);
    };
    auto start_cost = [&](std::size_t p) {
        const BodyLine& b = body[named[p]];
        return starts_upper(b.indicator) || numbered_name(b.indicator) ? 0 : k_not_a_start;
    };
    // best[k][s]: the least cost of value rows before k with value row k's names starting at s.
    const std::size_t n = v.size();
    constexpr int inf = std::numeric_limits<int>::max() / 4;
    std::vector<std::map<std::size_t, int>> best(n);
    std::vector<std::map<std::size_t, std::size_t>> from(n);
    best[0][0] = 0;
    for (std::size_t k = 1; k < n; ++k)
        for (std::size_t s = v[k - 1] + 1; s <= v[k]; ++s) {
            int least = inf;
            for (const auto& [prev, cost] : best[k - 1]) {
                const int c = cost + imbalance(k - 1, prev, s) + start_cost(s);
                if (c < least) {
                    least = c;
                    from[k][s] = prev;
                }
            }
            best[k][s] = least;
        }
    std::size_t s = 0;
    int least = inf;
    for (const auto& [start, cost] : best[n - 1])
        if (const int c = cost + imbalance(n - 1, start, named.size()); c < least) {
            least = c;
            s = start;
        }
    std::vector<std::size_t> starts(n);
    for (std::size_t k = n; k-- > 0;) {
        starts[k] = s;
        if (k > 0) s = from[k][s];
    }
    std::vector<Indicator> out;
    for (std::size_t k = 0; k < n; ++k)
        out.push_back({named[starts[k]], k + 1 < n ? named[starts[k + 1]] : body.size(), named[v[k]]});
    out.front().start = 0;
    return out;
}

// ---- values ----

std::optional<double> number_of(std::string_view printed) {
    const auto q = parse_quantity(printed_quantity(printed).text);
    if (!q || !q->value) return std::nullopt;
    return static_cast<double>(q->value->mantissa()) / std::pow(10.0, q->value->scale());
}

// Target, actual and achievement stand at [p, p+2] of a row when the achievement is what they give.
bool triple_at(const std::vector<std::string>& values, std::size_t p) {
    const auto t = number_of(values[p]), a = number_of(values[p + 1]), c = number_of(values[p + 2]);
    if (!t || !a || !c || *t == 0) return false;
    return std::abs(*a / *t * 100 - *c) <= k_achievement_slack ||
           std::abs((2 * *t - *a) / *t * 100 - *c) <= k_achievement_slack;
}

std::size_t triple_position(const std::vector<BodyLine>& body) {
    std::map<std::size_t, int> votes;
    for (const auto& b : body)
        if (b.value_row())
            for (std::size_t p = 0; p + 3 <= b.values.size(); ++p)
                if (triple_at(b.values, p)) ++votes[p];
    std::size_t best = 0;
    int most = 0;
    for (const auto& [p, n] : votes)
        if (n > most) {
            most = n;
            best = p;
        }
    return best;
}

bj::object indicator_item(const std::vector<BodyLine>& body, const Indicator& ind, std::size_t p) {
    std::vector<std::string> name;
    for (std::size_t i = ind.start; i < ind.end; ++i) {
        std::string rest;
        name.push_back(numbered_name(body[i].indicator, &rest) ? rest : body[i].indicator);
    }
    const BodyLine& row = body[ind.values];
    p = std::min(p, row.values.size() - 3);
    const auto target = printed_quantity(row.values[p]);
    bj::object item;
    item["name"] = joined(name);
    item["target"] = text_or_null(target.text);
    item["actual"] = text_or_null(printed_quantity(row.values[p + 1]).text);
    item["unit"] = text_or_null(row.unit.empty() ? target.unit : row.unit);
    item["achievement_printed"] = text_or_null(printed_quantity(row.values[p + 2]).text);
    item["line"] = body[ind.start].line;
    return item;
}

// ---- objectives ----

// The objective of each indicator: the row number on its value row, else the nearest row number
// (a row number printed on another indicator's value row starts that indicator's objective).
std::vector<std::size_t> objective_of(const std::vector<BodyLine>& body, const std::vector<Indicator>& indicators,
                                      const std::vector<std::size_t>& numbered) {
    std::vector<std::size_t> out;
    for (const auto& ind : indicators) {
        std::size_t o = 0;
        const std::size_t v = ind.values;
        std::optional<std::size_t> before, after;
        for (std::size_t k = 0; k < numbered.size(); ++k) {
            if (numbered[k] <= v) before = k;
            if (numbered[k] > v && !after) after = k;
        }
        if (before && numbered[*before] == v)
            o = *before;
        else if (!before)
            o = after.value_or(0);
        else if (!after || body[numbered[*after]].value_row())
            o = *before;
        else
            o = (numbered[*after] - v < v - numbered[*before]) ? *after : *before;
        out.push_back(o);
    }
    return out;
}

bj::object objective_item(std::optional<int> number, const std::string& name, int line) {
    bj::object o;
    o["number"] = number ? bj::value(std::to_string(*number)) : bj::value(nullptr);
    const auto code = trailing_code(name);
    o["code"] = code ? bj::value(*code) : bj::value(nullptr);
    o["name"] = text_or_null(name);
    o["line"] = line;
    o["indicators"] = bj::array();
    return o;
}

std::optional<bj::object> measurement_of(const Doc& doc, const Header& h) {
    std::vector<BodyLine> body = body_of(doc, h);
    std::size_t two_cells = 0, name_lines = 0;
    for (const auto& b : body)
        if (!b.value_row() && !b.row && !b.texts.empty()) {
            ++name_lines;
            if (b.texts.size() >= 2) ++two_cells;
        }
    std::size_t value_rows = 0;
    for (const auto& b : body)
        if (b.value_row()) ++value_rows;
    if (value_rows < 2) return std::nullopt;
    const bool two_columns = two_cells * 3 >= name_lines;
    if (two_columns)
        split_two_columns(body);
    else
        split_one_column(body);
    const auto indicators = two_columns ? two_column_indicators(body) : one_column_indicators(body);
    if (indicators.empty()) return std::nullopt;
    const std::size_t p = triple_position(body);

    std::vector<std::size_t> numbered;
    for (std::size_t i = 0; i < body.size(); ++i)
        if (body[i].row) numbered.push_back(i);
    bj::array objectives;
    if (numbered.empty()) {
        // No row numbers: one objective without a name holds the indicators.
        auto o = objective_item(std::nullopt, "", body[indicators.front().start].line);
        o["name"] = nullptr;
        for (const auto& ind : indicators)
            o["indicators"].as_array().push_back(indicator_item(body, ind, p));
        objectives.push_back(std::move(o));
    } else {
        const auto owner = objective_of(body, indicators, numbered);
        for (std::size_t k = 0; k < numbered.size(); ++k) {
            // The objective's lines: from its first indicator (or its number) to its last one's end.
            std::size_t first = numbered[k], last = numbered[k] + 1;
            bool any = false;
            for (std::size_t i = 0; i < indicators.size(); ++i)
                if (owner[i] == k) {
                    first = any ? std::min(first, indicators[i].start) : indicators[i].start;
                    last = std::max(any ? last : 0, indicators[i].end);
                    any = true;
                }
            first = std::min(first, numbered[k]);
            std::vector<std::string> name;
            for (std::size_t i = first; i < last && i < body.size(); ++i)
                name.push_back(body[i].objective);
            auto o = objective_item(body[numbered[k]].row, joined(name), body[first].line);
            for (std::size_t i = 0; i < indicators.size(); ++i)
                if (owner[i] == k) o["indicators"].as_array().push_back(indicator_item(body, indicators[i], p));
            objectives.push_back(std::move(o));
        }
    }
    bj::object m;
    m["year"] = h.year ? bj::value(*h.year) : doc.year ? bj::value(doc.year) : bj::value(nullptr);
    m["line"] = doc.at(h.first).number;
    m["objectives"] = std::move(objectives);
    return m;
}

} // namespace

bool read_reading_order_measurement(Doc& doc) {
    // Each candidate reads up to a few hundred lines below it: a text of thousands of column-number
    // rows is tried on its first ones only (a measurement table is among the first of a report).
    constexpr int k_max_candidates = 32;
    int candidates = 0;
    for (std::size_t i = 0; i < doc.size() && i < doc.lampiran && candidates < k_max_candidates; ++i) {
        if (!is_column_number_row(doc.at(i))) continue;
        const auto header = header_above(doc, i);
        if (!header) continue;
        ++candidates;
        auto m = measurement_of(doc, *header);
        if (!m) continue;
        const bj::value found(std::move(*m));
        if (measured_indicators(doc.ctx.seed.if_contains("measurement")).size() >= measured_indicators(&found).size())
            return false;
        doc.ctx.seed["measurement"] = found;
        return true;
    }
    return false;
}

} // namespace kinerja::import::lkj
