// Golden tests of read_renstra: the importer's seed/1 output against the hand transcription of the
// Renstra chapter among the Jawa Barat samples (tests/import/expected).
#include <gtest/gtest.h>

#include "adapters/import/parse_json.h"
#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {

namespace bj = boost::json;

const char* const k_dkp = "11-renstra-review-2017-2018-dkp-jabar-bab6";

bj::value understood(const SourceText& text, std::string_view type = "auto") {
    auto result = understand(text, type);
    if (!result) {
        ADD_FAILURE() << text.name << ": " << result.error().message;
        return bj::object{};
    }
    return bj::value(std::move(result->seed));
}

const bj::value& dkp() {
    static const bj::value v = understood(testing::text_file(testing::samples_dir() + "/" + k_dkp + ".txt"));
    return v;
}

TEST(UnderstandRenstra, DkpChapterIsARenstra) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    EXPECT_EQ(dkp().at("kind").as_string(), "renstra");
}

TEST(UnderstandRenstra, DkpProgramsObjectivesIndicatorsAndTargets) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto expected = testing::json_file(testing::repo_dir() + "/tests/import/expected/" + k_dkp + ".json");
    const auto c = testing::compare_seed(expected, dkp(), "renstra");
    std::cout << "[renstra " << k_dkp << "] renstra: " << testing::describe(c) << "\n";
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    const auto& programs = dkp().at("renstra").at("programs").as_array();
    ASSERT_EQ(programs.size(), 5u);
    // Program 6 starts the second page: the table cut by the page break is read on.
    EXPECT_EQ(programs[4].at("number").as_string(), "6");
}

TEST(UnderstandRenstra, ValuesAreKeptAsPrinted) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto& programs = dkp().at("renstra").at("programs").as_array();
    const auto& last = programs.back().at("objectives").as_array().at(0).at("indicators").as_array().at(3);
    EXPECT_EQ(last.at("unit").as_string(), "Ekor");
    EXPECT_EQ(last.at("targets").as_array().at(0).at("target").as_string(), "12,000,000");
    EXPECT_EQ(last.at("targets").as_array().at(1).at("target").as_string(), "14,000,000");
}

// A small table in the same layout: names that run into the next column with one space are cut where
// the column begins, and rows without a program or objective belong to the ones above.
TEST(UnderstandRenstra, ColumnsAreCutWhereTheyBegin) {
    SourceText t{"renstra-kecil.txt", "text", {}};
    t.lines = {
        "Review Rencana Strategis (RENSTRA) Tahun 2017-2018",
        "",
        "    Program          Sasaran          Indikator Kinerja     Satuan",
        "                                                                    2017      2018",
        " 1  Program Satu     Meningkatnya mutu Jumlah kegiatan      keg       4         5",
        "    Kelanjutan       layanan dan      yang selesai",
        "                                      Persentase layanan    persen    90        95",
        "                                      baik",
        " 2  Program Dua      Terjaganya mutu  Luas kawasan          Ha        12,5      13",
        "",
        "    Halaman 1",
    };
    const auto v = understood(t);
    ASSERT_TRUE(v.as_object().contains("renstra"));
    const auto& programs = v.at("renstra").at("programs").as_array();
    ASSERT_EQ(programs.size(), 2u);
    EXPECT_EQ(programs[0].at("name").as_string(), "Program Satu Kelanjutan");
    const auto& o = programs[0].at("objectives").as_array().at(0);
    EXPECT_EQ(o.at("name").as_string(), "Meningkatnya mutu layanan dan");
    const auto& indicators = o.at("indicators").as_array();
    ASSERT_EQ(indicators.size(), 2u);
    EXPECT_EQ(indicators[0].at("name").as_string(), "Jumlah kegiatan yang selesai");
    EXPECT_EQ(indicators[1].at("name").as_string(), "Persentase layanan baik");
    EXPECT_EQ(indicators[1].at("unit").as_string(), "persen");
    EXPECT_EQ(indicators[1].at("targets").as_array().at(1).at("target").as_string(), "95");
    EXPECT_EQ(programs[1].at("objectives").at(0).at("indicators").at(0).at("targets").at(0).at("target").as_string(),
              "12,5");
}

