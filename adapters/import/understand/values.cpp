#include "adapters/import/understand/values.h"
#include "core/text.h"

#include <array>
#include <cctype>

#include "adapters/import/understand/lines.h"

namespace kinerja::import {
namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// Removes "Rp", "Rp.", "Rp " in front.
std::string_view without_rp(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P')) {
        s.remove_prefix(2);
        if (!s.empty() && s.front() == '.') s.remove_prefix(1);
        s = trim(s);
    }
    return s;
}

struct NumberShape {
    int digits = 0, separators = 0;
    bool percent = false, valid = false;
};

NumberShape shape(std::string_view s) {
    NumberShape n;
    s = without_rp(s);
    if (!s.empty() && s.back() == '%') {
        n.percent = true;
        s.remove_suffix(1);
        s = trim(s);
    }
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    if (s.empty() || !digit(s.front()) || !digit(s.back())) return n;
    for (char c : s) {
        if (digit(c))
            ++n.digits;
        else if (c == '.' || c == ',')
            ++n.separators;
        else
            return n;
    }
    n.valid = true;
    return n;
}

constexpr std::array<std::string_view, 12> k_months = {"januari",   "februari", "maret",    "april",
                                                       "mei",       "juni",     "juli",     "agustus",
                                                       "september", "oktober",  "november", "desember"};

std::optional<int> four_digit_year_at(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return std::nullopt;
    for (std::size_t k = 0; k < 4; ++k)
        if (!digit(s[i + k])) return std::nullopt;
    if (i > 0 && digit(s[i - 1])) return std::nullopt;
    if (i + 4 < s.size() && digit(s[i + 4])) return std::nullopt;
    const int y = std::stoi(std::string(s.substr(i, 4)));
    if (y < 1990 || y > 2100) return std::nullopt;
    return y;
}

// Words kept in capitals when a title is turned into title case.
constexpr std::string_view k_acronyms[] = {"kpu",   "ri",  "dprd", "dpr",  "dpd",  "oku",  "ppk",   "pps",
                                           "kppps", "asn", "bpk",  "uptd", "rsj",  "lkj",  "lakip", "lkip",
                                           "rkt",   "pk",  "iku",  "hpu",  "bkpd", "bpmpd"};

} // namespace

bool looks_numeric(std::string_view cell) {
    const auto n = shape(cell);
    return n.valid && n.digits > 0;
}

bool looks_like_rupiah(std::string_view cell) {
    const auto t = trim(cell);
    const auto n = shape(t);
    if (!n.valid || n.percent) return false;
    const bool rp = t.size() >= 2 && (t[0] == 'R' || t[0] == 'r') && (t[1] == 'p' || t[1] == 'P');
    return rp || (n.digits >= 4 && n.separators >= 1);
}

PrintedQuantity printed_quantity(std::string_view cell) {
    PrintedQuantity q;
    q.text = clean_text(cell);
    const auto t = std::string_view(q.text);
    std::size_t i = 0;
    if (!t.empty() && t[0] == '-') ++i;
    while (i < t.size() && (digit(t[i]) || t[i] == '.' || t[i] == ',' || t[i] == ' '))
        ++i;
    if (i == 0) return q;
    if (i < t.size() && t[i] == '%') {
        q.unit = "%";
        return q;
    }
    auto rest = trim(t.substr(i));
    const auto paren = rest.find('(');
    if (paren != std::string_view::npos) rest = trim(rest.substr(0, paren));
    // "5 keg", "12 Lap", "1 Dokumen": the word after the number.
    if (!rest.empty() && rest.find(' ') == std::string_view::npos && std::isalpha(static_cast<unsigned char>(rest[0])))
        q.unit = std::string(rest);
    return q;
}

std::string printed_amount(std::string_view cell) {
    return clean_text(without_rp(cell));
}

std::optional<int> year_in(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i)
        if (auto y = four_digit_year_at(text, i)) return y;
    return std::nullopt;
}

std::optional<int> title_year(std::string_view text) {
    // Spaced titles ("T A H U N 2 0 1 6") read the same once spaces are gone.
    std::string squeezed;
    for (char c : fold(text))
        if (c != ' ') squeezed += c;
    for (std::size_t at = squeezed.find("tahun"); at != std::string::npos; at = squeezed.find("tahun", at + 1)) {
        // "… Nomor 7 Tahun 1999 tentang …" in a sentence cites a regulation; a title line of its own
        // ("NOMOR 18 TAHUN 2022") is the document's number and year.
        if (at > 0 && digit(squeezed[at - 1]) && squeezed.size() > 24) continue;
        std::size_t i = at + 5;
        if (squeezed.compare(i, 8, "anggaran") == 0) i += 8;
        if (squeezed.compare(i, 1, ":") == 0) ++i;
        // "TAHUN 2020-2024" is a plan period, not the document's year.
        if (i + 4 < squeezed.size() && squeezed[i + 4] == '-') continue; // (compare() past the end throws)
        if (auto y = four_digit_year_at(squeezed, i)) return y;
    }
    return std::nullopt;
}

