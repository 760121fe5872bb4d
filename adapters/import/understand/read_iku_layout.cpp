// Indicator tables of other agencies' IKU and Renstra documents in column-aligned text: a header
// naming the indicator column and the years (with TARGET / REALISASI under each year, EKSISTING for
// the baseline, Satuan for the unit), then rows whose values stand under those headers.
//
// Columns are known by position: every word is given to the header anchor nearest to where it
// starts, so a name that runs into the next column ("... RAD-PPK 100 (Hijau)") is cut where the
// column begins. A row is a line with at least two values and a name or a row number. Its name's
// other lines stand above and below it (when some row's own line has no name: the name is centred
// on its values) or below it (the name starts on the row's line).
#include <algorithm>
#include <map>

#include "adapters/import/understand/plan_table.h"
#include "adapters/import/understand/read_iku.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

using Word = LayoutWord;

enum class AnchorKind { baseline, target, actual, unit };
struct Anchor {
    int x = 0;
    AnchorKind kind = AnchorKind::target;
    int year = 0;
};

struct Table {
    int first_index = 0; // first line index after the header
    int indicator_x = 0;
    int value_x = 0; // where the value columns begin
    int baseline_year = 0;
    std::vector<Anchor> anchors;
};

struct RowValues {
    std::map<std::size_t, std::string> by_anchor;
};

struct Row {
    int index = 0; // the row line
    int name_line = 0;
    std::string number, name;
    RowValues values;
};

// A word that reads as a value even inside a run of words: "65", "(Hijau)", "II", "III".
bool value_like(const std::string& w) {
    if (w.empty()) return false;
    if (std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '(') return true;
    return w.find_first_not_of("IVX") == std::string::npos;
}

bool is_year_word(const std::string& w) {
    return w.size() == 4 && year_in(w).has_value();
}

class LayoutReader {
public:
    explicit LayoutReader(Context& ctx) : m_lines(ctx.lines) {}

    bj::array read() {
        bj::array indicators;
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            Table t;
            if (!header_at(i, t)) continue;
            const std::size_t end = read_rows(t, indicators);
            i = std::max(i, end);
        }
        return indicators;
    }

