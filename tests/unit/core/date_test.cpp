// Dates: the driver of tests/cases/dates.tsv.
#include <gtest/gtest.h>

#include "core/date.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

TEST(DatesTable, Indonesian) {
    const auto cases = test::read_cases("dates.tsv");
    for (const auto& row : cases.section("indonesian").rows) {
        SCOPED_TRACE(row.describe());
        const auto d = parse_indonesian_date(row["text"]);
        if (row["iso"] == "error") {
            ASSERT_FALSE(d.has_value()) << "parsed as " << d->iso();
            EXPECT_EQ(d.error().code, ErrorCode::invalid_input);
            EXPECT_FALSE(d.error().message.empty());
            continue;
        }
        ASSERT_TRUE(d.has_value()) << d.error().message;
        EXPECT_EQ(d->iso(), row["iso"]);
        EXPECT_EQ(d->indonesian(), row["printed"]);
        // Both printed forms read back to the same date.
        const auto from_iso = parse_iso_date(d->iso());
        ASSERT_TRUE(from_iso.has_value()) << from_iso.error().message;
        EXPECT_EQ(*from_iso, *d);
        const auto from_printed = parse_indonesian_date(d->indonesian());
        ASSERT_TRUE(from_printed.has_value()) << from_printed.error().message;
        EXPECT_EQ(*from_printed, *d);
    }
}

TEST(DatesTable, Iso) {
    const auto cases = test::read_cases("dates.tsv");
    for (const auto& row : cases.section("iso").rows) {
        SCOPED_TRACE(row.describe());
        const auto d = parse_iso_date(row["text"]);
        if (row["valid"] == "yes") {
            ASSERT_TRUE(d.has_value()) << d.error().message;
            EXPECT_EQ(d->iso(), row["text"]);
        } else {
            EXPECT_FALSE(d.has_value()) << "parsed as " << d->iso();
        }
    }
}

TEST(Date, OrdersByCalendar) {
    EXPECT_LT((Date{2024, 1, 25}), (Date{2024, 2, 1}));
    EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
    EXPECT_EQ(std::string(indonesian_month_name(8)), "Agustus");
    EXPECT_EQ(std::string(indonesian_month_name(13)), "?");
}

TEST(Date, EveryDayOfALeapYearRoundTrips) {
    int days = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= 31; ++d) {
            if (!is_valid_date(2024, m, d)) continue;
            ++days;
            const Date date{2024, m, d};
            const auto back = parse_indonesian_date(date.indonesian());
            ASSERT_TRUE(back.has_value()) << date.iso();
            EXPECT_EQ(*back, date);
        }
    EXPECT_EQ(days, 366);
}

} // namespace
} // namespace kinerja
