// The web import over HTTP against a real `kinerja serve`: upload → preview with findings →
// corrections → re-check → store, and everything it must refuse.
#include <gtest/gtest.h>
#include <regex>
#include <sqlite3.h>
#include <tuple>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"
#include "tests/support/shared_documents.h"

namespace kinerja::test {
namespace {

const std::string k_office = "kpu-kab-oku-selatan";
const std::string k_page = "/kantor/" + k_office + "/impor";

std::string seed_text() {
    return read_file(std::string(KINERJA_SEEDS_DIR) + "/rkt-2024-kpu-kab-oku-selatan.txt");
}

HttpResult upload(const ServerProcess& s, Browser& b, const std::string& page, const std::string& name,
                  const std::string& bytes, bool with_csrf = true) {
    const std::string boundary = "----kinerja-test-boundary";
    std::string body;
    if (with_csrf)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + b.csrf() + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\nauto\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" + name +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return s.request("POST", page, body,
                     {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", b.cookie_header()}});
}

// Every field of the preview form, as the browser would send it back.
std::map<std::string, std::string> preview_fields(const std::string& html) {
    std::map<std::string, std::string> out;
    static const std::regex input(R"|(<input (?:type="hidden" )?name="([^"]+)" value="([^"]*)")|");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), input); it != std::sregex_iterator(); ++it) {
        std::string v = (*it)[2];
        // The template escapes; the values read here are plain text.
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
            for (auto p = v.find(from); p != std::string::npos; p = v.find(from, p + to.size()))
                v.replace(p, from.size(), to);
        out[(*it)[1]] = v;
    }
    return out;
}

// The name of the input holding `value` in a field ending with `suffix`.
std::string field_with(const std::map<std::string, std::string>& fields, const std::string& suffix,
                       const std::string& value) {
    for (const auto& [k, v] : fields)
        if (k.ends_with(suffix) && v == value) return k;
    return {};
}

