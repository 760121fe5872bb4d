#include "adapters/web/web_app.h"

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <zlib.h>

#include "adapters/json/measurement_json.h"
#include "adapters/web/templates.h"
#include "app/office_rollup.h"
#include "core/checks.h"
#include "core/measurement.h"
#include "platform/embedded.h"
#include "platform/tokens.h"

namespace kinerja::web {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;
using kainjow::mustache::list;
using kainjow::mustache::object;

constexpr const char* session_cookie = "kinerja_sesi";
constexpr const char* login_csrf_cookie = "kinerja_masuk";

std::string pct(const std::optional<Ratio>& r) {
    return r ? r->round(2).indonesian(2) : std::string("–");
}

std::string band_class(const std::string& label) {
    std::string out;
    for (char c : label)
        out.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

std::string gzip(std::string_view in) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

bool accepts_gzip(const Request& r) {
    return r.header("accept-encoding").find("gzip") != std::string::npos;
}

Response text(int status, std::string body, std::string type = "text/plain; charset=utf-8") {
    return Response{status, std::move(type), {}, std::move(body)};
}

Response json_response(int status, const bj::value& v) {
    return text(status, bj::serialize(v) + "\n", "application/json");
}

Response json_error(int status, const std::string& message) {
    bj::object o;
    o["error"] = message;
    return json_response(status, o);
}

Response redirect(const std::string& location) {
    Response r = text(303, "");
    r.header("Location", location);
    return r;
}

int status_of(const Error& e) {
    switch (e.code) {
    case ErrorCode::invalid_input:
        return 422;
    case ErrorCode::not_found:
        return 404;
    case ErrorCode::conflict:
        return 409;
    case ErrorCode::unauthenticated:
        return 401;
    case ErrorCode::forbidden:
        return 403;
    case ErrorCode::too_many:
        return 429;
    case ErrorCode::too_large:
        return 413;
    default:
        return 500;
    }
}

// Embedded static files, gzip-compressed once at start for the browsers that accept it.
struct Asset {
    std::string type, body, gzipped;
};

const std::map<std::string, Asset>& assets() {
    static const std::map<std::string, Asset> all = [] {
        std::map<std::string, Asset> m;
        auto add = [&](const std::string& name, std::string_view path, const char* type) {
            for (const auto& f : platform::web_files())
                if (f.path == path) m[name] = Asset{type, std::string(f.data), gzip(f.data)};
        };
        add("pico.min.css", "node_modules/@picocss/pico/css/pico.min.css", "text/css; charset=utf-8");
        add("htmx.min.js", "node_modules/htmx.org/dist/htmx.min.js", "text/javascript; charset=utf-8");
        add("app.css", "static/app.css", "text/css; charset=utf-8");
        return m;
    }();
    return all;
}

} // namespace

struct WebApp::Impl {
    RepositoryFactory factory;
    WebOptions opt;

