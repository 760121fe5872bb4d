// Numbers as the documents print them: the driver of tests/cases/numbers.tsv, plus the Decimal,
// Ratio and Rupiah behaviour the table cannot express.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/decimal.h"
#include "core/ratio.h"
#include "core/rupiah.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

using test::CaseRow;
using test::is_none;
using test::read_cases;

// `expected` is the canonical value or `error`; `error_contains` a part of the error message.
template <typename ParseResult, typename ToCanonical>
void expect_parse(const CaseRow& row, const ParseResult& got, ToCanonical to_canonical) {
    const std::string& expected = row["expected"];
    if (expected == "error") {
        ASSERT_FALSE(got.has_value()) << "parsed as " << to_canonical(*got);
        EXPECT_EQ(got.error().code, ErrorCode::invalid_input);
        EXPECT_NE(got.error().message.find(row["error_contains"]), std::string::npos)
            << "message: " << got.error().message;
    } else {
        ASSERT_TRUE(got.has_value()) << got.error().message;
        EXPECT_EQ(to_canonical(*got), expected);
    }
}

TEST(NumbersTable, ParseIndonesianDecimal) {
    const auto cases = read_cases("numbers.tsv");
    for (const auto& row : cases.section("parse_indonesian_decimal").rows) {
        SCOPED_TRACE(row.describe());
        const auto got = parse_indonesian_decimal(row["input"]);
        expect_parse(row, got, [](const Decimal& d) { return d.canonical(); });
        if (row["expected"] != "error") {
            ASSERT_TRUE(is_none(row["error_contains"])) << "a parsed case names no error";
            // What was read prints back the Indonesian way and reads again to the same value.
            const auto again = parse_indonesian_decimal(got->indonesian());
            ASSERT_TRUE(again.has_value());
            EXPECT_EQ(*again, *got);
        }
    }
}

TEST(NumbersTable, IndonesianPrinting) {
    const auto cases = read_cases("numbers.tsv");
    for (const auto& row : cases.section("indonesian").rows) {
        SCOPED_TRACE(row.describe());
        const Decimal d = test::canonical_field(row["canonical"], row.where());
        const std::optional<int> decimals =
            is_none(row["decimals"]) ? std::nullopt : std::optional<int>(test::int_field(row["decimals"]));
        EXPECT_EQ(d.indonesian(decimals), row["expected"]);
    }
}

TEST(NumbersTable, ParseRupiah) {
    const auto cases = read_cases("numbers.tsv");
    for (const auto& row : cases.section("parse_rupiah").rows) {
        SCOPED_TRACE(row.describe());
        const auto got = parse_rupiah(row["input"]);
        expect_parse(row, got, [](const Rupiah& r) { return std::to_string(r.value); });
    }
}

TEST(NumbersTable, FormatRupiah) {
    const auto cases = read_cases("numbers.tsv");
    for (const auto& row : cases.section("format_rupiah").rows) {
        SCOPED_TRACE(row.describe());
        const Rupiah r{test::int64_field(row["value"])};
        EXPECT_EQ(format_rupiah(r, row["prefix"] == "yes"), row["expected"]);
        // A printed amount reads back, except a negative one: a ceiling or a spending is never negative.
        const auto back = parse_rupiah(row["expected"]);
        if (r.value < 0) {
            ASSERT_FALSE(back.has_value());
            EXPECT_NE(back.error().message.find("negatif"), std::string::npos);
            continue;
        }
        ASSERT_TRUE(back.has_value()) << back.error().message;
        EXPECT_EQ(*back, r);
    }
}

TEST(Decimal, NormalizedDropsTrailingZerosOnly) {
    EXPECT_EQ(Decimal(9550, 2).normalized().mantissa(), 955);
    EXPECT_EQ(Decimal(9550, 2).normalized().scale(), 1);
    EXPECT_EQ(Decimal(100, 0).normalized().scale(), 0); // integer zeros are not fraction zeros
    EXPECT_EQ(Decimal(100, 0).normalized().mantissa(), 100);
    EXPECT_EQ(Decimal(0, 5).normalized().scale(), 0);
}

TEST(Decimal, ComparesByValueNotByRepresentation) {
    EXPECT_EQ(Decimal(9550, 2), Decimal(955, 1));
    EXPECT_EQ(Decimal(100, 0), Decimal(10000, 2));
    EXPECT_LT(Decimal(9444, 2), Decimal(9445, 2));
    EXPECT_LT(Decimal(-1, 9), Decimal(0, 0));
    EXPECT_GT(Decimal(1, 0), Decimal(999999999, 9));
}