private:
    // A line with two or more years, and "indikator" within eight lines above or four below it.
    bool header_at(std::size_t year_index, Table& t) const {
        const auto words = layout_words(m_lines[year_index].raw);
        std::vector<Word> years;
        for (const auto& w : words)
            if (is_year_word(w.text)) years.push_back(w);
        if (years.size() < 2 || years.size() * 2 < words.size()) return false;
        int indicator_x = -1;
        for (std::size_t k = year_index >= 8 ? year_index - 8 : 0; k < m_lines.size() && k <= year_index + 4; ++k)
            for (const auto& w : layout_words(m_lines[k].raw))
                if (fold(w.text) == "indikator" && indicator_x < 0) indicator_x = w.x;
        if (indicator_x < 0) return false;
        // The header's lines after the years: capitals and years only.
        std::size_t last = year_index;
        while (last + 1 < m_lines.size() && !m_lines[last + 1].blank() && is_header_words(m_lines[last + 1].text))
            ++last;
        std::vector<Word> subs;
        // TARGET and REALISASI stand under the years; Satuan and EKSISTING anywhere in the header.
        for (std::size_t k = year_index >= 6 ? year_index - 6 : 0; k <= last; ++k)
            for (const auto& w : layout_words(m_lines[k].raw)) {
                const std::string f = fold(w.text);
                const bool sub = f == "target" || f == "targe" || f == "t" || f == "realisasi";
                if (sub && k >= year_index) subs.push_back(w);
                if (f == "satuan") t.anchors.push_back(Anchor{w.x, AnchorKind::unit, 0});
                if (f == "eksisting") t.anchors.push_back(Anchor{w.x, AnchorKind::baseline, 0});
                if (is_year_word(w.text) && k != year_index) t.baseline_year = std::stoi(w.text);
            }
        add_value_anchors(years, subs, t);
        if (t.anchors.empty()) return false;
        std::sort(t.anchors.begin(), t.anchors.end(), [](const Anchor& a, const Anchor& b) { return a.x < b.x; });
        t.value_x = t.anchors.front().x - 2;
        t.first_index = static_cast<int>(last + 1);
        t.indicator_x = indicator_x;
        return true;
    }

    static bool is_header_words(const std::string& text) {
        for (char c : text)
            if (std::islower(static_cast<unsigned char>(c))) return false;
        return true;
    }

    // Under each year a TARGET and a REALISASI column, or the year itself is the target column.
    static void add_value_anchors(const std::vector<Word>& years, const std::vector<Word>& subs, Table& t) {
        if (subs.empty()) {
            for (const auto& y : years)
                t.anchors.push_back(Anchor{y.x, AnchorKind::target, std::stoi(y.text)});
            return;
        }
        std::map<std::pair<int, int>, bool> seen; // (year, kind) given an anchor already
        for (const auto& s : subs) {
            const auto nearest = std::min_element(years.begin(), years.end(), [&](const Word& a, const Word& b) {
                return std::abs(a.x - s.x) < std::abs(b.x - s.x);
            });
            const int year = std::stoi(nearest->text);
            const AnchorKind kind = fold(s.text) == "realisasi" ? AnchorKind::actual : AnchorKind::target;
            if (seen[{year, static_cast<int>(kind)}]) continue;
            seen[{year, static_cast<int>(kind)}] = true;
            t.anchors.push_back(Anchor{s.x, kind, year});
        }
    }

    std::size_t nearest_anchor(const Table& t, int x) const {
        std::size_t best = 0;
        for (std::size_t a = 1; a < t.anchors.size(); ++a)
            if (std::abs(t.anchors[a].x - x) < std::abs(t.anchors[best].x - x)) best = a;
        return best;
    }

    // Which words of a line are the name's: those left of the values, and those that run on from
    // the name past where the values begin, until one reads as a value.
    static std::vector<bool> in_name(const Table& t, const std::vector<Word>& words) {
        std::vector<bool> name(words.size(), false);
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (words[k].x < t.value_x)
                name[k] = true;
            else if (k > 0 && name[k - 1] && words[k].run_on && !value_like(words[k].text))
                name[k] = true;
        }
        return name;
    }

    // The values of a line by anchor; words joined per anchor.
    RowValues values_of(const Table& t, const std::vector<Word>& words) const {
        RowValues v;
        std::size_t current = t.anchors.size();
        int last_end = -10;
        const auto name = in_name(t, words);
        for (std::size_t k = 0; k < words.size(); ++k) {
            const Word& w = words[k];
            if (name[k]) continue;
            // A word one space after the previous stays in its cell ("2,693 poin", "100 (Hijau)").
            const std::size_t a = w.x <= last_end + 1 && current < t.anchors.size() ? current : nearest_anchor(t, w.x);
            auto& cell = v.by_anchor[a];
            cell = joined(cell, w.text);
            current = a;
            last_end = w.x + static_cast<int>(w.text.size());
        }
        return v;
    }

    std::string name_of(const Table& t, const std::vector<Word>& words, int indicator_x) const {
        std::string name;
        const auto in = in_name(t, words);
        for (std::size_t k = 0; k < words.size(); ++k)
            if (in[k] && words[k].x >= indicator_x - 3) name = joined(name, words[k].text);
        return name;
    }

    // A page footer ("Halaman 6-5", "Lamp -1", "I N S P E K T O R A T") or a sentence of prose after
    // the table.
    static bool ends_table(const std::vector<Word>& words) {
        int letters = 0;
        bool digits = false;
        for (const auto& w : words) {
            const std::string f = fold(w.text);
            if (f == "halaman" || f == "lamp") return true;
            if (w.text.size() == 1 && std::isalpha(static_cast<unsigned char>(w.text[0]))) ++letters;
            digits = digits || std::any_of(w.text.begin(), w.text.end(),
                                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        }
        if (letters >= 6) return true;
        const char last = words.empty() ? ' ' : words.back().text.back();
        return words.size() >= 6 && !digits && (last == ',' || last == '.');
    }

    std::size_t unit_anchor(const Table& t) const {
        for (std::size_t a = 0; a < t.anchors.size(); ++a)
            if (t.anchors[a].kind == AnchorKind::unit) return a;
        return t.anchors.size();
    }

    std::size_t read_rows(const Table& t, bj::array& out) {
        // The table's lines, up to its end.
        std::vector<std::vector<Word>> words;
        std::size_t i = static_cast<std::size_t>(t.first_index);
        int blanks = 0;
        for (; i < m_lines.size(); ++i) {
            if (m_lines[i].blank()) {
                if (++blanks >= 3) break;
                words.emplace_back();
                continue;
            }
            blanks = 0;
            auto w = layout_words(m_lines[i].raw);
            if (ends_table(w)) break;
            words.push_back(std::move(w));
        }
        const int indicator_x = name_column(t, words);
        std::vector<Row> rows;
        for (std::size_t k = 0; k < words.size(); ++k) {
            const auto values = values_of(t, words[k]);
            std::size_t value_count = 0;
            for (const auto& [a, text] : values.by_anchor)
                if (t.anchors[a].kind != AnchorKind::unit) ++value_count;
            const std::string number =
                !words[k].empty() && words[k][0].x < indicator_x - 3 && is_row_number(words[k][0].text)
                    ? words[k][0].text
                    : std::string();
            const std::string name = name_of(t, words[k], indicator_x);
            if (value_count < 2 || (number.empty() && name.empty())) continue;
            rows.push_back(Row{static_cast<int>(k), 0, number, {}, values});
        }
        if (rows.empty()) return i;
        attach_lines(t, words, rows, indicator_x);
        for (const auto& r : rows)
            out.push_back(row_json(t, r));
        return i;
    }

    // The indicator column: where the last name cell before the values starts on most row lines.
    int name_column(const Table& t, const std::vector<std::vector<Word>>& words) const {
        std::map<int, int> starts;
        for (const auto& line : words) {
            const auto cells = line.empty() ? std::vector<Word>() : line;
            int start = -1, previous_end = -10;
            for (const auto& w : cells) {
                if (w.x >= t.value_x) break;
                if (start < 0 && is_row_number(w.text)) continue; // the row's number, not its name
                if (w.x > previous_end + 1) start = w.x;          // two spaces: a new cell
                previous_end = w.x + static_cast<int>(w.text.size());
            }
            if (start >= 0 && start >= t.indicator_x - 12) ++starts[start];
        }
        int best = t.indicator_x, count = 0;
        for (const auto& [x, n] : starts)
            if (n > count) {
                best = x;
                count = n;
            }
        return best;
    }

    // Gives every other line of the table to a row: its name's words and values.
    void attach_lines(const Table& t, const std::vector<std::vector<Word>>& words, std::vector<Row>& rows,
                      int indicator_x) const {
        const bool centred = std::any_of(rows.begin(), rows.end(), [&](const Row& r) {
            return name_of(t, words[static_cast<std::size_t>(r.index)], indicator_x).empty();
        });
        std::vector<std::vector<int>> name_lines(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r)
            name_lines[r].push_back(rows[r].index);
        for (int k = 0; k < static_cast<int>(words.size()); ++k) {
            if (words[static_cast<std::size_t>(k)].empty()) continue;
            const std::size_t r = owner(t, words, rows, k, centred, indicator_x);
            if (r >= rows.size() || rows[r].index == k) continue;
            name_lines[r].push_back(k);
            const auto values = values_of(t, words[static_cast<std::size_t>(k)]);
            for (const auto& [a, text] : values.by_anchor)
                rows[r].values.by_anchor[a] = k < rows[r].index ? joined(text, rows[r].values.by_anchor[a])
                                                                : joined(rows[r].values.by_anchor[a], text);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::sort(name_lines[r].begin(), name_lines[r].end());
            for (const int k : name_lines[r]) {
                const std::string part = name_of(t, words[static_cast<std::size_t>(k)], indicator_x);
                if (part.empty()) continue;
                if (rows[r].name.empty())
                    rows[r].name_line = m_lines[static_cast<std::size_t>(t.first_index + k)].number;
                rows[r].name = joined(rows[r].name, part);
            }
        }
    }

    // The row a line belongs to: the nearest row line within two lines (centred), or the row line
    // above it (names that start on the row's line). A line as near to two rows goes to the one
    // whose own line leaves its columns free.
    std::size_t owner(const Table& t, const std::vector<std::vector<Word>>& words, const std::vector<Row>& rows, int k,
                      bool centred, int indicator_x) const {
        // Rows are in line order: a binary search, not a scan per line (tables of 100,000 rows).
        const auto after =
            std::upper_bound(rows.begin(), rows.end(), k, [](int line, const Row& r) { return line < r.index; });
        const std::size_t first_after = static_cast<std::size_t>(after - rows.begin());
        const std::size_t above = first_after == 0 ? rows.size() : first_after - 1;
        const std::size_t below = above < rows.size() && rows[above].index == k ? above : first_after;
        if (!centred) return above;
        const int da = above < rows.size() ? k - rows[above].index : 1000;
        const int db = below < rows.size() ? rows[below].index - k : 1000;
        if (std::min(da, db) > 2) return rows.size();
        if (da != db) return da < db ? above : below;
        const auto line = values_of(t, words[static_cast<std::size_t>(k)]);
        auto conflicts = [&](std::size_t r) {
            int n = 0;
            for (const auto& [a, text] : line.by_anchor)
                n += rows[r].values.by_anchor.count(a) ? 1 : 0;
            return n;
        };
        if (!name_of(t, words[static_cast<std::size_t>(k)], indicator_x).empty()) return above;
        return conflicts(above) < conflicts(below) ? above : below;
    }

    bj::object row_json(const Table& t, const Row& r) const {
        bj::object o;
        const int row_line = m_lines[static_cast<std::size_t>(t.first_index + r.index)].number;
        o["number"] = text_or_null(r.number);
        o["name"] = text_or_null(r.name);
        std::string unit, baseline;
        std::map<int, std::pair<std::string, std::string>> years; // year -> target, actual
        for (const auto& [a, text] : r.values.by_anchor) {
            const Anchor& anchor = t.anchors[a];
            if (anchor.kind == AnchorKind::unit) unit = text;
            if (anchor.kind == AnchorKind::baseline) baseline = text;
            if (anchor.kind == AnchorKind::target) years[anchor.year].first = text;
            if (anchor.kind == AnchorKind::actual) years[anchor.year].second = text;
        }
        if (unit_anchor(t) < t.anchors.size()) o["unit"] = text_or_null(unit);
        for (const auto& anchor : t.anchors)
            if (anchor.kind == AnchorKind::baseline) {
                o["baseline"] = text_or_null(baseline);
                o["baseline_year"] = t.baseline_year ? bj::value(t.baseline_year) : bj::value(nullptr);
            }
        o["line"] = r.name_line ? r.name_line : row_line;
        bj::array targets;
        const bool actuals = std::any_of(t.anchors.begin(), t.anchors.end(),
                                         [](const Anchor& a) { return a.kind == AnchorKind::actual; });
        for (const auto& anchor : t.anchors) {
            if (anchor.kind != AnchorKind::target) continue;
            bj::object y;
            y["year"] = anchor.year;
            y["target"] = text_or_null(years[anchor.year].first);
            if (actuals) y["actual"] = text_or_null(years[anchor.year].second);
            y["line"] = row_line;
            targets.push_back(std::move(y));
        }
        o["targets"] = std::move(targets);
        return o;
    }

    const std::vector<Line>& m_lines;
};

} // namespace

bool read_iku_layout(Context& ctx, bj::object& renstra) {
    auto indicators = LayoutReader(ctx).read();
    if (indicators.empty()) return false;
    renstra["indicators"] = std::move(indicators);
    return true;
}

} // namespace kinerja::import