TEST(UnderstandRenstra, NoTableIsAWarningNotACrash) {
    SourceText t{"renstra-kosong.txt", "text", {"Review Rencana Strategis (RENSTRA)", "", "BAB VI", "2017 2018"}};
    const auto result = understand(t, "renstra");
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->seed.at("renstra").as_object().contains("programs"));
    ASSERT_FALSE(result->findings.empty());
    EXPECT_EQ(result->findings[0].id, "renstra-table-missing");
}

// A table continued after a page break with its header printed again and no page footer between:
// the rows after the second header are read on.
TEST(UnderstandRenstra, TableContinuedUnderARepeatedHeader) {
    SourceText t{"renstra-lanjut.txt", "text", {}};
    t.lines = {
        "Review Rencana Strategis (RENSTRA) Tahun 2017-2018",
        "",
        "    Program          Sasaran          Indikator Kinerja     Satuan",
        "                                                                    2017      2018",
        " 1  Program Satu     Meningkatnya mutu Jumlah kegiatan      keg       4         5",
        "    Program          Sasaran          Indikator Kinerja     Satuan",
        "                                                                    2017      2018",
        " 2  Program Dua      Terjaganya mutu  Luas kawasan          Ha        12,5      13",
        "",
    };
    const auto v = understood(t);
    ASSERT_TRUE(v.as_object().contains("renstra"));
    const auto& programs = v.at("renstra").at("programs").as_array();
    ASSERT_EQ(programs.size(), 2u) << boost::json::serialize(v);
    EXPECT_EQ(programs[1].at("name").as_string(), "Program Dua");
    EXPECT_EQ(programs[1].at("objectives").at(0).at("indicators").at(0).at("targets").at(1).at("target").as_string(),
              "13");
}

} // namespace
} // namespace kinerja::import

namespace kinerja::import {
namespace {

// `kinerja parse` lists a Renstra's objectives wherever the document keeps them (under programs here),
// each indicator with the target of the document's year; a multi-year plan without one gives none, and
// a year quoted from another plan ("RPJMD 2013 – 2018") is not the document's.
TEST(ParseRenstra, ObjectivesUnderProgramsAreListed) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto u =
        understand(testing::text_file(testing::samples_dir() + "/11-renstra-review-2017-2018-dkp-jabar-bab6.txt"));
    ASSERT_TRUE(u.has_value());
    EXPECT_FALSE(u->facts.year.has_value()) << *u->facts.year;
    const auto out = parse_json(*u, u->findings);
    const auto& objectives = out.at("objectives").as_array();
    ASSERT_EQ(objectives.size(), 10u);
    EXPECT_EQ(objectives[0].at("name").as_string(),
              "Meningkatnya produksi dan produktivitas kelautan dan perikanan Jawa Barat");
    const auto& first = objectives[0].at("indicators").as_array().at(0).as_object();
    EXPECT_EQ(first.at("name").as_string(), "peningkatan Produksi Perikanan Budidaya");
    EXPECT_TRUE(first.at("target").is_null()); // 2017 and 2018 have a target each; the document names no year
}

TEST(ParseRenstra, AnIkuTableOfIndicatorsGivesTheTargetOfItsYear) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto u =
        understand(testing::text_file(testing::samples_dir() + "/08-iku-capaian-2016-inspektorat-jabar.txt"));
    ASSERT_TRUE(u.has_value());
    const auto out = parse_json(*u, u->findings);
    const auto& objectives = out.at("objectives").as_array();
    ASSERT_FALSE(objectives.empty());
    const auto& first = objectives[0].at("indicators").as_array().at(0).as_object();
    EXPECT_EQ(first.at("name").as_string(), "Hasil penilaian EPPD Provinsi Jawa Barat di tingkat nasional");
    EXPECT_EQ(first.at("target").at("text").as_string(), "3,000"); // the 2016 column
}

} // namespace
} // namespace kinerja::import
