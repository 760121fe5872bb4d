// The web application driven over HTTP: a real `kinerja serve` on a fresh demo database.
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <thread>
#include <vector>
#include <zlib.h>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

namespace bj = boost::json;

const ServerProcess& shared_server() {
    static ServerProcess server(demo_database());
    return server;
}

std::string api_token(const ServerProcess& s, const std::string& login, const std::string& password = "kinerja-demo") {
    const auto r =
        s.request("POST", "/api/v1/login", "{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}",
                  {{"Content-Type", "application/json"}});
    if (r.status != 200) return {};
    return std::string(bj::parse(r.body).at("token").as_string());
}

TEST(Http, HealthzAnswersOk) {
    const auto r = shared_server().request("GET", "/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "ok\n");
}

TEST(Http, ApiLoginAndMeasurementFollowTheContract) {
    const auto& s = shared_server();
    const std::string token = api_token(s, "planner.prabumulih");
    ASSERT_FALSE(token.empty());
    const auto r = s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {},
                             {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json");
    const auto m = bj::parse(r.body).as_object();
    EXPECT_EQ(m.at("schema").as_string(), "kinerja.measure/1");
    EXPECT_EQ(m.at("objectives").as_array().at(0).at("achievement").as_string(), "98.15");
    EXPECT_EQ(m.at("objectives").as_array().at(0).at("indicators").as_array().at(2).at("achievement").as_string(),
              "94.44");
    // Same table as the command line gives.
    const auto cli = run_kinerja("measure --db " + temp_dir() + "/none.db --satker x --year 2024");
    EXPECT_NE(cli.exit_code, 0);
}

TEST(Http, ApiRefusesWithoutTokenWrongPasswordAndForeignOffice) {
    const auto& s = shared_server();
    EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024").status, 401);
    const auto wrong =
        s.request("POST", "/api/v1/login", R"({"login": "viewer.prabumulih", "password": "salah-sekali"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("Nama pengguna atau kata sandi salah"), std::string::npos) << wrong.body;
    EXPECT_EQ(s.request("POST", "/api/v1/login", "{bukan json").status, 400);
    const std::string token = api_token(s, "viewer.prabumulih");
    const auto foreign = s.request("GET", "/api/v1/offices/kpu-prov-kalimantan-timur/measurement?year=2024", {},
                                   {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=dua", {},
                        {{"Authorization", "Bearer " + token}})
                  .status,
              400);
    EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {},
                        {{"Authorization", "Bearer salah"}})
                  .status,
              401);
}

TEST(Http, RepeatedFailedLoginsLockTheAccountWithBackOff) {
    ServerProcess s(demo_database());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(
            s.request("POST", "/api/v1/login", R"({"login": "head.prabumulih", "password": "tebakan-salah"})").status,
            401);
    const auto locked =
        s.request("POST", "/api/v1/login", R"({"login": "head.prabumulih", "password": "kinerja-demo"})");
    EXPECT_EQ(locked.status, 429);
    EXPECT_FALSE(locked.header("retry-after").empty());
    EXPECT_NE(locked.body.find("coba lagi dalam"), std::string::npos) << locked.body;
    // Another account is not affected.
    EXPECT_FALSE(api_token(s, "viewer.prabumulih").empty());
}

TEST(Http, BrowserLoginNeedsTheFormTokenAndLandsOnTheOfficePage) {
    const auto& s = shared_server();
    Browser b(s);
    b.get("/masuk");
    // Without the form's token the login is refused, whatever the password.
    const auto no_token = b.post_form("/masuk", {{"login", "head.prabumulih"}, {"password", "kinerja-demo"}});
    EXPECT_EQ(no_token.status, 403);
    const auto wrong =
        b.post_form("/masuk", {{"csrf", b.csrf()}, {"login", "head.prabumulih"}, {"password", "salah-salah"}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("Nama pengguna atau kata sandi salah"), std::string::npos);
    EXPECT_NE(wrong.body.find("value=\"head.prabumulih\""), std::string::npos); // what the user typed is kept
    ASSERT_TRUE(b.login("head.prabumulih"));
    const auto home = b.get("/");
    EXPECT_EQ(home.status, 303);
    EXPECT_EQ(home.header("location"), "/kantor/kpu-kota-prabumulih");
    const auto page = b.get("/kantor/kpu-kota-prabumulih?tahun=2024");
    ASSERT_EQ(page.status, 200);
    for (const char* s : {"94,44", "94,74", "93,75", "98,15", "Sangat Berhasil", "rata-rata 3 indikator", "551.587.000",
                          "90,03%", "Capaian tercetak 0 tidak sama dengan 100 / 100 × 100 = 100,00"})
        EXPECT_NE(page.body.find(s), std::string::npos) << s;
}

TEST(Http, EveryStateChangingFormNeedsItsCsrfToken) {
    const auto& s = shared_server();
    Browser b(s);
    ASSERT_TRUE(b.login("viewer.prabumulih"));
    EXPECT_EQ(b.post_form("/keluar", {}).status, 403);
    EXPECT_EQ(b.post_form("/keluar", {{"csrf", "bukan-token"}}).status, 403);
    EXPECT_EQ(b.post_form("/akun/sandi", {{"current", "kinerja-demo"}, {"next", "baru-sekali-123"}}).status, 403);
    EXPECT_EQ(b.get("/kantor/kpu-kota-prabumulih").status, 200); // still logged in
    const auto out = b.post_form("/keluar", {{"csrf", b.csrf()}});
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(b.get("/kantor/kpu-kota-prabumulih").status, 303); // back to the login page
}

TEST(Http, AnIdleSessionExpires) {
    ServerProcess s(demo_database(), "--idle-timeout 1");
    Browser b(s);
    ASSERT_TRUE(b.login("planner.prabumulih"));
    const std::string token = api_token(s, "planner.prabumulih");
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    const auto page = b.get("/kantor/kpu-kota-prabumulih");
    EXPECT_EQ(page.status, 303);
    EXPECT_EQ(page.header("location"), "/masuk");
    const auto api = s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {},
                               {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(api.status, 401);
    EXPECT_NE(api.body.find("Sesi berakhir"), std::string::npos) << api.body;
}

TEST(Http, ASessionEndsAtItsAbsoluteLimitEvenWhenUsed) {
    // Times are whole seconds: used at 0 s and 0,5 s it is alive (≤ 2 s < 3 s); at 3,1 s it has ended.
    ServerProcess s(demo_database(), "--absolute-timeout 3");
    const std::string token = api_token(s, "planner.prabumulih");
    const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {}, auth).status, 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {}, auth).status, 401);
}

