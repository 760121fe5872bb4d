#pragma once
// A tiny reader for the rule tables in tests/cases/*.tsv (architecture.md: rules are tested from
// tables, adding a case is adding a line).
//
// Format, one file per rule family:
//   - `#` starts a comment line; blank lines are skipped;
//   - `[name]` starts a section; the next line is that section's header (tab-separated column names);
//     a file without `[name]` lines has one section named "";
//   - every other line is one case: tab-separated fields, exactly as many as the header has
//     (a line with a missing or extra tab is an error, so a tab turned into spaces is caught);
//   - a field written `""` is the empty string (an empty input must be visible in the table).
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/achievement.h"
#include "core/aggregation.h"
#include "core/decimal.h"
#include "core/ratio.h"
#include "tests/unit/core/printers.h"

#ifndef KINERJA_CASES_DIR
#error "KINERJA_CASES_DIR must name the tests/cases directory"
#endif

namespace kinerja::test {

struct CaseRow {
    std::string file;
    int line = 0;
    const std::vector<std::string>* header = nullptr;
    std::vector<std::string> fields;

    // The field under `column`; an unknown column is a mistake in the driver, not a failed case.
    const std::string& operator[](std::string_view column) const {
        for (std::size_t i = 0; i < header->size(); ++i)
            if ((*header)[i] == column) return fields[i];
        throw std::invalid_argument(where() + ": no column '" + std::string(column) + "'");
    }
    std::string where() const { return file + ":" + std::to_string(line); }
    // "file:line  field1 | field2 | ..." for SCOPED_TRACE.
    std::string describe() const {
        std::string s = where() + "  ";
        for (std::size_t i = 0; i < fields.size(); ++i)
            s += (i ? " | " : "") + (fields[i].empty() ? "\"\"" : fields[i]);
        return s;
    }
};

struct CaseSection {
    std::string name;
    std::vector<std::string> header;
    std::vector<CaseRow> rows;
};

struct CaseFile {
    std::string name;
    std::vector<CaseSection> sections;

    const CaseSection& section(std::string_view section_name) const {
        for (const auto& s : sections)
            if (s.name == section_name) return s;
        throw std::invalid_argument(name + ": no section [" + std::string(section_name) + "]");
    }
    std::size_t row_count() const {
        std::size_t n = 0;
        for (const auto& s : sections)
            n += s.rows.size();
        return n;
    }
};

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    for (auto& f : out)
        if (f == "\"\"") f.clear();
    return out;
}

// Parses the text of a case file; `name` is used in messages. Throws std::runtime_error on a
// malformed table (a wrong field count, a section without header, a file without cases).
inline CaseFile parse_cases(const std::string& text, const std::string& name) {
    CaseFile file;
    file.name = name;
    std::istringstream in(text);
    std::string line;
    int line_no = 0;
    bool need_header = true;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            file.sections.push_back(CaseSection{line.substr(1, line.size() - 2), {}, {}});
            need_header = true;
            continue;
        }
        if (file.sections.empty()) file.sections.push_back(CaseSection{});
        CaseSection& sec = file.sections.back();
        if (need_header) {
            sec.header = split_tabs(line);
            need_header = false;
            continue;
        }
        CaseRow row{name, line_no, nullptr, split_tabs(line)};
        if (row.fields.size() != sec.header.size())
            throw std::runtime_error(row.where() + ": " + std::to_string(row.fields.size()) +
                                     " fields, the header of [" + sec.name + "] has " +
                                     std::to_string(sec.header.size()));
        sec.rows.push_back(std::move(row));
    }
    for (auto& sec : file.sections) {
        if (sec.rows.empty()) throw std::runtime_error(name + ": section [" + sec.name + "] has no cases");
        for (auto& row : sec.rows)
            row.header = &sec.header;
    }
    if (file.sections.empty()) throw std::runtime_error(name + ": no cases");
    return file;
}