// The first column of the first row of `sql` as text ("" when no row). A write (not SELECT) only while no
// server has the database open: the server's WAL connection would not see it.
std::string query(const std::string& db, const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, sql.rfind("SELECT", 0) == 0 ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                    nullptr);
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_text(s, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

int imported_documents(const std::string& db) {
    return std::stoi(query(db, "SELECT count(*) FROM imported_document"));
}

int drafts(const std::string& db) {
    return std::stoi(query(db, "SELECT count(*) FROM import_draft"));
}

void add_planner(const std::string& db, const std::string& login) {
    const auto r = run_kinerja("user add --db " + db + " --login " + login + " --role planner --satker " + k_office +
                                   " --password-stdin",
                               "kinerja-demo\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

// A demo database with a planner of OKU Selatan (the demo has none), served.
struct Fixture {
    std::string db = demo_database();
    ServerProcess server{prepare(db)};

    static const std::string& prepare(const std::string& db) {
        add_planner(db, "planner.okus");
        return db;
    }
};

TEST(ImportWeb, UploadPreviewCorrectRecheckStoreAndReupload) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    Browser b(f.server);
    ASSERT_TRUE(b.login("planner.okus"));
    const auto form = b.get(k_page);
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);

    const auto preview = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
    ASSERT_EQ(preview.status, 200) << preview.body;
    // What was understood: the type, office, year, place and date, and the indicators with their targets.
    EXPECT_NE(preview.body.find("Rencana Kinerja Tahunan (RKT)"), std::string::npos);
    EXPECT_NE(preview.body.find("Mubaradiah"), std::string::npos);
    EXPECT_NE(preview.body.find("11 Januari 2024"), std::string::npos);
    EXPECT_NE(preview.body.find("Persentase pelantikan PPK sesuai jadwal"), std::string::npos);
    // The seed's malformed budget is an error, beside its row (line 40) and in the list linking to it.
    EXPECT_NE(preview.body.find("2.57.212.000"), std::string::npos);
    EXPECT_NE(preview.body.find("malformed-number"), std::string::npos);
    EXPECT_NE(preview.body.find("id=\"baris-40\""), std::string::npos);
    EXPECT_NE(preview.body.find("href=\"#baris-40\""), std::string::npos);
    EXPECT_NE(preview.body.find("1 galat"), std::string::npos);

    auto fields = preview_fields(preview.body);
    ASSERT_TRUE(fields.count("draft"));
    const std::string budget = field_with(fields, ".budget", "2.57.212.000");
    ASSERT_FALSE(budget.empty()) << "no editable budget 2.57.212.000";

    // Storing with the error and without the box is refused, nothing stored.
    const int before = imported_documents(f.db);
    auto refused_fields = fields;
    refused_fields["aksi"] = "simpan";
    const auto refused = b.post_form(k_page, refused_fields);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("Tidak disimpan"), std::string::npos);
    EXPECT_EQ(imported_documents(f.db), before);

    // The correction, checked again: the error is gone and the typed value is kept.
    fields[budget] = "2.057.212.000";
    fields["aksi"] = "periksa";
    const auto rechecked = b.post_form(k_page, fields);
    ASSERT_EQ(rechecked.status, 200) << rechecked.body;
    EXPECT_EQ(rechecked.body.find("malformed-number"), std::string::npos);
    EXPECT_NE(rechecked.body.find("value=\"2.057.212.000\""), std::string::npos);
    EXPECT_NE(rechecked.body.find("0 galat"), std::string::npos);
    EXPECT_NE(rechecked.body.find("1 nilai dikoreksi"), std::string::npos);

    // Stored through the import code, then the office page says so.
    fields["aksi"] = "simpan";
    const auto stored = b.post_form(k_page, fields);
    ASSERT_EQ(stored.status, 303) << stored.body;
    EXPECT_EQ(stored.header("location").rfind("/kantor/" + k_office + "?impor=disimpan", 0), 0u);
    EXPECT_EQ(imported_documents(f.db), before + 1);
    const auto office = b.get(stored.header("location"));
    EXPECT_NE(office.body.find("Dokumen diimpor"), std::string::npos);
    const std::string out = temp_dir() + "/all.json";
    ASSERT_EQ(run_kinerja("export --db " + f.db + " --out " + out).exit_code, 0);
    EXPECT_NE(read_file(out).find("2.057.212.000"), std::string::npos);

    // The same document with the same correction again: nothing changes.
    b.get(k_page);
    const auto again = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
    ASSERT_EQ(again.status, 200);
    auto again_fields = preview_fields(again.body);
    again_fields[budget] = "2.057.212.000";
    again_fields["aksi"] = "simpan";
    const auto unchanged = b.post_form(k_page, again_fields);
    ASSERT_EQ(unchanged.status, 303) << unchanged.body;
    const auto said = b.get(unchanged.header("location"));
    EXPECT_NE(said.body.find("sudah pernah diimpor, tidak ada perubahan"), std::string::npos);
    EXPECT_EQ(imported_documents(f.db), before + 1);

    // Another version of what is stored (a target changed) is refused with the reason, never overwritten.
    b.get(k_page);
    const auto changed = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
    auto changed_fields = preview_fields(changed.body);
    changed_fields[budget] = "2.057.212.000";
    const std::string target = field_with(changed_fields, ".target", "97");
    ASSERT_FALSE(target.empty());
    changed_fields[target] = "50";
    changed_fields["aksi"] = "simpan";
    changed_fields["paksa"] = "1";
    const auto conflict = b.post_form(k_page, changed_fields);
    EXPECT_EQ(conflict.status, 409) << conflict.body;
    EXPECT_NE(conflict.body.find("tidak menimpa yang lama"), std::string::npos);
    EXPECT_EQ(imported_documents(f.db), before + 1);
}

