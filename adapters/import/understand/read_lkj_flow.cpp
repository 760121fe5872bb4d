// The measurement of LKj texts without tab-separated tables:
//  - column-aligned layout (pdftotext -layout): the header words give the columns, a row's values are
//    the numbers at its end, wrapped names continue on the next lines in the same columns;
//  - figures in prose ("… dengan indikator sasaran X dengan target sebesar 85%, realisasi capaian
//    sebesar 86% …"), as executive summaries give them.
#include <cctype>

#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

struct Word {
    std::size_t column = 0;
    std::string text;
};

std::vector<Word> words_of(std::string_view raw) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < raw.size()) {
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < raw.size() && raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r')
            ++i;
        if (i > start) words.push_back({start, std::string(raw.substr(start, i - start))});
    }
    return words;
}

std::string joined(const std::vector<Word>& words, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t k = from; k < to && k < words.size(); ++k)
        s += (s.empty() ? "" : " ") + words[k].text;
    return clean_text(s);
}

void append_text(std::string& to, const std::string& more) {
    if (more.empty()) return;
    to += (to.empty() ? "" : " ") + more;
}

// ---- layout ----

struct LayoutRow {
    std::string number, left, right; // "1.", objective words, indicator words
    std::vector<std::string> values; // target, actual, achievement as printed
    int line = 0;
};

constexpr std::size_t k_header_reach = 4;
constexpr std::size_t k_header_words = 10;

std::optional<std::size_t> word_column(const Line& line, std::string_view folded_word) {
    const std::string f = [&] {
        std::string s = line.raw;
        for (auto& c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }();
    const auto at = f.find(folded_word);
    if (at == std::string::npos) return std::nullopt;
    return at;
}

// The header block: a line naming "Indikator" with Target, Realisasi and Capaian around it.
struct LayoutHeader {
    std::size_t first = 0, last = 0; // lines of the block
    std::size_t objective_column = 0, indicator_column = 0;
    bool percent = false;
    std::optional<int> year;
};

std::optional<LayoutHeader> find_layout_header(const Doc& doc) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const Line& line = doc.at(i);
        if (line.tabbed() || !word_column(line, "indikator") || !word_column(line, "sasaran")) continue;
        // A header line is a few words in columns, not a sentence that names both.
        if (layout_cells(line.raw).size() < 3 || words_of(line.raw).size() > k_header_words) continue;
        const std::size_t from = i >= k_header_reach ? i - k_header_reach : 0;
        const std::size_t to = std::min(doc.size(), i + k_header_reach);
        bool target = false, actual = false, achievement = false;
        LayoutHeader h;
        h.first = i;
        h.last = i;
        for (std::size_t k = from; k < to; ++k) {
            const std::string f = fold(doc.at(k).text);
            const bool t = f.find("target") != std::string::npos, a = f.find("realisasi") != std::string::npos,
                       c = f.find("capaian") != std::string::npos, p = f.find("(%)") != std::string::npos;
            if (t || a || c || p) {
                h.first = std::min(h.first, k);
                h.last = std::max(h.last, k);
            }
            target |= t;
            actual |= a;
            achievement |= c;
            h.percent |= p;
        }
        if (!target || !actual || !achievement) continue;
        h.objective_column = *word_column(line, "sasaran");
        h.indicator_column = *word_column(line, "indikator");
        // "PENGUKURAN INDIKATOR KINERJA TAHUN 2016" above, else a year in the header.
        for (std::size_t k = h.first; k-- > 0 && k + 3 > h.first;)
            if ((h.year = title_year(doc.at(k).text))) break;
        for (std::size_t k = h.first; !h.year && k <= h.last; ++k)
            h.year = year_in(doc.at(k).text);
        return h;
    }
    return std::nullopt;
}

bool is_row_number(std::string_view w) {
    if (w.empty() || w.size() > 3) return false;
    for (char c : w)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
    return std::isdigit(static_cast<unsigned char>(w[0]));
}

LayoutRow layout_row(const Line& line, std::size_t indicator_column) {
    LayoutRow row;
    row.line = line.number;
    auto words = words_of(line.raw);
    // Values: the numbers at the end of the line.
    std::size_t end = words.size();
    while (end > 0 && looks_numeric(words[end - 1].text) && words.size() - end < 3)
        --end;
    if (words.size() - end == 3)
        for (std::size_t k = end; k < words.size(); ++k)
            row.values.push_back(words[k].text);
    else
        end = words.size();
    std::size_t k = 0;
    if (k < end && words[k].column < indicator_column && is_row_number(words[k].text)) row.number = words[k++].text;
    // A word belongs to the column it starts in.
    std::size_t split = k;
    while (split < end && words[split].column < indicator_column)
        ++split;
    row.left = joined(words, k, split);
    row.right = joined(words, split, end);
    return row;
}

