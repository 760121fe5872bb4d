// Golden tests of read_iku: the importer's seed/1 output against hand transcriptions.
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {

namespace bj = boost::json;

bj::value understood(const std::string& path, std::string_view type = "auto") {
    auto result = understand(testing::text_file(path), type);
    if (!result) {
        ADD_FAILURE() << path << ": " << result.error().message;
        return bj::object{};
    }
    return bj::value(std::move(result->seed));
}

testing::Comparison compare_with(const std::string& transcription, const bj::value& actual) {
    const auto c = testing::compare_seed(testing::json_file(transcription), actual, "renstra");
    std::cout << transcription.substr(transcription.rfind('/') + 1) << " renstra: " << testing::describe(c) << "\n";
    return c;
}

TEST(UnderstandIku, MesujiDecreeMatchesTheTranscription) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto actual = understood(testing::seeds_dir() + "/iku-2020-2024-kpu-kab-mesuji.txt");
    const auto c = compare_with(testing::repo_dir() + "/data/demo/iku-2020-2024-kpu-kab-mesuji.json", actual);
    // Every item and field, but the activity of four objectives: the activity cells are centred over
    // their rows, and the objectives at lines 105, 107, 120 and 121 belong to the activity below them by
    // meaning only (the transcription's reading); the reader keeps them with the activity above.
    EXPECT_EQ(c.found_items, c.expected_items) << testing::describe(c);
    EXPECT_EQ(c.equal_fields, c.expected_fields - 4) << testing::describe(c);
    for (const auto& d : c.differences)
        EXPECT_NE(d.find("under line"), std::string::npos) << d;
    const auto& renstra = actual.at("renstra").as_object();
    EXPECT_EQ(renstra.at("period_start"), 2020);
    EXPECT_EQ(renstra.at("period_end"), 2024);
    EXPECT_EQ(renstra.at("decree").as_string(), "Keputusan Komisi Pemilihan Umum Kabupaten Mesuji Nomor 18 Tahun 2022");
    EXPECT_EQ(renstra.at("date_text").as_string(), "21 April 2022");
    EXPECT_EQ(renstra.at("place").as_string(), "Mesuji");
    EXPECT_EQ(renstra.at("programs").as_array().size(), 3u);
}

TEST(UnderstandIku, InspektoratSampleTargetsAndRealizationOverYears) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const auto actual = understood(testing::samples_dir() + "/08-iku-capaian-2016-inspektorat-jabar.txt");
    const auto c =
        compare_with(testing::repo_dir() + "/tests/import/expected/08-iku-capaian-2016-inspektorat-jabar.json", actual);
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

} // namespace
} // namespace kinerja::import
