#include "core/quantity.h"
#include "core/text.h"

#include <array>
#include <cctype>

namespace kinerja {
namespace {

bool numeric_char(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+';
}

// Labels of the ordinal scales Kinerja knows (predicates, audit opinions); see achievement.h.
constexpr std::array<std::string_view, 11> known_labels = {"AA", "A",   "BB",  "B",   "CC", "C",
                                                           "D",  "WTP", "WDP", "TMP", "TW"};

// Splits "95%" / "5 keg" / "12,5 kali" into number text and unit text.
std::pair<std::string_view, std::string_view> split_number(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && numeric_char(s[i]))
        ++i;
    return {s.substr(0, i), trim(s.substr(i))};
}

} // namespace

Quantity Quantity::number(Decimal v, std::string unit) {
    Quantity q;
    q.kind = QuantityKind::numeric;
    q.value = v;
    q.unit = std::move(unit);
    q.text = v.indonesian() + (q.unit == "%" ? "%" : q.unit.empty() ? "" : " " + q.unit);
    return q;
}

Result<Quantity> parse_quantity(std::string_view raw, std::string_view default_unit) {
    Quantity q;
    q.text = std::string(trim(raw));
    std::string_view s = trim(raw);
    if (s.empty() || s == "-" || s == "--") return q; // missing

    // Ordinal labels: "WTP", "BB", "minimal CC", "Predikat BB".
    std::string_view label = s;
    for (std::string_view prefix : {"minimal ", "Minimal ", "min. ", "Predikat ", "predikat ", "Opini ", "opini "}) {
        if (label.starts_with(prefix)) {
            if (prefix.starts_with("m") || prefix.starts_with("M")) q.at_least = true;
            label = trim(label.substr(prefix.size()));
        }
    }
    for (auto known : known_labels) {
        if (label == known) {
            q.kind = QuantityKind::ordinal;
            q.label = std::string(label);
            return q;
        }
    }

    // Range: "80-90", "80 – 90%", "80 s.d. 90".
    for (std::string_view sep : {" s.d. ", " s/d ", "–", " - ", "-"}) {
        const auto pos = s.find(sep, 1);
        if (pos == std::string_view::npos) continue;
        auto [lo_text, lo_unit] = split_number(trim(s.substr(0, pos)));
        auto [hi_text, hi_unit] = split_number(trim(s.substr(pos + sep.size())));
        if (lo_text.empty() || hi_text.empty() || (!lo_unit.empty() && lo_unit != hi_unit && lo_unit != "%")) break;
        auto lo = parse_indonesian_decimal(lo_text);
        if (!lo) return tl::unexpected(lo.error());
        auto hi = parse_indonesian_decimal(hi_text);
        if (!hi) return tl::unexpected(hi.error());
        q.kind = QuantityKind::range;
        q.low = *lo;
        q.high = *hi;
        q.unit = std::string(hi_unit.empty() ? default_unit : hi_unit);
        if (*q.low > *q.high)
            return fail(ErrorCode::invalid_input, "Rentang '" + q.text + "': batas bawah lebih besar dari batas atas");
        return q;
    }

    auto [num_text, rest] = split_number(s);
    if (num_text.empty())
        return fail(ErrorCode::invalid_input,
                    "Nilai '" + q.text + "' bukan angka, rentang, atau predikat yang dikenal");
    auto value = parse_indonesian_decimal(num_text);
    if (!value) return tl::unexpected(value.error());
    q.kind = QuantityKind::numeric;
    q.value = *value;

    // Unit, and an optional count in parentheses: "% (4 satker)".
    std::string_view unit = rest;
    if (const auto open = rest.find('('); open != std::string_view::npos) {
        const auto close = rest.find(')', open);
        if (close == std::string_view::npos)
            return fail(ErrorCode::invalid_input, "Nilai '" + q.text + "': tanda kurung tidak ditutup");
        auto [count_text, count_unit] = split_number(trim(rest.substr(open + 1, close - open - 1)));
        if (!count_text.empty()) {
            auto count = parse_indonesian_decimal(count_text);
            if (!count) return tl::unexpected(count.error());
            q.numerator = *count;
            q.count_unit = std::string(count_unit);
        }
        unit = trim(rest.substr(0, open));
    }
    q.unit = std::string(unit.empty() ? default_unit : unit);
    return q;
}

} // namespace kinerja
