#include "core/achievement.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kinerja {
namespace {

constexpr std::array<std::string_view, 7> predicates = {"D", "C", "CC", "B", "BB", "A", "AA"};
constexpr std::array<std::string_view, 4> opinions = {"TMP", "TW", "WDP", "WTP"};

const Ratio hundred = Ratio::integer(100);

// The formulas below are written out over numerators and denominators, so the hot path makes one
// fraction with a few checked multiplications and no gcd; nullopt only on 128-bit overflow.
using Int = Ratio::Int;
bool mul(Int a, Int b, Int& out) {
    return !__builtin_mul_overflow(a, b, &out);
}

// a / t × 100
std::optional<Ratio> ratio_percent(const Ratio& a, const Ratio& t) {
    Int n, d;
    if (!mul(a.num(), t.den(), n) || !mul(n, 100, n) || !mul(a.den(), t.num(), d)) return std::nullopt;
    return Ratio(n, d);
}

// (2·t − a) / t × 100 = (2·tn·ad − an·td) · 100 / (ad·tn)
std::optional<Ratio> lan_percent(const Ratio& t, const Ratio& a) {
    Int x, y, n, d;
    if (!mul(t.num(), a.den(), x) || !mul(x, 2, x) || !mul(a.num(), t.den(), y) || __builtin_sub_overflow(x, y, &n) ||
        !mul(n, 100, n) || !mul(a.den(), t.num(), d))
        return std::nullopt;
    return Ratio(n, d);
}

Achievement not_computable(std::string reason) {
    return Achievement{std::nullopt, std::move(reason)};
}

// (2·t − a)/t × 100 or t/a × 100.
Achievement lower_is_better(LowerIsBetterFormula f, const Ratio& t, const Ratio& a) {
    if (f == LowerIsBetterFormula::inverse) {
        if (a.is_zero())
            return not_computable("Realisasi 0 dengan rumus target/realisasi: capaian tidak dapat dihitung");
        auto p = ratio_percent(t, a);
        if (!p) p = percent_of(t, a);
        if (!p) return not_computable("Angka terlalu besar untuk dihitung");
        return {p, {}};
    }
    auto p = lan_percent(t, a);
    if (!p) {
        auto two_t = t.times(Ratio::integer(2));
        auto diff = two_t ? two_t->plus(Ratio(-a.num(), a.den())) : std::nullopt;
        p = diff ? percent_of(*diff, t) : std::nullopt;
    }
    if (!p) return not_computable("Angka terlalu besar untuk dihitung");
    return {p, {}};
}

} // namespace

std::optional<int> ordinal_tier(std::string_view label, std::string_view* scale_name) {
    for (std::size_t i = 0; i < predicates.size(); ++i)
        if (label == predicates[i]) {
            if (scale_name) *scale_name = "predikat";
            return static_cast<int>(i) + 1;
        }
    for (std::size_t i = 0; i < opinions.size(); ++i)
        if (label == opinions[i]) {
            if (scale_name) *scale_name = "opini";
            return static_cast<int>(i) + 1;
        }
    return std::nullopt;
}

Achievement achievement_numeric(const AchievementRule& rule, const Ratio& t, const Ratio& a) {
    if (t.is_zero()) {
        if (rule.zero_target == ZeroTargetRule::not_computable)
            return not_computable("Target 0: capaian tidak dapat dihitung");
        if (a.is_zero()) return {hundred, "Target 0 dan realisasi 0: dinyatakan tercapai"};
        return {Ratio::integer(rule.polarity == Polarity::higher_is_better ? 100 : 0),
                rule.polarity == Polarity::higher_is_better ? "Target 0 terlampaui" : "Target 0 tidak tercapai"};
    }
    if (rule.polarity == Polarity::lower_is_better) return lower_is_better(rule.lower_formula, t, a);
    auto p = ratio_percent(a, t);
    if (!p) p = percent_of(a, t);
    if (!p) return not_computable("Angka terlalu besar untuk dihitung");
    return {p, {}};
}

