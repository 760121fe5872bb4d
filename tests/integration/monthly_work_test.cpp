// Monthly work over HTTP: entering actuals, conflicts, locks, corrections, evidence and the audit log.
#include <gtest/gtest.h>
#include <regex>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

const std::string sheet = "/kantor/kpu-kota-prabumulih/realisasi";

const char* it_indicator = "mengembangkan sarana dan prasarana IT Pemilu/Pemilihan";

struct Fixture {
    ServerProcess server;
    Fixture() : server(demo_database()) {}
};

TEST(MonthlyWork, AnOperatorRecordsAnActualAndTheAchievementChanges) {
    Fixture f;
    Browser op(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    auto page = op.get(sheet + "?tahun=2024&bulan=12");
    ASSERT_EQ(page.status, 200);
    const std::string id = indicator_id(page.body, it_indicator);
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(field_value(page.body, "nilai_" + id), "85"); // the seed's December figure
    // Seen once before the change: a cached page must not outlive the data it shows.
    EXPECT_NE(op.get("/kantor/kpu-kota-prabumulih?tahun=2024").body.find("94,44"), std::string::npos);
    // Only the operator's own sub-unit's indicators are on the form.
    EXPECT_EQ(page.body.find("Persentase pelantikan PPK"), std::string::npos);
    auto saved = op.post_form(sheet, {{"csrf", op.csrf()},
                                      {"tahun", "2024"},
                                      {"bulan", "12"},
                                      {"nilai_" + id, "90"},
                                      {"catatan_" + id, "Sarana IT baru terpasang"},
                                      {"versi_" + id, field_value(page.body, "versi_" + id)}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    const auto dash = op.get("/kantor/kpu-kota-prabumulih?tahun=2024");
    EXPECT_EQ(dash.body.find("94,44"), std::string::npos);
    EXPECT_EQ(dash.body.find("98,15"), std::string::npos); // objective 1 is now 100 too
    page = op.get(sheet + "?tahun=2024&bulan=12");
    EXPECT_EQ(field_value(page.body, "nilai_" + id), "90");
    EXPECT_EQ(field_value(page.body, "catatan_" + id), "Sarana IT baru terpasang");
    // Recorded in the audit log with before and after.
    Browser head(f.server);
    ASSERT_TRUE(head.login("head.prabumulih"));
    const auto audit = head.get("/kantor/kpu-kota-prabumulih/audit?pengguna=operator.rendatin");
    ASSERT_EQ(audit.status, 200);
    EXPECT_NE(audit.body.find("record-actual"), std::string::npos);
    EXPECT_NE(audit.body.find("&quot;value&quot;:&quot;85&quot;"), std::string::npos) << audit.body.substr(0, 3000);
    EXPECT_NE(audit.body.find("&quot;value&quot;:&quot;90&quot;"), std::string::npos);
}

TEST(MonthlyWork, AMalformedNumberIsRefusedNextToItsFieldAndTheInputKept) {
    Fixture f;
    Browser op(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    const auto page = op.get(sheet + "?tahun=2024&bulan=11");
    const std::string id = indicator_id(page.body, it_indicator);
    const auto r = op.post_form(sheet, {{"csrf", op.csrf()},
                                        {"tahun", "2024"},
                                        {"bulan", "11"},
                                        {"nilai_" + id, "87.5"},
                                        {"catatan_" + id, "catatan saya"},
                                        {"versi_" + id, "0"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("memakai titik sebagai tanda desimal; tulis dengan koma (87,5)"), std::string::npos);
    EXPECT_EQ(field_value(r.body, "nilai_" + id), "87.5");
    EXPECT_EQ(field_value(r.body, "catatan_" + id), "catatan saya");
    EXPECT_TRUE(field_value(op.get(sheet + "?tahun=2024&bulan=11").body, "nilai_" + id).empty()); // nothing saved
}

TEST(MonthlyWork, AStaleEditIsRefusedAndNeverOverwrites) {
    Fixture f;
    Browser a(f.server), b(f.server);
    ASSERT_TRUE(a.login("operator.rendatin"));
    ASSERT_TRUE(b.login("planner.prabumulih"));
    const auto page = a.get(sheet + "?tahun=2024&bulan=10");
    const std::string id = indicator_id(page.body, it_indicator);
    b.get(sheet + "?tahun=2024&bulan=10");
    ASSERT_EQ(
        a.post_form(
             sheet,
             {{"csrf", a.csrf()}, {"tahun", "2024"}, {"bulan", "10"}, {"nilai_" + id, "70"}, {"versi_" + id, "0"}})
            .status,
        303);
    // The planner's form was based on version 0 too.
    const auto stale = b.post_form(
        sheet, {{"csrf", b.csrf()}, {"tahun", "2024"}, {"bulan", "10"}, {"nilai_" + id, "75"}, {"versi_" + id, "0"}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_NE(stale.body.find("sudah diubah oleh operator.rendatin"), std::string::npos);
    EXPECT_EQ(field_value(stale.body, "nilai_" + id), "75"); // the planner's input is kept
    EXPECT_EQ(field_value(a.get(sheet + "?tahun=2024&bulan=10").body, "nilai_" + id), "70");
}

TEST(MonthlyWork, AnOperatorCannotRecordAnotherUnitsIndicator) {
    Fixture f;
    Browser planner(f.server), op(f.server);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    const std::string id = indicator_id(planner.get(sheet + "?tahun=2024&bulan=9").body, "Persentase pelantikan PPK");
    ASSERT_FALSE(id.empty());
    ASSERT_TRUE(op.login("operator.rendatin"));
    op.get(sheet + "?tahun=2024&bulan=9");
    // Another unit's indicator is not on an operator's sheet at all: refused as unknown.
    const auto r = op.post_form(
        sheet, {{"csrf", op.csrf()}, {"tahun", "2024"}, {"bulan", "9"}, {"nilai_" + id, "100"}, {"versi_" + id, "0"}});
    EXPECT_EQ(r.status, 404);
    Browser viewer(f.server);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    viewer.get(sheet + "?tahun=2024&bulan=9");
    EXPECT_EQ(viewer
                  .post_form(sheet, {{"csrf", viewer.csrf()},
                                     {"tahun", "2024"},
                                     {"bulan", "9"},
                                     {"nilai_" + id, "100"},
                                     {"versi_" + id, "0"}})
                  .status,
              403);
    // Another office's form is not found for them at all.
    EXPECT_EQ(op.get("/kantor/kpu-kab-oku-selatan/realisasi?tahun=2024&bulan=9").status, 404);
}

TEST(MonthlyWork, SubmitApproveReturnAndLockFollowTheRoles) {
    Fixture f;
    Browser op(f.server), head(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    ASSERT_TRUE(head.login("head.prabumulih"));
    auto page = op.get(sheet + "?tahun=2024&bulan=8");
    const std::string unit = [&] {
        std::smatch m;
        std::regex_search(page.body, m, std::regex(R"|(name="unit" value="(\d+)")|"));
        return std::string(m[1]);
    }();
    ASSERT_FALSE(unit.empty());
    auto act = [&](Browser& who, const std::string& action, const std::string& version,
                   const std::string& comment = {}) {
        who.get(sheet + "?tahun=2024&bulan=8");
        return who.post_form("/kantor/kpu-kota-prabumulih/bulan", {{"csrf", who.csrf()},
                                                                   {"tahun", "2024"},
                                                                   {"bulan", "8"},
                                                                   {"unit", unit},
                                                                   {"aksi", action},
                                                                   {"versi", version},
                                                                   {"komentar", comment}});
    };
    EXPECT_EQ(act(op, "approve", "0").status, 403); // an operator cannot approve
    EXPECT_EQ(act(op, "submit", "0").status, 303);
    EXPECT_EQ(act(op, "submit", "1").status, 409);   // already submitted
    EXPECT_EQ(act(head, "return", "1").status, 422); // a return needs its reason
    EXPECT_EQ(act(head, "return", "1", "Lampirkan notulen rapat").status, 303);
    EXPECT_NE(op.get(sheet + "?tahun=2024&bulan=8").body.find("Lampirkan notulen rapat"), std::string::npos);
    EXPECT_EQ(act(op, "submit", "2").status, 303);
    EXPECT_EQ(act(head, "approve", "2").status, 409); // stale version: someone changed it since
    EXPECT_EQ(act(head, "approve", "3").status, 303);
    EXPECT_NE(head.get(sheet + "?tahun=2024&bulan=8").body.find("Disetujui"), std::string::npos);
    // Lock: the head only.
    auto lock = [&](Browser& who) {
        who.get(sheet + "?tahun=2024&bulan=8");
        return who.post_form(
            "/kantor/kpu-kota-prabumulih/bulan",
            {{"csrf", who.csrf()}, {"tahun", "2024"}, {"bulan", "8"}, {"aksi", "lock"}, {"versi", "0"}});
    };
    EXPECT_EQ(lock(op).status, 403);
    EXPECT_EQ(lock(head).status, 303);
    const auto locked = op.get(sheet + "?tahun=2024&bulan=8");
    EXPECT_NE(locked.body.find("bulan dikunci"), std::string::npos);
    const std::string id = indicator_id(locked.body, it_indicator);
    // A plain save is refused; a correction with its reason is recorded as such.
    Browser planner(f.server);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    planner.get(sheet + "?tahun=2024&bulan=8");
    auto r = planner.post_form(
        sheet,
        {{"csrf", planner.csrf()}, {"tahun", "2024"}, {"bulan", "8"}, {"nilai_" + id, "88"}, {"versi_" + id, "0"}});
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("sudah dikunci"), std::string::npos);
    EXPECT_EQ(field_value(r.body, "nilai_" + id), "88") << "the refused form lost what was typed";
    // After the lock only the head corrects, always with a reason: not the planner, not the operator
    // (who could before, issue 13), and the head not without a reason.
    const std::map<std::string, std::string> correction = {{"tahun", "2024"},
                                                           {"bulan", "8"},
                                                           {"nilai_" + id, "88"},
                                                           {"versi_" + id, "0"},
                                                           {"koreksi", "Salah ketik laporan subbagian"}};
    auto with_csrf = [](std::map<std::string, std::string> f, const std::string& csrf) {
        f["csrf"] = csrf;
        return f;
    };
    r = planner.post_form(sheet, with_csrf(correction, planner.csrf()));
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("hanya dapat dicatat oleh pimpinan"), std::string::npos);
    op.get(sheet + "?tahun=2024&bulan=8");
    EXPECT_EQ(op.post_form(sheet, with_csrf(correction, op.csrf())).status, 403);
    EXPECT_EQ(op.get(sheet + "?tahun=2024&bulan=8").body.find("name=\"koreksi\""), std::string::npos)
        << "an operator is offered a correction box on a locked month";
    head.get(sheet + "?tahun=2024&bulan=8");
    auto no_reason = with_csrf(correction, head.csrf());
    no_reason["koreksi"] = "  ";
    EXPECT_EQ(head.post_form(sheet, no_reason).status, 409);
    r = head.post_form(sheet, with_csrf(correction, head.csrf()));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
    const auto shown = op.get(sheet + "?tahun=2024&bulan=8").body;
    EXPECT_NE(shown.find("Koreksi setelah bulan dikunci:</strong> Salah ketik laporan subbagian"), std::string::npos)
        << "the correction is not shown as one";
    const auto audit = head.get("/kantor/kpu-kota-prabumulih/audit?aksi=correction");
    EXPECT_NE(audit.body.find("Salah ketik laporan subbagian"), std::string::npos);
    EXPECT_NE(head.get("/kantor/kpu-kota-prabumulih/audit?aksi=month-locked").body.find("head.prabumulih"),
              std::string::npos);
}

TEST(MonthlyWork, EvidenceIsCheckedStoredAndServedOnlyInScope) {
    Fixture f;
    Browser op(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    const auto page = op.get(sheet + "?tahun=2024&bulan=12");
    const std::string id = indicator_id(page.body, it_indicator);
    // Read the session cookie the browser holds, to send multipart requests by hand.
    const auto session = [&] {
        const auto r =
            f.server.request("POST", "/api/v1/login", R"({"login": "operator.rendatin", "password": "kinerja-demo"})");
        return r.body.substr(r.body.find(":\"") + 2, r.body.rfind('"') - r.body.find(":\"") - 2);
    }();
    auto upload = [&](const std::string& filename, const std::string& data) {
        const std::string boundary = "xYzBoundary42";
        return f.server.request(
            "POST", "/kantor/kpu-kota-prabumulih/bukti",
            multipart_body(boundary, {{"tahun", "2024"}, {"bulan", "12"}, {"indikator", id}}, "berkas", filename, data),
            {{"Authorization", "Bearer " + session}, {"Content-Type", "multipart/form-data; boundary=" + boundary}});
    };
    EXPECT_EQ(upload("notulen.exe", "MZ....").status, 422);
    EXPECT_EQ(upload("palsu.pdf", "ini bukan pdf").status, 422);
    const auto ok = upload("notulen rapat.pdf", "%PDF-1.4\n% bukti\n");
    EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 500);
    const auto after = op.get(sheet + "?tahun=2024&bulan=12");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(after.body, m, std::regex(R"|(href="/bukti/(\d+)">notulen rapat.pdf)|")));
    const std::string evidence = m[1];
    const auto download = op.get("/bukti/" + evidence);
    EXPECT_EQ(download.status, 200);
    EXPECT_EQ(download.body, "%PDF-1.4\n% bukti\n");
    EXPECT_EQ(download.header("content-type"), "application/pdf");
    EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);
    // The reviewer of the province may read it; nobody outside the scope may, nor learn that it exists.
    Browser reviewer(f.server);
    ASSERT_TRUE(reviewer.login("reviewer.sumsel"));
    EXPECT_EQ(reviewer.get("/bukti/" + evidence).status, 200);
    EXPECT_EQ(f.server.request("GET", "/bukti/" + evidence).status, 303); // not logged in: to the login page
    EXPECT_EQ(op.get("/bukti/999999").status, 404);
    // Over the size limit: refused with 413 and nothing stored.
    const auto big = upload("besar.pdf", "%PDF-" + std::string(11u << 20, 'x'));
    EXPECT_EQ(big.status, 413);
}

TEST(MonthlyWork, MultipartBodiesAlsoNeedTheCsrfToken) {
    Fixture f;
    Browser op(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    op.get(sheet + "?tahun=2024&bulan=12");
    // A multipart form posted with the browser's cookie but without the token part is refused;
    // with it, it goes through.
    auto post = [&](const std::map<std::string, std::string>& fields) {
        std::string body;
        for (const auto& [k, v] : fields)
            body += "--b0undary\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
        body += "--b0undary--\r\n";
        return f.server.request(
            "POST", "/keluar", body,
            {{"Cookie", op.cookie_header()}, {"Content-Type", "multipart/form-data; boundary=b0undary"}});
    };
    EXPECT_EQ(post({{"x", "y"}}).status, 403);
    EXPECT_EQ(post({{"csrf", "palsu"}}).status, 403);
    EXPECT_EQ(post({{"csrf", op.csrf()}}).status, 303);
}

TEST(MonthlyWork, BudgetSpendingIsCheckedAgainstTheCeiling) {
    Fixture f;
    Browser planner(f.server);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    const std::string budget = "/kantor/kpu-kota-prabumulih/anggaran";
    auto page = planner.get(budget + "?tahun=2024&bulan=6");
    ASSERT_EQ(page.status, 200);
    // The first line is 6709: ceiling 551.587.000, 496.589.508 spent in December per the LKj.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex(R"|(name="jumlah_(\d+)")|")));
    const std::string line = m[1];
    EXPECT_NE(page.body.find("551.587.000"), std::string::npos);
    auto save = [&](const std::string& amount, const std::string& version) {
        planner.get(budget + "?tahun=2024&bulan=6");
        return planner.post_form(budget, {{"csrf", planner.csrf()},
                                          {"tahun", "2024"},
                                          {"bulan", "6"},
                                          {"jumlah_" + line, amount},
                                          {"versi_" + line, version}});
    };
    auto r = save("60.000.000", "0");
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("Rp 556.589.508, melebihi pagu Rp 551.587.000"), std::string::npos);
    EXPECT_EQ(field_value(r.body, "jumlah_" + line), "60.000.000");
    r = save("822,654,000", "0");
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("koma"), std::string::npos);
    EXPECT_EQ(save("50.000.000", "0").status, 303);
    // Σ actual / Σ ceiling: (496.589.508 + 50.000.000) / 551.587.000 = 99,09 %.
    EXPECT_NE(planner.get("/kantor/kpu-kota-prabumulih?tahun=2024").body.find("99,09%"), std::string::npos);
    EXPECT_EQ(save("40.000.000", "0").status, 409); // stale
    EXPECT_EQ(save("40.000.000", "1").status, 303);
    // An operator sees the page read-only and may not post.
    Browser op(f.server);
    ASSERT_TRUE(op.login("operator.rendatin"));
    EXPECT_NE(op.get(budget + "?tahun=2024&bulan=6").body.find("disabled"), std::string::npos);
    EXPECT_EQ(
        op.post_form(
              budget,
              {{"csrf", op.csrf()}, {"tahun", "2024"}, {"bulan", "6"}, {"jumlah_" + line, "1"}, {"versi_" + line, "2"}})
            .status,
        403);
}

TEST(MonthlyWork, ObstaclesAndRemediesAreRecorded) {
    Fixture f;
    Browser planner(f.server);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    const std::string url = "/kantor/kpu-kota-prabumulih/hambatan";
    auto page = planner.get(url + "?tahun=2024");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Aplikasi SIPOL"), std::string::npos); // the seed's 21 obstacles
    auto r = planner.post_form(
        url, {{"csrf", planner.csrf()}, {"tahun", "2024"}, {"aspek", "Jaringan"}, {"hambatan", "Internet putus"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("Tuliskan upaya mengatasinya"), std::string::npos);
    EXPECT_NE(r.body.find("Internet putus"), std::string::npos);
    r = planner.post_form(url, {{"csrf", planner.csrf()},
                                {"tahun", "2024"},
                                {"aspek", "Jaringan"},
                                {"hambatan", "Internet putus"},
                                {"upaya", "Modem cadangan"}});
    EXPECT_EQ(r.status, 303);
    EXPECT_NE(planner.get(url + "?tahun=2024").body.find("Modem cadangan"), std::string::npos);
    Browser viewer(f.server);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    viewer.get(url + "?tahun=2024");
    EXPECT_EQ(
        viewer.post_form(url, {{"csrf", viewer.csrf()}, {"tahun", "2024"}, {"hambatan", "x"}, {"upaya", "y"}}).status,
        403);
}

} // namespace
} // namespace kinerja::test
