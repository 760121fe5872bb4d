// Reads a Rencana Aksi (action plan) into seed/1 `action_plan` (data/demo/FORMAT.md).
//
// Two layouts arrive, told apart by their rows:
//  - Tables whose rows keep their cells (tab-separated or column-aligned): each row is read by the
//    form of its cells (renaksi_table.cpp... see read_table_rows below).
//  - PDF text in reading order (the KPU form): a row comes as its indicator lines, a line starting
//    with the target followed by the activity, the activity lines, then a line of "v" month ticks that
//    may start the executor ("v v v Subbagian"). The merged cells of an objective (its number, its
//    name ending in a code "(6709)", its cost, an executor shared by its rows) come out after the rows
//    of their page. So rows are given to objectives page by page: in number order, a heading standing
//    before rows starts them, and otherwise by the words rows share with the objective names.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>

#include "adapters/import/understand/context.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

// ---------------------------------------------------------------------------------------------
// Words and small forms

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string join(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return clean_text(a + " " + b);
}

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string first_token(std::string_view text) {
    const auto space = text.find(' ');
    return std::string(text.substr(0, space));
}

std::string after_first_token(std::string_view text) {
    const auto space = text.find(' ');
    return space == std::string_view::npos ? std::string() : clean_text(text.substr(space + 1));
}

// A target as printed at the start of a row: "95", "100", "94,5", "95%"; not a year, not an amount.
bool looks_like_target(std::string_view token) {
    if (!looks_numeric(token) || looks_like_rupiah(token)) return false;
    std::size_t digits = 0;
    while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9')
        ++digits;
    return digits >= 1 && digits <= 3;
}

// Where an executor's name starts: the units that carry out the activities.
constexpr std::string_view k_unit_words[] = {"subbagian", "sub bagian", "subbag",          "bagian",      "bidang",
                                             "seksi",     "balai",      "semua subbagian", "semua bagian"};

bool starts_unit(std::string_view text) {
    const std::string f = fold(text);
    for (auto w : k_unit_words)
        if (f.starts_with(w) && (f.size() == w.size() || f[w.size()] == ' ' || f[w.size()] == ',')) return true;
    return false;
}

// "Subbagian" alone says nothing yet: its name follows on the next line.
bool bare_unit(std::string_view text) {
    const std::string f = fold(text);
    for (auto w : k_unit_words)
        if (f == w) return true;
    return false;
}

bool ends_with_connector(std::string_view text) {
    const std::string f = fold(text);
    return f.ends_with(",") || f.ends_with(" dan") || f.ends_with(" serta") || f.ends_with("&") || f.ends_with("-");
}

bool starts_lowercase(std::string_view text) {
    return !text.empty() && std::islower(static_cast<unsigned char>(text[0]));
}

// ---------------------------------------------------------------------------------------------
// The reading-order form

enum class Kind { blank, form, title, header, page, tick, target, amount, number, heading, signature, text };

// Column headers of the KPU form, as they come out of the PDF (folded, whole lines).
bool is_header_line(const std::string& f) {
    static const std::string_view exact[] = {
        "perkiraan", "biaya (rp)", "kegiatan yang akan", "dilaksanakan", "rencana pelaksanaan", "pelaksana",
        "target",    "no"};
    for (auto e : exact)
        if (f == e) return true;
    return (f.find("sasaran strategis") != std::string::npos && f.find("pelaksana") != std::string::npos) ||
           (f.starts_with("target") && f.find("indikator kinerja") != std::string::npos);
}

// The text of a line without a trailing rupiah amount ("3 Masa Kampanye Pemilu (6870) 911,081,000").
struct TextAmount {
    std::string text, amount;
};
TextAmount split_trailing_amount(const std::string& text) {
    const auto space = text.rfind(' ');
    const std::string last = space == std::string::npos ? text : text.substr(space + 1);
    if (space == std::string::npos || !looks_like_rupiah(last)) return {text, {}};
    return {clean_text(text.substr(0, space)), printed_amount(last)};
}

struct Item {
    int line = 0, page = 0, last_line = 0;
    std::string indicator, target, activity, executor, amount;
    int ticks = 0;
    int objective = -1; // index into Objectives
};

struct Objective {
    int line = 0, code_line = 0, page = 0;
    std::string number, name, code, cost, executor;
    bool numbered_inline = false; // "3 Masa Kampanye Pemilu (6870)"
    std::vector<int> anchors;     // lines of its merged cells: name, number, cost
};

struct Block { // an executor printed once for the rows of an objective
    std::string text;
    int first = 0, last = 0, page = 0;
};

struct Flow {
    std::vector<Item> items;
    std::vector<Objective> objectives;
    std::vector<Block> blocks;
    struct Loose {
        int line, page;
        std::string amount;
    };
    std::vector<Loose> amounts;
    std::vector<int> number_lines; // 1-based
};

class FlowReader {
public:
    explicit FlowReader(Context& ctx) : m_ctx(ctx), m_lines(ctx.lines) {}

    void read(bj::object& plan) {
        classify();
        collect_known_executors();
        scan();
        number_headings();
        assign_items();
        assign_blocks();
        assign_costs();
        write(plan);
    }

private:
    Context& m_ctx;
    const std::vector<Line>& m_lines;
    std::vector<Kind> m_kind;
    std::vector<int> m_page;
    std::vector<int> m_nonblank; // indices of non-blank lines
    std::set<std::string> m_known_executors;
    Flow m_flow;
    std::map<int, std::vector<int>> m_heading_prefix; // heading line index -> prefix line indices