TEST(ImportWeb, ErrorsCanBeStoredOnlyWithTheBoxTicked) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    Browser b(f.server);
    ASSERT_TRUE(b.login("planner.okus"));
    b.get(k_page);
    const auto preview = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
    ASSERT_EQ(preview.status, 200);
    EXPECT_NE(preview.body.find("simpan walaupun ada galat"), std::string::npos);
    auto fields = preview_fields(preview.body);
    fields["aksi"] = "simpan";
    fields["paksa"] = "1";
    const int before = imported_documents(f.db);
    const auto stored = b.post_form(k_page, fields);
    EXPECT_EQ(stored.status, 303) << stored.body;
    EXPECT_EQ(imported_documents(f.db), before + 1);
}

TEST(ImportWeb, RefusesMissingCsrfViewersOtherOfficesAndOthersDrafts) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    const int before = imported_documents(f.db);
    Browser planner(f.server);
    ASSERT_TRUE(planner.login("planner.okus"));
    planner.get(k_page);
    EXPECT_EQ(upload(f.server, planner, k_page, "rkt.txt", seed_text(), false).status, 403);

    const auto preview = upload(f.server, planner, k_page, "rkt.txt", seed_text());
    ASSERT_EQ(preview.status, 200);
    auto fields = preview_fields(preview.body);

    Browser viewer(f.server);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    EXPECT_EQ(viewer.get("/kantor/kpu-kota-prabumulih/impor").status, 403);
    EXPECT_EQ(viewer.get(k_page).status, 404);

    // Another office's planner: the office is unknown to them, and so is the draft.
    Browser other(f.server);
    ASSERT_TRUE(other.login("planner.prabumulih"));
    EXPECT_EQ(other.get(k_page).status, 404);
    auto stolen = fields;
    stolen["csrf"] = other.csrf();
    stolen["aksi"] = "simpan";
    stolen["paksa"] = "1";
    EXPECT_EQ(other.post_form(k_page, stolen).status, 404);
    // Nor can the draft be opened through their own office.
    EXPECT_EQ(other.post_form("/kantor/kpu-kota-prabumulih/impor", stolen).status, 404);
    EXPECT_EQ(imported_documents(f.db), before);
}

TEST(ImportWeb, BadFilesComeBackWith422AndNothingIsStored) {
    Fixture f;
    const int before = imported_documents(f.db);
    Browser b(f.server);
    ASSERT_TRUE(b.login("planner.okus"));
    b.get(k_page);
    const auto empty = upload(f.server, b, k_page, "kosong.txt", "");
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(empty.body.find("kosong"), std::string::npos) << empty.body;

    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>((i * 7919) & 0xff);
    const auto bin = upload(f.server, b, k_page, "gambar.bin", binary);
    EXPECT_EQ(bin.status, 422);
    EXPECT_NE(bin.body.find("gambar.bin"), std::string::npos) << bin.body;

    const auto corrupt = upload(f.server, b, k_page, "rusak.docx", std::string("PK\x03\x04", 4) + "bukan zip");
    EXPECT_EQ(corrupt.status, 422);

    const auto unknown = upload(f.server, b, k_page, "surat.txt", "Surat undangan rapat\nHari Senin\n");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(unknown.body.find("tidak dikenali"), std::string::npos) << unknown.body;

    const auto big = upload(f.server, b, k_page, "besar.txt", std::string((10u << 20) + 1, 'a'));
    EXPECT_EQ(big.status, 422);
    EXPECT_NE(big.body.find("lebih besar dari batas 10 MB"), std::string::npos);
    EXPECT_EQ(imported_documents(f.db), before);
    // A refused upload leaves no draft behind.
    EXPECT_EQ(drafts(f.db), 0);
}

