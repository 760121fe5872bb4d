// Planning pages over HTTP: what each office's plans, agreements and action plans show, and PK revisions.
#include <gtest/gtest.h>
#include <regex>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

TEST(Planning, ShowsTheSeedDocumentsOfEachOffice) {
    ServerProcess s(demo_database());
    Browser admin(s);
    ASSERT_TRUE(admin.login("admin"));
    auto p = admin.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    ASSERT_EQ(p.status, 200);
    for (const char* t :
         {"Periode 2020–2024", "Mandiri, Professional, dan Berintegritas", "Membangun SDM yang Kompeten",
          "Rencana Kinerja Tahunan", "Yasrin Abidin", "Marta Dinata", "25 Januari 2024", "20.518.557.000",
          "NIP 19830729 200902 1 004", "KRO (Klasifikasi Rincian Output)", "menurunkan:", "kutipan dalam laporan",
          "Tahun Anggaran tertulis 2023", "822,654,000", "B12", "type=\"checkbox\"", " checked", "bulan tercentang"})
        EXPECT_NE(p.body.find(t), std::string::npos) << t;
    // The IKU decree of Mesuji: programs, activities and indicators without targets.
    p = admin.get("/kantor/kpu-kab-mesuji/rencana?tahun=2024");
    ASSERT_EQ(p.status, 200);
    EXPECT_NE(p.body.find("Keputusan Komisi Pemilihan Umum Kabupaten Mesuji Nomor 18 Tahun 2022"), std::string::npos);
    EXPECT_NE(p.body.find("Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya"), std::string::npos);
    EXPECT_NE(p.body.find("Jumlah laporan sistem akuntansi dan pelaporan keuangan"), std::string::npos);
    // Both RKT layouts of Kalimantan Timur, with the target as written.
    p = admin.get("/kantor/kpu-prov-kalimantan-timur/rencana?tahun=2024");
    EXPECT_NE(p.body.find("Fahmi Idris"), std::string::npos);
    EXPECT_NE(p.body.find("Aliuk"), std::string::npos);
    EXPECT_NE(p.body.find("36,36% (4 satker)"), std::string::npos);
    EXPECT_NE(p.body.find("87.5%"), std::string::npos);
    // Out of scope: not found.
    Browser viewer(s);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    EXPECT_EQ(viewer.get("/kantor/kpu-kab-mesuji/rencana?tahun=2024").status, 404);
    const auto read_only = viewer.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024").body;
    EXPECT_EQ(read_only.find("Buat revisi PK"), std::string::npos);
    EXPECT_NE(read_only.find("✓"), std::string::npos); // months shown, not editable
    EXPECT_EQ(read_only.find("type=\"checkbox\""), std::string::npos);
}

