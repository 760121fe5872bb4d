// The fiscal year: the driver of tests/cases/fiscal_year.tsv.
#include <gtest/gtest.h>

#include "core/fiscal_year.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

std::vector<int> years_of(const std::string& list) {
    std::vector<int> out;
    if (list == "-") return out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        out.push_back(std::stoi(list.substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

TEST(FiscalYearTable, Parse) {
    const auto cases = test::read_cases("fiscal_year.tsv");
    for (const auto& row : cases.section("parse").rows) {
        SCOPED_TRACE(row.describe());
        const auto y = parse_year(row["text"]);
        if (row["year"] == "none")
            EXPECT_FALSE(y.has_value()) << *y;
        else
            EXPECT_EQ(y, std::stoi(row["year"]));
    }
}

TEST(FiscalYearTable, TodayIsInJakarta) {
    const auto cases = test::read_cases("fiscal_year.tsv");
    for (const auto& row : cases.section("jakarta").rows) {
        SCOPED_TRACE(row.describe());
        const auto ym = jakarta_year_month(std::stoll(row["unix"]));
        EXPECT_EQ(ym.year, std::stoi(row["year"]));
        EXPECT_EQ(ym.month, std::stoi(row["month"]));
    }
}

TEST(FiscalYearTable, DefaultYearAndMonth) {
    const auto cases = test::read_cases("fiscal_year.tsv");
    for (const auto& row : cases.section("default").rows) {
        SCOPED_TRACE(row.describe());
        EXPECT_EQ(default_year(years_of(row["years"]), std::stoi(row["this_year"])), std::stoi(row["year"]));
    }
    for (const auto& row : cases.section("month").rows) {
        SCOPED_TRACE(row.describe());
        EXPECT_EQ(default_month(std::stoi(row["year"]), {std::stoi(row["this_year"]), std::stoi(row["this_month"])}),
                  std::stoi(row["month"]));
    }
}

} // namespace
} // namespace kinerja