    Kind kind_of(std::size_t i, bool& after_title) const {
        const Line& line = m_lines[i];
        if (line.blank()) return Kind::blank;
        const std::string f = fold(line.text);
        if (m_ctx.facts.date_line > 0 && line.number >= m_ctx.facts.date_line) return Kind::signature;
        if (f.find("b1 b2 b3") != std::string::npos || is_column_number_row(line)) return Kind::page;
        if (f.find("unit organisasi") != std::string::npos || f.starts_with("tahun anggaran")) return Kind::form;
        if (f.starts_with("rencana aksi")) {
            after_title = true;
            return Kind::title;
        }
        if (after_title && f.starts_with("tahun") && f.size() <= 12 && title_year(f)) {
            after_title = false;
            return Kind::title;
        }
        if (is_header_line(f)) return Kind::header;
        if (looks_like_rupiah(line.text)) return Kind::amount;
        if (line.text.size() <= 2 && is_digits(line.text)) return Kind::number;
        if (trailing_code(split_trailing_amount(line.text).text)) return Kind::heading;
        const std::string first = first_token(line.text);
        if (first == "v" || first == "V") return Kind::tick;
        const std::string rest = after_first_token(line.text);
        if (looks_like_target(first) && !rest.empty() && std::isalpha(static_cast<unsigned char>(rest[0])))
            return Kind::target;
        return Kind::text;
    }

