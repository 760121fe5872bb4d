// Planning pages over HTTP: what each office's plans, agreements and action plans show, and PK revisions.
#include <gtest/gtest.h>
#include <regex>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

std::string fresh_demo() {
    const std::string db = temp_dir() + "/planning.db";
    EXPECT_EQ(run_kinerja("demo --db " + db).exit_code, 0);
    return db;
}

TEST(Planning, ShowsTheSeedDocumentsOfEachOffice) {
    ServerProcess s(fresh_demo());
    Browser admin(s);
    ASSERT_TRUE(admin.login("admin"));
    auto p = admin.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024");
    ASSERT_EQ(p.status, 200);
    for (const char* t :
         {"Periode 2020–2024", "Mandiri, Professional, dan Berintegritas", "Membangun SDM yang Kompeten",
          "Rencana Kinerja Tahunan", "Yasrin Abidin", "Marta Dinata", "25 Januari 2024", "20.518.557.000",
          "NIP 19830729 200902 1 004", "KRO (Klasifikasi Rincian Output)", "menurunkan:", "kutipan dalam laporan",
          "Tahun Anggaran tertulis 2023", "822,654,000", "B12", "✓", "bulan tercentang"})
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
    EXPECT_EQ(viewer.get("/kantor/kpu-kota-prabumulih/rencana?tahun=2024").body.find("Buat revisi PK"),
              std::string::npos);
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
    ServerProcess s(fresh_demo());
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
    EXPECT_NE(audit.body.find("&quot;after&quot;: &quot;97%&quot;"), std::string::npos);
}

} // namespace
} // namespace kinerja::test