    std::int64_t now() const {
        if (opt.now) return opt.now();
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    // Each worker thread keeps its own connection.
    app::Repository& repo() {
        thread_local std::map<const Impl*, std::unique_ptr<app::Repository>> per_thread;
        auto& r = per_thread[this];
        if (!r) {
            auto made = factory();
            if (!made) throw std::runtime_error(made.error().message);
            r = std::move(*made);
        }
        return *r;
    }

    std::string cookie(const std::string& name, const std::string& value, std::int64_t max_age) const {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
               (opt.secure_cookies ? "; Secure" : "");
    }

    Response page(const std::string& title, const std::string& content, const app::Actor* actor, int status = 200,
                  const std::string& flash = {}) {
        Data d;
        d.set("title", title);
        d.set("content", content);
        if (!flash.empty()) d.set("flash", flash);
        if (actor) {
            d.set("user", actor->login);
            d.set("role_label", std::string(app::role_label(actor->role)));
            d.set("csrf", actor->csrf_token);
            if (!actor->office_name.empty()) d.set("office_name", actor->office_name);
            if (actor->role == app::Role::admin || actor->role == app::Role::reviewer) d.set("overview", true);
        }
        return Response{status, "text/html; charset=utf-8", {}, render("layout", d, opt.dev_assets)};
    }

    Response error_page(int status, const std::string& heading, const std::string& message, const app::Actor* actor) {
        Data d;
        d.set("heading", heading);
        d.set("message", message);
        return page(heading, render("error", d, opt.dev_assets), actor, status);
    }

    Response error_page(const Error& e, const app::Actor* actor) {
        const int status = status_of(e);
        const char* heading = status == 404   ? "Tidak ditemukan"
                              : status == 403 ? "Tidak diizinkan"
                              : status == 409 ? "Konflik"
                                              : "Tidak dapat diproses";
        return error_page(status, heading, e.message, actor);
    }

    // The caller: a bearer token (API clients) or the session cookie (browsers).
    Result<app::Actor> authenticate(const Request& r, bool& by_cookie) {
        std::string token;
        const std::string auth = r.header("authorization");
        if (auth.rfind("Bearer ", 0) == 0) {
            token = auth.substr(7);
            by_cookie = false;
        } else {
            token = r.cookie(session_cookie);
            by_cookie = true;
        }
        return app::resolve_session(repo(), opt.auth, token, now());
    }

    // Every state-changing form carries the session's CSRF token (or htmx sends it as a header).
    bool csrf_ok(const Request& r, const app::Actor& a, bool by_cookie) {
        if (!by_cookie) return true; // a bearer token is not sent by the browser on its own
        std::string given = r.header("x-csrf-token");
        if (given.empty()) {
            const auto f = r.form();
            if (auto it = f.find("csrf"); it != f.end()) given = it->second;
        }
        return !given.empty() && platform::constant_time_equal(given, a.csrf_token);
    }

    Response handle(const Request& r);
    Response static_file(const Request& r, const std::string& name);
    Response login_form(const Request& r, const std::string& error, const std::string& login, int status);
    Response login_submit(const Request& r);
    Response api_login(const Request& r);
    Response api_measurement(const Request& r, const app::Actor& a, const std::string& code);
    Response dashboard(const Request& r, const app::Actor& a, const std::string& code);
    Response overview(const Request& r, const app::Actor& a);
    Response password_form(const app::Actor& a, const std::string& current_error, const std::string& next_error,
                           bool done, int status);
};

Response WebApp::Impl::static_file(const Request& r, const std::string& name) {
    if (!opt.dev_assets.empty() && name == "app.css") {
        std::ifstream in(opt.dev_assets + "/static/app.css");
        std::stringstream ss;
        ss << in.rdbuf();
        if (in) return text(200, ss.str(), "text/css; charset=utf-8");
    }
    const auto& all = assets();
    auto it = all.find(name);
    if (it == all.end()) return text(404, "Tidak ditemukan\n");
    Response out{200, it->second.type, {}, {}};
    if (accepts_gzip(r)) {
        out.body = it->second.gzipped;
        out.body_is_gzip = true;
    } else {
        out.body = it->second.body;
    }
    out.header("Cache-Control", "public, max-age=86400");
    out.header("Vary", "Accept-Encoding");
    return out;
}

Response WebApp::Impl::login_form(const Request& r, const std::string& error, const std::string& login, int status) {
    // Before a session exists, the form's CSRF token is a random value in a cookie and a hidden field.
    std::string token = r.cookie(login_csrf_cookie);
    if (token.empty()) token = platform::random_token();
    Data d;
    d.set("login_csrf", token);
    if (!error.empty()) d.set("error", error);
    d.set("login", login);
    Response resp = page("Masuk", render("login", d, opt.dev_assets), nullptr, status);
    resp.header("Set-Cookie", cookie(login_csrf_cookie, token, 3600));
    return resp;
}

Response WebApp::Impl::login_submit(const Request& r) {
    const auto f = r.form();
    auto field = [&](const char* k) {
        auto it = f.find(k);
        return it == f.end() ? std::string() : it->second;
    };
    const std::string cookie_token = r.cookie(login_csrf_cookie);
    if (cookie_token.empty() || !platform::constant_time_equal(cookie_token, field("csrf")))
        return login_form(r, "Formulir kedaluwarsa; silakan coba lagi", field("login"), 403);
    auto result = app::login(repo(), opt.auth, field("login"), field("password"), "browser", now());
    if (!result) return login_form(r, result.error().message, field("login"), status_of(result.error()));
    Response resp = redirect("/");
    resp.header("Set-Cookie", cookie(session_cookie, result->token, opt.auth.absolute_seconds));
    resp.header("Set-Cookie", cookie(login_csrf_cookie, "", 0));
    return resp;
}

Response WebApp::Impl::api_login(const Request& r) {
    boost::system::error_code ec;
    bj::parse_options po;
    po.max_depth = 8;
    const bj::value v = r.body.size() < 4096 ? bj::parse(r.body, ec, {}, po) : bj::value();
    if (ec || !v.is_object()) return json_error(400, "Isi permintaan harus JSON {\"login\": ..., \"password\": ...}");
    const auto& o = v.as_object();
    const auto* l = o.if_contains("login");
    const auto* p = o.if_contains("password");
    if (!l || !p || !l->is_string() || !p->is_string())
        return json_error(400, "Kolom 'login' dan 'password' wajib berupa teks");
    auto result = app::login(repo(), opt.auth, std::string(l->as_string()), std::string(p->as_string()), "api", now());
    if (!result) {
        Response e = json_error(status_of(result.error()), result.error().message);
        if (result.error().code == ErrorCode::too_many) e.header("Retry-After", result.error().where);
        return e;
    }
    bj::object out;
    out["token"] = result->token;
    return json_response(200, out);
}

Response WebApp::Impl::api_measurement(const Request& r, const app::Actor& a, const std::string& code) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return json_error(404, "Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda");
    const auto q = r.query_params();
    auto year_it = q.find("year");
    int year = 0;
    if (year_it == q.end() || year_it->second.size() != 4 ||
        year_it->second.find_first_not_of("0123456789") != std::string::npos)
        return json_error(400, "Parameter 'year' wajib berupa tahun, mis. ?year=2024");
    year = std::stoi(year_it->second);
    const std::string rounding_name = q.count("rounding") ? q.at("rounding") : "half-up";
    if (rounding_name != "half-up" && rounding_name != "truncate")
        return json_error(400, "Parameter 'rounding' harus half-up atau truncate");
    auto data = repo().load_office_year(**office, year);
    if (!data) throw std::runtime_error(data.error().message);
    const Measurement m = measure(*data);
    return text(200,
                json::measurement_to_json(*data, m,
                                          rounding_name == "truncate" ? Rounding::truncate : Rounding::half_up,
                                          check_office_year(*data)),
                "application/json");
}

Response WebApp::Impl::dashboard(const Request& r, const app::Actor& a, const std::string& code) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda",
                          &a);
    auto years = repo().office_years((*office)->id);
    if (!years) throw std::runtime_error(years.error().message);
    const auto q = r.query_params();
    int year = years->empty() ? 2024 : years->front();
    if (auto it = q.find("tahun"); it != q.end()) {
        if (it->second.size() != 4 || it->second.find_first_not_of("0123456789") != std::string::npos)
            return error_page(422, "Tahun tidak sah",
                              "Tahun '" + it->second + "' tidak sah; gunakan empat angka, mis. 2024", &a);
        year = std::stoi(it->second);
    }
    auto data = repo().load_office_year(**office, year);
    if (!data) throw std::runtime_error(data.error().message);
    const Measurement m = measure(*data);
    const auto findings = check_office_year(*data);

    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", (*office)->code);
    d.set("year", std::to_string(year));
    d.set("scale_name", m.scale->name);
    list year_list;
    for (int y : *years) {
        Data yd;
        yd.set("value", std::to_string(y));
        if (y == year) yd.set("selected", true);
        year_list.push_back(yd);
    }
    d.set("years", year_list);
    d.set("office_achievement", pct(m.rollup.value));
    d.set("office_method", describe_rollup(m.rollup, "sasaran"));
    if (!m.band.empty()) d.set("office_band", m.band);
    d.set("office_band_class", band_class(m.band));
    d.set("absorption", m.absorption ? pct(m.absorption) + "%" : std::string("–"));
    d.set("budget_actual", format_rupiah(m.budget.actual));
    d.set("budget_ceiling", format_rupiah(m.budget.ceiling));
    int errors = 0, warnings = 0;
    for (const auto& f : findings) {
        if (f.severity == Severity::error)
            ++errors;
        else if (f.severity == Severity::warning)
            ++warnings;
    }
    d.set("finding_errors", std::to_string(errors));
    d.set("finding_warnings", std::to_string(warnings));
    list objectives;
    for (const auto& mo : m.objectives) {
        Data od;
        od.set("number", mo.objective->number);
        od.set("name", mo.objective->name);
        od.set("achievement", pct(mo.rollup.value));
        od.set("method", describe_rollup(mo.rollup, "indikator"));
        if (!mo.band.empty()) {
            od.set("band", mo.band);
            od.set("band_class", band_class(mo.band));
        }
        if (mo.budget) {
            Data bd;
            bd.set("ceiling", format_rupiah(mo.budget->ceiling));
            bd.set("actual", format_rupiah(mo.budget->actual));
            bd.set("absorption", pct(mo.absorption) + "%");
            od.set("budget", bd);
        }
        list inds;
        for (const auto& mi : mo.indicators) {
            Data id;
            id.set("name", mi.indicator->statement);
            id.set("target", mi.indicator->target_text.empty() ? std::string("–") : mi.indicator->target_text);
            id.set("actual", mi.actual_text.empty() ? std::string("–") : mi.actual_text);
            if (mi.achievement.percent) id.set("achievement", pct(mi.achievement.percent));
            id.set("reason", mi.achievement.reason);
            if (!mi.band.empty()) {
                id.set("band", mi.band);
                id.set("band_class", band_class(mi.band));
            }
            // A small line of the monthly entries; an office's year at a glance.
            std::string trend;
            std::vector<std::pair<int, double>> points;
            for (const auto& e : mi.indicator->actuals)
                if (e.value)
                    points.emplace_back(e.month,
                                        static_cast<double>(e.value->mantissa()) / std::pow(10.0, e.value->scale()));
            if (points.size() >= 2) {
                double lo = points[0].second, hi = points[0].second;
                for (const auto& [mth, v] : points) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
                std::ostringstream svg;
                svg << "<svg class=\"trend\" viewBox=\"0 0 110 24\" role=\"img\" aria-label=\"Tren bulanan\"><polyline "
                       "points=\"";
                for (const auto& [mth, v] : points)
                    svg << (mth - 1) * 10 << "," << (hi == lo ? 12.0 : 22.0 - (v - lo) / (hi - lo) * 20.0) << " ";
                svg << "\"/></svg>";
                trend = svg.str();
            } else if (points.size() == 1) {
                trend = "<small>B" + std::to_string(points[0].first) + "</small>";
            }
            id.set("trend", trend);
            inds.push_back(id);
        }
        od.set("indicators", inds);
        objectives.push_back(od);
    }
    d.set("objectives", objectives);
    d.set("scale_citation", m.scale->citation);
    d.set("scale_note", m.scale->note);
    list scale_lines;
    for (const auto& l : m.scale->describe())
        scale_lines.push_back(Data(l));
    d.set("scale_lines", scale_lines);
    list fl;
    for (const auto& f : findings) {
        if (f.severity == Severity::info) continue;
        Data fd;
        fd.set("severity", std::string(severity_code(f.severity)));
        fd.set("severity_label", f.severity == Severity::error ? "Galat" : "Peringatan");
        fd.set("message", f.message);
        fd.set("where", f.where);
        fl.push_back(fd);
    }
    if (!fl.empty()) d.set("has_findings", true);
    d.set("findings", fl);
    return page((*office)->name + " " + std::to_string(year), render("dashboard", d, opt.dev_assets), &a);
}