TEST(ImportWeb, OnlyTheDrawnFieldsMayBeCorrectedAndEachCorrectionIsAudited) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    Browser b(f.server);
    ASSERT_TRUE(b.login("planner.okus"));
    b.get(k_page);
    const auto preview = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
    ASSERT_EQ(preview.status, 200);
    auto fields = preview_fields(preview.body);
    const std::string budget = field_with(fields, ".budget", "2.57.212.000");
    ASSERT_FALSE(budget.empty());
    const std::string target = field_with(fields, ".target", "97");
    ASSERT_FALSE(target.empty());

    // A value the preview never showed (the office's name), though its key is one that may be edited
    // elsewhere: refused as a whole, nothing applied, the draft still usable.
    const int before = imported_documents(f.db);
    for (const std::string& hidden : {std::string("fix.office.name"), std::string("fix.rkt.0.rows.0.line"),
                                      std::string("fix.rkt.0.rows.999.target")}) {
        auto smuggled = fields;
        smuggled[budget] = "2.057.212.000";
        smuggled[hidden] = "Satker Lain";
        smuggled["aksi"] = "simpan";
        smuggled["paksa"] = "1";
        const auto refused = b.post_form(k_page, smuggled);
        EXPECT_EQ(refused.status, 422) << hidden << refused.body;
        EXPECT_NE(refused.body.find("tidak tampil di pratinjau"), std::string::npos) << hidden;
        EXPECT_NE(refused.body.find(hidden.substr(4)), std::string::npos) << hidden;
        EXPECT_EQ(refused.body.find("nilai dikoreksi"), std::string::npos) << hidden;
        EXPECT_EQ(imported_documents(f.db), before);
    }

    // The shown values, corrected and stored: the import's audit record names each one, as read and as typed.
    fields[budget] = "2.057.212.000";
    fields[target] = "97"; // as read: not a correction
    fields["aksi"] = "simpan";
    const auto stored = b.post_form(k_page, fields);
    ASSERT_EQ(stored.status, 303) << stored.body;
    const std::string audit =
        query(f.db, "SELECT after FROM audit_log WHERE action = 'import' AND actor = 'planner.okus'");
    EXPECT_NE(audit.find("\"corrections\""), std::string::npos) << audit;
    EXPECT_NE(
        audit.find("{\"field\":\"" + budget.substr(4) + "\",\"before\":\"2.57.212.000\",\"after\":\"2.057.212.000\"}"),
        std::string::npos)
        << audit;
    EXPECT_EQ(audit.find(target.substr(4)), std::string::npos) << audit;
    // The import is in the office's own audit log, where its planner and head look (issue 13).
    EXPECT_EQ(query(f.db, "SELECT count(*) FROM audit_log a JOIN office o ON o.id = a.office_id WHERE a.action = "
                          "'import' AND o.code = '" +
                              k_office + "'"),
              "1");
    const auto log = b.get("/kantor/" + k_office + "/audit?aksi=import");
    EXPECT_EQ(log.status, 200);
    EXPECT_NE(log.body.find("planner.okus"), std::string::npos);
    EXPECT_NE(log.body.find("corrections"), std::string::npos);
}

TEST(ImportWeb, DraftsKeepAQuotaPerUser) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    Browser b(f.server);
    ASSERT_TRUE(b.login("planner.okus"));
    b.get(k_page);
    std::vector<std::string> ids;
    for (int i = 0; i < 22; ++i) {
        const auto preview = upload(f.server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
        ASSERT_EQ(preview.status, 200) << i;
        ids.push_back(preview_fields(preview.body)["draft"]);
    }
    // The newest 20 stay; the two oldest were deleted to make room and read as gone.
    EXPECT_EQ(drafts(f.db), 20);
    for (const auto& gone : {ids[0], ids[1]}) {
        const auto r = b.post_form(k_page, {{"csrf", b.csrf()}, {"draft", gone}, {"aksi", "periksa"}});
        EXPECT_EQ(r.status, 404) << r.body;
    }
    const auto kept = b.post_form(k_page, {{"csrf", b.csrf()}, {"draft", ids[2]}, {"aksi", "periksa"}});
    EXPECT_EQ(kept.status, 200) << kept.body;
}