TEST(Decimal, RescaledRoundsHalfUpOrTruncates) {
    EXPECT_EQ(Decimal(94736, 3).rescaled(2, Rounding::half_up), Decimal(9474, 2));
    EXPECT_EQ(Decimal(94736, 3).rescaled(2, Rounding::truncate), Decimal(9473, 2));
    EXPECT_EQ(Decimal(-94736, 3).rescaled(2, Rounding::half_up), Decimal(-9474, 2));
    EXPECT_EQ(Decimal(-94736, 3).rescaled(2, Rounding::truncate), Decimal(-9473, 2));
    EXPECT_EQ(Decimal(945, 1).rescaled(0, Rounding::half_up), Decimal(95, 0)); // a tie goes up
    // Growing the scale keeps the value and sets the scale.
    const Decimal grown = Decimal(95, 0).rescaled(2);
    EXPECT_EQ(grown.mantissa(), 9500);
    EXPECT_EQ(grown.scale(), 2);
}

TEST(Decimal, CanonicalForm) {
    EXPECT_EQ(Decimal(9444, 2).canonical(), "94.44");
    EXPECT_EQ(Decimal(10000, 2).canonical(), "100");
    EXPECT_EQ(Decimal(-5, 3).canonical(), "-0.005");
    EXPECT_EQ(Decimal(0, 4).canonical(), "0");
}

TEST(Decimal, ParseCanonicalRejectsEverythingElse) {
    EXPECT_EQ(parse_canonical_decimal("94.44")->canonical(), "94.44");
    EXPECT_EQ(*parse_canonical_decimal("-3"), Decimal::integer(-3));
    for (const char* bad : {"94,44", "1.234.567", "", "-", ".5", "5.", "+5", "1e3", " 5", "12a"}) {
        SCOPED_TRACE(bad);
        const auto r = parse_canonical_decimal(bad);
        ASSERT_FALSE(r.has_value()) << "parsed as " << r->canonical();
        EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
    }
}

TEST(Ratio, RoundsExactlyOnceAtTheEnd) {
    // seed lkj:914: 90/95 prints 94,74 half-up and 94,73 truncated.
    const Ratio r = *percent_of(Ratio::integer(90), Ratio::integer(95));
    EXPECT_EQ(r.round(2, Rounding::half_up), Decimal(9474, 2));
    EXPECT_EQ(r.round(2, Rounding::truncate), Decimal(9473, 2));
    EXPECT_EQ(Ratio(-2, 3).round(2, Rounding::half_up), Decimal(-67, 2));
    EXPECT_EQ(Ratio(-2, 3).round(2, Rounding::truncate), Decimal(-66, 2));
    EXPECT_EQ(Ratio(1, -8).round(3), Decimal(-125, 3)); // the sign moves to the numerator
    EXPECT_EQ(Ratio(1, 8).round(2), Decimal(13, 2));    // 0,125: the tie goes away from zero
}

TEST(Ratio, ExactArithmetic) {
    const Ratio third(1, 3);
    EXPECT_EQ(*third.plus(third)->plus(third), Ratio::integer(1));
    EXPECT_EQ(*third.times(Ratio::integer(3)), Ratio::integer(1));
    EXPECT_EQ(*Ratio::integer(1).divided_by(Ratio::integer(3)), third);
    EXPECT_FALSE(Ratio::integer(1).divided_by(Ratio::integer(0)).has_value());
    EXPECT_FALSE(percent_of(Ratio::integer(5), Ratio::integer(0)).has_value());
    EXPECT_EQ(Ratio(6, 4).reduced().num(), 3);
    EXPECT_EQ(Ratio(6, 4).reduced().den(), 2);
    EXPECT_EQ(Ratio::of(Decimal(9444, 2)), Ratio(9444, 100));
    EXPECT_LT(Ratio(1, 3), Ratio(334, 1000));
    EXPECT_GT(Ratio(1, 3), Ratio(333, 1000));
}

TEST(Ratio, ArithmeticReportsOverflowInsteadOfWrapping) {
    const Ratio::Int big = static_cast<Ratio::Int>(1) << 120;
    EXPECT_FALSE(Ratio(big, 1).times(Ratio(big, 1)).has_value());
    const auto doubled = Ratio(big, 1).plus(Ratio(big, 1)); // 2^121 still fits
    ASSERT_TRUE(doubled.has_value());
    EXPECT_EQ(doubled->num() / doubled->den(), big * 2);
    EXPECT_FALSE(Ratio(big * 64, 1).plus(Ratio(big * 64, 1)).has_value()); // 2^127 does not
    // Cross products overflow here, but the integer parts differ: still ordered.
    EXPECT_LT(Ratio(big * 2, big + 1), Ratio(big * 3, big + 1));
}

TEST(Ratio, ComparisonIsExactWhenCrossProductsOverflow) {
    const Ratio::Int big = static_cast<Ratio::Int>(1) << 120;
    const Ratio a(big, big - 1), b(big - 1, big - 3); // 1 + 1/(2^120-1) < 1 + 2/(2^120-3)
    EXPECT_LT(a, b);
    EXPECT_NE(a, b);
}

} // namespace
} // namespace kinerja