    void classify() {
        m_kind.resize(m_lines.size());
        m_page.resize(m_lines.size());
        bool after_title = false;
        int page = 0;
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            m_kind[i] = kind_of(i, after_title);
            if (m_kind[i] == Kind::page && (i == 0 || m_kind[m_nonblank.empty() ? 0 : m_nonblank.back()] != Kind::page))
                ++page;
            m_page[i] = page;
            if (m_kind[i] != Kind::blank) m_nonblank.push_back(static_cast<int>(i));
        }
    }

    // A run: consecutive non-blank text lines, [begin, end) in m_nonblank; `next` the position after.
    struct Run {
        std::size_t begin, end;
    };

    Kind kind_at(std::size_t pos) const { return pos < m_nonblank.size() ? m_kind[m_nonblank[pos]] : Kind::blank; }
    const Line& line_at(std::size_t pos) const { return m_lines[m_nonblank[pos]]; }

    // A heading whose name starts on its own line ("3 Masa Kampanye Pemilu (6870)") takes no
    // lines from before it; one without a number may continue lines that stand before it.
    bool heading_takes_prefix(std::size_t pos) const {
        if (kind_at(pos) != Kind::heading) return false;
        const std::string& t = line_at(pos).text;
        const std::string first = first_token(t);
        return !(first.size() <= 2 && is_digits(first) && !after_first_token(t).empty());
    }

    std::string tick_executor(std::size_t pos) const {
        const std::string& t = line_at(pos).text;
        std::size_t i = 0;
        while (i < t.size()) {
            if ((t[i] == 'v' || t[i] == 'V') && (i + 1 == t.size() || t[i + 1] == ' ')) {
                i += 2;
                continue;
            }
            break;
        }
        return i >= t.size() ? std::string() : clean_text(std::string_view(t).substr(i));
    }

    int tick_count(std::size_t pos) const {
        int n = 0;
        for (const auto& w : words_of(line_at(pos).text)) {
            if (w != "v") break;
            ++n;
        }
        return n;
    }

    // Executor names whose end is certain: a unit's lines that stand before an amount, a number,
    // a header or a numbered heading (not before the name of an objective they could run into).
    void collect_known_executors() {
        std::size_t pos = 0;
        while (pos < m_nonblank.size()) {
            if (kind_at(pos) != Kind::text) {
                ++pos;
                continue;
            }
            const std::size_t begin = pos;
            while (kind_at(pos) == Kind::text)
                ++pos;
            const Kind stop = kind_at(pos);
            if (stop == Kind::target || heading_takes_prefix(pos)) continue;
            std::string current;
            if (begin > 0 && kind_at(begin - 1) == Kind::tick) current = tick_executor(begin - 1);
            for (std::size_t k = begin; k < pos; ++k) {
                const std::string& t = line_at(k).text;
                if (starts_unit(t)) {
                    if (!current.empty()) m_known_executors.insert(current);
                    current = t;
                } else if (!current.empty()) {
                    current = join(current, t);
                }
            }
            if (!current.empty()) m_known_executors.insert(current);
        }
    }

    // How many of `lines` (positions) continue an executor that starts with `start`: a name seen
    // whole elsewhere in the document, else while the words say the name goes on ("Subbagian"
    // alone, a trailing "dan" or comma, a next line in lower case).
    std::size_t executor_length(const std::string& start, std::size_t begin, std::size_t end,
                                std::size_t max_take) const {
        std::size_t best = 0;
        bool known = m_known_executors.contains(start);
        std::string text = start;
        for (std::size_t k = 0; k < max_take && begin + k < end; ++k) {
            text = join(text, line_at(begin + k).text);
            if (m_known_executors.contains(text)) {
                best = k + 1;
                known = true;
            }
        }
        if (known) return best;
        std::size_t take = 0;
        text = start;
        if (bare_unit(start) && take < max_take && begin < end) text = join(text, line_at(begin + take++).text);
        while (take < max_take && begin + take < end) {
            const std::string& next = line_at(begin + take).text;
            if (starts_unit(next) || !(ends_with_connector(text) || starts_lowercase(next))) break;
            text = join(text, next);
            ++take;
        }
        return take;
    }

    std::string joined(std::size_t begin, std::size_t end) const {
        std::string out;
        for (std::size_t k = begin; k < end; ++k)
            out = join(out, line_at(k).text);
        return out;
    }

    // Splits an activity line at a printed amount ("Pemilu Tahun 2024 18,729,000   Semua Subbagian").
    static bool split_amount(const Line& line, std::string& before, std::string& amount, std::string& after) {
        const auto cells = layout_cells(line.raw);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            auto ta = split_trailing_amount(cells[c].text);
            if (ta.amount.empty() && looks_like_rupiah(cells[c].text)) ta = {"", printed_amount(cells[c].text)};
            if (ta.amount.empty()) continue;
            before.clear();
            after.clear();
            for (std::size_t k = 0; k < c; ++k)
                before = join(before, cells[k].text);
            before = join(before, ta.text);
            for (std::size_t k = c + 1; k < cells.size(); ++k)
                after = join(after, cells[k].text);
            amount = ta.amount;
            return true;
        }
        return false;
    }

    // The loose lines of a page that are no row: executor blocks and the first lines of headings.
    void loose_run(std::size_t begin, std::size_t end) {
        const bool before_heading = heading_takes_prefix(end);
        std::size_t k = begin;
        std::vector<int> prefix;
        while (k < end && !starts_unit(line_at(k).text))
            prefix.push_back(m_nonblank[k++]);
        while (k < end) {
            std::size_t block_end = k + 1;
            while (block_end < end && !starts_unit(line_at(block_end).text))
                ++block_end;
            std::size_t take = block_end - k - 1;
            if (block_end == end && before_heading) take = executor_length(line_at(k).text, k + 1, end, take);
            Block b{joined(k, k + 1 + take), line_at(k).number, line_at(k + take).number, m_page[m_nonblank[k]]};
            m_flow.blocks.push_back(std::move(b));
            prefix.clear();
            for (std::size_t r = k + 1 + take; r < block_end; ++r)
                prefix.push_back(m_nonblank[r]);
            k = block_end;
        }
        if (before_heading && !prefix.empty()) m_heading_prefix[m_nonblank[end]] = prefix;
    }

    void add_heading(std::size_t pos) {
        const Line& line = line_at(pos);
        const auto ta = split_trailing_amount(line.text);
        Objective o;
        o.page = m_page[m_nonblank[pos]];
        o.code_line = line.number;
        o.line = line.number;
        std::string text = ta.text;
        const std::string first = first_token(text);
        if (first.size() <= 2 && is_digits(first) && !after_first_token(text).empty()) {
            o.number = first;
            o.numbered_inline = true;
            text = after_first_token(text);
        }
        if (auto it = m_heading_prefix.find(m_nonblank[pos]); it != m_heading_prefix.end()) {
            std::string prefix;
            for (int idx : it->second)
                prefix = join(prefix, m_lines[idx].text);
            text = join(prefix, text);
            o.line = m_lines[it->second.front()].number;
            for (int idx : it->second)
                o.anchors.push_back(m_lines[idx].number);
        }
        o.code = trailing_code(text).value_or("");
        o.name = text;
        o.cost = ta.amount;
        o.anchors.push_back(line.number);
        m_flow.objectives.push_back(std::move(o));
    }

    // One pass over the lines: rows, loose runs, headings, amounts, numbers.
    void scan() {
        std::size_t pos = 0;
        std::size_t run_begin = 0;
        bool in_run = false;
        int pending_item = -1; // a row whose executor started on its tick line
        std::string pending_start;
        while (pos <= m_nonblank.size()) {
            const Kind k = kind_at(pos);
            if (pos < m_nonblank.size() && k == Kind::text) {
                if (!in_run) run_begin = pos;
                in_run = true;
                ++pos;
                continue;
            }
            std::size_t begin = in_run ? run_begin : pos;
            const std::size_t end = pos;
            in_run = false;
            // The executor of the row before goes on over the first lines of this run.
            if (pending_item >= 0) {
                const std::size_t max_take = (end - begin) - (k == Kind::target && end > begin ? 1 : 0);
                const std::size_t take = executor_length(pending_start, begin, end, max_take);
                auto& item = m_flow.items[static_cast<std::size_t>(pending_item)];
                item.executor = join(pending_start, joined(begin, begin + take));
                if (take > 0) item.last_line = line_at(begin + take - 1).number;
                begin += take;
                pending_item = -1;
            }
            if (pos >= m_nonblank.size()) {
                if (begin < end) loose_run(begin, end);
                break;
            }
            const int idx = m_nonblank[pos];
            if (k == Kind::target) {
                pos = read_row(begin, end, pos, pending_item, pending_start);
                continue;
            }
            if (begin < end) loose_run(begin, end);
            if (k == Kind::heading) add_heading(pos);
            if (k == Kind::amount)
                m_flow.amounts.push_back({m_lines[idx].number, m_page[idx], printed_amount(m_lines[idx].text)});
            if (k == Kind::number) m_flow.number_lines.push_back(m_lines[idx].number);
            ++pos;
        }
    }

    // A row: indicator lines [begin, end), the target line at `pos`, activity lines, the tick line.
    std::size_t read_row(std::size_t begin, std::size_t end, std::size_t pos, int& pending_item,
                         std::string& pending_start) {
        Item item;
        const Line& target_line = line_at(pos);
        item.page = m_page[m_nonblank[pos]];
        item.line = begin < end ? line_at(begin).number : target_line.number;
        item.indicator = joined(begin, end);
        item.target = first_token(target_line.text);
        std::string before, amount, after;
        bool ended = false;
        if (split_amount(target_line, before, amount, after)) {
            item.activity = after_first_token(before);
            item.amount = amount;
            item.executor = after;
            ended = true;
        } else {
            item.activity = after_first_token(target_line.text);
        }
        item.last_line = target_line.number;
        ++pos;
        while (!ended && kind_at(pos) == Kind::text) {
            const Line& line = line_at(pos);
            if (split_amount(line, before, amount, after)) {
                item.activity = join(item.activity, before);
                item.amount = amount;
                item.executor = after;
                ended = true;
            } else {
                item.activity = join(item.activity, line.text);
            }
            item.last_line = line.number;
            ++pos;
        }
        if (kind_at(pos) == Kind::tick) {
            item.ticks = tick_count(pos);
            item.last_line = line_at(pos).number;
            const std::string start = tick_executor(pos);
            if (!start.empty() && item.executor.empty()) {
                pending_item = static_cast<int>(m_flow.items.size());
                pending_start = start;
            }
            ++pos;
        }
        if (item.indicator.empty())
            m_ctx.note("renaksi-row-without-indicator", Severity::warning,
                       "Baris rencana aksi dengan target " + item.target + " tanpa indikator yang terbaca",
                       target_line.number);
        m_flow.items.push_back(std::move(item));
        return pos;
    }

    // A heading's number stands alone next to its name: before it, else after it.
    void number_headings() {
        std::set<int> taken;
        auto neighbour = [&](int line_number, int step) -> int {
            int i = line_number - 1 + step;
            while (i >= 0 && i < static_cast<int>(m_lines.size()) && m_kind[static_cast<std::size_t>(i)] == Kind::blank)
                i += step;
            if (i < 0 || i >= static_cast<int>(m_lines.size()) || m_kind[static_cast<std::size_t>(i)] != Kind::number)
                return 0;
            return i + 1;
        };
        for (auto& o : m_flow.objectives) {
            if (!o.number.empty()) continue;
            int found = neighbour(o.line, -1);
            if (found == 0 || taken.contains(found)) found = neighbour(o.code_line, +1);
            if (found == 0 || taken.contains(found)) {
                m_ctx.note("renaksi-objective-without-number", Severity::info,
                           "Sasaran \"" + o.name + "\" tanpa nomor yang terbaca", o.line);
                continue;
            }
            taken.insert(found);
            o.number = m_lines[static_cast<std::size_t>(found - 1)].text;
            o.anchors.push_back(found);
        }
    }

    static int number_value(const std::string& n) { return is_digits(n) && n.size() <= 4 ? std::stoi(n) : 1 << 20; }

    // The objectives named on a page, in their order in the table (by number).
    std::vector<int> page_objectives(int page) const {
        std::vector<int> out;
        for (std::size_t o = 0; o < m_flow.objectives.size(); ++o)
            if (m_flow.objectives[o].page == page) out.push_back(static_cast<int>(o));
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return number_value(m_flow.objectives[static_cast<std::size_t>(a)].number) <
                   number_value(m_flow.objectives[static_cast<std::size_t>(b)].number);
        });
        return out;
    }

    // Words that tell objectives apart: not those most names share, not the office's name.
    std::vector<std::set<std::string>> objective_words() const {
        std::map<std::string, int> names_with;
        std::vector<std::set<std::string>> words(m_flow.objectives.size());
        static const std::set<std::string> stop = {"dan",   "serta", "yang", "untuk", "dengan",   "dalam",   "pada",
                                                   "tahun", "atau",  "dari", "oleh",  "terhadap", "melalui", "secara"};
        std::set<std::string> office;
        for (auto& w : words_of(m_ctx.facts.agency))
            office.insert(w);
        for (std::size_t o = 0; o < words.size(); ++o) {
            for (auto& w : words_of(m_flow.objectives[o].name))
                if (w.size() >= 3 && !stop.contains(w) && !office.contains(w) && !is_digits(w)) words[o].insert(w);
            for (auto& w : words[o])
                ++names_with[w];
        }
        if (words.size() >= 4)
            for (auto& set : words)
                std::erase_if(set, [&](const std::string& w) { return names_with[w] >= 3; });
        return words;
    }

    // Rows to objectives, page by page (see the file comment). Scores: a shared word 2, an
    // objective named on the page that gets rows 1, a change between rows with and without their
    // own executor inside one objective -10 (an objective's executor cell is merged or not).
    void assign_items() {
        const auto words = objective_words();
        int continuing = -1;
        int last_page = -1;
        std::vector<std::size_t> page_items;
        for (std::size_t i = 0; i <= m_flow.items.size(); ++i) {
            if (i < m_flow.items.size() && (page_items.empty() || m_flow.items[i].page == last_page)) {
                page_items.push_back(i);
                last_page = m_flow.items[i].page;
                continue;
            }
            if (!page_items.empty()) continuing = assign_page(page_items, last_page, continuing, words);
            page_items.clear();
            if (i < m_flow.items.size()) {
                page_items.push_back(i);
                last_page = m_flow.items[i].page;
            }
        }
    }

    int assign_page(const std::vector<std::size_t>& items, int page, int continuing,
                    const std::vector<std::set<std::string>>& words) {
        std::vector<int> candidates;
        if (continuing >= 0) candidates.push_back(continuing);
        for (int o : page_objectives(page))
            if (o != continuing) candidates.push_back(o);
        if (candidates.empty()) return continuing;
        const std::size_t n = items.size(), m = candidates.size();
        // Bounds from headings standing before rows: a row after one belongs to it or a later one.
        std::vector<std::size_t> lo(n, 0), hi(n, m - 1);
        for (std::size_t c = 0; c < m; ++c) {
            const auto& o = m_flow.objectives[static_cast<std::size_t>(candidates[c])];
            if (o.page != page) continue;
            for (std::size_t i = 0; i < n; ++i) {
                if (m_flow.items[items[i]].line > o.code_line)
                    lo[i] = std::max(lo[i], c);
                else if (c > 0 && o.code_line < m_flow.items[items.back()].line)
                    hi[i] = std::min(hi[i], c - 1);
            }
        }
        if (n * m * m > 4'000'000) { // too big to weigh: by the bounds alone
            for (std::size_t i = 0; i < n; ++i)
                m_flow.items[items[i]].objective = candidates[std::min(lo[i], hi[i])];
            return candidates.back();
        }
        auto own = [&](std::size_t i) { return !m_flow.items[items[i]].executor.empty(); };
        std::vector<int> score(n * m, 0);
        for (std::size_t i = 0; i < n; ++i) {
            std::set<std::string> item_words;
            const auto& it = m_flow.items[items[i]];
            for (auto& w : words_of(it.indicator + " " + it.activity))
                item_words.insert(w);
            for (std::size_t c = 0; c < m; ++c) {
                int s = 0;
                for (auto& w : words[static_cast<std::size_t>(candidates[c])])
                    if (item_words.contains(w)) s += 2;
                score[i * m + c] = s;
            }
        }
        constexpr int k_none = std::numeric_limits<int>::min() / 2;
        std::vector<int> best(n * m, k_none), from(n * m, -1);
        auto named_here = [&](std::size_t c) {
            return m_flow.objectives[static_cast<std::size_t>(candidates[c])].page == page;
        };
        for (std::size_t c = lo[0]; c <= hi[0] && c < m; ++c)
            best[c] = score[c] + (named_here(c) ? 1 : 0);
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t c = lo[i]; c <= hi[i] && c < m; ++c)
                for (std::size_t p = 0; p <= c; ++p) {
                    if (best[(i - 1) * m + p] == k_none) continue;
                    int v = best[(i - 1) * m + p] + score[i * m + c];
                    if (p == c && own(i) != own(i - 1)) v -= 10;
                    if (p != c && named_here(c)) v += 1;
                    if (v > best[i * m + c]) {
                        best[i * m + c] = v;
                        from[i * m + c] = static_cast<int>(p);
                    }
                }
        std::size_t c_end = m;
        for (std::size_t c = 0; c < m; ++c)
            if (best[(n - 1) * m + c] != k_none && (c_end == m || best[(n - 1) * m + c] >= best[(n - 1) * m + c_end]))
                c_end = c;
        if (c_end == m) c_end = 0;
        std::size_t c = c_end;
        for (std::size_t i = n; i-- > 0;) {
            m_flow.items[items[i]].objective = candidates[c];
            if (i > 0 && from[i * m + c] >= 0) c = static_cast<std::size_t>(from[i * m + c]);
        }
        return candidates.back();
    }

    // Each executor block goes to the nearest objective of its page whose rows lack their own.
    void assign_blocks() {
        std::set<int> wanting;
        for (const auto& it : m_flow.items)
            if (it.executor.empty() && it.objective >= 0) wanting.insert(it.objective);
        struct Pair {
            int distance;
            std::size_t block;
            int objective;
        };
        std::vector<Pair> pairs;
        for (std::size_t b = 0; b < m_flow.blocks.size(); ++b) {
            const auto& block = m_flow.blocks[b];
            for (int o : wanting) {
                const auto& obj = m_flow.objectives[static_cast<std::size_t>(o)];
                if (obj.page != block.page) continue;
                int d = std::numeric_limits<int>::max();
                for (int a : obj.anchors)
                    d = std::min(d, a < block.first ? block.first - a : a > block.last ? a - block.last : 0);
                pairs.push_back({d, b, o});
            }
        }
        if (pairs.size() > 1'000'000) return;
        std::stable_sort(pairs.begin(), pairs.end(),
                         [](const Pair& a, const Pair& b) { return a.distance < b.distance; });
        std::set<std::size_t> used;
        for (const auto& p : pairs) {
            auto& obj = m_flow.objectives[static_cast<std::size_t>(p.objective)];
            if (used.contains(p.block) || !obj.executor.empty()) continue;
            obj.executor = m_flow.blocks[p.block].text;
            used.insert(p.block);
        }
        for (auto& it : m_flow.items)
            if (it.executor.empty() && it.objective >= 0)
                it.executor = m_flow.objectives[static_cast<std::size_t>(it.objective)].executor;
    }

    // Costs: printed on the heading, on a row of it, or alone on its page (then in objective order).
    void assign_costs() {
        for (const auto& it : m_flow.items) {
            if (it.amount.empty() || it.objective < 0) continue;
            auto& obj = m_flow.objectives[static_cast<std::size_t>(it.objective)];
            if (obj.cost.empty()) obj.cost = it.amount;
        }
        std::map<int, std::vector<std::string>> by_page;
        for (const auto& a : m_flow.amounts)
            by_page[a.page].push_back(a.amount);
        for (auto& [page, amounts] : by_page) {
            std::size_t next = 0;
            for (int o : page_objectives(page)) {
                auto& obj = m_flow.objectives[static_cast<std::size_t>(o)];
                if (obj.cost.empty() && next < amounts.size()) obj.cost = amounts[next++];
            }
            for (; next < amounts.size(); ++next)
                m_ctx.note("renaksi-amount-without-objective", Severity::info,
                           "Jumlah " + amounts[next] + " tidak dapat dikaitkan dengan sasaran mana pun", 0);
        }
    }

    void write(bj::object& plan) {
        bj::array objectives;
        std::vector<std::size_t> order(m_flow.objectives.size());
        for (std::size_t o = 0; o < order.size(); ++o)
            order[o] = o;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return number_value(m_flow.objectives[a].number) < number_value(m_flow.objectives[b].number);
        });
        for (std::size_t o : order) {
            const auto& obj = m_flow.objectives[o];
            bj::object out;
            out["number"] = text_or_null(obj.number);
            out["name"] = text_or_null(obj.name);
            out["code"] = text_or_null(obj.code);
            out["cost"] = text_or_null(obj.cost);
            out["line"] = obj.line;
            bj::array items;
            for (const auto& it : m_flow.items)
                if (it.objective == static_cast<int>(o)) items.push_back(item_json(it));
            out["items"] = std::move(items);
            objectives.push_back(std::move(out));
        }
        // Rows no objective took (a plan without headings) stand under one objective without a name.
        bj::array orphans;
        for (const auto& it : m_flow.items)
            if (it.objective < 0) orphans.push_back(item_json(it));
        if (!orphans.empty()) {
            bj::object out;
            out["number"] = nullptr;
            out["name"] = nullptr;
            out["code"] = nullptr;
            out["cost"] = nullptr;
            out["line"] = m_flow.items.front().line;
            out["items"] = std::move(orphans);
            objectives.push_back(std::move(out));
        }
        plan["objectives"] = std::move(objectives);
    }

    static bj::object item_json(const Item& it) {
        bj::object out;
        out["indicator"] = text_or_null(it.indicator);
        out["target"] = text_or_null(it.target);
        out["activity"] = text_or_null(it.activity);
        if (it.ticks == 12) {
            bj::array months;
            for (int m = 1; m <= 12; ++m)
                months.push_back(m);
            out["months"] = std::move(months);
        } else {
            out["months"] = nullptr;
        }
        out["month_ticks"] = it.ticks;
        out["executor"] = text_or_null(it.executor);
        out["line"] = it.line;
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// Tables whose rows keep their cells (tab-separated text): NO, SASARAN, INDIKATOR, Trw I..IV,
// PROGRAM dan KEGIATAN, INDIKATOR KEGIATAN, TARGET, RENCANA TINDAK LANJUT, ANGGARAN, PENANGGUNG
// JAWAB. The PDF dropped empty cells and ran some neighbours together, so cells are read by their
// form: a row starts where its executor ("Sub Bagian …") starts, in the last cells; its quarterly
// targets are the run of target-shaped cells after the indicator; the executor goes on in the last
// cell of the next lines, after the row's budget.

// A quarterly target cell: "-", "25%", "3,000", "WTP", "A", "III".
bool looks_like_quarter(std::string_view cell) {
    static const std::string_view words[] = {"-", "wtp", "wdp", "a", "b", "bb", "aa", "i", "ii", "iii", "iv", "v"};
    const std::string f = fold(cell);
    for (auto w : words)
        if (f == w) return true;
    // A number, not an amount: "3,000" poin is a target, "772.562.700" a budget.
    const auto digits = std::count_if(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
    return looks_numeric(cell) && digits < 7 && !f.starts_with("rp");
}

// Where an indicator starts inside a cell the PDF ran together with the objective's name.
std::size_t indicator_start(const std::string& cell) {
    static const std::string_view heads[] = {" Persentase ", " Prosentase ", " Jumlah ", " Tingkat ", " Indeks ",
                                             " Nilai ",      " Opini ",      " Level ",  " Rasio "};
    std::size_t best = std::string::npos;
    for (auto h : heads)
        if (const auto at = cell.find(h); at != std::string::npos) best = std::min(best, at + 1);
    return best;
}

// A unit printed under a row's targets ("orang", "poin").
bool looks_like_unit_word(const std::string& cell) {
    return !cell.empty() && cell.size() <= 10 &&
           std::all_of(cell.begin(), cell.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// Where a row's executor starts in its cells: "Sub Bagian", or "S" + "ub Bagian Evaluasi" (a word
// the PDF broke in two). Returns the index of the first executor cell, or -1.
int executor_cell(const std::vector<std::string>& cells, std::string& executor) {
    if (cells.size() < 2) return -1;
    const std::size_t last = cells.size() - 1;
    if (cells[last - 1].size() == 1 && std::isupper(static_cast<unsigned char>(cells[last - 1][0])) &&
        starts_lowercase(cells[last]) && starts_unit(cells[last - 1] + cells[last])) {
        executor = cells[last - 1] + cells[last];
        return static_cast<int>(last - 1);
    }
    if (starts_unit(cells[last])) {
        executor = cells[last];
        return static_cast<int>(last);
    }
    return -1;
}

bool ends_with_amount(const std::string& cell) {
    return !split_trailing_amount(cell).amount.empty() || looks_like_rupiah(cell);
}

struct TableRow {
    int line = 0;
    std::string number, objective, indicator, target, activity, executor;
};

// Splits the quarterly targets off a row's cells; the indicator cell may carry the first of them
// ("Hasil penilaian … di - 3,000"). Returns the index after the quarters, or 0 when there are none.
std::size_t read_quarters(std::vector<std::string>& cells, std::size_t from, std::vector<std::string>& quarters) {
    std::size_t q = from;
    while (q < cells.size() && !looks_like_quarter(cells[q]))
        ++q;
    if (q >= cells.size() || q == 0) return 0;
    std::size_t end = q;
    while (end < cells.size() && end - q < 4 && looks_like_quarter(cells[end]))
        quarters.push_back(cells[end++]);
    // Trailing words of the cell before that are targets too.
    std::string& before = cells[q - 1];
    while (quarters.size() < 4) {
        const auto space = before.rfind(' ');
        if (space == std::string::npos) break;
        const std::string last = before.substr(space + 1);
        if (!looks_like_quarter(last)) break;
        quarters.insert(quarters.begin(), last);
        before = clean_text(before.substr(0, space));
    }
    return quarters.size() >= 2 ? end : 0;
}

void read_table_rows(Context& ctx, bj::object& plan) {
    const auto& lines = ctx.lines;
    std::vector<TableRow> rows;
    bool name_open = false;      // the objective's name goes on in the first cell of the next lines
    bool indicator_open = false; // the row's indicator goes on in the next cell
    bool executor_open = false;
    bool unit_open = false; // the line under a row may print its targets' unit
    for (const auto& line : lines) {
        std::vector<std::string> cells;
        for (const auto& c : line.cells)
            if (!c.empty()) cells.push_back(c);
        if (cells.empty()) continue;
        std::string executor;
        const int exec_at = executor_cell(cells, executor);
        if (exec_at >= 0) {
            TableRow row;
            row.line = line.number;
            row.executor = executor;
            std::size_t at = 0;
            if (cells.size() > 2 && cells[0].size() <= 2 && is_digits(cells[0])) {
                row.number = cells[0];
                row.objective = cells[1];
                at = 2;
            }
            std::vector<std::string> quarters;
            cells.resize(static_cast<std::size_t>(exec_at));
            const std::size_t after = read_quarters(cells, at == 2 ? 1 : at, quarters);
            if (after > 0) {
                // The indicator is the cell before the quarters; cells before it continue the objective.
                std::size_t q = after;
                while (q > 0 && looks_like_quarter(cells[q - 1]))
                    --q;
                const std::size_t indicator_cell = q > 0 ? q - 1 : 0;
                row.indicator = cells[indicator_cell];
                if (indicator_cell + 1 == at) { // run together with the name
                    const std::size_t split = indicator_start(row.indicator);
                    row.objective =
                        split == std::string::npos ? row.objective : clean_text(row.objective.substr(0, split));
                    row.indicator =
                        split == std::string::npos ? std::string() : clean_text(row.indicator.substr(split));
                } else if (row.number.empty() && indicator_cell > 0) {
                    for (auto r = rows.rbegin(); r != rows.rend(); ++r)
                        if (!r->number.empty()) {
                            for (std::size_t k = 0; k < indicator_cell; ++k)
                                r->objective = join(r->objective, cells[k]);
                            break;
                        }
                }
                row.target = quarters.back();
                if (after < cells.size() && !starts_with_folded(cells[after], "program")) row.activity = cells[after];
            } else if (!rows.empty()) {
                // A further activity under the same indicator.
                row.indicator = rows.back().indicator;
                row.target = rows.back().target;
                row.activity = cells.empty() ? std::string() : cells[0];
            }
            name_open = !row.number.empty();
            unit_open = after > 0;
            indicator_open = after > 0;
            executor_open = true;
            rows.push_back(std::move(row));
            continue;
        }
        if (rows.empty()) continue;
        auto& row = rows.back();
        std::size_t at = 0;
        if (name_open) {
            if (starts_lowercase(cells[0]) || ends_with_connector(row.objective)) {
                row.objective = join(row.objective, cells[0]);
                at = 1;
            } else {
                name_open = false;
            }
        }
        if (unit_open) {
            for (std::size_t k = at; k < cells.size(); ++k)
                if (looks_like_unit_word(cells[k]) && looks_numeric(row.target)) {
                    row.target = join(row.target, cells[k]);
                    break;
                }
            unit_open = false;
        }
        // An indicator goes on where the line still has cells for the columns to its right.
        if (indicator_open && at < cells.size() && cells.size() >= at + 3) {
            const std::string& cell = cells[at];
            if (!looks_like_quarter(cell) && !ends_with_amount(cell) && !looks_like_unit_word(cell) &&
                !cell.starts_with("("))
                row.indicator = join(row.indicator, cell);
            else
                indicator_open = false;
        } else {
            indicator_open = false;
        }
        if (executor_open) {
            const std::string& last = cells.back();
            const bool after_budget = cells.size() >= 2 && ends_with_amount(cells[cells.size() - 2]);
            if (after_budget || (ends_with_connector(row.executor) && !ends_with_amount(last)))
                row.executor = join(row.executor, last);
            else
                executor_open = false;
            if (!ends_with_connector(row.executor) && !after_budget) executor_open = false;
        }
    }
    // Rows to objectives: a numbered row starts one.
    bj::array objectives;
    for (const auto& row : rows) {
        if (!row.number.empty() || objectives.empty()) {
            bj::object o;
            o["number"] = text_or_null(row.number);
            o["name"] = text_or_null(row.objective);
            o["code"] = nullptr;
            o["cost"] = nullptr;
            o["line"] = row.line;
            o["items"] = bj::array();
            objectives.push_back(std::move(o));
        }
        bj::object item;
        item["indicator"] = text_or_null(row.indicator);
        item["target"] = text_or_null(row.target);
        item["activity"] = text_or_null(row.activity);
        item["months"] = nullptr;
        item["month_ticks"] = nullptr;
        item["executor"] = text_or_null(row.executor);
        item["line"] = row.line;
        objectives.back().as_object()["items"].as_array().push_back(std::move(item));
    }
    plan["objectives"] = std::move(objectives);
}

// Tab-separated rows with an executor in their last cells: the table form; else reading order.
bool is_table_form(const std::vector<Line>& lines) {
    int rows = 0;
    for (const auto& line : lines) {
        std::string executor;
        if (line.cells.size() >= 4 && executor_cell(line.cells, executor) >= 0) ++rows;
        if (rows >= 2) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Reading-order flow where every cell is a paragraph of its own (a monitoring of a Rencana Aksi:
// SASARAN STRATEGIS, INDIKATOR KINERJA SASARAN, TARGET, REALISASI, then the kegiatan columns).
// Read at the objective level: an objective is a paragraph in the words objectives start with, an
// indicator a paragraph starting with "Persentase"/"Prosentase", and the figures of a page are
// paragraphs of one number; they come in pairs (target, realization) in the order of the
// indicators of their page, before or after them. The kegiatan columns are not read.

struct Paragraph {
    int line = 0, page = 0;
    std::string text;
};

bool starts_objective(const std::string& text) {
    static const std::string_view heads[] = {"meningkat", "menurun",  "terwujud", "tercapai",
                                             "terpenuhi", "dipenuhi", "berkurang"};
    const std::string f = fold(text);
    for (auto h : heads)
        if (f.starts_with(h)) return true;
    return false;
}

bool starts_indicator(const std::string& text) {
    return starts_with_folded(text, "prosentase") || starts_with_folded(text, "persentase");
}

// A target or realization alone: "55,56 %", "100 %", "20,03"; not "35 orang", not an amount.
bool looks_like_figure(const std::string& text) {
    std::string squeezed;
    for (char c : text)
        if (c != ' ') squeezed += c;
    return looks_like_quarter(squeezed) && looks_numeric(squeezed) &&
           (squeezed.find(',') != std::string::npos || squeezed.back() == '%');
}

void read_paragraphs(Context& ctx, bj::object& plan) {
    std::vector<Paragraph> paragraphs;
    int page = 0;
    bool open = false;
    for (const auto& line : ctx.lines) {
        if (line.blank()) {
            open = false;
            continue;
        }
        const std::string f = fold(line.text);
        if (f == "sasaran" && !open) ++page; // the header repeats on every page
        if (open)
            paragraphs.back().text = join(paragraphs.back().text, line.text);
        else
            paragraphs.push_back({line.number, page, line.text});
        open = true;
    }
    struct Indicator {
        std::size_t paragraph;
        int objective;
        std::string target;
    };
    bj::array objectives;
    std::vector<Indicator> indicators;
    std::map<int, std::vector<std::string>> figures; // page -> figures in order
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const auto& para = paragraphs[p];
        if (starts_objective(para.text)) {
            bj::object o;
            o["number"] = nullptr;
            o["name"] = para.text;
            o["code"] = nullptr;
            o["cost"] = nullptr;
            o["line"] = para.line;
            o["items"] = bj::array();
            objectives.push_back(std::move(o));
        } else if (starts_indicator(para.text)) {
            indicators.push_back({p, static_cast<int>(objectives.size()) - 1, {}});
        } else if (looks_like_figure(para.text)) {
            figures[para.page].push_back(clean_text(para.text));
        }
    }
    // Figures to indicators, page by page: the first of each pair is the target.
    std::map<int, std::size_t> next;
    for (auto& ind : indicators) {
        const int pg = paragraphs[ind.paragraph].page;
        auto& list = figures[pg];
        std::size_t& at = next[pg];
        if (at < list.size()) ind.target = list[at];
        at += 2;
    }
    for (const auto& ind : indicators) {
        if (ind.objective < 0) continue;
        bj::object item;
        item["indicator"] = paragraphs[ind.paragraph].text;
        item["target"] = text_or_null(ind.target);
        item["activity"] = nullptr;
        item["months"] = nullptr;
        item["month_ticks"] = nullptr;
        item["executor"] = nullptr;
        item["line"] = paragraphs[ind.paragraph].line;
        objectives[static_cast<std::size_t>(ind.objective)].as_object()["items"].as_array().push_back(std::move(item));
    }
    plan["objectives"] = std::move(objectives);
}

// The KPU form says where its rows end: month ticks ("v v v") or its month columns B1..B12.
bool has_month_ticks(const std::vector<Line>& lines) {
    for (const auto& line : lines) {
        const std::string f = fold(line.text);
        if (f.find("b1 b2 b3") != std::string::npos || f == "v" || f.starts_with("v v")) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// What stands around the table: the form fields, the title, the signature.

std::string after_colon(const std::string& text) {
    const auto colon = text.find(':');
    return colon == std::string::npos ? std::string() : clean_text(std::string_view(text).substr(colon + 1));
}

void read_frame(Context& ctx, bj::object& plan) {
    std::string unit, year_text;
    int year_line = 0;
    std::optional<int> year;
    const auto& lines = ctx.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string f = fold(lines[i].text);
        if (unit.empty() && f.find("unit organisasi") != std::string::npos) unit = after_colon(lines[i].text);
        if (year_text.empty() && f.starts_with("tahun anggaran") && f.find(':') != std::string::npos) {
            year_text = after_colon(lines[i].text);
            year_line = lines[i].number;
        }
        if (!year && f.find("rencana aksi") != std::string::npos) {
            // "RENCANA AKSI KINERJA / TAHUN 2024": the year on the title line or one of the next three.
            int seen = 0;
            for (std::size_t k = i; k < lines.size() && seen < 4; ++k) {
                if (lines[k].blank()) continue;
                ++seen;
                if ((year = title_year(lines[k].text))) break;
            }
        }
    }
    plan["unit"] = text_or_null(unit);
    plan["year_text"] = text_or_null(year_text);
    plan["title_year"] = year ? bj::value(*year) : bj::value(nullptr);
    plan["place"] = text_or_null(ctx.facts.place);
    plan["date_text"] = text_or_null(ctx.facts.date_text);
    plan["year_line"] = year_line > 0 ? bj::value(year_line) : bj::value(nullptr);
    plan["date_line"] = ctx.facts.date_line > 0 ? bj::value(ctx.facts.date_line) : bj::value(nullptr);
    // The signer: the position under the date ("SEKRETARIS,"), then the name.
    std::vector<std::string> after;
    for (std::size_t i = static_cast<std::size_t>(std::max(ctx.facts.date_line, 0));
         ctx.facts.date_line > 0 && i < lines.size() && after.size() < 2; ++i)
        if (!lines[i].blank() && !fold(lines[i].text).starts_with("nip")) after.push_back(lines[i].text);
    if (after.size() == 2) {
        std::string position = after[0];
        while (!position.empty() && (position.back() == ',' || position.back() == ' '))
            position.pop_back();
        plan["signer"] = bj::object{{"name", after[1]}, {"position", position}};
    } else {
        plan["signer"] = nullptr;
    }
}

} // namespace

void read_renaksi(Context& ctx) {
    bj::object plan;
    read_frame(ctx, plan);
    // A table with its header is read by its columns (read_renaksi_grid.cpp); the others by their form.
    if (!read_renaksi_grid(ctx, plan)) {
        if (is_table_form(ctx.lines))
            read_table_rows(ctx, plan);
        else if (has_month_ticks(ctx.lines))
            FlowReader(ctx).read(plan);
        else
            read_paragraphs(ctx, plan);
    }
    ctx.seed["action_plan"] = std::move(plan);
}

} // namespace kinerja::import
