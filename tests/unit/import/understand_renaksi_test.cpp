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
    const auto actual = understood(seeds_dir() + "/renaksi-2024-kpu-kota-prabumulih.txt");
    const auto& plan = actual.at("action_plan").as_object();
    EXPECT_EQ(plan.at("year_text").as_string(), "2023");
    EXPECT_EQ(plan.at("title_year").as_int64(), 2024);
}

// Sample 07 (tab-separated rows, quarterly targets Trw I..IV; target holds Trw IV). The table's
// cells lost their columns, so continuation lines are told apart by form only: see the figures
// printed and the differences listed. The floor keeps what is read now from getting worse.
TEST(UnderstandRenaksi, SampleInspektoratTabRows) {
    const auto expected = json_file(repo_dir() + "/tests/import/expected/07-renaksi-2016-inspektorat-jabar.json");
    const auto actual = understood(samples_dir() + "/07-renaksi-2016-inspektorat-jabar.txt");
    const auto c = compare_seed(expected, actual, "action_plan");
    std::cout << "renaksi sample 07 action_plan: " << describe(c) << "\n";
    EXPECT_EQ(c.found_items, c.expected_items) << describe(c); // every objective and row found at its line
    EXPECT_GE(c.equal_fields, 64) << describe(c);
    const auto& first = actual.at("action_plan").at("objectives").at(1).at("items").at(0);
    EXPECT_EQ(first.at("target").as_string(), "10%"); // Trw IV of 2% 5% 7% 10%
    EXPECT_EQ(first.at("executor").as_string(), "Sub Bagian Perencanaan");
}

// Sample 03 (monitoring, reading-order paragraphs): objectives, their indicators and targets; the
// realization printed beside each target has no place in action_plan.
TEST(UnderstandRenaksi, SampleDishubMonitoringFlow) {
    const auto expected = json_file(repo_dir() + "/tests/import/expected/03-monev-renaksi-2016-dishub-jabar.json");
    const auto actual = understood(samples_dir() + "/03-monev-renaksi-2016-dishub-jabar.txt");
    const auto c = compare_seed(expected, actual, "action_plan");
    std::cout << "renaksi sample 03 action_plan: " << describe(c) << "\n";
    EXPECT_TRUE(c.exact()) << describe(c);
    expect_same_frame(expected, actual);
}

} // namespace
} // namespace kinerja::import::testing
