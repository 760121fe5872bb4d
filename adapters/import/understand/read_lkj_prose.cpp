// The LKj's evaluations (LKE scores cited in prose or in a table cell) and its obstacles table
// (BAB IV B "Hambatan") joined with the remedies table (C "Upaya") by their numbers.
#include <cctype>
#include <map>

#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

// ---- evaluations ----

bool is_predicate(std::string_view w) {
    for (std::string_view p : {"AA", "A", "BB", "B", "CC", "C", "D"})
        if (w == p) return true;
    return false;
}

std::string word_at(const std::string& t, std::size_t i) {
    std::size_t end = i;
    while (end < t.size() && std::isalnum(static_cast<unsigned char>(t[end])))
        ++end;
    return t.substr(i, end - i);
}

// The score right after "nilai [sebesar]": "71,2".
std::string score_after(const std::string& t, const std::string& f, std::size_t i) {
    if (f.compare(i, 8, "sebesar ") == 0) i += 8;
    std::size_t end = i;
    while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) || t[end] == ',' || t[end] == '.'))
        ++end;
    while (end > i && (t[end - 1] == ',' || t[end - 1] == '.'))
        --end;
    const std::string score = t.substr(i, end - i);
    return looks_numeric(score) ? score : std::string();
}

// "predikat B", "konversi nilai BB", "kategori A" within a short distance after the score.
std::string predicate_after(const std::string& t, const std::string& f, std::size_t from) {
    constexpr std::size_t k_window = 60;
    const std::size_t limit = std::min(f.size(), from + k_window);
    for (std::string_view key : {"predikat ", "konversi nilai ", "kategori "}) {
        const auto at = f.find(key, from);
        if (at == std::string::npos || at >= limit) continue;
        const std::string w = word_at(t, at + key.size());
        if (is_predicate(w)) return w;
    }
    return {};
}

// The year the score belongs to: "tahun 2023" or "tahun sebelumnya" shortly before it.
std::optional<int> year_before(const std::string& f, std::size_t at, int document_year) {
    constexpr std::size_t k_window = 120;
    const std::size_t from = at > k_window ? at - k_window : 0;
    const auto t = f.rfind("tahun ", at);
    if (t == std::string::npos || t < from) return std::nullopt;
    if (f.compare(t + 6, 10, "sebelumnya") == 0 && document_year) return document_year - 1;
    return year_in(f.substr(t + 6, 4));
}

// ---- obstacles ----

// List cells arrive as "<ul …>• one• two" or with the items run together ("BMNRegenerasi"): items
// are joined with "; " as a person transcribing them does.
std::string list_text(std::string_view cell) {
    std::string s;
    bool list = false;
    for (std::size_t i = 0; i < cell.size();) {
        if (cell[i] == '<') {
            const auto close = cell.find('>', i);
            if (close != std::string_view::npos && close - i < 80) {
                list = true;
                i = close + 1;
                continue;
            }
        }
        s += cell[i++];
    }
    const std::string bullet = "\xE2\x80\xA2"; // U+2022
    const bool bullets = s.find(bullet) != std::string::npos;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, bullet.size(), bullet) == 0) {
            out += "; ";
            i += bullet.size();
            continue;
        }
        // An item run into the previous one: "…SIMAK BMNRegenerasi", "…stafLatar".
        const auto up = [&](std::size_t k) { return k < s.size() && std::isupper(static_cast<unsigned char>(s[k])); };
        const auto low = [&](std::size_t k) { return k < s.size() && std::islower(static_cast<unsigned char>(s[k])); };
        if (list && !bullets && i >= 2 && up(i) && low(i + 1) && (low(i - 1) || (up(i - 1) && up(i - 2)))) out += "; ";
        out += s[i++];
    }
    std::string cleaned = clean_text(out);
    while (cleaned.starts_with(";"))
        cleaned = clean_text(cleaned.substr(1));
    // "; " after a list item that ended with its own punctuation keeps both, as printed.
    return cleaned;
}

int column_saying(const Line& head, std::initializer_list<std::string_view> words) {
    for (std::size_t c = 0; c < head.cells.size(); ++c) {
        const std::string f = fold(head.cells[c]);
        for (auto w : words)
            if (f.find(w) != std::string::npos) return static_cast<int>(c);
    }
    return -1;
}

