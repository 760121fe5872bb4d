// `kinerja demo` reads the seed documents with the importer (adapters/import/demo_documents.h). The
// database it builds must be the one the hand transcription builds, row for row: what the importer
// takes over from the transcription it reads exactly, and nothing of the demo is lost on the way.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/import/demo_documents.h"
#include "adapters/json/seed_reader.h"
#include "platform/embedded.h"

namespace kinerja::import {
namespace {

std::string shown(const app::Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
    if (std::holds_alternative<std::string>(v)) return '"' + std::get<std::string>(v) + '"';
    return "NULL";
}

app::Dataset load(DemoSource source) {
    auto docs = demo_documents(source);
    if (!docs) throw std::runtime_error(docs.error().message);
    auto repo = sqlite::SqliteRepository::open(":memory:", true);
    if (!repo) throw std::runtime_error(repo.error().message);
    auto dataset = (*repo)->empty_dataset();
    if (!dataset) throw std::runtime_error(dataset.error().message);
    std::vector<json::SeedFile> files;
    for (const auto& d : docs->documents)
        files.push_back({d.name, d.json});
    if (auto r = json::read_seeds({"offices.json", docs->offices}, files, *dataset); !r)
        throw std::runtime_error(r.error().message);
    return std::move(*dataset);
}

TEST(DemoDocuments, TheImporterBuildsTheSameDemoAsTheHandTranscription) {
    const app::Dataset imported = load(DemoSource::importer);
    const app::Dataset transcribed = load(DemoSource::transcription);
    ASSERT_EQ(imported.tables.size(), transcribed.tables.size());
    std::size_t compared = 0;
    for (std::size_t t = 0; t < transcribed.tables.size(); ++t) {
        const app::Table& want = transcribed.tables[t];
        const app::Table& got = imported.tables[t];
        ASSERT_EQ(got.name, want.name);
        ASSERT_EQ(got.rows.size(), want.rows.size()) << "table " << want.name;
        std::ostringstream differences;
        int shown_count = 0;
        for (std::size_t r = 0; r < want.rows.size(); ++r)
            for (std::size_t c = 0; c < want.columns.size(); ++c) {
                ++compared;
                if (got.rows[r][c] == want.rows[r][c] || ++shown_count > 10) continue;
                differences << "\n  " << want.name << " row " << r + 1 << " " << want.columns[c] << ": importer "
                            << shown(got.rows[r][c]) << ", transcription " << shown(want.rows[r][c]);
            }
        EXPECT_EQ(shown_count, 0) << shown_count << " differences in " << want.name << ":" << differences.str();
    }
    // The demo is not empty: the seeds' measurement, budgets, plans and agreements are all in it.
    EXPECT_GT(compared, 10000u);
    EXPECT_GT(imported.find("indicator")->rows.size(), 100u);
}

// The test above only means something if the demo really reads the seed text: a value changed in
// the text (the first indicator's actual, line 883 of the LKj seed) is the value the demo holds.
TEST(DemoDocuments, TheImportedSectionsComeFromTheSeedText) {
    std::string seed, transcription;
    for (const auto& f : platform::seed_documents())
        if (f.path == "lkj-2024-kpu-kota-prabumulih.txt") seed = std::string(f.data);
    for (const auto& f : platform::demo_data())
        if (f.path == "lkj-2024-kpu-kota-prabumulih.json") transcription = std::string(f.data);
    ASSERT_FALSE(seed.empty());
    ASSERT_FALSE(transcription.empty());
    const std::string printed = "Pemilu/Pemilihan\t95\t95\t100\n";
    const auto at = seed.find(printed);
    ASSERT_NE(at, std::string::npos);
    seed.replace(at, printed.size(), "Pemilu/Pemilihan\t95\t93\t97,89\n");

    auto merged = through_importer("lkj-2024-kpu-kota-prabumulih.txt", seed, transcription);
    ASSERT_TRUE(merged) << merged.error().message;
    const auto doc = boost::json::parse(*merged).as_object();
    const auto& first = doc.at("measurement").at("objectives").at(0).at("indicators").at(0).as_object();
    EXPECT_EQ(first.at("line").as_int64(), 883);
    EXPECT_EQ(first.at("actual").as_string(), "93");
    EXPECT_EQ(first.at("achievement_printed").as_string(), "97,89");
    // What the importer does not read stays the transcription's: the office and its people.
    const auto hand = boost::json::parse(transcription).as_object();
    EXPECT_EQ(doc.at("office"), hand.at("office"));
    EXPECT_EQ(doc.at("people"), hand.at("people"));
}

} // namespace
} // namespace kinerja::import
