// The year and month a page shows when the address names none (issue 14): today in Asia/Jakarta when
// the office has data for it, else the office's newest year; never a year written in the code. And a
// malformed year or month in the address is refused (422), not silently replaced.
#include <ctime>
#include <gtest/gtest.h>
#include <regex>

#include "core/date.h"
#include "core/fiscal_year.h"
#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

const std::string office = "/kantor/kpu-kota-prabumulih";

// The target field of the first indicator on the planning page of a year, with its version.
std::pair<std::string, std::string> first_target(const std::string& page) {
    std::smatch m;
    if (!std::regex_search(page, m, std::regex(R"re(name="versi_(\d+)" value="(\d+)"><input name="target_)re")))
        return {};
    return {m[1], m[2]};
}

TEST(DefaultYear, AnOfficeWithDataThisYearOpensOnThisYearAndTheDemoOnItsNewest) {
    ServerProcess s(demo_database());
    Browser planner(s);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    const YearMonth today = jakarta_year_month(std::time(nullptr));
    // The demo holds 2024 only: it opens on 2024 whatever today is.
    EXPECT_NE(planner.get(office).body.find("<option value=\"2024\" selected>"), std::string::npos);
    if (today.year <= 2024) GTEST_SKIP() << "the clock says " << today.year << ": nothing later to plan";
    // Plan each year up to this one (a year's targets list the indicators of the year before).
    for (int y = 2025; y <= today.year; ++y) {
        const auto page = planner.get(office + "/rencana?tahun=" + std::to_string(y));
        const auto [id, version] = first_target(page.body);
        ASSERT_FALSE(id.empty()) << "no target field for " << y;
        const auto saved = planner.post_form(
            office + "/target",
            {{"csrf", planner.csrf()}, {"tahun", std::to_string(y)}, {"target_" + id, "90"}, {"versi_" + id, version}});
        ASSERT_EQ(saved.status, 303) << y << ": " << saved.body.substr(0, 1500);
    }
    const std::string this_year = std::to_string(today.year);
    EXPECT_NE(planner.get(office).body.find("<option value=\"" + this_year + "\" selected>"), std::string::npos)
        << "the dashboard did not open on " << this_year;
    const auto month_page = planner.get(office + "/realisasi").body;
    EXPECT_NE(month_page.find(std::string(indonesian_month_name(today.month)) + " " + this_year), std::string::npos)
        << "the monthly page did not open on this month";
}

TEST(DefaultYear, AMalformedYearOrMonthInTheAddressIsRefused) {
    ServerProcess s(demo_database());
    Browser head(s);
    ASSERT_TRUE(head.login("head.prabumulih"));
    for (const std::string& address :
         {office + "?tahun=abc", office + "/realisasi?tahun=1999", office + "/realisasi?tahun=2024&bulan=13",
          office + "/anggaran?bulan=0", office + "/rencana?tahun=20245", office + "/laporan?tahun=x",
          office + "/narasi?tahun=2101", office + "/hambatan?tahun=-1"}) {
        const auto r = head.get(address);
        EXPECT_EQ(r.status, 422) << address;
        EXPECT_NE(r.body.find("tidak sah"), std::string::npos) << address;
    }
    Browser admin(s);
    ASSERT_TRUE(admin.login("admin"));
    EXPECT_EQ(admin.get("/ikhtisar?tahun=2024&bulan=x").status, 422);
}

} // namespace
} // namespace kinerja::test
