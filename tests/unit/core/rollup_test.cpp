// Roll-ups and budget absorption: the driver of tests/cases/rollup.tsv.
#include <gtest/gtest.h>

#include "core/rollup.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

std::optional<std::string> printed(const std::optional<Ratio>& v, Rounding rounding) {
    if (!v) return std::nullopt;
    return v->round(2, rounding).indonesian(2);
}

std::optional<std::string> expected_of(const std::string& field) {
    return test::is_none(field) ? std::nullopt : std::optional<std::string>(field);
}

TEST(RollupTable, Mean) {
    const auto cases = test::read_cases("rollup.tsv");
    for (const auto& row : cases.section("mean").rows) {
        SCOPED_TRACE(row.describe());
        std::vector<RollupItem> items;
        for (const auto& tok : test::split_spaces(row["achievements"]))
            items.push_back(
                {test::is_none(tok) ? std::nullopt : std::optional<Ratio>(test::ratio_field(tok, row.where())),
                 Decimal::integer(1)});
        RollupOptions options;
        if (!test::is_none(row["weights"])) {
            const auto weights = test::split_spaces(row["weights"]);
            ASSERT_EQ(weights.size(), items.size()) << "one weight per item";
            options.weighted = true;
            for (std::size_t i = 0; i < items.size(); ++i)
                items[i].weight = test::canonical_field(weights[i], row.where());
        }
        if (!test::is_none(row["cap"])) options.cap = test::canonical_field(row["cap"], row.where());
        const Rollup r = rollup(items, options);
        EXPECT_EQ(printed(r.value, Rounding::half_up), expected_of(row["half_up"]));
        EXPECT_EQ(printed(r.value, Rounding::truncate), expected_of(row["truncate"]));
        EXPECT_EQ(r.method, row["method"]);
        EXPECT_EQ(r.counted, test::int_field(row["counted"]));
        EXPECT_EQ(r.left_out, test::int_field(row["left_out"]));
    }
}

TEST(RollupTable, Absorption) {
    const auto cases = test::read_cases("rollup.tsv");
    for (const auto& row : cases.section("absorption").rows) {
        SCOPED_TRACE(row.describe());
        const auto ceilings = test::split_spaces(row["ceilings"]);
        const auto actuals = test::split_spaces(row["actuals"]);
        ASSERT_EQ(ceilings.size(), actuals.size());
        BudgetTotal total;
        for (std::size_t i = 0; i < ceilings.size(); ++i)
            total.add(Rupiah{test::int64_field(ceilings[i])}, Rupiah{test::int64_field(actuals[i])});
        const auto a = absorption(total);
        EXPECT_EQ(printed(a, Rounding::half_up), expected_of(row["half_up"]));
        EXPECT_EQ(printed(a, Rounding::truncate), expected_of(row["truncate"]));
    }
}

TEST(Rollup, ExactMeanIsNotAMeanOfRoundedValues) {
    // 85/90 and 95/90 (× 100) average to exactly 100.
    const std::vector<RollupItem> items = {{Ratio(8500, 90), Decimal::integer(1)},
                                           {Ratio(9500, 90), Decimal::integer(1)}};
    const Rollup r = rollup(items);
    ASSERT_TRUE(r.value.has_value());
    EXPECT_EQ(*r.value, Ratio::integer(100));
}

TEST(Rollup, CapDoesNotChangeTheItems) {
    const std::vector<RollupItem> items = {{Ratio::integer(150), Decimal::integer(1)}};
    RollupOptions o;
    o.cap = Decimal::integer(120);
    EXPECT_EQ(*rollup(items, o).value, Ratio::integer(120));
    EXPECT_EQ(*items[0].achievement, Ratio::integer(150)); // the raw achievement is kept (domain.md §2.3)
}

TEST(Rollup, DescribesItsMethod) {
    const std::vector<RollupItem> items = {{Ratio::integer(100), Decimal::integer(1)},
                                           {std::nullopt, Decimal::integer(1)},
                                           {Ratio::integer(150), Decimal::integer(1)}};
    EXPECT_EQ(describe_rollup(rollup(items), "indikator"),
              "rata-rata 2 indikator (1 indikator tanpa capaian tidak dihitung)");
    RollupOptions o;
    o.weighted = true;
    o.cap = Decimal::integer(120);
    EXPECT_EQ(describe_rollup(rollup(items, o), "sasaran"),
              "rata-rata tertimbang 2 sasaran, tiap capaian dibatasi 120% (1 sasaran tanpa capaian tidak dihitung)");
}

} // namespace
} // namespace kinerja