bool ends_layout_table(const Line& line) {
    const std::string f = fold(line.text);
    return f.find("rata-rata") != std::string::npos || f.starts_with("sumber") || f.starts_with("jumlah") ||
           f.starts_with("total");
}

bool read_layout_measurement(Doc& doc) {
    const auto header = find_layout_header(doc);
    if (!header) return false;
    std::vector<std::string> header_texts;
    for (std::size_t k = header->first; k <= header->last; ++k)
        header_texts.push_back(fold(doc.at(k).text));
    // Where indicator names start: the leftmost name cell on a row with values, not left of the header's
    // "Sasaran" column.
    std::vector<LayoutRow> rows;
    std::size_t indicator_column = header->indicator_column;
    for (std::size_t i = header->last + 1; i < doc.size(); ++i) {
        const Line& line = doc.at(i);
        if (ends_layout_table(line)) break;
        const std::string f = fold(line.text);
        bool repeated_header = false;
        for (const auto& h : header_texts)
            repeated_header |= f == h;
        if (repeated_header || doc.noise(i)) continue;
        const auto cells = layout_cells(line.raw);
        if (cells.size() >= 2 && looks_numeric(cells.back().text)) {
            for (std::size_t c = cells.size(); c-- > 1;)
                if (!looks_numeric(cells[c].text) &&
                    static_cast<std::size_t>(cells[c].column) > header->objective_column)
                    indicator_column = std::min(indicator_column, static_cast<std::size_t>(cells[c].column));
        }
        // Prose after the table (a long line starting near the margin) ends it.
        if (line.text.size() > 70 && cells.size() == 1) break;
        rows.push_back(layout_row(line, 0));
        rows.back().line = line.number;
    }
    bj::array objectives;
    bj::object* indicator = nullptr;
    std::string* objective_name = nullptr;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Line& line = doc.lines[static_cast<std::size_t>(rows[r].line - 1)];
        const LayoutRow row = layout_row(line, indicator_column);
        if (!row.number.empty()) {
            bj::object o{{"number", std::string(row.number.ends_with('.') ? row.number.substr(0, row.number.size() - 1)
                                                                          : row.number)},
                         {"code", nullptr},
                         {"name", ""},
                         {"line", row.line},
                         {"indicators", bj::array()}};
            objectives.push_back(std::move(o));
            indicator = nullptr;
        }
        if (objectives.empty()) continue;
        auto& o = objectives.back().as_object();
        std::string name(o["name"].as_string());
        append_text(name, row.left);
        o["name"] = name;
        objective_name = nullptr;
        if (row.values.size() == 3) {
            auto& list = o["indicators"].as_array();
            bj::object item{{"name", row.right},
                            {"target", row.values[0]},
                            {"actual", row.values[1]},
                            {"unit", header->percent ? bj::value("%") : bj::value(nullptr)},
                            {"achievement_printed", row.values[2]},
                            {"line", row.line}};
            list.push_back(std::move(item));
            indicator = &list.back().as_object();
        } else if (indicator && !row.right.empty()) {
            std::string n(indicator->at("name").as_string());
            append_text(n, row.right);
            (*indicator)["name"] = n;
        }
    }
    (void)objective_name;
    if (objectives.empty()) return false;
    bj::object m;
    m["year"] = header->year ? bj::value(*header->year) : doc.year ? bj::value(doc.year) : bj::value(nullptr);
    m["line"] = doc.at(header->first).number;
    m["objectives"] = std::move(objectives);
    doc.ctx.seed["measurement"] = std::move(m);
    return true;
}

// ---- prose ----

// A numbered paragraph joined into one text, remembering where each line starts.
struct Paragraph {
    std::string text, folded;
    std::vector<std::pair<std::size_t, int>> starts; // offset in text -> line number
    int line_at(std::size_t offset) const {
        int line = starts.empty() ? 0 : starts.front().second;
        for (const auto& [at, number] : starts)
            if (at <= offset) line = number;
        return line;
    }
};

bool numbered_start(const std::string& text, std::string& number) {
    std::size_t i = 0;
    while (i < text.size() && i < 3 && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == 0 || i >= text.size() || (text[i] != '.' && text[i] != ')')) return false;
    number = text.substr(0, i);
    return true;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ','))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == ','))
        ++i;
    return s.substr(i);
}

// The value after a key, up to the first of the stops.
std::string value_until(const Paragraph& p, std::size_t from, std::size_t& end) {
    end = p.text.size();
    // ", " ends a value; "106,81%" keeps its decimal comma.
    for (std::string_view stop : {", ", " atau ", " dan ", " dengan "}) {
        const auto at = p.text.find(stop, from);
        if (at != std::string::npos) end = std::min(end, at);
    }
    // "105.33%." at the end of a sentence: the period is not part of the value.
    return trimmed(p.text.substr(from, end - from));
}