Response WebApp::Impl::overview(const Request& r, const app::Actor& a) {
    if (a.role != app::Role::admin && a.role != app::Role::reviewer)
        return error_page(403, "Tidak diizinkan", "Ikhtisar satker hanya untuk peninjau provinsi dan administrator",
                          &a);
    const auto q = r.query_params();
    int year = 2024, month = 12;
    if (auto it = q.find("tahun"); it != q.end()) {
        if (it->second.size() != 4 || it->second.find_first_not_of("0123456789") != std::string::npos)
            return error_page(422, "Tahun tidak sah", "Tahun '" + it->second + "' tidak sah", &a);
        year = std::stoi(it->second);
    }
    if (auto it = q.find("bulan"); it != q.end()) {
        if (it->second.empty() || it->second.size() > 2 ||
            it->second.find_first_not_of("0123456789") != std::string::npos || std::stoi(it->second) < 1 ||
            std::stoi(it->second) > 12)
            return error_page(422, "Bulan tidak sah", "Bulan '" + it->second + "' tidak sah (1–12)", &a);
        month = std::stoi(it->second);
    }
    auto rolled = app::roll_up_offices(repo(), year);
    if (!rolled) throw std::runtime_error(rolled.error().message);
    std::map<std::int64_t, const TreeScore*> by_id;
    for (const auto& t : rolled->scores)
        by_id[t.office->id] = &t;
    list rows;
    std::function<void(const OfficeNode&, int)> walk = [&](const OfficeNode& n, int depth) {
        OfficeInfo info{n.id, n.code, n.name, n.level, "", n.parent_id};
        if (app::can_view(a, info)) {
            const TreeScore& t = *by_id.at(n.id);
            Data row;
            row.set("code", n.code);
            row.set("name", n.name);
            row.set("year", std::to_string(year));
            row.set("indent", std::to_string(depth));
            row.set("achievement", pct(t.achievement.value));
            if (t.achievement.value) {
                const std::string band = lan_scale().label_of(*t.achievement.value);
                row.set("band", band);
                row.set("band_class", band_class(band));
            }
            row.set("absorption", t.absorption ? pct(t.absorption) + "%" : std::string("–"));
            row.set("ceiling", format_rupiah(t.budget.ceiling));
            row.set("reported", t.own && (t.own->months_reported & (1 << (month - 1))) != 0);
            rows.push_back(row);
        }
        for (const auto& c : rolled->nodes)
            if (c.parent_id == n.id) walk(c, app::can_view(a, info) ? depth + 1 : depth);
    };
    for (const auto& n : rolled->nodes)
        if (!n.parent_id) walk(n, 0);
    Data d;
    d.set("year", std::to_string(year));
    d.set("month_name", indonesian_month_name(month));
    d.set("offices", rows);
    return page("Ikhtisar satker", render("overview", d, opt.dev_assets), &a);
}

