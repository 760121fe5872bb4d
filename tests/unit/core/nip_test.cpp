// NIP checks: the driver of tests/cases/nip.tsv.
#include <gtest/gtest.h>

#include "core/nip.h"
#include "tests/unit/core/cases.h"

namespace kinerja {
namespace {

TEST(NipTable, Cases) {
    const auto cases = test::read_cases("nip.tsv");
    for (const auto& row : cases.section("").rows) {
        SCOPED_TRACE(row.describe());
        const NipCheck r = check_nip(row["nip"]);
        std::string all;
        for (const auto& p : r.problems)
            all += p + "\n";
        EXPECT_EQ(r.valid(), row["valid"] == "yes") << all;
        EXPECT_EQ(r.problems.size(), static_cast<std::size_t>(test::int_field(row["problems"]))) << all;
        EXPECT_EQ(r.digits, test::is_none(row["digits"]) ? "" : row["digits"]);
        if (test::is_none(row["birth"])) {
            EXPECT_FALSE(r.birth_date.has_value());
        } else {
            ASSERT_TRUE(r.birth_date.has_value());
            EXPECT_EQ(r.birth_date->iso(), row["birth"]);
        }
        if (!test::is_none(row["problem"])) {
            EXPECT_NE(all.find(row["problem"]), std::string::npos) << all;
        }
        for (const auto& p : r.problems) { // every message names the NIP as written
            EXPECT_NE(p.find("NIP '" + row["nip"] + "'"), std::string::npos) << p;
        }
        if (r.valid()) { // a valid NIP prints in its four groups and reads back the same
            EXPECT_TRUE(check_nip(format_nip(r.digits)).valid());
        }
    }
}

TEST(Nip, FormatsInFourGroups) {
    EXPECT_EQ(format_nip("198307292009021004"), "19830729 200902 1 004");
    EXPECT_EQ(format_nip("19780429200902110"), "19780429200902110"); // not 18 digits: left as it is
}

} // namespace
} // namespace kinerja