// Reads KINERJA_CASES_DIR/<file_name>. Throws when the file is missing or malformed, so a lost
// table fails the test instead of passing it with zero cases.
inline CaseFile read_cases(const std::string& file_name) {
    const std::string path = std::string(KINERJA_CASES_DIR) + "/" + file_name;
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot open case file " + path);
    std::ostringstream text;
    text << f.rdbuf();
    return parse_cases(text.str(), file_name);
}

// ---- Field readers shared by the drivers. They throw on a malformed field: a typo in a table is
// a broken test, never a silently skipped case.

inline bool is_none(const std::string& field) {
    return field == "-";
}

inline Decimal canonical_field(const std::string& field, const std::string& where) {
    auto d = parse_canonical_decimal(field);
    if (!d) throw std::invalid_argument(where + ": '" + field + "' is not a canonical decimal");
    return *d;
}

inline Rounding rounding_field(const std::string& field) {
    if (field == "half-up") return Rounding::half_up;
    if (field == "truncate") return Rounding::truncate;
    throw std::invalid_argument("rounding '" + field + "' (half-up or truncate)");
}

inline ZeroTargetRule zero_rule_field(const std::string& field) {
    if (field == "not-computable") return ZeroTargetRule::not_computable;
    if (field == "achieved-when-zero") return ZeroTargetRule::achieved_when_zero;
    throw std::invalid_argument("zero rule '" + field + "' (not-computable or achieved-when-zero)");
}

inline OrdinalRule ordinal_rule_field(const std::string& field) {
    if (field == "achieved-or-not") return OrdinalRule::achieved_or_not;
    if (field == "tier-ratio") return OrdinalRule::tier_ratio;
    throw std::invalid_argument("ordinal rule '" + field + "' (achieved-or-not or tier-ratio)");
}

inline int int_field(const std::string& field) {
    std::size_t used = 0;
    const int v = std::stoi(field, &used);
    if (used != field.size()) throw std::invalid_argument("'" + field + "' is not an integer");
    return v;
}

inline std::int64_t int64_field(const std::string& field) {
    std::size_t used = 0;
    const long long v = std::stoll(field, &used);
    if (used != field.size()) throw std::invalid_argument("'" + field + "' is not an integer");
    return v;
}

inline std::vector<std::string> split_spaces(const std::string& field) {
    std::vector<std::string> out;
    std::istringstream in(field);
    std::string tok;
    while (in >> tok)
        out.push_back(tok);
    return out;
}

// An exact value written as "94.44", "85/90" or "85/90*100" (canonical decimals around / and *).
inline Ratio ratio_field(const std::string& field, const std::string& where) {
    std::string s = field;
    Ratio factor = Ratio::integer(1);
    if (const auto star = s.find('*'); star != std::string::npos) {
        factor = Ratio::of(canonical_field(s.substr(star + 1), where));
        s = s.substr(0, star);
    }
    Ratio value = Ratio::integer(0);
    if (const auto slash = s.find('/'); slash != std::string::npos) {
        const Ratio num = Ratio::of(canonical_field(s.substr(0, slash), where));
        const Ratio den = Ratio::of(canonical_field(s.substr(slash + 1), where));
        auto q = num.divided_by(den);
        if (!q) throw std::invalid_argument(where + ": '" + field + "' divides by zero");
        value = *q;
    } else {
        value = Ratio::of(canonical_field(s, where));
    }
    auto out = value.times(factor);
    if (!out) throw std::invalid_argument(where + ": '" + field + "' overflows");
    return *out;
}

// "1:10 2:20,5 3:30": month:value pairs, values written the Indonesian way.
inline std::vector<MonthlyValue> monthly_field(const std::string& field, const std::string& where) {
    std::vector<MonthlyValue> out;
    if (is_none(field)) return out;
    for (const auto& tok : split_spaces(field)) {
        const auto colon = tok.find(':');
        if (colon == std::string::npos) throw std::invalid_argument(where + ": '" + tok + "' is not month:value");
        auto v = parse_indonesian_decimal(tok.substr(colon + 1));
        if (!v) throw std::invalid_argument(where + ": '" + tok + "': " + v.error().message);
        out.push_back({int_field(tok.substr(0, colon)), *v});
    }
    return out;
}

} // namespace kinerja::test