TEST(Http, PasswordChangeChecksTheOldOneAndEndsOtherSessions) {
    ServerProcess s(demo_database());
    Browser b(s);
    ASSERT_TRUE(b.login("planner.prabumulih"));
    const std::string other = api_token(s, "planner.prabumulih");
    b.get("/akun/sandi");
    auto r = b.post_form("/akun/sandi", {{"csrf", b.csrf()}, {"current", "salah-salah"}, {"next", "sandi-baru-2024"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("Kata sandi saat ini salah"), std::string::npos);
    r = b.post_form("/akun/sandi", {{"csrf", b.csrf()}, {"current", "kinerja-demo"}, {"next", "pendek"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("minimal 8 karakter"), std::string::npos);
    r = b.post_form("/akun/sandi", {{"csrf", b.csrf()}, {"current", "kinerja-demo"}, {"next", "sandi-baru-2024"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Kata sandi sudah diganti"), std::string::npos);
    EXPECT_EQ(b.get("/kantor/kpu-kota-prabumulih").status, 200); // this session stays
    EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {},
                        {{"Authorization", "Bearer " + other}})
                  .status,
              401);
    EXPECT_TRUE(api_token(s, "planner.prabumulih").empty());
    EXPECT_FALSE(api_token(s, "planner.prabumulih", "sandi-baru-2024").empty());
}

// Route × role × own/foreign office: the server decides, whatever a page shows.
TEST(Http, AuthorizationTable) {
    const auto& s = shared_server();
    struct Row {
        const char* login;
        int own_page, foreign_page, overview, own_api, foreign_api;
    };
    // own = KPU Kota Prabumulih (in Sumatera Selatan); foreign = KPU Provinsi Kalimantan Timur.
    const Row rows[] = {
        {"admin", 200, 200, 200, 200, 200},
        {"reviewer.sumsel", 200, 404, 200, 200, 404},
        {"planner.prabumulih", 200, 404, 403, 200, 404},
        {"head.prabumulih", 200, 404, 403, 200, 404},
        {"operator.rendatin", 200, 404, 403, 200, 404},
        {"viewer.prabumulih", 200, 404, 403, 200, 404},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.login);
        Browser b(s);
        ASSERT_TRUE(b.login(row.login));
        EXPECT_EQ(b.get("/kantor/kpu-kota-prabumulih?tahun=2024").status, row.own_page);
        EXPECT_EQ(b.get("/kantor/kpu-prov-kalimantan-timur?tahun=2024").status, row.foreign_page);
        EXPECT_EQ(b.get("/ikhtisar?tahun=2024").status, row.overview);
        const std::string token = api_token(s, row.login);
        const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};
        EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-kota-prabumulih/measurement?year=2024", {}, auth).status,
                  row.own_api);
        EXPECT_EQ(s.request("GET", "/api/v1/offices/kpu-prov-kalimantan-timur/measurement?year=2024", {}, auth).status,
                  row.foreign_api);
    }
}

// Every page and form route against every role, on the own office and a foreign one.
TEST(Http, AuthorizationTableOfEveryRoute) {
    ServerProcess s(demo_database());
    const std::string own = "/kantor/kpu-kota-prabumulih", foreign = "/kantor/kpu-prov-kalimantan-timur";
    struct Route {
        const char* method;
        std::string path;
    };
    const std::vector<Route> routes = {
        {"GET", own + "/realisasi?tahun=2024&bulan=12"},
        {"GET", foreign + "/realisasi?tahun=2024&bulan=12"},
        {"GET", own + "/rencana?tahun=2024"},
        {"GET", foreign + "/rencana?tahun=2024"},
        {"GET", own + "/anggaran?tahun=2024&bulan=12"},
        {"GET", foreign + "/anggaran?tahun=2024&bulan=12"},
        {"GET", own + "/hambatan?tahun=2024"},
        {"GET", own + "/audit"},
        {"GET", foreign + "/audit"},
        {"POST", own + "/hambatan"},
        {"POST", foreign + "/hambatan"},
        {"POST", own + "/bulan"},
    };
    struct Row {
        const char* login;
        std::vector<int> expected; // one per route, in order
        int month;                 // the month this role tries to lock (each its own)
    };
    const std::vector<Row> rows = {
        {"admin", {200, 200, 200, 200, 200, 200, 200, 200, 200, 303, 303, 303}, 1},
        {"reviewer.sumsel", {200, 404, 200, 404, 200, 404, 200, 200, 404, 403, 404, 403}, 2},
        {"planner.prabumulih", {200, 404, 200, 404, 200, 404, 200, 200, 404, 303, 404, 403}, 3},
        {"head.prabumulih", {200, 404, 200, 404, 200, 404, 200, 200, 404, 303, 404, 303}, 4},
        {"operator.rendatin", {200, 404, 200, 404, 200, 404, 200, 403, 404, 403, 404, 403}, 5},
        {"viewer.prabumulih", {200, 404, 200, 404, 200, 404, 200, 403, 404, 403, 404, 403}, 6},
    };
    for (const auto& row : rows) {
        Browser b(s);
        ASSERT_TRUE(b.login(row.login)) << row.login;
        for (std::size_t i = 0; i < routes.size(); ++i) {
            const auto& route = routes[i];
            int status;
            if (std::string(route.method) == "GET") {
                status = b.get(route.path).status;
            } else if (route.path.ends_with("/hambatan")) {
                status =
                    b.post_form(route.path,
                                {{"csrf", b.csrf()}, {"tahun", "2024"}, {"hambatan", "Uji wewenang"}, {"upaya", "Uji"}})
                        .status;
            } else {
                status = b.post_form(route.path, {{"csrf", b.csrf()},
                                                  {"tahun", "2024"},
                                                  {"bulan", std::to_string(row.month)},
                                                  {"aksi", "lock"},
                                                  {"versi", "0"}})
                             .status;
            }
            EXPECT_EQ(status, row.expected[i]) << row.login << " " << route.method << " " << route.path;
        }
    }
}

TEST(Http, ReviewerSeesTheProvincesOfficesAndWhoHasNotReported) {
    const auto& s = shared_server();
    Browser b(s);
    ASSERT_TRUE(b.login("reviewer.sumsel"));
    const auto page = b.get("/ikhtisar?tahun=2024&bulan=12");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("KPU Kota Prabumulih"), std::string::npos);
    EXPECT_NE(page.body.find("KPU Kabupaten OKU Selatan"), std::string::npos);
    EXPECT_EQ(page.body.find("Kalimantan Timur"), std::string::npos);
    EXPECT_NE(page.body.find("99,58"), std::string::npos);
    EXPECT_NE(page.body.find("belum melapor"), std::string::npos); // OKU Selatan has no actuals
    EXPECT_EQ(b.get("/ikhtisar?tahun=2024&bulan=13").status, 422);
}

TEST(Http, PagesEscapeWhatTheyEchoAndSendSecurityHeaders) {
    const auto& s = shared_server();
    Browser b(s);
    ASSERT_TRUE(b.login("head.prabumulih"));
    const auto r = b.get("/kantor/kpu-kota-prabumulih?tahun=%3Cscript%3E");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.body.find("<script>"), std::string::npos);
    EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(r.header("x-frame-options"), "DENY");
    EXPECT_NE(r.header("content-security-policy").find("default-src 'self'"), std::string::npos);
    const auto login = s.request("GET", "/masuk");
    EXPECT_NE(login.header("set-cookie").find("HttpOnly"), std::string::npos);
}

