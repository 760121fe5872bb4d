// Golden tests of read_lkj: the importer's seed/1 output against hand transcriptions (data/demo for
// the seed, tests/import/expected for the Jawa Barat samples).
#include <gtest/gtest.h>

#include <chrono>

#include "adapters/import/understand/understand.h"
#include "adapters/import/understand/values.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {
namespace bj = boost::json;

bj::value understood(const SourceText& text) {
    return testing::understood_seed(text, "lkj");
}

bj::value understood_file(const std::string& path) {
    return understood(testing::text_file(path));
}

const bj::value& seed_lkj() {
    static const bj::value v = understood_file(testing::seeds_dir() + "/lkj-2024-kpu-kota-prabumulih.txt");
    return v;
}
const bj::value& seed_expected() {
    static const bj::value v = testing::json_file(testing::repo_dir() + "/data/demo/lkj-2024-kpu-kota-prabumulih.json");
    return v;
}

testing::Comparison seed_section(const std::string& section, const std::vector<std::string>& ignore = {}) {
    auto c = testing::compare_seed(seed_expected(), seed_lkj(), section, ignore);
    std::cout << "[lkj seed] " << section << ": " << testing::describe(c) << "\n";
    return c;
}

TEST(UnderstandLkj, SeedMeasurement) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("measurement");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    const auto& m = seed_lkj().as_object().at("measurement").as_object();
    EXPECT_EQ(m.at("year").as_int64(), 2024);
    EXPECT_EQ(m.at("objectives").as_array().size(), 10u);
}

TEST(UnderstandLkj, SeedMeasurementSkipsThePageHeadersInsideTheTable) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    // Lines 885-891 put "LAPORAN KINERJA / SEKRETARIAT ..." between two rows of objective 1.
    const auto& o1 = seed_lkj().as_object().at("measurement").at("objectives").as_array().at(0).as_object();
    const auto& indicators = o1.at("indicators").as_array();
    ASSERT_EQ(indicators.size(), 3u);
    EXPECT_EQ(indicators[2].at("line").as_int64(), 892);
    EXPECT_EQ(indicators[2].at("achievement_printed").as_string(), "94,44");
}

TEST(UnderstandLkj, SeedBudgets) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("budgets");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, SeedPreviousYear) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("previous_year");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, SeedEvaluations) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("evaluations");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    EXPECT_EQ(seed_lkj().as_object().at("evaluations").as_array().size(), 2u);
}

TEST(UnderstandLkj, SeedObstacles) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("obstacles");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, SeedUnits) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("units");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, SeedRkt) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    // Objectives as printed, with their activity code ("… (6709)"), which is also given in "code". The
    // plan names no unit of its own (only a sentence of prose mentions the secretariat): null.
    const auto c = seed_section("rkt");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, SeedRenstra) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("renstra");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    const auto& r = seed_lkj().at("renstra");
    EXPECT_EQ(r.at("period_start"), 2020);
    EXPECT_EQ(r.at("period_end"), 2024);
    EXPECT_EQ(r.at("decree"), seed_expected().at("renstra").at("decree"));
    // No more than the transcription either: the seven missions end where "2. Tujuan dan Sasaran
    // Strategis" (a heading numbered out of the list's order) begins.
    for (const char* list : {"missions", "goals", "objectives"})
        EXPECT_EQ(r.at(list).as_array().size(), seed_expected().at("renstra").at(list).as_array().size()) << list;
}

TEST(UnderstandLkj, SeedPeople) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto c = seed_section("people");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

testing::Comparison sample_section(const std::string& name, const std::string& section) {
    const auto expected = testing::json_file(testing::repo_dir() + "/tests/import/expected/" + name + ".json");
    const auto actual = understood_file(testing::samples_dir() + "/" + name + ".txt");
    auto c = testing::compare_seed(expected, actual, section);
    std::cout << "[lkj " << name << "] " << section << ": " << testing::describe(c) << "\n";
    return c;
}

TEST(UnderstandLkj, SampleDishubLayoutMeasurement) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto c = sample_section("01-lkj-bab3-2016-dishub-jabar", "measurement");
    EXPECT_EQ(c.found_items, c.expected_items) << testing::describe(c);
    EXPECT_GE(c.equal_fields, c.expected_fields - 2) << testing::describe(c);
}

TEST(UnderstandLkj, SampleBkpdProseMeasurement) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto c = sample_section("09-lakip-ringkasan-2016-bkpd-jabar", "measurement");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandLkj, NoTablesNoSectionsNoCrash) {
    SourceText t{"empty-lkj.txt", "text", {"LAPORAN KINERJA", "TAHUN 2024", "", "BAB III", "Target\tRealisasi"}};
    const auto v = understood(t);
    EXPECT_FALSE(v.as_object().contains("budgets"));
}

TEST(UnderstandLkj, OddLinesDoNotCrash) {
    SourceText t{"odd-lkj.txt", "text", {}};
    const std::vector<std::string> pieces = {
        "Sasaran", "\t",           "1.",        "Target (%)", "Realisasi", "Capaian",  "Pagu",  "Anggaran",
        "95",      "nilai 7",      "predikat",  "Lampiran",   "(6709)",    "Hambatan", "Upaya", "-",
        "<ul>",    "\xE2\x80\xA2", "Indikator", "tahun",      "2023",      "  ",       "No",    ""};
    unsigned seed = 7;
    for (int n = 0; n < 3000; ++n) {
        std::string line;
        for (int k = 0; k < 6; ++k) {
            seed = seed * 1103515245u + 12345u;
            line += pieces[(seed >> 16) % pieces.size()];
        }
        t.lines.push_back(line);
    }
    EXPECT_TRUE(understand(t, "lkj").has_value());
}

// Speed is measured in bench/import_bench.cpp; here only that a 5 MB text is read whole.
TEST(UnderstandLkj, FiveMegabytesAreReadWhole) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto one = testing::text_file(testing::seeds_dir() + "/lkj-2024-kpu-kota-prabumulih.txt");
    SourceText big{"big-lkj.txt", "text", {}};
    for (int copy = 0; copy < 42; ++copy)
        big.lines.insert(big.lines.end(), one.lines.begin(), one.lines.end());
    const auto doc = understand(big, "lkj");
    ASSERT_TRUE(doc.has_value());
    EXPECT_GE(doc->seed.at("measurement").at("objectives").as_array().size(), 10u);
}

} // namespace
} // namespace kinerja::import
