// The measurement table (LKj BAB III A) on a small office year.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/measurement.h"
#include "tests/unit/core/office_year_builder.h"

namespace kinerja {
namespace {

using test::make_budget;
using test::make_indicator;

std::string pct(const std::optional<Ratio>& r, Rounding rounding = Rounding::half_up) {
    return r ? r->round(2, rounding).indonesian(2) : "-";
}

// Objective 1 of the seed LKj (lkj:883-892) and an objective with a monthly-summed count indicator.
OfficeYear small_year() {
    OfficeYear y;
    y.office = OfficeInfo{1, "kpu-kota-prabumulih", "KPU Kota Prabumulih", "kabkota", "Prabumulih", std::nullopt};
    y.year = 2024;
    ObjectiveData o1;
    o1.id = 10;
    o1.number = "1";
    o1.code = "6709";
    o1.indicators.push_back(
        make_indicator(101, "Persentase perencanaan program dan anggaran", "95", {{12, "95", "", 883}}));
    o1.indicators.push_back(
        make_indicator(102, "Persentase penyusunan peraturan pelaksanaan", "95", {{12, "95", "", 884}}));
    o1.indicators.push_back(make_indicator(103, "Persentase sarana dan prasarana IT", "90", {{12, "85", "", 892}}));
    ObjectiveData o2;
    o2.id = 20;
    o2.number = "2";
    o2.code = "6867";
    std::vector<test::Entry> monthly;
    for (int m = 1; m <= 12; ++m)
        monthly.push_back({m, "1", "", 0});
    o2.indicators.push_back(make_indicator(201, "Jumlah laporan pembentukan badan adhoc", "12 Lap", monthly, "Lap"));
    o2.indicators.back().period_rule = PeriodRule::cumulative;
    o2.indicators.push_back(make_indicator(202, "Persentase pelantikan PPK sesuai jadwal", "100", {})); // no actual yet
    o2.indicators.push_back(
        make_indicator(203, "Persentase pembentukan PPS sesuai jadwal", "", {{12, "100", "", 0}})); // no target
    y.objectives = {o1, o2};
    y.budgets.push_back(make_budget(1, 10, "6709", "Perencanaan", "551.587.000", "496.589.508", 964)); // seed lkj:964
    y.budgets.push_back(
        make_budget(2, 20, "6867", "Badan Adhoc", "11.134.042.000", "11.097.951.116", 984)); // seed lkj:984
    return y;
}

TEST(Measurement, IndicatorsObjectivesOfficeAndBudget) {
    const OfficeYear y = small_year();
    const Measurement m = measure(y);
    ASSERT_EQ(m.objectives.size(), 2u);
    EXPECT_EQ(m.scale, &lan_scale());

    const MeasuredObjective& o1 = m.objectives[0];
    EXPECT_EQ(o1.objective, &y.objectives[0]);
    ASSERT_EQ(o1.indicators.size(), 3u);
    EXPECT_EQ(pct(o1.indicators[0].achievement.percent), "100,00");
    EXPECT_EQ(pct(o1.indicators[2].achievement.percent), "94,44"); // seed lkj:892
    EXPECT_EQ(o1.indicators[2].band, "Sangat Berhasil");
    EXPECT_EQ(o1.indicators[2].actual_text, "85");
    // Objective roll-up: (100 + 100 + 94,444…) / 3 = 98,148… (contracts.md: "98.15", method "mean").
    ASSERT_TRUE(o1.rollup.value.has_value());
    EXPECT_EQ(*o1.rollup.value, Ratio(2650, 27));
    EXPECT_EQ(pct(o1.rollup.value), "98,15");
    EXPECT_EQ(pct(o1.rollup.value, Rounding::truncate), "98,14");
    EXPECT_EQ(o1.rollup.method, "mean");
    EXPECT_EQ(o1.rollup.counted, 3);
    EXPECT_EQ(o1.rollup.left_out, 0);
    EXPECT_EQ(o1.band, "Sangat Berhasil");
    ASSERT_TRUE(o1.budget.has_value());
    EXPECT_EQ(o1.budget->ceiling.value, 551587000);
    EXPECT_EQ(o1.budget->actual.value, 496589508);
    EXPECT_EQ(pct(o1.absorption), "90,03");

    const MeasuredObjective& o2 = m.objectives[1];
    ASSERT_EQ(o2.indicators.size(), 3u);
    // 12 monthly entries of 1 summed (kumulatif) against 12 Lap.
    ASSERT_TRUE(o2.indicators[0].actual.has_value());
    EXPECT_EQ(*o2.indicators[0].actual, Ratio::integer(12));
    EXPECT_EQ(pct(o2.indicators[0].achievement.percent), "100,00");
    EXPECT_FALSE(o2.indicators[1].achievement.computed());
    EXPECT_EQ(o2.indicators[1].achievement.reason, "Realisasi belum diisi");
    EXPECT_TRUE(o2.indicators[1].band.empty());
    EXPECT_FALSE(o2.indicators[2].achievement.computed());
    EXPECT_EQ(o2.indicators[2].achievement.reason, "Target belum ditetapkan");
    EXPECT_EQ(pct(o2.rollup.value), "100,00");
    EXPECT_EQ(o2.rollup.counted, 1);
    EXPECT_EQ(o2.rollup.left_out, 2);
    EXPECT_EQ(pct(o2.absorption), "99,68"); // seed lkj:984

    // Office: the mean of the objectives' roll-ups, (2650/27 + 100) / 2 = 99,07…
    ASSERT_TRUE(m.rollup.value.has_value());
    EXPECT_EQ(*m.rollup.value, Ratio(5350, 54));
    EXPECT_EQ(pct(m.rollup.value), "99,07");
    EXPECT_EQ(m.rollup.method, "mean");
    EXPECT_EQ(m.rollup.counted, 2);
    EXPECT_EQ(m.band, "Sangat Berhasil");
    // Budget absorption Σ actual / Σ ceiling, not the mean of 90,03 and 99,68 (that would be 94,85).
    EXPECT_EQ(m.budget.ceiling.value, 551587000 + 11134042000);
    EXPECT_EQ(m.budget.actual.value, 496589508 + 11097951116);
    EXPECT_EQ(pct(m.absorption), "99,22");
}

TEST(Measurement, OptionsReachTheObjectiveRollupAndScaleIsUsed) {
    OfficeYear y = small_year();
    y.objectives[0].indicators[0] = make_indicator(101, "Persentase perencanaan", "50", {{12, "95", "", 883}}); // 190 %
    RollupOptions cap;
    cap.cap = Decimal::integer(120);
    const Measurement m = measure(y, lke_predicate_scale(), cap);
    EXPECT_EQ(m.scale, &lke_predicate_scale());
    EXPECT_EQ(pct(m.objectives[0].indicators[0].achievement.percent), "190,00"); // raw, never capped
    EXPECT_EQ(m.objectives[0].rollup.method, "mean, cap 120");
    // (120 + 100 + 94,444…) / 3 = 104,81…
    EXPECT_EQ(pct(m.objectives[0].rollup.value), "104,81");
    EXPECT_EQ(m.objectives[0].indicators[2].band, "Sangat Memuaskan"); // 94,44 on the LKE scale: > 90 is AA
}

TEST(Measurement, MalformedActualIsNotComputable) {
    OfficeYear y = small_year();
    y.objectives[0].indicators[2] = make_indicator(103, "Persentase sarana", "90", {{12, "87.5", "", 892}});
    const Measurement m = measure(y);
    EXPECT_FALSE(m.objectives[0].indicators[2].achievement.computed());
    EXPECT_EQ(m.objectives[0].indicators[2].achievement.reason, "Realisasi tidak sah");
    EXPECT_EQ(m.objectives[0].rollup.counted, 2);
    EXPECT_EQ(m.objectives[0].rollup.left_out, 1);
}

TEST(Measurement, SameBudgetCodeTwiceCountsOnce) {
    OfficeYear y = small_year();
    // The LKj prints the same kegiatan in two tables (seed lkj:964 and lkj:1439): the first wins.
    y.budgets.push_back(make_budget(3, 10, "6709", "Perencanaan", "551.587.000", "496.589.508", 1439));
    const Measurement m = measure(y);
    ASSERT_TRUE(m.objectives[0].budget.has_value());
    EXPECT_EQ(m.objectives[0].budget->ceiling.value, 551587000);
    EXPECT_EQ(m.budget.ceiling.value, 551587000 + 11134042000);
}

TEST(Measurement, ObjectiveWithoutBudgetHasNoAbsorption) {
    OfficeYear y = small_year();
    y.budgets.erase(y.budgets.begin());
    const Measurement m = measure(y);
    EXPECT_FALSE(m.objectives[0].budget.has_value());
    EXPECT_FALSE(m.objectives[0].absorption.has_value());
    EXPECT_EQ(pct(m.absorption), "99,68");
}

TEST(Measurement, BudgetLinesWithoutCodeAreDistinctLines) {
    OfficeYear y = small_year();
    y.budgets = {make_budget(1, 10, "", "Program Dukungan Manajemen", "100.000.000", "90.000.000", 1),
                 make_budget(2, 10, "", "Program Penyelenggaraan Pemilu", "300.000.000", "150.000.000", 2)};
    const Measurement m = measure(y);
    ASSERT_TRUE(m.objectives[0].budget.has_value());
    EXPECT_EQ(m.objectives[0].budget->ceiling.value, 400000000);
    EXPECT_EQ(m.objectives[0].budget->actual.value, 240000000);
    EXPECT_EQ(pct(m.objectives[0].absorption), "60,00");
}

} // namespace
} // namespace kinerja
