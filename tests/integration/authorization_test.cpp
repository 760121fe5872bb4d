// The authorization matrix, generated from the route table (adapters/web/routes.h): every route, for
// every demo role and for no login, on its own office and on a foreign one, against the real server.
// What each cell should be comes from the same app rules the router applies (app::allows, can_view),
// so this proves that every route is in the table with its access and that the router enforces it;
// the rules themselves are tested in tests/unit/app. The sub-unit cells (an operator and another
// sub-unit's evidence, actuals and month) are the last test.
#include <gtest/gtest.h>
#include <map>
#include <sqlite3.h>

#include "adapters/web/routes.h"
#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

const std::string own = "kpu-kota-prabumulih";
const std::string foreign = "kpu-kab-mesuji"; // another province: outside every demo user's scope but admin's

struct DemoUser {
    const char* login;
    app::Role role;
    const char* office; // null for the administrator
};

const std::vector<DemoUser> users = {
    {"admin", app::Role::admin, nullptr},
    {"reviewer.sumsel", app::Role::reviewer, "kpu-prov-sumatera-selatan"},
    {"planner.prabumulih", app::Role::planner, "kpu-kota-prabumulih"},
    {"head.prabumulih", app::Role::head, "kpu-kota-prabumulih"},
    {"operator.rendatin", app::Role::operator_, "kpu-kota-prabumulih"},
    {"viewer.prabumulih", app::Role::viewer, "kpu-kota-prabumulih"},
};

