// The LKj measurement tables the PDF text prints in reading order (read_lkj_reading_order.cpp):
// samples 04 (two name columns sharing lines) and 10 (one name column, the objective on its number's
// line) against their hand transcriptions, and a small table of the same form.
#include <gtest/gtest.h>

#include <iostream>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {
namespace bj = boost::json;

bj::value understood(const SourceText& text) {
    return testing::understood_seed(text, "lkj");
}

testing::Comparison sample_measurement(const std::string& name) {
    const auto expected = testing::json_file(testing::repo_dir() + "/tests/import/expected/" + name + ".json");
    const auto actual = understood(testing::text_file(testing::samples_dir() + "/" + name + ".txt"));
    auto c = testing::compare_seed(expected, actual, "measurement");
    std::cout << "[lkj " << name << "] measurement: " << testing::describe(c) << "\n";
    return c;
}

// Floors: what the reader reaches now (the differences left are printed above and told in the
// goldens' notes: words of two columns printed on one untabbed line, an objective not printed).
TEST(UnderstandLkjSamples, BiroHpuReadingOrderMeasurement) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto c = sample_measurement("04-lkj-2016-biro-hpu-setda-jabar");
    EXPECT_EQ(c.found_items, c.expected_items) << testing::describe(c); // 19/19
    EXPECT_GE(c.equal_fields, 91) << testing::describe(c);              // of 95
}

TEST(UnderstandLkjSamples, RsjReadingOrderMeasurement) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto c = sample_measurement("10-lkj-2016-rsj-jabar");
    // No title: the year is its measurement's ("Thn 2016"), not the 2015 its introduction speaks of.
    EXPECT_EQ(understood(testing::text_file(testing::samples_dir() + "/10-lkj-2016-rsj-jabar.txt")).at("year"), 2016);
    EXPECT_GE(c.found_items, 26) << testing::describe(c);   // of 27: objective 2 is not printed in Tabel 8
    EXPECT_GE(c.equal_fields, 126) << testing::describe(c); // of 140 (7 of them: the indicators of objective 2)
}

SourceText lkj_text(std::vector<std::string> lines) {
    return SourceText{"reading-order-lkj.txt", "text", std::move(lines)};
}

const bj::array& objectives_of(const bj::value& seed) {
    return seed.at("measurement").at("objectives").as_array();
}

// Two name columns sharing lines, each value row in the middle of its names, a numbered second
// indicator whose value row stands on the line before its name, a page break inside a name.
TEST(UnderstandLkjSamples, TwoColumnsInReadingOrder) {
    const auto seed = understood(lkj_text({
        "BAB III",
        "Tabel 3.1",
        "Pengukuran Kinerja 2024",
        "SASARAN\tINDIKATOR",
        "NO\tSATUAN\tTARGET\tREALISASI\tCAPAIAN",
        "STRATEGIS\tKINERJA",
        "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)",
        "Meningkatnya\tPersentase",
        "mutu layanan\tlayanan tepat",
        "1\tPersen\t90%\t95%\t105,56%",
        "publik\twaktu",
        "2\tMeningkatnya\t2. Jumlah\tDokumen\t4\t4\t100%",
        "akuntabilitas\tlaporan\tDokumen\t12\t9\t75%",
        "kinerja\t3. Jumlah laporan yang",
        "12",
        "",
        "disusun",
        "RATA - RATA\t93,52%",
    }));
    ASSERT_TRUE(seed.as_object().contains("measurement")) << bj::serialize(seed);
    EXPECT_EQ(seed.at("measurement").at("year"), 2024);
    EXPECT_EQ(seed.at("measurement").at("line"), 4);
    const auto& o = objectives_of(seed);
    ASSERT_EQ(o.size(), 2u) << bj::serialize(seed);
    EXPECT_EQ(o[0].at("number"), "1");
    EXPECT_EQ(o[0].at("name"), "Meningkatnya mutu layanan publik");
    EXPECT_EQ(o[0].at("line"), 8);
    const auto& first = o[0].at("indicators").at(0);
    EXPECT_EQ(first.at("name"), "Persentase layanan tepat waktu");
    EXPECT_EQ(first.at("target"), "90%");
    EXPECT_EQ(first.at("actual"), "95%");
    EXPECT_EQ(first.at("unit"), "Persen");
    EXPECT_EQ(first.at("achievement_printed"), "105,56%");
    EXPECT_EQ(o[1].at("name"), "Meningkatnya akuntabilitas kinerja");
    const auto& two = o[1].at("indicators").as_array();
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].at("name"), "Jumlah laporan");
    EXPECT_EQ(two[0].at("line"), 12);
    EXPECT_EQ(two[1].at("name"), "Jumlah laporan yang disusun");
    EXPECT_EQ(two[1].at("line"), 14);
    EXPECT_EQ(two[1].at("target"), "12");
    EXPECT_EQ(two[1].at("actual"), "9");
    EXPECT_EQ(two[1].at("unit"), "Dokumen");
    EXPECT_EQ(two[1].at("achievement_printed"), "75%");
}