TEST(Http, TheApiIsDescribedByItsOpenApiDocument) {
    const auto r = shared_server().request("GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    const auto doc = bj::parse(r.body).as_object();
    EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
    EXPECT_TRUE(doc.at("paths").as_object().contains("/offices/{code}/measurement"));
    EXPECT_TRUE(doc.at("paths").as_object().contains("/login"));
}

std::string gunzip(const std::string& in) {
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    std::string out(in.size() * 20 + 1024, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    out.resize(z.total_out);
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string("<gzip error>");
}

// Pages are gzip built from pieces (the user's lines per request, a cached body, the static end):
// the stream must decode, checksum included, to exactly the uncompressed page.
TEST(Http, CompressedPagesDecodeToTheSamePage) {
    const auto& s = shared_server();
    Browser b(s);
    ASSERT_TRUE(b.login("head.prabumulih"));
    const std::string cookie = b.cookie_header();
    for (const char* path :
         {"/kantor/kpu-kota-prabumulih?tahun=2024", "/kantor/kpu-kota-prabumulih/rencana?tahun=2024", "/ikhtisar"}) {
        for (int round = 0; round < 2; ++round) { // the second round is served from the page cache
            const auto plain = s.request("GET", path, {}, {{"Cookie", cookie}});
            const auto gz = s.request("GET", path, {}, {{"Cookie", cookie}, {"Accept-Encoding", "gzip"}});
            ASSERT_EQ(plain.status, gz.status) << path;
            if (plain.body.size() < 1024) continue;
            EXPECT_EQ(gz.header("content-encoding"), "gzip") << path;
            EXPECT_EQ(gunzip(gz.body), plain.body) << path;
            if (plain.body.size() > 10000) {
                EXPECT_LT(gz.body.size() * 3, plain.body.size()) << path;
            }
        }
    }
}

TEST(Http, AssetsAreEmbeddedAndCompressed) {
    const auto& s = shared_server();
    for (const char* a : {"/static/pico.min.css", "/static/htmx.min.js", "/static/app.css"}) {
        const auto plain = s.request("GET", a);
        EXPECT_EQ(plain.status, 200) << a;
        const auto gz = s.request("GET", a, {}, {{"Accept-Encoding", "gzip"}});
        EXPECT_EQ(gz.header("content-encoding"), "gzip") << a;
        EXPECT_LT(gz.body.size(), plain.body.size()) << a;
    }
    EXPECT_EQ(s.request("GET", "/static/../../etc/passwd").status, 404);
}

TEST(Http, ABodyOverTheLimitIsRefusedWith413) {
    const auto& s = shared_server();
    const std::string big(13u << 20, 'x');
    const auto r = s.request("POST", "/api/v1/login", big, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 413);
}

} // namespace
} // namespace kinerja::test