std::map<std::string, OfficeInfo> offices_of(const std::string& db) {
    std::map<std::string, OfficeInfo> out;
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, "SELECT id, code, name, level, parent_id FROM office", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) {
        OfficeInfo o;
        o.id = sqlite3_column_int64(s, 0);
        o.code = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
        o.name = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
        o.level = reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
        if (sqlite3_column_type(s, 4) != SQLITE_NULL) o.parent_id = sqlite3_column_int64(s, 4);
        out[o.code] = o;
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

// The address of a route with its placeholders filled.
std::string address(const web::Route& r, const std::string& office) {
    std::string out = r.pattern;
    auto fill = [&](const std::string& name, const std::string& value) {
        if (auto at = out.find("{" + name + "}"); at != std::string::npos) out.replace(at, name.size() + 2, value);
    };
    fill("office", office);
    fill("file", out.rfind("/static/", 0) == 0 ? "app.css" : "lkj.pdf");
    fill("id", "1");
    return out;
}

bool names_office(const web::Route& r) {
    return std::string(r.pattern).find("{office}") != std::string::npos;
}

// Logging out ends the session the rest of the matrix uses: it comes last.
std::vector<const web::Route*> routes_in_order() {
    std::vector<const web::Route*> out, last;
    for (const auto& r : web::routes())
        (std::string(r.pattern) == "/keluar" ? last : out).push_back(&r);
    out.insert(out.end(), last.begin(), last.end());
    return out;
}

TEST(Authorization, EveryRouteForEveryRoleOnItsOwnAndAForeignOffice) {
    const std::string db = demo_database();
    const auto offices = offices_of(db);
    ServerProcess server(db);
    int cells = 0;
    // No login: only the routes for anyone answer; a page asks to log in, a form or the API says 401.
    for (const auto* r : routes_in_order()) {
        const auto res = server.request(r->method, address(*r, own), std::string(r->method) == "POST" ? "x=1" : "",
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        ++cells;
        const bool api = std::string(r->pattern).rfind("/api/", 0) == 0;
        if (r->access == app::Access::anyone) {
            EXPECT_NE(res.status, 401) << r->method << " " << r->pattern;
            EXPECT_NE(res.header("location"), "/masuk") << r->method << " " << r->pattern;
        } else if (std::string(r->method) == "GET" && !api) {
            EXPECT_EQ(res.status, 303) << r->pattern;
            EXPECT_EQ(res.header("location"), "/masuk") << r->pattern;
        } else {
            EXPECT_EQ(res.status, 401) << r->method << " " << r->pattern;
        }
    }
    for (const auto& u : users) {
        Browser b(server);
        ASSERT_TRUE(b.login(u.login)) << u.login;
        app::Actor actor;
        actor.role = u.role;
        if (u.office) actor.office_id = offices.at(u.office).id;
        for (const auto* r : routes_in_order()) {
            if (r->access == app::Access::anyone) continue;
            for (const std::string& office : {own, foreign}) {
                if (!names_office(*r) && office == foreign) continue;
                const OfficeInfo& o = offices.at(office);
                const std::string where = std::string(u.login) + " " + r->method + " " + address(*r, office);
                const auto res = std::string(r->method) == "POST"
                                     ? b.post_form(address(*r, office), {{"csrf", b.csrf()}})
                                     : b.get(address(*r, office));
                ++cells;
                if (names_office(*r) && !app::can_view(actor, o)) {
                    EXPECT_EQ(res.status, 404) << where;
                } else if (!app::allows(r->access, actor, names_office(*r) ? &o : nullptr)) {
                    EXPECT_EQ(res.status, 403) << where;
                } else {
                    // Let through: the handler may still find nothing (no evidence 1, no draft, no report
                    // for that office and year), but never the router's refusals.
                    const bool scope_refusal =
                        res.status == 404 && res.body.find("di luar wewenang") != std::string::npos;
                    EXPECT_TRUE(res.status != 401 && res.status != 403 && !scope_refusal && res.status < 500)
                        << where << " answered " << res.status;
                }
            }
        }
    }
    std::printf("authorization matrix: %zu routes, %d cells\n", web::routes().size(), cells);
}

TEST(Authorization, AnOperatorActsOnlyForTheirOwnSubUnit) {
    ServerProcess server(demo_database());
    Browser head(server), op(server);
    ASSERT_TRUE(head.login("head.prabumulih"));
    ASSERT_TRUE(op.login("operator.rendatin")); // Subbagian Perencanaan, Data dan Informasi
    const std::string sheet = "/kantor/" + own + "/realisasi";
    const std::string month = "?tahun=2024&bulan=12";
    const auto page = head.get(sheet + month).body;
    const std::string own_indicator = indicator_id(page, "mengembangkan sarana dan prasarana IT");
    const std::string other_indicator = indicator_id(page, "Persentase pelantikan PPK sesuai jadwal"); // Hukum dan SDM
    ASSERT_FALSE(own_indicator.empty());
    ASSERT_FALSE(other_indicator.empty());
    // Evidence of both sub-units, uploaded by the head.
    for (const auto& [indicator, name] :
         {std::pair{own_indicator, "milik-rendatin.pdf"}, {other_indicator, "milik-sdm.pdf"}})
        ASSERT_EQ(head.post_multipart("/kantor/" + own + "/bukti",
                                      {{"tahun", "2024"}, {"bulan", "12"}, {"indikator", indicator}}, "berkas", name,
                                      "%PDF-1.4\n")
                      .status,
                  303);
    const auto shown = head.get(sheet + month).body;
    const std::string own_evidence = evidence_id(shown, "milik-rendatin.pdf");
    const std::string other_evidence = evidence_id(shown, "milik-sdm.pdf");
    EXPECT_EQ(op.get("/bukti/" + own_evidence).status, 200);
    EXPECT_EQ(op.get("/bukti/" + other_evidence).status, 404);
    EXPECT_EQ(head.get("/bukti/" + other_evidence).status, 200);
    // Actuals: their own sub-unit's indicator, not another's.
    op.get(sheet + month);
    auto save = [&](const std::string& indicator) {
        return op.post_form(sheet, {{"csrf", op.csrf()},
                                    {"tahun", "2024"},
                                    {"bulan", "12"},
                                    {"nilai_" + indicator, "91"},
                                    {"versi_" + indicator, field_value(page, "versi_" + indicator)}});
    };
    EXPECT_EQ(save(own_indicator).status, 303);
    EXPECT_EQ(save(other_indicator).status, 404); // not on their sheet at all
    // The month: their own sub-unit's to submit, not another's.
    const auto units = head.get(sheet + month).body;
    auto unit_of = [&](const std::string& name) {
        const auto at = units.find(name);
        const std::string field = "name=\"unit\" value=\"";
        const auto value_at = units.find(field, at) + field.size();
        return units.substr(value_at, units.find('"', value_at) - value_at);
    };
    auto submit = [&](const std::string& unit) {
        op.get(sheet + month);
        return op.post_form("/kantor/" + own + "/bulan", {{"csrf", op.csrf()},
                                                          {"tahun", "2024"},
                                                          {"bulan", "12"},
                                                          {"unit", unit},
                                                          {"versi", "0"},
                                                          {"aksi", "submit"}});
    };
    EXPECT_EQ(submit(unit_of("Subbagian Hukum dan Sumber Daya Manusia")).status, 404);
    EXPECT_EQ(submit(unit_of("Subbagian Perencanaan, Data dan Informasi")).status, 303);
}

} // namespace
} // namespace kinerja::test