// One name column: the objective stands once on its number's line, the values are preceded by
// last year's and followed by the plan's end, and the header is printed again after a page break.
TEST(UnderstandLkjSamples, OneColumnInReadingOrder) {
    const auto seed = understood(lkj_text({
        "BAB III",
        "Tabel 8",
        "Evaluasi Indikator Kinerja",
        "",
        "No.\tSasaran\tIndikator\tRealisasi\tTarget\tRealisasi\t%\tTarget Akhir",
        "Thn 2024",
        "1\t2\t3\t4\t5\t6\t7\t8",
        "Persentase",
        "pasien\t70,00\t80,00\t84,00\t105,00\t90,00",
        "sembuh",
        "1\tMeningkatnya mutu pelayanan",
        "Indeks",
        "Kepuasan\t72,00\t80,00\t76,00\t95,00\t85,00",
        "Pasien",
        "7 | Laporan Kinerja",
        "",
        "",
        "No.\tSasaran\tIndikator\tRealisasi\tTarget\tRealisasi\t%\tTarget Akhir",
        "Thn 2024",
        "1\t2\t3\t4\t5\t6\t7\t8",
        "Nilai SAKIP\t60,00\t70,00\t63,00\t90,00\t80,00",
        "2\tMeningkatnya akuntabilitas",
        "Jumlah\t2\t3\t3\t100,00\t4",
        "laporan",
        "RATA-RATA :\t97,50%",
    }));
    ASSERT_TRUE(seed.as_object().contains("measurement")) << bj::serialize(seed);
    EXPECT_EQ(seed.at("measurement").at("year"), 2024);
    const auto& o = objectives_of(seed);
    ASSERT_EQ(o.size(), 2u) << bj::serialize(seed);
    EXPECT_EQ(o[0].at("name"), "Meningkatnya mutu pelayanan");
    EXPECT_EQ(o[0].at("line"), 8);
    const auto& one = o[0].at("indicators").as_array();
    ASSERT_EQ(one.size(), 2u) << bj::serialize(seed);
    EXPECT_EQ(one[0].at("name"), "Persentase pasien sembuh");
    EXPECT_EQ(one[0].at("target"), "80,00");
    EXPECT_EQ(one[0].at("actual"), "84,00");
    EXPECT_EQ(one[0].at("achievement_printed"), "105,00");
    EXPECT_TRUE(one[0].at("unit").is_null());
    EXPECT_EQ(one[1].at("name"), "Indeks Kepuasan Pasien");
    EXPECT_EQ(one[1].at("line"), 12);
    EXPECT_EQ(o[1].at("name"), "Meningkatnya akuntabilitas");
    EXPECT_EQ(o[1].at("line"), 21);
    const auto& two = o[1].at("indicators").as_array();
    ASSERT_EQ(two.size(), 2u) << bj::serialize(seed);
    EXPECT_EQ(two[0].at("name"), "Nilai SAKIP");
    EXPECT_EQ(two[0].at("actual"), "63,00");
    EXPECT_EQ(two[1].at("name"), "Jumlah laporan");
    EXPECT_EQ(two[1].at("target"), "3");
    EXPECT_EQ(two[1].at("achievement_printed"), "100,00");
}

} // namespace
} // namespace kinerja::import
