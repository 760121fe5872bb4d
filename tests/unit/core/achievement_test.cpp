// The achievement engine: the driver of tests/cases/achievement.tsv, and what the table cannot say.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/achievement.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

AchievementRule rule_of(const test::CaseRow& row) {
    AchievementRule rule;
    const auto polarity = parse_polarity(row["polarity"]);
    const auto formula = parse_lower_formula(row["formula"]);
    if (!polarity || !formula) throw std::invalid_argument(row.where() + ": bad polarity or formula");
    rule.polarity = *polarity;
    rule.lower_formula = *formula;
    rule.zero_target = test::zero_rule_field(row["zero"]);
    rule.ordinal = test::ordinal_rule_field(row["ordinal"]);
    return rule;
}

TEST(AchievementTable, Cases) {
    const auto cases = test::read_cases("achievement.tsv");
    for (const auto& row : cases.section("").rows) {
        SCOPED_TRACE(row.describe());
        const AchievementRule rule = rule_of(row);
        const auto target = parse_quantity(row["target"]);
        const auto actual = parse_quantity(row["actual"]);
        const std::string& expected = row["expected"];
        if (expected == "error") {
            EXPECT_TRUE(!target || !actual) << "both the target and the actual parsed";
            if (!target) {
                EXPECT_EQ(target.error().code, ErrorCode::invalid_input);
            }
            if (!actual) {
                EXPECT_EQ(actual.error().code, ErrorCode::invalid_input);
            }
            continue;
        }
        ASSERT_TRUE(target.has_value()) << target.error().message;
        ASSERT_TRUE(actual.has_value()) << actual.error().message;
        const Achievement a = compute_achievement(rule, *target, *actual);
        if (test::is_none(expected)) {
            EXPECT_FALSE(a.computed()) << "computed " << a.percent->round(4).indonesian();
            EXPECT_FALSE(a.reason.empty()) << "a value that cannot be computed says why";
        } else {
            ASSERT_TRUE(a.computed()) << a.reason;
            EXPECT_EQ(a.percent->round(2, test::rounding_field(row["rounding"])).indonesian(2), expected);
        }
        if (!test::is_none(row["reason"])) {
            EXPECT_NE(a.reason.find(row["reason"]), std::string::npos) << "reason: " << a.reason;
        }
    }
}

TEST(Achievement, RawValueIsExactNotRounded) {
    // seed lkj:892: 85/90 × 100 is 850/9 exactly; rounding happens only when printing.
    const Achievement a = achievement_numeric(AchievementRule{}, Ratio::integer(90), Ratio::integer(85));
    ASSERT_TRUE(a.computed());
    EXPECT_EQ(*a.percent, Ratio(850, 9));
    EXPECT_EQ(a.percent->round(6), Decimal(94444444, 6));
}

TEST(Achievement, AggregatedActualNeedNotBeADecimal) {
    // A mean of monthly actuals (e.g. 170/3) is used as it is, not rounded first.
    const auto target = parse_quantity("90");
    ASSERT_TRUE(target.has_value());
    const Achievement a = compute_achievement(AchievementRule{}, *target, Ratio(170, 3));
    ASSERT_TRUE(a.computed());
    EXPECT_EQ(*a.percent, Ratio(17000, 270));
    EXPECT_EQ(a.percent->round(2).indonesian(2), "62,96");
}

TEST(Achievement, OrdinalTiers) {
    std::string_view scale;
    EXPECT_EQ(ordinal_tier("D", &scale), 1);
    EXPECT_EQ(scale, "predikat");
    EXPECT_EQ(ordinal_tier("AA"), 7);
    EXPECT_LT(*ordinal_tier("CC"), *ordinal_tier("B"));
    EXPECT_LT(*ordinal_tier("BB"), *ordinal_tier("A"));
    EXPECT_EQ(ordinal_tier("WTP", &scale), 4);
    EXPECT_EQ(scale, "opini");
    EXPECT_LT(*ordinal_tier("TMP"), *ordinal_tier("TW"));
    EXPECT_LT(*ordinal_tier("TW"), *ordinal_tier("WDP"));
    EXPECT_FALSE(ordinal_tier("E").has_value());
    EXPECT_FALSE(ordinal_tier("wtp").has_value());
}