std::map<std::string, std::string> revision_form(const std::string& page, const std::string& agreement,
                                                 const std::string& csrf) {
    std::map<std::string, std::string> f{{"csrf", csrf}, {"tahun", "2024"}};
    const auto start = page.find("action=\"/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi\"");
    const auto end = page.find("</form>", start);
    const std::string form = page.substr(start, end - start);
    std::smatch m;
    std::regex_search(form, m, std::regex(R"|(name="versi" value="(\d+)")|"));
    f["versi"] = m[1];
    const std::regex target(R"|(name="(target_\d+)" value="([^"]*)")|");
    for (std::sregex_iterator it(form.begin(), form.end(), target), end_it; it != end_it; ++it)
        f[(*it)[1]] = (*it)[2];
    return f;
}

TEST(Planning, APkRevisionKeepsTheOldVersionAndRecordsItsReason) {
    ServerProcess s(demo_database());
    Browser planner(s);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    auto page = planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    std::smatch m;
    // The signed office PK is the one with the parties; its revision form follows it.
    ASSERT_TRUE(
        std::regex_search(page.body, m, std::regex(R"|(action="/kantor/kpu-kota-prabumulih/pk/(\d+)/revisi")|")));
    const std::string agreement = m[1];
    auto form = revision_form(page.body, agreement, planner.csrf());
    ASSERT_EQ(form["versi"], "1");
    // The first target field belongs to the IT indicator's row or another; change the first one.
    std::string first_target;
    for (auto& [k, v] : form)
        if (k.rfind("target_", 0) == 0 && first_target.empty()) first_target = k;
    ASSERT_FALSE(first_target.empty());
    // Missing reason and date: nothing stored, the typed target kept.
    form[first_target] = "97%";
    form["alasan_kode"] = "b";
    auto r = planner.post_form("/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi", form);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("Uraikan alasan revisi"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"97%\""), std::string::npos);
    form["alasan"] = "Realokasi anggaran setelah revisi DIPA";
    form["tanggal"] = "2024-07-01";
    r = planner.post_form("/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi", form);
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
    page = planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    EXPECT_NE(page.body.find("v1"), std::string::npos);
    EXPECT_NE(page.body.find("v2 — revisi (b) Realokasi anggaran setelah revisi DIPA, 1 Juli 2024"), std::string::npos);
    // The same form again is stale: version 1 is no longer the latest.
    form[first_target] = "98%";
    r = planner.post_form("/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi", form);
    EXPECT_EQ(r.status, 409);
    EXPECT_NE(r.body.find("sudah direvisi orang lain"), std::string::npos);
    // An item of another office's PK in the form is refused, and nothing is stored (issue 13).
    {
        auto foreign = form;
        foreign["versi"] = "2";
        foreign["target_999999"] = "50%";
        const auto refused = planner.post_form("/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi", foreign);
        EXPECT_EQ(refused.status, 422);
        EXPECT_NE(refused.body.find("tidak ada pada PK ini"), std::string::npos);
        EXPECT_EQ(planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024").body.find("v3"), std::string::npos);
    }
    // A viewer may not revise.
    Browser viewer(s);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    viewer.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    form["csrf"] = viewer.csrf();
    form["versi"] = "2";
    EXPECT_EQ(viewer.post_form("/kantor/kpu-kota-prabumulih/pk/" + agreement + "/revisi", form).status, 403);
    // The audit log holds the change with before and after.
    Browser head(s);
    ASSERT_TRUE(head.login("head.prabumulih"));
    const auto audit = head.get("/kantor/kpu-kota-prabumulih/audit?aksi=revise-agreement");
    EXPECT_NE(audit.body.find("&quot;after&quot;:&quot;97%&quot;"), std::string::npos);
}

TEST(Planning, APlannerSetsNextYearsTargetsAndTheActionPlanMonths) {
    ServerProcess s(demo_database());
    Browser planner(s);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    // 2025: the indicators with a 2024 target are offered, with last year's target beside them.
    auto page = planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2025");
    ASSERT_EQ(page.status, 200);
    std::smatch m;
    const auto at = page.body.find("mengembangkan sarana dan prasarana IT Pemilu/Pemilihan");
    ASSERT_NE(at, std::string::npos);
    const std::string after = page.body.substr(at);
    ASSERT_TRUE(std::regex_search(after, m, std::regex(R"|(name="target_(\d+)" value="")|")));
    const std::string id = m[1];
    auto save = [&](const std::string& value, const std::string& version) {
        planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2025");
        return planner.post_form(
            "/kantor/kpu-kota-prabumulih/target",
            {{"csrf", planner.csrf()}, {"tahun", "2025"}, {"target_" + id, value}, {"versi_" + id, version}});
    };
    auto r = save("92.5%", "0");
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("tulis dengan koma (92,5)"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"92.5%\""), std::string::npos);
    EXPECT_EQ(save("92,5%", "0").status, 303);
    EXPECT_EQ(save("93%", "0").status, 409); // stale: it is version 1 now
    // The 2025 measurement now holds that target.
    const auto login =
        s.request("POST", "/api/v1/login", R"({"login": "planner.prabumulih", "password": "kinerja-demo"})");
    const std::string token =
        login.body.substr(login.body.find(":\"") + 2, login.body.rfind('"') - login.body.find(":\"") - 2);
    const auto api = s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2025", {},
                               {{"Authorization", "Bearer " + token}});
    EXPECT_NE(api.body.find("\"text\":\"92,5%\",\"value\":\"92.5\""), std::string::npos) << api.body.substr(0, 600);

    // The action plan: tick months of an activity whose months the PDF lost.
    page = planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    ASSERT_TRUE(std::regex_search(
        page.body, m,
        std::regex(R"|(name="versi_(\d+)" value="(\d+)"><input type="hidden" name="asal_\d+" value="\?")|")));
    const std::string item = m[1], version = m[2];
    r = planner.post_form("/kantor/kpu-kota-prabumulih/renaksi", {{"csrf", planner.csrf()},
                                                                  {"tahun", "2024"},
                                                                  {"asal_" + item, "?"},
                                                                  {"versi_" + item, version},
                                                                  {"bulan_" + item + "_2", "on"},
                                                                  {"bulan_" + item + "_3", "on"}});
    EXPECT_EQ(r.status, 303);
    page = planner.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    EXPECT_NE(page.body.find("name=\"asal_" + item + "\" value=\"6\""), std::string::npos); // B2 and B3
    Browser viewer(s);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    viewer.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    EXPECT_EQ(
        viewer
            .post_form("/kantor/kpu-kota-prabumulih/renaksi",
                       {{"csrf", viewer.csrf()}, {"tahun", "2024"}, {"asal_" + item, "6"}, {"versi_" + item, "2"}})
            .status,
        403);
    const auto audit = planner.get("/kantor/kpu-kota-prabumulih/audit?pengguna=planner.prabumulih").body;
    EXPECT_NE(audit.find("set-target"), std::string::npos);
    EXPECT_NE(audit.find("set-action-months"), std::string::npos);
}

} // namespace
} // namespace kinerja::test
