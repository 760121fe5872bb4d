// Periods and aggregation over months: the driver of tests/cases/periods.tsv.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/aggregation.h"
#include "core/period.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

TEST(PeriodsTable, ParsePeriod) {
    const auto cases = test::read_cases("periods.tsv");
    for (const auto& row : cases.section("parse_period").rows) {
        SCOPED_TRACE(row.describe());
        const auto p = parse_period(row["text"]);
        if (row["code"] == "error") {
            ASSERT_FALSE(p.has_value()) << "parsed as " << p->code();
            EXPECT_EQ(p.error().code, ErrorCode::invalid_input);
            EXPECT_NE(p.error().message.find("tidak dikenali"), std::string::npos) << p.error().message;
            continue;
        }
        ASSERT_TRUE(p.has_value()) << p.error().message;
        EXPECT_EQ(p->code(), row["code"]);
        EXPECT_EQ(p->first_month(), test::int_field(row["first"]));
        EXPECT_EQ(p->last_month(), test::int_field(row["last"]));
        EXPECT_TRUE(p->contains(p->first_month()));
        EXPECT_TRUE(p->contains(p->last_month()));
        EXPECT_FALSE(p->contains(p->first_month() - 1));
        EXPECT_FALSE(p->contains(p->last_month() + 1));
        const auto again = parse_period(p->code()); // the printed code reads back
        ASSERT_TRUE(again.has_value()) << again.error().message;
        EXPECT_EQ(*again, *p);
    }
}

TEST(Period, ErrorMessageNamesTheTextAsWritten) {
    // B and TW errors name the text: "Periode 'B13' tidak dikenali ...".
    for (const char* text : {"B13", "TW V", "X"}) {
        const auto p = parse_period(text);
        ASSERT_FALSE(p.has_value()) << text;
        EXPECT_NE(p.error().message.find(std::string("'") + text + "'"), std::string::npos) << p.error().message;
    }
    for (const char* text : {"S3", "Semester 3", "S0"}) {
        const auto p = parse_period(text);
        ASSERT_FALSE(p.has_value()) << text;
        EXPECT_NE(p.error().message.find(std::string("'") + text + "'"), std::string::npos) << p.error().message;
    }
}

TEST(PeriodsTable, Aggregate) {
    const auto cases = test::read_cases("periods.tsv");
    for (const auto& row : cases.section("aggregate").rows) {
        SCOPED_TRACE(row.describe());
        const auto rule = parse_period_rule(row["rule"]);
        ASSERT_TRUE(rule.has_value()) << rule.error().message;
        EXPECT_EQ(period_rule_code(*rule), row["rule"]);
        const auto values = test::monthly_field(row["values"], row.where());
        const auto got = aggregate(*rule, values, test::int_field(row["first"]), test::int_field(row["last"]));
        if (test::is_none(row["expected"])) {
            EXPECT_FALSE(got.has_value()) << "got " << got->round(4).canonical();
        } else {
            ASSERT_TRUE(got.has_value());
            EXPECT_EQ(got->round(2, Rounding::half_up).canonical(), row["expected"]);
        }
    }
}

TEST(Period, MonthsOfTheYear) {
    for (int m = 1; m <= 12; ++m) {
        const Period p = month_period(m);
        EXPECT_EQ(p.first_month(), m);
        EXPECT_EQ(p.last_month(), m);
        EXPECT_EQ(p.code(), "B" + std::to_string(m));
    }
    // Every month lies in exactly one quarter and one semester.
    for (int m = 1; m <= 12; ++m) {
        int quarters = 0, semesters = 0;
        for (int q = 1; q <= 4; ++q)
            quarters += Period{PeriodKind::quarter, q}.contains(m);
        for (int s = 1; s <= 2; ++s)
            semesters += Period{PeriodKind::semester, s}.contains(m);
        EXPECT_EQ(quarters, 1) << m;
        EXPECT_EQ(semesters, 1) << m;
    }
}

TEST(Aggregation, AverageIsExactNotRounded) {
    // 10, 20, 25 → 55/3 exactly: the quarter's mean is not cut to a decimal before it is used.
    const std::vector<MonthlyValue> v = {
        {1, Decimal::integer(10)}, {2, Decimal::integer(20)}, {3, Decimal::integer(25)}};
    const auto mean = aggregate(PeriodRule::average, v, 1, 3);
    ASSERT_TRUE(mean.has_value());
    EXPECT_EQ(*mean, Ratio(55, 3));
}

TEST(Aggregation, RuleCodes) {
    EXPECT_FALSE(parse_period_rule("sum").has_value());
    EXPECT_FALSE(parse_period_rule("").has_value());
}

} // namespace
} // namespace kinerja
