// Scales: the driver of tests/cases/scale.tsv, and the scale data printed in every report.
#include <gtest/gtest.h>

#include "core/scale.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

TEST(ScaleTable, Cases) {
    const auto cases = test::read_cases("scale.tsv");
    for (const auto& row : cases.section("").rows) {
        SCOPED_TRACE(row.describe());
        const Scale* scale = row["scale"] == "lan"   ? &lan_scale()
                             : row["scale"] == "lke" ? &lke_predicate_scale()
                                                     : nullptr;
        ASSERT_NE(scale, nullptr) << "unknown scale";
        const auto value = parse_indonesian_decimal(row["value"]);
        ASSERT_TRUE(value.has_value()) << value.error().message;
        const Ratio v = Ratio::of(*value);
        EXPECT_EQ(scale->label_of(v), row["label"]);
        const ScaleBand* band = scale->band_of(v);
        if (test::is_none(row["code"])) {
            EXPECT_EQ(band, nullptr) << "in band " << band->label;
        } else {
            ASSERT_NE(band, nullptr);
            EXPECT_EQ(band->code, row["code"]);
            EXPECT_EQ(band->label, row["label"]);
        }
    }
}

TEST(Scale, ExactRatiosAtTheEdge) {
    // 85 - 1e-30 is Berhasil even though every printed rounding shows 85,00.
    const Ratio just_below(Ratio::Int{85} * 1'000'000'000'000'000'000 - 1, 1'000'000'000'000'000'000);
    EXPECT_EQ(lan_scale().label_of(just_below), "Berhasil");
    EXPECT_EQ(lan_scale().label_of(Ratio(850, 10)), "Sangat Berhasil");
    // seed lkj:892: 85/90 × 100 = 94,44...
    EXPECT_EQ(lan_scale().label_of(Ratio(850, 9)), "Sangat Berhasil");
    EXPECT_EQ(lke_predicate_scale().band_of(Ratio(8001, 100))->code, "A");
    EXPECT_EQ(lke_predicate_scale().band_of(Ratio(240, 3))->code, "BB"); // exactly 80
}

TEST(Scale, CarriesItsCitationAndDescribesItsBands) {
    const Scale& lan = lan_scale();
    EXPECT_EQ(lan.id, "lan-4");
    EXPECT_NE(lan.citation.find("239/IX/6/8/2003"), std::string::npos);
    EXPECT_FALSE(lan.note.empty()); // thresholds unconfirmed (domain.md §3.1): the report must say so
    const auto lines = lan.describe();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "Sangat Berhasil: x ≥ 85");
    EXPECT_EQ(lines[1], "Berhasil: x ≥ 70 dan x < 85");
    EXPECT_EQ(lines[2], "Cukup Berhasil: x ≥ 55 dan x < 70");
    EXPECT_EQ(lines[3], "Tidak Berhasil: x < 55");

    const Scale& lke = lke_predicate_scale();
    EXPECT_NE(lke.citation.find("88 Tahun 2021"), std::string::npos);
    const auto lke_lines = lke.describe();
    ASSERT_EQ(lke_lines.size(), 7u);
    EXPECT_EQ(lke_lines[0], "AA Sangat Memuaskan: x > 90");
    EXPECT_EQ(lke_lines[2], "BB Sangat Baik: x > 70 dan x ≤ 80");
    EXPECT_EQ(lke_lines[6], "D Sangat Kurang: x ≥ 0 dan x ≤ 30");
}

TEST(Scale, LkeTemplateWeights) {
    // domain.md §4.1: 30/30/15/25, each split 20/30/50.
    const LkeTemplate& t = lke_88_2021();
    ASSERT_EQ(t.components.size(), 4u);
    const Decimal expected[] = {Decimal::integer(30), Decimal::integer(30), Decimal::integer(15), Decimal::integer(25)};
    std::optional<Ratio> total = Ratio::integer(0);
    for (std::size_t i = 0; i < 4; ++i) {
        const LkeComponent& c = t.components[i];
        SCOPED_TRACE(c.name);
        EXPECT_EQ(c.weight, expected[i]);
        EXPECT_EQ(*Ratio::of(c.fulfilment).plus(Ratio::of(c.quality))->plus(Ratio::of(c.use)), Ratio::of(c.weight));
        EXPECT_EQ(*Ratio::of(c.fulfilment).times(Ratio::integer(5)), Ratio::of(c.weight));
        total = total->plus(Ratio::of(c.weight));
    }
    EXPECT_EQ(*total, Ratio::integer(100));
    EXPECT_EQ(t.components[3].quality, Decimal(750, 2)); // 7,5
    EXPECT_EQ(t.components[2].use, Decimal(750, 2));     // 7,5
}

} // namespace
} // namespace kinerja