TEST(ImportWeb, ADraftOlderThanADayIsGone) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const std::string db = demo_database();
    add_planner(db, "planner.okus");
    std::string id;
    {
        ServerProcess server(db);
        Browser b(server);
        ASSERT_TRUE(b.login("planner.okus"));
        b.get(k_page);
        const auto preview = upload(server, b, k_page, "rkt-2024-kpu-kab-oku-selatan.txt", seed_text());
        ASSERT_EQ(preview.status, 200);
        id = preview_fields(preview.body)["draft"];
    }
    // A day and a second later, with no upload since to delete the row: the step says so, stores nothing.
    query(db, "UPDATE import_draft SET created_at = created_at - 86401 WHERE id = " + id);
    ASSERT_EQ(query(db, "SELECT count(*) FROM import_draft WHERE created_at < unixepoch() - 86400"), "1");
    ServerProcess server(db);
    Browser b(server);
    ASSERT_TRUE(b.login("planner.okus"));
    b.get(k_page);
    const int before = imported_documents(db);
    const auto old = b.post_form(k_page, {{"csrf", b.csrf()}, {"draft", id}, {"aksi", "simpan"}, {"paksa", "1"}});
    EXPECT_EQ(old.status, 410) << old.body;
    EXPECT_NE(old.body.find("sudah lebih dari sehari"), std::string::npos) << old.body;
    EXPECT_NE(old.body.find("Unggah dokumennya lagi"), std::string::npos);
    EXPECT_EQ(imported_documents(db), before);
}

TEST(ImportWeb, AnotherPlannerOfTheSameOfficeCannotOpenTheDraft) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    Fixture f;
    add_planner(f.db, "planner2.okus");
    Browser owner(f.server);
    ASSERT_TRUE(owner.login("planner.okus"));
    owner.get(k_page);
    const auto preview = upload(f.server, owner, k_page, "rkt.txt", seed_text());
    ASSERT_EQ(preview.status, 200);
    auto fields = preview_fields(preview.body);

    Browser colleague(f.server);
    ASSERT_TRUE(colleague.login("planner2.okus"));
    EXPECT_EQ(colleague.get(k_page).status, 200); // the page is theirs too, the draft is not
    const int before = imported_documents(f.db);
    for (const char* action : {"periksa", "simpan"}) {
        auto taken = fields;
        taken["csrf"] = colleague.csrf();
        taken["aksi"] = action;
        taken["paksa"] = "1";
        const auto r = colleague.post_form(k_page, taken);
        EXPECT_EQ(r.status, 404) << action << r.body;
        EXPECT_NE(r.body.find("Draf impor tidak ditemukan"), std::string::npos) << action;
        EXPECT_EQ(r.body.find("rkt.txt"), std::string::npos) << action; // nothing of the document shown
    }
    EXPECT_EQ(imported_documents(f.db), before);
}

TEST(ImportWeb, TheDashboardLinksTheImportForThoseWhoMayPlan) {
    Fixture f;
    const std::string link = "/impor\">Impor dokumen</a>";
    for (const auto& [login, office, shown] :
         std::vector<std::tuple<std::string, std::string, bool>>{{"planner.okus", k_office, true},
                                                                 {"planner.prabumulih", "kpu-kota-prabumulih", true},
                                                                 {"head.prabumulih", "kpu-kota-prabumulih", true},
                                                                 {"operator.rendatin", "kpu-kota-prabumulih", false},
                                                                 {"viewer.prabumulih", "kpu-kota-prabumulih", false},
                                                                 {"reviewer.sumsel", "kpu-kota-prabumulih", false}}) {
        Browser b(f.server);
        ASSERT_TRUE(b.login(login)) << login;
        const auto page = b.get("/kantor/" + office);
        ASSERT_EQ(page.status, 200) << login;
        EXPECT_EQ(page.body.find(link) != std::string::npos, shown) << login;
        // The link and the page agree.
        EXPECT_EQ(b.get("/kantor/" + office + "/impor").status == 200, shown) << login;
    }
}

} // namespace
} // namespace kinerja::test