Achievement compute_achievement(const AchievementRule& rule, const Quantity& target, const Ratio& actual) {
    switch (target.kind) {
    case QuantityKind::missing:
        return not_computable("Target belum ditetapkan");
    case QuantityKind::ordinal:
        return not_computable("Target berupa predikat, realisasi berupa angka");
    case QuantityKind::numeric:
        return achievement_numeric(rule, Ratio::of(*target.value), actual);
    case QuantityKind::range: {
        const Ratio lo = Ratio::of(*target.low), hi = Ratio::of(*target.high);
        if (actual >= lo && actual <= hi) return {hundred, "Realisasi dalam rentang target"};
        // Outside the range, the nearer bound is the target (SKP rule for ranges, domain.md §2.2).
        const Ratio& bound = actual > hi ? hi : lo;
        AchievementRule r = rule;
        if (rule.polarity == Polarity::stable_range)
            r.polarity = actual > hi ? Polarity::lower_is_better : Polarity::higher_is_better;
        Achievement out = achievement_numeric(r, bound, actual);
        if (out.computed()) out.reason = "Realisasi di luar rentang target; dihitung terhadap batas terdekat";
        return out;
    }
    }
    return not_computable("Target tidak dikenali");
}

Achievement compute_achievement(const AchievementRule& rule, const Quantity& target, const Quantity& actual) {
    if (actual.kind == QuantityKind::missing) return not_computable("Realisasi belum diisi");
    if (target.kind == QuantityKind::missing) return not_computable("Target belum ditetapkan");
    if (target.kind == QuantityKind::ordinal || actual.kind == QuantityKind::ordinal) {
        if (target.kind != actual.kind)
            return not_computable("Target dan realisasi tidak sebanding (predikat dan angka)");
        std::string_view ts, as;
        const auto tt = ordinal_tier(target.label, &ts), at = ordinal_tier(actual.label, &as);
        if (!tt || !at || ts != as)
            return not_computable("Predikat '" + actual.label + "' tidak sebanding dengan target '" + target.label +
                                  "'");
        const bool lower = rule.polarity == Polarity::lower_is_better;
        if (rule.ordinal == OrdinalRule::tier_ratio)
            return {lower ? Ratio(*tt * 100, *at) : Ratio(*at * 100, *tt), "Rasio tingkat predikat"};
        const bool met = lower ? *at <= *tt : *at >= *tt;
        return {Ratio::integer(met ? 100 : 0), met ? "Predikat tercapai" : "Predikat tidak tercapai"};
    }
    if (actual.kind == QuantityKind::range) return not_computable("Realisasi berupa rentang");
    // "Satker" and "satker" are one unit (domain.md §6): compare without case.
    auto same_unit = [](const std::string& a, const std::string& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    if (!target.unit.empty() && !actual.unit.empty() && !same_unit(target.unit, actual.unit))
        return not_computable("Satuan target (" + target.unit + ") dan realisasi (" + actual.unit + ") berbeda");
    return compute_achievement(rule, target, Ratio::of(*actual.value));
}

std::string_view polarity_code(Polarity p) {
    switch (p) {
    case Polarity::higher_is_better:
        return "higher-is-better";
    case Polarity::lower_is_better:
        return "lower-is-better";
    case Polarity::stable_range:
        return "stable-range";
    }
    return "?";
}

Result<Polarity> parse_polarity(std::string_view c) {
    if (c == "higher-is-better") return Polarity::higher_is_better;
    if (c == "lower-is-better") return Polarity::lower_is_better;
    if (c == "stable-range") return Polarity::stable_range;
    return fail(ErrorCode::invalid_input, "Polaritas '" + std::string(c) + "' tidak dikenal");
}

std::string_view lower_formula_code(LowerIsBetterFormula f) {
    return f == LowerIsBetterFormula::lan ? "lan" : "inverse";
}

Result<LowerIsBetterFormula> parse_lower_formula(std::string_view c) {
    if (c == "lan") return LowerIsBetterFormula::lan;
    if (c == "inverse") return LowerIsBetterFormula::inverse;
    return fail(ErrorCode::invalid_input, "Rumus polaritas negatif '" + std::string(c) + "' tidak dikenal");
}

} // namespace kinerja
