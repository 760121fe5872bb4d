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

} // namespace
} // namespace kinerja::import::testing