TEST(Achievement, LowerIsBetterOrdinalMeansAtMost) {
    const auto target = parse_quantity("B");
    AchievementRule rule;
    rule.polarity = Polarity::lower_is_better;
    for (const auto& [actual, expected] : {std::pair{"C", 100}, std::pair{"B", 100}, std::pair{"BB", 0}}) {
        SCOPED_TRACE(actual);
        const auto a = parse_quantity(actual);
        ASSERT_TRUE(a && target);
        const Achievement r = compute_achievement(rule, *target, *a);
        ASSERT_TRUE(r.computed());
        EXPECT_EQ(*r.percent, Ratio::integer(expected));
    }
}

TEST(Achievement, CodesRoundTrip) {
    for (Polarity p : {Polarity::higher_is_better, Polarity::lower_is_better, Polarity::stable_range})
        EXPECT_EQ(parse_polarity(polarity_code(p)), p);
    for (LowerIsBetterFormula f : {LowerIsBetterFormula::lan, LowerIsBetterFormula::inverse})
        EXPECT_EQ(parse_lower_formula(lower_formula_code(f)), f);
    EXPECT_EQ(polarity_code(Polarity::lower_is_better), "lower-is-better");
    EXPECT_FALSE(parse_polarity("negatif").has_value());
    EXPECT_FALSE(parse_lower_formula("LAN").has_value());
}

TEST(Achievement, UnitsDifferingOnlyInCaseAreOneUnit) {
    // Different units stay incomparable ("5 keg" against "5 kali": achievement.tsv).
    const auto keg = parse_quantity("5 keg"), kali = parse_quantity("5 kali");
    ASSERT_TRUE(keg && kali);
    EXPECT_FALSE(compute_achievement(AchievementRule{}, *keg, *kali).computed());
    for (const auto& [target, actual] : {std::pair{"10 Satker", "10 satker"}, std::pair{"4 Lap", "4 lap"}}) {
        SCOPED_TRACE(target);
        const auto t = parse_quantity(target), a = parse_quantity(actual);
        ASSERT_TRUE(t && a);
        const Achievement r = compute_achievement(AchievementRule{}, *t, *a);
        ASSERT_TRUE(r.computed()) << r.reason;
        EXPECT_EQ(r.percent->round(2).indonesian(2), "100,00");
    }
}

TEST(Quantity, ReadsWhatPeopleWrite) {
    // seed rkt-kaltim:125
    const auto q = parse_quantity("36,36% (4 satker)");
    ASSERT_TRUE(q.has_value()) << q.error().message;
    EXPECT_EQ(q->kind, QuantityKind::numeric);
    EXPECT_EQ(*q->value, Decimal(3636, 2));
    EXPECT_TRUE(q->is_percent());
    ASSERT_TRUE(q->numerator.has_value());
    EXPECT_EQ(*q->numerator, Decimal::integer(4));
    EXPECT_EQ(q->count_unit, "satker");

    const auto keg = parse_quantity("5 keg");
    ASSERT_TRUE(keg.has_value());
    EXPECT_EQ(keg->unit, "keg");
    EXPECT_EQ(*keg->value, Decimal::integer(5));

    const auto header_unit = parse_quantity("95", "%"); // "Target (%)" column
    ASSERT_TRUE(header_unit.has_value());
    EXPECT_EQ(header_unit->unit, "%");

    const auto range = parse_quantity("80 – 90%");
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(range->kind, QuantityKind::range);
    EXPECT_EQ(*range->low, Decimal::integer(80));
    EXPECT_EQ(*range->high, Decimal::integer(90));
    EXPECT_EQ(range->unit, "%");

    const auto pred = parse_quantity("minimal CC");
    ASSERT_TRUE(pred.has_value());
    EXPECT_EQ(pred->kind, QuantityKind::ordinal);
    EXPECT_EQ(pred->label, "CC");
    EXPECT_TRUE(pred->at_least);

    const auto negative = parse_quantity("-2");
    ASSERT_TRUE(negative.has_value());
    EXPECT_EQ(negative->kind, QuantityKind::numeric);
    EXPECT_EQ(*negative->value, Decimal::integer(-2));

    EXPECT_EQ(parse_quantity("")->kind, QuantityKind::missing);
    EXPECT_FALSE(parse_quantity("90-80").has_value()); // lower bound above the upper bound
    EXPECT_FALSE(parse_quantity("36,36% (4 satker").has_value());
    EXPECT_FALSE(parse_quantity("banyak").has_value());
}

} // namespace
} // namespace kinerja