std::size_t find_any(const std::string& folded, std::size_t from, std::initializer_list<std::string_view> keys,
                     std::size_t& key_size) {
    std::size_t best = std::string::npos;
    for (auto k : keys) {
        const auto at = folded.find(k, from);
        if (at < best) {
            best = at;
            key_size = k.size();
        }
    }
    return best;
}

bj::array prose_indicators(const Paragraph& p, std::size_t pos) {
    bj::array out;
    for (int guard = 0; guard < 20 && pos < p.text.size(); ++guard) {
        std::size_t key = 0;
        const auto t = find_any(p.folded, pos, {"target sebesar ", "target "}, key);
        if (t == std::string::npos) break;
        std::string name = trimmed(p.text.substr(pos, t - pos));
        if (fold(name).ends_with(" dengan")) name = trimmed(name.substr(0, name.size() - 7));
        std::size_t end = 0;
        const std::string target = value_until(p, t + key, end);
        const auto r = find_any(p.folded, end, {"realisasi capaian sebesar ", "realisasi sebesar ", "realisasi "}, key);
        std::string actual, achievement;
        if (r != std::string::npos) {
            actual = value_until(p, r + key, end);
            if (p.folded.compare(end, 6, " atau ") == 0) achievement = value_until(p, end + 6, end);
        }
        bj::object item;
        item["name"] = name;
        item["target"] = text_or_null(target);
        item["actual"] = text_or_null(actual);
        item["unit"] = text_or_null(printed_quantity(target).unit);
        item["achievement_printed"] = text_or_null(achievement);
        item["line"] = p.line_at(pos);
        out.push_back(std::move(item));
        pos = end;
        for (std::string_view sep : {", dan ", " dan ", ", ", " "})
            if (p.text.compare(pos, sep.size(), sep) == 0) {
                pos += sep.size();
                break;
            }
    }
    return out;
}

bj::object prose_objective(const Paragraph& p, const std::string& number) {
    std::size_t start = number.size() + 1;
    while (start < p.text.size() && p.text[start] == ' ')
        ++start;
    std::size_t key = 0;
    const auto cut = find_any(p.folded, start, {" capaian sasaran", " dengan indikator", " indikator sasaran"}, key);
    bj::object o;
    o["number"] = number;
    o["code"] = nullptr;
    o["name"] = trimmed(p.text.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
    o["line"] = p.starts.front().second;
    const auto ind = p.folded.find("indikator sasaran", start);
    bj::array indicators;
    if (ind != std::string::npos) {
        std::size_t pos = ind + 17;
        for (std::string_view w : {" yaitu", " adalah", " :"})
            if (p.folded.compare(pos, w.size(), w) == 0) pos += w.size();
        while (pos < p.text.size() && p.text[pos] == ' ')
            ++pos;
        indicators = prose_indicators(p, pos);
    }
    o["indicators"] = std::move(indicators);
    return o;
}

bool read_prose_measurement(Doc& doc) {
    constexpr std::size_t k_reach = 6; // lines from the announcing sentence to the first paragraph
    constexpr std::size_t k_paragraph_lines = 12;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const std::string f = fold(doc.at(i).text);
        if (f.find("pengukuran kinerja") == std::string::npos || f.find("berikut") == std::string::npos) continue;
        bj::array objectives;
        std::size_t k = i + 1;
        while (k < doc.size() && (k <= i + k_reach || !objectives.empty())) {
            std::string number;
            if (doc.at(k).blank() || !numbered_start(doc.at(k).text, number)) {
                if (!doc.at(k).blank() && !objectives.empty()) break;
                ++k;
                continue;
            }
            Paragraph p;
            for (std::size_t n = k; n < doc.size() && n < k + k_paragraph_lines && !doc.at(n).blank(); ++n) {
                std::string other;
                if (n > k && numbered_start(doc.at(n).text, other)) break;
                if (!p.text.empty()) p.text += ' ';
                p.starts.emplace_back(p.text.size(), doc.at(n).number);
                p.text += doc.at(n).text;
                k = n + 1;
            }
            p.folded = fold(p.text);
            objectives.push_back(prose_objective(p, number));
        }
        if (objectives.empty()) continue;
        bj::object m;
        m["year"] = doc.year ? bj::value(doc.year) : bj::value(nullptr);
        m["line"] = doc.at(i).number;
        m["objectives"] = std::move(objectives);
        doc.ctx.seed["measurement"] = std::move(m);
        return true;
    }
    return false;
}

} // namespace

void read_flow_measurement(Doc& doc) {
    if (read_layout_measurement(doc)) return;
    read_prose_measurement(doc);
}

} // namespace kinerja::import::lkj