bool numbered(const Line& row) {
    const std::string& c = cell(row, 0);
    if (c.empty() || c.size() > 4) return false;
    for (char ch : c)
        if (!std::isdigit(static_cast<unsigned char>(ch)) && ch != '.') return false;
    return true;
}

void append(bj::object& item, const char* key, const std::string& more) {
    if (more.empty()) return;
    auto& v = item[key];
    v = v.is_string() && !v.as_string().empty() ? bj::value(std::string(v.as_string()) + " " + more) : bj::value(more);
}

struct Fields {
    const char* key;
    int column;
};

// The rows of a numbered table: a numbered row starts an item, an unnumbered one continues it.
std::vector<bj::object> numbered_items(const Doc& doc, const Table& t, const std::vector<Fields>& fields) {
    std::vector<bj::object> items;
    for (auto r : t.rows) {
        const Line& row = doc.at(r);
        if (numbered(row)) {
            bj::object item;
            std::string number = cell(row, 0);
            if (number.ends_with('.')) number.pop_back();
            item["number"] = number;
            for (const auto& f : fields)
                item[f.key] = text_or_null(list_text(cell(row, f.column)));
            item["line"] = row.number;
            items.push_back(std::move(item));
        } else if (!items.empty()) {
            for (const auto& f : fields)
                append(items.back(), f.key, list_text(cell(row, f.column)));
        }
    }
    return items;
}

} // namespace

void read_evaluations(Doc& doc) {
    for (const auto& line : doc.lines) {
        const std::string f = fold(line.text);
        if (f.find("nilai") == std::string::npos) continue;
        if (f.find("akuntabilitas") == std::string::npos && f.find("sakip") == std::string::npos &&
            f.find("lke") == std::string::npos)
            continue;
        for (std::size_t at = f.find("nilai "); at != std::string::npos; at = f.find("nilai ", at + 1)) {
            const std::string score = score_after(line.text, f, at + 6);
            if (score.empty()) continue;
            const std::string predicate = predicate_after(line.text, f, at + 6);
            if (predicate.empty()) continue;
            const auto year = year_before(f, at, doc.year);
            bj::object e;
            e["year"] = year ? bj::value(*year) : bj::value(nullptr);
            e["score"] = score;
            e["predicate"] = predicate;
            e["line"] = line.number;
            section_array(doc, "evaluations").push_back(std::move(e));
        }
    }
}

void read_obstacles(Doc& doc, const std::vector<Table>& tables) {
    const Table* obstacles = nullptr;
    const Table* remedies = nullptr;
    for (const auto& t : tables) {
        const Line& head = doc.at(t.first);
        const bool obstacle_col = column_saying(head, {"hambatan", "kendala"}) >= 0;
        if (!obstacle_col) continue;
        if (!remedies && column_saying(head, {"upaya", "solusi", "pemecahan"}) >= 0)
            remedies = &t;
        else if (!obstacles && column_saying(head, {"aspek", "kegiatan"}) >= 0)
            obstacles = &t;
    }
    if (!obstacles) return;
    const Line& head = doc.at(obstacles->first);
    auto items = numbered_items(doc, *obstacles,
                                {{"aspect", column_saying(head, {"aspek", "kegiatan"})},
                                 {"obstacle", column_saying(head, {"hambatan", "kendala"})},
                                 {"remark", column_saying(head, {"keterangan", "ket."})}});
    std::map<std::string, bj::object> remedy_by_number;
    if (remedies) {
        const Line& rhead = doc.at(remedies->first);
        for (auto& r :
             numbered_items(doc, *remedies, {{"remedy", column_saying(rhead, {"upaya", "solusi", "pemecahan"})}}))
            remedy_by_number.emplace(std::string(r["number"].as_string()), std::move(r));
    }
    auto& out = section_array(doc, "obstacles");
    for (auto& item : items) {
        const auto found = remedy_by_number.find(std::string(item["number"].as_string()));
        if (found != remedy_by_number.end()) {
            item["remedy"] = found->second["remedy"];
            item["remedy_line"] = found->second["line"];
        }
        out.push_back(std::move(item));
    }
}

} // namespace kinerja::import::lkj
