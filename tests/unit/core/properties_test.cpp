// Properties over many deterministic pseudo-random values (fixed seeds, so a failure reproduces).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "core/achievement.h"
#include "core/decimal.h"
#include "core/ratio.h"
#include "core/rupiah.h"

namespace kinerja {
namespace {

constexpr int iterations = 5000;

// Mantissas spread over magnitudes (1 to 17 digits), so grouping and leading zeros both occur.
std::int64_t random_mantissa(std::mt19937_64& rng, bool allow_negative = true, int max_digits = 17) {
    std::uniform_int_distribution<int> digits(1, max_digits);
    std::int64_t limit = 1;
    for (int i = digits(rng); i > 0; --i)
        limit *= 10;
    std::int64_t m = std::uniform_int_distribution<std::int64_t>(0, limit - 1)(rng);
    if (allow_negative && rng() % 2 == 0) m = -m;
    return m;
}

Decimal random_decimal(std::mt19937_64& rng, bool allow_negative = true) {
    const int scale = std::uniform_int_distribution<int>(0, Decimal::max_scale)(rng);
    return Decimal(random_mantissa(rng, allow_negative), scale);
}

// The same value with as many more decimals as fit without overflow ("95" -> "95,000000000").
Decimal widened(const Decimal& d) {
    std::int64_t m = d.mantissa() < 0 ? -d.mantissa() : d.mantissa();
    int scale = d.scale();
    while (scale < Decimal::max_scale && m < 10'000'000'000'000'000) {
        m *= 10;
        ++scale;
    }
    return d.rescaled(scale);
}

Ratio::Int pow10(int n) {
    Ratio::Int p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

Ratio::Int abs128(Ratio::Int v) {
    return v < 0 ? -v : v;
}

TEST(Properties, ActualEqualToTargetIsExactlyHundred) {
    std::mt19937_64 rng(20240125);
    const AchievementRule rules[] = {
        {Polarity::higher_is_better, LowerIsBetterFormula::lan, ZeroTargetRule::not_computable,
         OrdinalRule::achieved_or_not},
        {Polarity::lower_is_better, LowerIsBetterFormula::lan, ZeroTargetRule::not_computable,
         OrdinalRule::achieved_or_not},
        {Polarity::lower_is_better, LowerIsBetterFormula::inverse, ZeroTargetRule::not_computable,
         OrdinalRule::achieved_or_not},
        {Polarity::stable_range, LowerIsBetterFormula::lan, ZeroTargetRule::not_computable,
         OrdinalRule::achieved_or_not},
    };
    int checked = 0;
    for (int i = 0; i < iterations; ++i) {
        const Decimal t = random_decimal(rng);
        if (t.is_zero()) continue;
        for (const auto& rule : rules) {
            const Achievement a = achievement_numeric(rule, Ratio::of(t), Ratio::of(t));
            ASSERT_TRUE(a.computed()) << t.canonical() << " " << polarity_code(rule.polarity) << ": " << a.reason;
            ASSERT_EQ(*a.percent, Ratio::integer(100)) << t.canonical() << " " << polarity_code(rule.polarity) << " "
                                                       << lower_formula_code(rule.lower_formula);
            ASSERT_EQ(a.percent->round(2, Rounding::truncate), Decimal::integer(100));
            // The same value written at another scale ("95" and "95,00") is the same target.
            const Achievement b = achievement_numeric(rule, Ratio::of(t), Ratio::of(widened(t)));
            ASSERT_TRUE(b.computed());
            ASSERT_EQ(*b.percent, Ratio::integer(100)) << t.canonical();
            ++checked;
        }
    }
    EXPECT_GT(checked, iterations * 3);
}

TEST(Properties, IndonesianPrintingParsesBack) {
    std::mt19937_64 rng(892);
    for (int i = 0; i < iterations; ++i) {
        const Decimal d = random_decimal(rng);
        const std::string text = d.indonesian();
        const auto back = parse_indonesian_decimal(text);
        ASSERT_TRUE(back.has_value()) << d.canonical() << " printed " << text << ": " << back.error().message;
        ASSERT_EQ(*back, d) << text;
        // With a fixed number of decimals at least as large as the scale nothing is rounded away.
        const std::string fixed = d.indonesian(widened(d).scale());
        const auto back_fixed = parse_indonesian_decimal(fixed);
        ASSERT_TRUE(back_fixed.has_value()) << fixed;
        ASSERT_EQ(*back_fixed, d) << fixed;
    }
}

TEST(Properties, CanonicalParsesBack) {
    std::mt19937_64 rng(917);
    for (int i = 0; i < iterations; ++i) {
        const Decimal d = random_decimal(rng);
        const std::string text = d.canonical();
        const auto back = parse_canonical_decimal(text);
        ASSERT_TRUE(back.has_value()) << text << ": " << back.error().message;
        ASSERT_EQ(*back, d) << text;
        ASSERT_EQ(back->canonical(), text) << "canonical form is a fixed point";
    }
}

TEST(Properties, RoundingBracketsTheExactValue) {
    std::mt19937_64 rng(914);
    for (int i = 0; i < iterations; ++i) {
        // |num/den| · 10^6 must fit the int64 mantissa of a Decimal: numerators up to 12 digits.
        const Ratio::Int num = random_mantissa(rng, true, 12);
        Ratio::Int den = random_mantissa(rng);
        if (den == 0) den = 7;
        const Ratio r(num, den); // the sign is moved to the numerator
        const int decimals = std::uniform_int_distribution<int>(0, 6)(rng);
        const Decimal h = r.round(decimals, Rounding::half_up);
        const Decimal t = r.round(decimals, Rounding::truncate);
        ASSERT_EQ(h.scale(), decimals);
        ASSERT_EQ(t.scale(), decimals);
        // At most one unit in the last place apart, and half-up is never nearer zero than truncate.
        const Ratio::Int gap = abs128(static_cast<Ratio::Int>(h.mantissa()) - t.mantissa());
        ASSERT_LE(gap, 1);
        ASSERT_GE(abs128(h.mantissa()), abs128(t.mantissa()));
        // Cross multiplication: x = num/den·10^d (exact), m the printed mantissa.
        // Truncation is toward zero: |m_t| · den ≤ |num| · 10^d < (|m_t| + 1) · den.
        const Ratio::Int scaled = abs128(r.num()) * pow10(decimals), d = r.den();
        const Ratio::Int mt = abs128(t.mantissa()), mh = abs128(h.mantissa());
        ASSERT_LE(mt * d, scaled);
        ASSERT_LT(scaled, (mt + 1) * d);
        // Half-up is the nearest, ties away from zero: |x − m_h| ≤ 1/2, and = 1/2 only when m_h is above.
        const Ratio::Int twice_diff = 2 * (scaled - mh * d); // 2·(x − m_h)·den
        ASSERT_LT(twice_diff, d) << "more than half below, or a tie rounded toward zero";
        ASSERT_GE(twice_diff, -d) << "more than half above";
        // Signs agree with the exact value (zero prints without sign).
        if (r.num() > 0) {
            ASSERT_GE(t.mantissa(), 0);
        } else {
            ASSERT_LE(t.mantissa(), 0);
        }
    }
}

TEST(Properties, RatioRoundingAgreesWithDecimalRescaling) {
    std::mt19937_64 rng(938);
    for (int i = 0; i < iterations; ++i) {
        const Decimal d = random_decimal(rng);
        const int decimals = std::uniform_int_distribution<int>(0, d.scale())(rng); // digits are dropped
        for (Rounding rounding : {Rounding::half_up, Rounding::truncate}) {
            const Decimal a = Ratio::of(d).round(decimals, rounding);
            const Decimal b = d.rescaled(decimals, rounding);
            ASSERT_EQ(a, b) << d.canonical() << " at " << decimals;
        }
    }
}

TEST(Properties, RupiahFormatParsesBack) {
    std::mt19937_64 rng(964);
    for (int i = 0; i < iterations; ++i) {
        const Rupiah r{random_mantissa(rng, false)};
        for (bool prefix : {false, true}) {
            const std::string text = format_rupiah(r, prefix);
            const auto back = parse_rupiah(text);
            ASSERT_TRUE(back.has_value()) << text << ": " << back.error().message;
            ASSERT_EQ(back->value, r.value) << text;
        }
    }
}

} // namespace
} // namespace kinerja
