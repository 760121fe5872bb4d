// Golden tests of read_renaksi: the importer's seed/1 output against hand transcriptions.
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import::testing {
namespace {

namespace bj = boost::json;

bj::value understood(const std::string& path) {
    auto r = understand(text_file(path), "renaksi");
    EXPECT_TRUE(r.has_value());
    if (!r.has_value()) return bj::object{};
    return bj::value(r->seed);
}

// compare_seed matches items that carry a line; the plan's own fields (form, title, signature) have
// none, so they are compared here one by one.
void expect_same_frame(const bj::value& expected, const bj::value& actual) {
    const auto& e = expected.at("action_plan").as_object();
    const auto& a = actual.at("action_plan").as_object();
    for (const char* key : {"unit", "year_text", "title_year", "place", "date_text", "signer"})
        EXPECT_EQ(bj::serialize(e.at(key)), a.contains(key) ? bj::serialize(a.at(key)) : "(absent)") << key;
}

TEST(UnderstandRenaksi, SeedPrabumulihActionPlan) {
    KINERJA_SKIP_WITHOUT_SHARED(seeds_dir());
    const auto expected = json_file(repo_dir() + "/data/demo/renaksi-2024-kpu-kota-prabumulih.json");
    const auto actual = understood(seeds_dir() + "/renaksi-2024-kpu-kota-prabumulih.txt");
    const auto c = compare_seed(expected, actual, "action_plan");
    std::cout << "renaksi seed action_plan: " << describe(c) << "\n";
    EXPECT_TRUE(c.exact()) << describe(c);
    EXPECT_EQ(c.expected_items, 49); // 9 objectives, 40 rows
    expect_same_frame(expected, actual);
}

// The wrong year of the form field is kept as printed; the title gives the plan's year.
TEST(UnderstandRenaksi, SeedKeepsTheFormYearAsPrinted) {
    KINERJA_SKIP_WITHOUT_SHARED(seeds_dir());
    const auto actual = understood(seeds_dir() + "/renaksi-2024-kpu-kota-prabumulih.txt");
    const auto& plan = actual.at("action_plan").as_object();
    EXPECT_EQ(plan.at("year_text").as_string(), "2023");
    EXPECT_EQ(plan.at("title_year").as_int64(), 2024);
}

// Sample 07 (tab-separated rows, quarterly targets Trw I..IV; target holds Trw IV). The table's
// cells lost their columns, so continuation lines are told apart by form only: see the figures
// printed and the differences listed. The floor keeps what is read now from getting worse.
TEST(UnderstandRenaksi, SampleInspektoratTabRows) {
    KINERJA_SKIP_WITHOUT_SHARED(samples_dir());
    const auto expected = json_file(repo_dir() + "/tests/import/expected/07-renaksi-2016-inspektorat-jabar.json");
    const auto actual = understood(samples_dir() + "/07-renaksi-2016-inspektorat-jabar.txt");
    const auto c = compare_seed(expected, actual, "action_plan");
    std::cout << "renaksi sample 07 action_plan: " << describe(c) << "\n";
    EXPECT_EQ(c.found_items, c.expected_items) << describe(c); // every objective and row found at its line
    EXPECT_GE(c.equal_fields, 79) << describe(c);              // of 103
    const auto& first = actual.at("action_plan").at("objectives").at(1).at("items").at(0);
    EXPECT_EQ(first.at("target").as_string(), "10%"); // Trw IV of 2% 5% 7% 10%
    EXPECT_EQ(first.at("executor").as_string(), "Sub Bagian Perencanaan");
}

// Sample 03 (monitoring, reading-order paragraphs): objectives, their indicators and targets; the
// realization printed beside each target has no place in action_plan.
TEST(UnderstandRenaksi, SampleDishubMonitoringFlow) {
    KINERJA_SKIP_WITHOUT_SHARED(samples_dir());
    const auto expected = json_file(repo_dir() + "/tests/import/expected/03-monev-renaksi-2016-dishub-jabar.json");
    const auto actual = understood(samples_dir() + "/03-monev-renaksi-2016-dishub-jabar.txt");
    const auto c = compare_seed(expected, actual, "action_plan");
    std::cout << "renaksi sample 03 action_plan: " << describe(c) << "\n";
    EXPECT_TRUE(c.exact()) << describe(c);
    expect_same_frame(expected, actual);
}

// A Rencana Aksi grid with its header (a Word or Excel form, or Kinerja's own report): columns found
// by their header words in another order than ours, month names for columns, an unknown month "?",
// the objective's code after its name, and the total row that ends the table.
TEST(UnderstandRenaksi, GridReadByItsHeader) {
    SourceText source{"renaksi.docx",
                      "docx",
                      {"RENCANA AKSI TAHUN 2024", "KPU Kabupaten Mesuji",
                       "No\tSasaran\tIndikator "
                       "Kinerja\tKegiatan\tTarget\tJan\tFeb\tMar\tApr\tMei\tJun\tJul\tAgu\tSep\tOkt\tNov\tDes\tPelaksan"
                       "a\tAnggaran (Rp)",
                       "1\tPembentukan Badan Adhoc (6867)\tPersentase pelantikan PPK\tPelantikan "
                       "PPK\t100%\tv\t\t\tv\t\t\t\t\t\t\t\t\tSubbagian Teknis\t1.250.000",
                       "\t\tPersentase pembentukan PPS\tPembentukan "
                       "PPS\t100%\t?\t?\t?\t?\t?\t?\t?\t?\t?\t?\t?\t?\tSubbagian Teknis\t",
                       "2\tMasa Kampanye Pemilu\tJumlah APK terfasilitasi\tRapat APK\t5 "
                       "jenis\t\t\t\t\t\t\t\t\t\tv\tv\tv\tSubbagian Teknis\t900.000",
                       "Jumlah\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t2.150.000", "Mesuji, 10 Januari 2024"}};
    auto r = understand(source, "renaksi");
    ASSERT_TRUE(r) << r.error().message;
    const auto& objectives = r->seed.at("action_plan").at("objectives").as_array();
    ASSERT_EQ(objectives.size(), 2u);
    EXPECT_EQ(objectives[0].at("name"), "Pembentukan Badan Adhoc (6867)");
    EXPECT_EQ(objectives[0].at("code"), "6867");
    EXPECT_EQ(objectives[0].at("cost"), "1.250.000");
    EXPECT_TRUE(objectives[1].at("code").is_null());
    const auto& items = objectives[0].at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].at("indicator"), "Persentase pelantikan PPK");
    EXPECT_EQ(items[0].at("target"), "100%");
    EXPECT_EQ(items[0].at("activity"), "Pelantikan PPK");
    EXPECT_EQ(bj::serialize(items[0].at("months")), "[1,4]");
    EXPECT_EQ(items[0].at("month_ticks"), 2);
    EXPECT_EQ(items[0].at("executor"), "Subbagian Teknis");
    EXPECT_EQ(items[0].at("line"), 4);
    // "?": the source did not say which months; never a guess.
    EXPECT_TRUE(items[1].at("months").is_null());
    EXPECT_TRUE(items[1].at("month_ticks").is_null());
    EXPECT_EQ(bj::serialize(objectives[1].at("items").at(0).at("months")), "[10,11,12]");
}

} // namespace
} // namespace kinerja::import::testing