Response WebApp::Impl::password_form(const app::Actor& a, const std::string& current_error,
                                     const std::string& next_error, bool done, int status) {
    Data d;
    d.set("csrf", a.csrf_token);
    if (!current_error.empty()) d.set("current_error", current_error);
    if (!next_error.empty()) d.set("next_error", next_error);
    if (done) d.set("done", true);
    return page("Ganti kata sandi", render("password", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::handle(const Request& r) {
    const std::string& p = r.path;
    const bool get = r.method == "GET" || r.method == "HEAD";
    const bool post = r.method == "POST";

    if (p == "/healthz" && get) {
        auto ok = repo().find_office("");
        return ok ? text(200, "ok\n") : text(503, "database tidak menjawab\n");
    }
    if (p.rfind("/static/", 0) == 0 && get) return static_file(r, p.substr(8));
    if (p == "/api/v1/login" && post) return api_login(r);
    if (p == "/masuk" && get) return login_form(r, {}, {}, 200);
    if (p == "/masuk" && post) return login_submit(r);

    const bool api = p.rfind("/api/", 0) == 0;
    bool by_cookie = true;
    auto actor = authenticate(r, by_cookie);
    if (!actor) {
        if (api) return json_error(401, actor.error().message);
        if (get) return redirect("/masuk");
        return error_page(401, "Sesi berakhir", actor.error().message, nullptr);
    }
    const app::Actor& a = *actor;
    if (post && !csrf_ok(r, a, by_cookie)) {
        if (api) return json_error(403, "Token CSRF tidak ada atau salah");
        return error_page(403, "Tidak diizinkan",
                          "Formulir tanpa token keamanan (CSRF) yang sah; muat ulang halaman lalu coba lagi", &a);
    }

    if (api) {
        const std::string prefix = "/api/v1/offices/";
        if (get && p.rfind(prefix, 0) == 0 && p.size() > prefix.size() + 12 && p.ends_with("/measurement"))
            return api_measurement(r, a, p.substr(prefix.size(), p.size() - prefix.size() - 12));
        return json_error(404, "Alamat API tidak dikenal");
    }
    if (p == "/" && get) {
        if (a.role == app::Role::admin || a.role == app::Role::reviewer) return redirect("/ikhtisar");
        return redirect("/kantor/" + a.office_code);
    }
    if (p == "/keluar" && post) {
        (void)app::logout(repo(), a);
        Response resp = redirect("/masuk");
        resp.header("Set-Cookie", cookie(session_cookie, "", 0));
        return resp;
    }
    if (p == "/akun/sandi" && get) return password_form(a, {}, {}, false, 200);
    if (p == "/akun/sandi" && post) {
        const auto f = r.form();
        auto field = [&](const char* k) { return f.count(k) ? f.at(k) : std::string(); };
        auto changed = app::change_password(repo(), a, field("current"), field("next"));
        if (!changed) {
            const bool current = changed.error().where == "current";
            return password_form(a, current ? changed.error().message : "", current ? "" : changed.error().message,
                                 false, status_of(changed.error()));
        }
        return password_form(a, {}, {}, true, 200);
    }
    if (p == "/ikhtisar" && get) return overview(r, a);
    if (p.rfind("/kantor/", 0) == 0 && get) {
        const std::string code = p.substr(8);
        if (code.find('/') == std::string::npos) return dashboard(r, a, code);
    }
    return error_page(404, "Tidak ditemukan", "Halaman '" + p + "' tidak ada", &a);
}

WebApp::WebApp(RepositoryFactory factory, WebOptions options) : m_impl(std::make_unique<Impl>()) {
    m_impl->factory = std::move(factory);
    m_impl->opt = std::move(options);
}

WebApp::~WebApp() = default;

http::Response WebApp::handle(const http::Request& request) {
    Response r;
    try {
        r = m_impl->handle(request);
    } catch (const std::exception& e) {
        const std::string id = platform::random_token().substr(0, 10);
        std::fprintf(stderr, "kinerja: 500 [%s] %s %s: %s\n", id.c_str(), request.method.c_str(), request.path.c_str(),
                     e.what());
        r = text(500, "Terjadi kesalahan pada server (kode " + id + ")\n");
    }
    // Escaping by default in the templates; these headers close the rest.
    r.header("X-Content-Type-Options", "nosniff");
    r.header("X-Frame-Options", "DENY");
    r.header("Referrer-Policy", "same-origin");
    r.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
    if (r.content_type.rfind("text/html", 0) == 0) r.header("Cache-Control", "no-store");
    // Pages and JSON are compressed for slow connections.
    if (!r.body_is_gzip && r.body.size() > 1024 && accepts_gzip(request)) {
        r.body = gzip(r.body);
        r.body_is_gzip = true;
        r.header("Vary", "Accept-Encoding");
    }
    if (request.method == "HEAD") r.body.clear();
    return r;
}

} // namespace kinerja::web