std::optional<PlaceDate> place_date(std::string_view text) {
    const std::string t = clean_text(text);
    const auto comma = t.find(',');
    if (comma == std::string::npos || comma == 0) return std::nullopt;
    // The place: up to three capitalized words right before the comma ("Prabumulih", "Bandar Lampung").
    std::size_t start = comma;
    for (int words = 0; words < 3; ++words) {
        // From the comma, or from before the space that precedes the word taken last.
        const std::size_t from = start == comma ? start - 1 : start - 2;
        if (start != comma && (start < 2 || t[start - 1] != ' ')) break;
        const std::size_t space = t.rfind(' ', from);
        const std::size_t word = space == std::string::npos ? 0 : space + 1;
        if (word >= start || !std::isupper(static_cast<unsigned char>(t[word]))) break;
        start = word;
        if (word == 0) break;
    }
    if (start == comma) return std::nullopt;
    PlaceDate pd;
    pd.place = t.substr(start, comma - start);
    std::string rest(trim(std::string_view(t).substr(comma + 1)));
    // "25 Januari 2024", or a date left blank for the signature ("Bandung,      2016").
    std::size_t i = 0;
    while (i < rest.size() && digit(rest[i]))
        ++i;
    if (i > 0 && i <= 2 && i < rest.size() && rest[i] == ' ') {
        const std::string after = fold(rest.substr(i + 1));
        for (auto m : k_months)
            if (after.starts_with(m)) {
                const std::size_t year_at = i + 1 + m.size() + 1;
                if (year_at + 4 <= rest.size() && four_digit_year_at(rest, year_at)) {
                    pd.date_text = rest.substr(0, year_at + 4);
                    if (auto d = parse_indonesian_date(pd.date_text)) pd.date = *d;
                    return pd;
                }
            }
    }
    // Month and year only, or a bare year: keep the text, no date.
    const std::string rest_folded = fold(rest); // once, not once per month
    for (auto m : k_months)
        if (rest_folded.starts_with(m) && year_in(rest)) {
            pd.date_text = rest.substr(0, rest.find(std::to_string(*year_in(rest))) + 4);
            return pd;
        }
    if (rest.size() == 4 && year_in(rest)) {
        pd.date_text = rest;
        return pd;
    }
    return std::nullopt;
}

std::optional<std::string> trailing_code(std::string_view name) {
    auto t = trim(name);
    if (t.empty() || t.back() != ')') return std::nullopt;
    const auto open = t.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    const auto inside = trim(t.substr(open + 1, t.size() - open - 2));
    if (inside.size() < 4) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i)
        if (!digit(inside[i])) return std::nullopt;
    if (inside.size() == 4) return std::string(inside);
    if (inside[4] != '.') return std::nullopt;
    for (char c : inside.substr(5))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') return std::nullopt;
    return std::string(inside);
}

std::optional<std::string> nip_in(std::string_view text) {
    const std::string f = fold(text);
    const auto at = f.find("nip");
    if (at == std::string::npos) return std::nullopt;
    std::size_t i = at + 3;
    while (i < f.size() && (f[i] == '.' || f[i] == ':' || f[i] == ' '))
        ++i;
    const std::size_t start = i;
    int digits = 0;
    while (i < f.size() && (digit(f[i]) || f[i] == ' ')) {
        if (digit(f[i])) ++digits;
        ++i;
    }
    if (digits < 8) return std::nullopt;
    return std::string(trim(std::string_view(f).substr(start, i - start)));
}

std::string title_case(std::string_view text) {
    const std::string f = fold(text);
    std::string out;
    std::size_t i = 0;
    while (i < f.size()) {
        std::size_t end = f.find(' ', i);
        if (end == std::string::npos) end = f.size();
        std::string word = f.substr(i, end - i);
        bool acronym = false;
        for (auto a : k_acronyms)
            if (word == a) acronym = true;
        if (acronym)
            for (auto& c : word)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (!word.empty() && word != "dan" && word != "serta" && word != "di")
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        if (!out.empty()) out += ' ';
        out += word;
        i = end + 1;
    }
    // "Komisi Pemilihan Umum" is written KPU in office names (contracts.md codes).
    if (const auto at = out.find("Komisi Pemilihan Umum"); at != std::string::npos) out.replace(at, 21, "KPU");
    return out;
}

std::string office_code(std::string_view agency) {
    std::string f = fold(title_case(agency));
    std::string out;
    std::size_t i = 0;
    while (i < f.size()) {
        std::size_t end = f.find(' ', i);
        if (end == std::string::npos) end = f.size();
        std::string word;
        for (char c : f.substr(i, end - i))
            if (std::isalnum(static_cast<unsigned char>(c))) word += c;
        if (word == "kabupaten") word = "kab";
        if (word == "provinsi") word = "prov";
        if (!word.empty()) out += (out.empty() ? "" : "-") + word;
        i = end + 1;
    }
    return out;
}

} // namespace kinerja::import
