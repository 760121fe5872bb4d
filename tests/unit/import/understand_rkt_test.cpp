// Golden tests of read_rkt: the importer's seed/1 output against hand transcriptions.
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {

namespace bj = boost::json;

bj::value understood(const std::string& path, std::string_view type = "auto") {
    const auto source = testing::text_file(path);
    auto result = understand(source, type);
    if (!result) {
        ADD_FAILURE() << path << ": " << result.error().message;
        return bj::object{};
    }
    return bj::value(std::move(result->seed));
}

testing::Comparison compare_with(const std::string& transcription, const bj::value& actual) {
    const auto c = testing::compare_seed(testing::json_file(transcription), actual, "rkt");
    std::cout << transcription.substr(transcription.rfind('/') + 1) << " rkt: " << testing::describe(c) << "\n";
    return c;
}

TEST(UnderstandRkt, OkuSelatanRegencyTableMatchesTheTranscription) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto actual = understood(testing::seeds_dir() + "/rkt-2024-kpu-kab-oku-selatan.txt");
    const auto c = compare_with(testing::repo_dir() + "/data/demo/rkt-2024-kpu-kab-oku-selatan.json", actual);
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    EXPECT_EQ(c.expected_items, 40); // the plan and its 39 rows
}

TEST(UnderstandRkt, OkuSelatanSignatureAndUnit) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto actual = understood(testing::seeds_dir() + "/rkt-2024-kpu-kab-oku-selatan.txt");
    const auto& plan = actual.at("rkt").as_array().at(0).as_object();
    EXPECT_EQ(plan.at("unit").as_string(), "Sekretariat KPU Kabupaten OKU Selatan");
    EXPECT_EQ(plan.at("place").as_string(), "Mubaradiah");
    EXPECT_EQ(plan.at("signer").at("name").as_string(), "M. YUDHIE KRESNA");
    EXPECT_EQ(plan.at("signer").at("position").as_string(), "SEKRETARIS");
    // Printed as "2.57.212.000": kept, for the checks to report.
    bool malformed_kept = false;
    for (const auto& r : plan.at("rows").as_array())
        malformed_kept = malformed_kept || r.at("budget") == "2.57.212.000";
    EXPECT_TRUE(malformed_kept);
}

TEST(UnderstandRkt, KalimantanTimurHoldsTwoPlansMatchingTheTranscription) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto actual = understood(testing::seeds_dir() + "/rkt-2024-kpu-prov-kalimantan-timur.txt");
    const auto c = compare_with(testing::repo_dir() + "/data/demo/rkt-2024-kpu-prov-kalimantan-timur.json", actual);
    EXPECT_TRUE(c.exact()) << testing::describe(c);
    const auto& plans = actual.at("rkt").as_array();
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].at("signer").at("name").as_string(), "Fahmi Idris");
    EXPECT_EQ(plans[0].at("signer").at("position").as_string(),
              "Ketua Komisi Pemilihan Umum Provinsi Kalimantan Timur");
    EXPECT_EQ(plans[1].at("signer").at("name").as_string(), "Aliuk");
}

TEST(UnderstandRkt, DishubSampleFlowStyle) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto actual = understood(testing::samples_dir() + "/02-rkt-2016-dishub-jabar.txt");
    const auto c = compare_with(testing::repo_dir() + "/tests/import/expected/02-rkt-2016-dishub-jabar.json", actual);
    // Every row and target is found; see the ignore note in the expected file's description below.
    EXPECT_EQ(c.found_items, c.expected_items) << testing::describe(c);
    // A floor: the words of four columns share each line (reading order), so names are cut by guess.
    EXPECT_GE(c.equal_fields, 66) << testing::describe(c); // of 78
}

TEST(UnderstandRkt, SmallTabbedTableWithPercentHeader) {
    SourceText source;
    source.name = "rkt-kecil.txt";
    source.lines = {"RENCANA KINERJA TAHUNAN TAHUN 2025",
                    "DINAS CONTOH PROVINSI CONTOH",
                    "",
                    "Sasaran Strategis\tIndikator Kinerja\tTarget (%)",
                    "Meningkatnya layanan\tPersentase layanan tepat waktu\t95",
                    "\tPersentase keluhan selesai\t90,5",
                    "",
                    "Bandung, 2 Januari 2025",
                    "KEPALA DINAS,",
                    "",
                    "Budi"};
    auto result = understand(source, "rkt");
    ASSERT_TRUE(result) << result.error().message;
    const auto& plan = result->seed.at("rkt").as_array().at(0).as_object();
    EXPECT_EQ(plan.at("layout").as_string(), "province");
    EXPECT_EQ(plan.at("unit").as_string(), "DINAS CONTOH PROVINSI CONTOH");
    const auto& rows = plan.at("rows").as_array();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].at("objective").as_string(), "Meningkatnya layanan");
    EXPECT_EQ(rows[1].at("target").as_string(), "90,5");
    EXPECT_EQ(rows[1].at("unit").as_string(), "%");
    EXPECT_EQ(plan.at("signer").at("name").as_string(), "Budi");
}

TEST(UnderstandRkt, NoTableIsAFindingNotACrash) {
    SourceText source;
    source.name = "rkt-kosong.txt";
    source.lines = {"RENCANA KINERJA TAHUNAN TAHUN 2025", "\t\t", "No\tIndikator\tTarget", "\t"};
    auto result = understand(source, "rkt");
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->seed.contains("rkt"));
    EXPECT_FALSE(result->findings.empty());
}

} // namespace
} // namespace kinerja::import
