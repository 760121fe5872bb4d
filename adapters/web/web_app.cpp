#include "adapters/web/web_app.h"

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>
#include <zlib.h>

#include "adapters/files/evidence_folder.h"
#include "adapters/files/media_type.h"
#include "adapters/http/multipart.h"
#include "adapters/json/measurement_json.h"
#include "adapters/report/renderers.h"
#include "adapters/web/compress.h"
#include "adapters/web/errors.h"
#include "adapters/web/import_pages.h"
#include "adapters/web/request_checks.h"
#include "adapters/web/templates.h"
#include "app/evidence.h"
#include "app/monthly_work.h"
#include "app/office_rollup.h"
#include "app/planning.h"
#include "app/reports.h"
#include "core/checks.h"
#include "core/measurement.h"
#include "platform/embedded.h"
#include "platform/tokens.h"
#include <filesystem>

namespace kinerja::web {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;
using kainjow::mustache::list;
using kainjow::mustache::object;

constexpr const char* session_cookie = "kinerja_sesi";
constexpr const char* login_csrf_cookie = "kinerja_masuk";

// Mustache treats an empty string as present: optional fields are set only when they have a value.
void set_if(Data& d, const std::string& key, const std::string& value) {
    if (!value.empty()) d.set(key, value);
}

std::string pct(const std::optional<Ratio>& r) {
    return r ? r->round(2).indonesian(2) : std::string("–");
}

std::string band_class(const std::string& label) {
    std::string out;
    for (char c : label)
        out.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
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

// A whole number from a form or query field, within limits; nullopt when absent or malformed.
std::optional<int> int_field(const std::map<std::string, std::string>& m, const char* key, int lo, int hi) {
    auto it = m.find(key);
    if (it == m.end() || it->second.empty() || it->second.size() > 9 ||
        it->second.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int v = std::stoi(it->second);
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

// The options of a year picker: the office's years, and the shown year when it has no data yet.
list year_options(const std::vector<int>& years, int year) {
    list out;
    bool listed = false;
    for (int y : years) {
        Data yd;
        yd.set("value", std::to_string(y));
        if (y == year) {
            yd.set("selected", true);
            listed = true;
        }
        out.push_back(yd);
    }
    if (!listed) {
        Data yd;
        yd.set("value", std::to_string(year));
        yd.set("selected", true);
        out.push_back(yd);
    }
    return out;
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
                if (f.path == path) m[name] = Asset{type, std::string(f.data), gzip(f.data, 9)};
        };
        add("pico.min.css", "node_modules/@picocss/pico/css/pico.min.css", "text/css; charset=utf-8");
        add("htmx.min.js", "node_modules/htmx.org/dist/htmx.min.js", "text/javascript; charset=utf-8");
        add("app.css", "static/app.css", "text/css; charset=utf-8");
        add("openapi.json", "static/openapi.json", "application/json");
        return m;
    }();
    return all;
}

} // namespace

struct WebApp::Impl {
    RepositoryFactory factory;
    WebOptions opt;
    std::unique_ptr<files::EvidenceFolder> evidence_files;

    // Rendered dashboards, valid while the data generation they were made at is current. Shared by the
    // workers; every server of a deployment checks the same counter in the database.
    struct CachedPage {
        std::int64_t generation = -1;
        std::string html, title;
        DeflatePiece html_z; // compressed once, spliced into every response
    };
    std::mutex cache_mutex;
    std::unordered_map<std::string, CachedPage> page_cache;

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
               (opt.behind_tls ? "; Secure" : "");
    }

    // The layout around a page: the part before the content names the user (and is compressed per
    // request); the part after it is the same for everyone (compressed once).
    Response page(const std::string& title, const std::string& content, const app::Actor* actor, int status = 200,
                  const std::string& flash = {}, const DeflatePiece* content_z = nullptr) {
        static const std::string marker = "\x01kinerja-content\x01";
        Data d;
        d.set("title", title);
        d.set("content", marker);
        if (!flash.empty()) d.set("flash", flash);
        if (actor) {
            d.set("user", actor->login);
            d.set("role_label", std::string(app::role_label(actor->role)));
            d.set("csrf", actor->csrf_token);
            if (!actor->office_name.empty()) d.set("office_name", actor->office_name);
            if (actor->role == app::Role::admin || actor->role == app::Role::reviewer) d.set("overview", true);
        }
        const std::string whole = render("layout", d, opt.dev_assets);
        const auto at = whole.find(marker);
        const std::string head = whole.substr(0, at), tail = whole.substr(at + marker.size());
        Response r{status, "text/html; charset=utf-8", {}, {}};
        if (!t_accepts_gzip) {
            r.body = head + content + tail;
            return r;
        }
        const DeflatePiece head_z = deflate_piece(head, false, 6);
        const DeflatePiece fresh_z = content_z ? DeflatePiece{} : deflate_piece(content, false, 6);
        thread_local std::string tail_source;
        thread_local DeflatePiece tail_z;
        if (tail_source != tail) {
            tail_source = tail;
            tail_z = deflate_piece(tail, true, 9);
        }
        r.body = gzip_from({&head_z, content_z ? content_z : &fresh_z, &tail_z});
        r.body_is_gzip = true;
        r.header("Vary", "Accept-Encoding");
        return r;
    }
    static thread_local bool t_accepts_gzip;

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
        return error_page(status, heading, shown_message(e), actor);
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
    // `parts`: the multipart body, parsed once by the caller for this check and the page.
    bool csrf_ok(const Request& r, const app::Actor& a, bool by_cookie,
                 const std::optional<std::vector<http::Part>>& parts) {
        if (!by_cookie) return true; // a bearer token is not sent by the browser on its own
        std::string given = r.header("x-csrf-token");
        if (given.empty() && is_multipart(r)) {
            if (parts)
                for (const auto& part : *parts)
                    if (part.name == "csrf") given = std::string(part.data);
        } else if (given.empty()) {
            const auto f = r.form();
            if (auto it = f.find("csrf"); it != f.end()) given = it->second;
        }
        return !given.empty() && platform::constant_time_equal(given, a.csrf_token);
    }

    Response handle(const Request& r);
    // GET pages read the query; a re-rendered POST page reads the form.
    static std::map<std::string, std::string> post_or_query(const Request& r) {
        return r.method == "POST" && r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0
                   ? r.form()
                   : r.query_params();
    }
    Response static_file(const Request& r, const std::string& name);
    Response login_form(const Request& r, const std::string& error, const std::string& login, int status);
    Response login_submit(const Request& r);
    Response api_login(const Request& r);
    Response api_measurement(const Request& r, const app::Actor& a, const std::string& code);
    Response dashboard(const Request& r, const app::Actor& a, const std::string& code);
    Response overview(const Request& r, const app::Actor& a);
    Response monthly_page(const Request& r, const app::Actor& a, const std::string& code, int status = 200,
                          const std::map<std::int64_t, std::pair<std::string, std::string>>& typed = {},
                          const std::map<std::int64_t, std::string>& problems = {}, const std::string& error = {},
                          const std::string& saved = {}, const std::string& correction = {}, int year_override = 0,
                          int month_override = 0);
    Response monthly_save(const Request& r, const app::Actor& a, const std::string& code);
    Response month_status(const Request& r, const app::Actor& a, const std::string& code);
    Response evidence_upload(const Request& r, const app::Actor& a, const std::string& code,
                             const std::optional<std::vector<http::Part>>& parts);
    Response evidence_download(const app::Actor& a, const std::string& id);
    Response audit_page(const Request& r, const app::Actor& a, const std::string& code);
    Response planning_page(const Request& r, const app::Actor& a, const std::string& code, int status = 200,
                           const std::string& error = {}, const std::string& saved = {},
                           const std::map<std::string, std::string>& typed = {},
                           const std::map<std::string, std::string>& target_problems = {});
    Response revise_pk(const Request& r, const app::Actor& a, const std::string& code, const std::string& id);
    Response save_targets(const Request& r, const app::Actor& a, const std::string& code);
    Response save_action_months(const Request& r, const app::Actor& a, const std::string& code);
    Response budget_page(const Request& r, const app::Actor& a, const std::string& code, int status = 200,
                         const std::map<std::string, std::string>& typed = {},
                         const std::map<std::int64_t, std::string>& problems = {}, const std::string& error = {},
                         const std::string& saved = {});
    Response budget_save(const Request& r, const app::Actor& a, const std::string& code);
    Response obstacles_page(const Request& r, const app::Actor& a, const std::string& code, int status = 200,
                            const std::map<std::string, std::string>& typed = {},
                            const std::map<std::string, std::string>& problems = {}, const std::string& error = {});
    Response obstacle_add(const Request& r, const app::Actor& a, const std::string& code);
    Response reports_page(const Request& r, const app::Actor& a, const std::string& code);
    Response report_download(const Request& r, const app::Actor& a, const std::string& code, const std::string& file);
    Response narratives_page(const Request& r, const app::Actor& a, const std::string& code, int status = 200,
                             const std::map<std::string, std::string>& typed = {},
                             const std::map<std::string, std::string>& problems = {}, const std::string& error = {},
                             const std::string& saved = {});
    Response narratives_save(const Request& r, const app::Actor& a, const std::string& code);
    static bool is_multipart(const Request& r) { return r.header("content-type").rfind("multipart/form-data", 0) == 0; }
    // Users with an import running on this server: one at a time each, so no one fills the import lane.
    std::mutex importing_mutex;
    std::set<std::int64_t> importing;
    Response import_pages(const Request& r, const app::Actor& a, const std::string& code,
                          const std::optional<std::vector<http::Part>>& parts) {
        if (r.method == "POST") {
            std::lock_guard lock(importing_mutex);
            if (!importing.insert(a.user_id).second)
                return error_page(429, "Impor lain masih berjalan",
                                  "Impor Anda yang sebelumnya masih dibaca; tunggu sampai selesai, lalu coba lagi. "
                                  "Tidak ada yang disimpan dari permintaan ini",
                                  &a);
        }
        struct Release {
            Impl& impl;
            std::int64_t user;
            bool active;
            ~Release() {
                if (!active) return;
                std::lock_guard lock(impl.importing_mutex);
                impl.importing.erase(user);
            }
        } release{*this, a.user_id, r.method == "POST"};
        auto v = import_step(repo(), a, code, r, parts,
                             {opt.dev_assets, now(), opt.max_import_bytes, opt.import_pdf_seconds, opt.scratch_store});
        return v.redirect.empty() ? page(v.title, v.html, &a, v.status) : redirect(v.redirect);
    }
    static list month_options(int month) {
        list months;
        for (int m = 1; m <= 12; ++m) {
            Data md;
            md.set("value", std::to_string(m));
            md.set("label", indonesian_month_name(m));
            if (m == month) md.set("selected", true);
            months.push_back(md);
        }
        return months;
    }
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
    if (!result) {
        // The name typed is given back to correct, unless it was too long to be anyone's.
        const std::string typed = field("login").size() <= app::k_max_login_bytes ? field("login") : std::string();
        return login_form(r, shown_message(result.error()), typed, status_of(result.error()));
    }
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
        Response e = json_error(status_of(result.error()), shown_message(result.error()));
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
    // The same table for everyone who may see it: cached until the data changes.
    auto generation = repo().data_generation();
    if (!generation) throw std::runtime_error(generation.error().message);
    const std::string key = "api|" + code + "|" + std::to_string(year) + "|" + rounding_name;
    {
        std::lock_guard lock(cache_mutex);
        auto hit = page_cache.find(key);
        if (hit != page_cache.end() && hit->second.generation == *generation)
            return text(200, hit->second.html, "application/json");
    }
    auto data = repo().load_office_year(**office, year);
    if (!data) throw std::runtime_error(data.error().message);
    const Measurement m = measure(*data);
    std::string body = json::measurement_to_json(
        *data, m, rounding_name == "truncate" ? Rounding::truncate : Rounding::half_up, check_office_year(*data));
    {
        std::lock_guard lock(cache_mutex);
        if (page_cache.size() > 5000) page_cache.clear();
        page_cache[key] = CachedPage{*generation, body, {}, {}};
    }
    return text(200, std::move(body), "application/json");
}

Response WebApp::Impl::dashboard(const Request& r, const app::Actor& a, const std::string& code) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda",
                          &a);
    // The page depends on the office, the year asked for and what the role may do; nothing else of the actor.
    auto generation = repo().data_generation();
    if (!generation) throw std::runtime_error(generation.error().message);
    const bool may_record = a.role != app::Role::viewer && a.role != app::Role::reviewer;
    const bool may_audit = a.role != app::Role::viewer && a.role != app::Role::operator_;
    const bool may_import = app::can_plan(a, **office); // the import page's own rule
    // Keyed on what the page depends on: the year asked for (validated first, so made-up parameters and
    // years cannot fill the cache) and the role's rights; nothing else of the address.
    const auto q = r.query_params();
    std::string asked_year = "-";
    if (auto it = q.find("tahun"); it != q.end()) {
        const auto y = int_field(q, "tahun", 2000, 2100);
        if (!y)
            return error_page(
                422, "Tahun tidak sah",
                "Tahun '" + it->second + "' tidak sah; gunakan empat angka antara 2000 dan 2100, mis. 2024", &a);
        asked_year = std::to_string(*y);
    }
    const std::string key =
        code + "|" + asked_year + "|" + (may_record ? "r" : "-") + (may_audit ? "a" : "-") + (may_import ? "i" : "-");
    {
        std::lock_guard lock(cache_mutex);
        auto hit = page_cache.find(key);
        if (hit != page_cache.end() && hit->second.generation == *generation)
            return page(hit->second.title, hit->second.html, &a, 200, import_done_message(r.query_params()),
                        &hit->second.html_z);
    }
    auto years = repo().office_years((*office)->id);
    if (!years) throw std::runtime_error(years.error().message);
    const int year = asked_year != "-" ? std::stoi(asked_year) : years->empty() ? 2024 : years->front();
    auto data = repo().load_office_year(**office, year);
    if (!data) throw std::runtime_error(data.error().message);
    const Measurement m = measure(*data);
    const auto findings = check_office_year(*data);

    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", (*office)->code);
    d.set("year", std::to_string(year));
    d.set("scale_name", m.scale->label);
    d.set("years", year_options(*years, year));
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
    if (may_record) d.set("can_record", true);
    if (may_audit) d.set("can_audit", true);
    if (may_import) d.set("can_import", true);
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
    CachedPage made{
        *generation, render("dashboard", d, opt.dev_assets), (*office)->name + " " + std::to_string(year), {}};
    made.html_z = deflate_piece(made.html, false, 9);
    {
        std::lock_guard lock(cache_mutex);
        if (page_cache.size() > 5000) page_cache.clear(); // bounded: offices × years × roles
        page_cache[key] = made;
    }
    return page(made.title, made.html, &a, 200, import_done_message(r.query_params()), &made.html_z);
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

namespace {

std::string now_iso(std::int64_t now) {
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// "2025-01-16T00:00:00Z" -> "16 Januari 2025 pukul 00.00 UTC"; other text as it is.
std::string readable_time(const std::string& iso) {
    auto date = parse_iso_date(iso.substr(0, 10));
    if (!date || iso.size() < 16) return iso;
    return date->indonesian() + " pukul " + iso.substr(11, 2) + "." + iso.substr(14, 2) + " UTC";
}

// The confirmation a page shows after a redirect: "<n> <what>" for ?tersimpan=<n>. Only a count the
// server itself put in the address is shown; any other text there shows nothing.
std::string saved_message(const Request& r, const std::string& what) {
    const auto count = int_field(r.query_params(), "tersimpan", 0, 1000000);
    return count ? std::to_string(*count) + " " + what : std::string();
}

// The year a page shows: ?tahun= when given, else the office's newest year with data.
int page_year(app::Repository& repo, const OfficeInfo& office, const std::map<std::string, std::string>& q) {
    if (auto y = int_field(q, "tahun", 2000, 2100)) return *y;
    auto years = repo.office_years(office.id);
    if (!years) throw std::runtime_error(years.error().message);
    return years->empty() ? 2024 : years->front();
}

// The form's fields "<prefix><id>" with the version each was based on ("versi_<id>", 0 when absent).
// nullopt when an id or a version is not a whole number: the form was tampered with or cut.
struct VersionedField {
    std::int64_t id = 0;
    std::string id_text, value;
    std::int64_t version = 0;
};
std::optional<std::vector<VersionedField>> versioned_fields(const std::map<std::string, std::string>& f,
                                                            const std::string& prefix) {
    auto whole = [](const std::string& t) {
        return !t.empty() && t.size() <= 15 && t.find_first_not_of("0123456789") == std::string::npos;
    };
    std::vector<VersionedField> out;
    for (const auto& [key, value] : f) {
        if (key.rfind(prefix, 0) != 0) continue;
        const std::string id = key.substr(prefix.size());
        const auto v = f.find("versi_" + id);
        const std::string version = v == f.end() ? std::string("0") : v->second;
        if (!whole(id) || !whole(version)) return std::nullopt;
        out.push_back({std::stoll(id), id, value, std::stoll(version)});
    }
    return out;
}

} // namespace

Response WebApp::Impl::monthly_page(const Request& r, const app::Actor& a, const std::string& code, int status,
                                    const std::map<std::int64_t, std::pair<std::string, std::string>>& typed,
                                    const std::map<std::int64_t, std::string>& problems, const std::string& error,
                                    const std::string& saved, const std::string& correction, int year_override,
                                    int month_override) {
    const auto q = post_or_query(r);
    const int year = year_override ? year_override : int_field(q, "tahun", 2000, 2100).value_or(2024);
    const int month = month_override ? month_override : int_field(q, "bulan", 1, 12).value_or(12);
    auto sheet = app::month_sheet(repo(), a, code, year, month);
    if (!sheet) return error_page(sheet.error(), &a);
    Data d;
    d.set("office_name", sheet->office.name);
    d.set("office_code", sheet->office.code);
    d.set("year", std::to_string(year));
    d.set("month", std::to_string(month));
    d.set("month_name", indonesian_month_name(month));
    d.set("csrf", a.csrf_token);
    if (sheet->locked) d.set("locked", true);
    if (!error.empty()) d.set("error", error);
    if (!saved.empty()) d.set("saved_message", saved);
    d.set("correction", correction);
    list months;
    for (int m = 1; m <= 12; ++m) {
        Data md;
        md.set("value", std::to_string(m));
        md.set("label", indonesian_month_name(m));
        if (m == month) md.set("selected", true);
        months.push_back(md);
    }
    d.set("months", months);
    bool any_editable = false;
    list rows;
    for (const auto& row : sheet->rows) {
        Data rd;
        rd.set("id", std::to_string(row.indicator_id));
        rd.set("statement", row.statement);
        rd.set("objective", row.objective);
        set_if(rd, "owner", row.owner_unit);
        rd.set("target", row.target_text);
        set_if(rd, "unit", row.unit);
        rd.set("version", std::to_string(row.version));
        auto t = typed.find(row.indicator_id);
        rd.set("value", t != typed.end() ? t->second.first : row.value_text);
        rd.set("note", t != typed.end() ? t->second.second : row.note);
        if (auto p = problems.find(row.indicator_id); p != problems.end()) rd.set("problem", p->second);
        if (!row.author.empty()) {
            rd.set("author", row.author);
            rd.set("recorded_at", readable_time(row.recorded_at));
        }
        if (row.version > 0) rd.set("has_entry", true);
        set_if(rd, "correction_reason", row.correction);
        const bool editable = app::can_change(a, *sheet, row.owner_unit_id);
        if (editable) rd.set("editable", true);
        any_editable |= editable;
        list ev;
        for (const auto& e : row.evidence) {
            Data ed;
            ed.set("id", std::to_string(e.id));
            ed.set("filename", e.filename);
            ed.set("size", app::human_size(e.size));
            ev.push_back(ed);
        }
        rd.set("evidence", ev);
        rows.push_back(rd);
    }
    d.set("rows", rows);
    if (any_editable) d.set("any_editable", true);
    list units;
    for (const auto& u : sheet->units) {
        Data ud;
        ud.set("unit_id", std::to_string(u.record.unit_id.value_or(0)));
        ud.set("unit_name", u.record.unit_name);
        ud.set("status_label", std::string(app::month_status_label(u.status)));
        set_if(ud, "comment", u.record.comment);
        set_if(ud, "changed_by", u.record.changed_by);
        set_if(ud, "changed_at", readable_time(u.record.changed_at));
        ud.set("version", std::to_string(u.record.version));
        ud.set("office_code", sheet->office.code);
        ud.set("csrf", a.csrf_token);
        ud.set("year", std::to_string(year));
        ud.set("month", std::to_string(month));
        if (!sheet->locked && app::can_record(a, sheet->office, u.record.unit_id) &&
            (u.status == app::MonthStatus::open || u.status == app::MonthStatus::returned))
            ud.set("can_submit", true);
        if (!sheet->locked && app::can_approve(a, sheet->office) && u.status == app::MonthStatus::submitted)
            ud.set("can_decide", true);
        units.push_back(ud);
    }
    d.set("units", units);
    if (!sheet->locked && app::can_approve(a, sheet->office)) {
        d.set("can_lock", true);
        auto statuses = repo().month_statuses(sheet->office.id, year, month);
        std::int64_t lock_version = 0;
        if (statuses)
            for (const auto& s : *statuses)
                if (!s.unit_id) lock_version = s.version;
        d.set("lock_version", std::to_string(lock_version));
    }
    return page("Realisasi " + std::string(indonesian_month_name(month)) + " " + std::to_string(year),
                render("monthly", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::monthly_save(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    const auto month = int_field(f, "bulan", 1, 12);
    if (!year || !month) return error_page(422, "Tidak dapat diproses", "Tahun atau bulan pada formulir tidak sah", &a);
    const auto fields = versioned_fields(f, "nilai_");
    if (!fields) return error_page(422, "Tidak dapat diproses", "Formulir realisasi tidak sah", &a);
    std::vector<app::ActualEdit> edits;
    std::map<std::int64_t, std::pair<std::string, std::string>> typed;
    for (const auto& field : *fields) {
        const std::string note = f.count("catatan_" + field.id_text) ? f.at("catatan_" + field.id_text) : std::string();
        edits.push_back({field.id, field.value, note, field.version});
        typed[field.id] = {field.value, note};
    }
    const std::string correction = f.count("koreksi") ? f.at("koreksi") : std::string();
    auto result = app::save_actuals(repo(), a, code, *year, *month, edits, correction, now_iso(now()));
    if (!result) {
        // Out of scope is 404 (no form to show); anything else comes back with what was typed.
        const int status = status_of(result.error());
        if (status == 404) return error_page(result.error(), &a);
        return monthly_page(r, a, code, status, typed, {}, shown_message(result.error()), {}, correction);
    }
    if (!result->problems.empty()) {
        std::map<std::int64_t, std::string> problems;
        bool conflict = false;
        for (const auto& p : result->problems) {
            problems[p.indicator_id] = p.message;
            conflict |= p.conflict;
        }
        return monthly_page(
            r, a, code, conflict ? 409 : 422, typed, problems,
            conflict ? "Ada isian yang sudah diubah orang lain; tidak ada yang disimpan. Isian Anda tetap di bawah."
                     : "Periksa isian yang ditandai; tidak ada yang disimpan.",
            {}, correction);
    }
    return redirect("/kantor/" + code + "/realisasi?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month) + "&tersimpan=" + std::to_string(result->saved));
}

Response WebApp::Impl::month_status(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    const auto month = int_field(f, "bulan", 1, 12);
    const auto version = int_field(f, "versi", 0, 1000000000);
    if (!year || !month || !version)
        return error_page(422, "Tidak dapat diproses", "Tahun, bulan atau versi pada formulir tidak sah", &a);
    std::optional<std::int64_t> unit;
    if (auto u = int_field(f, "unit", 1, 1000000000)) unit = *u;
    const std::string action = f.count("aksi") ? f.at("aksi") : std::string();
    const std::string comment = f.count("komentar") ? f.at("komentar") : std::string();
    auto done =
        app::change_month_status(repo(), a, code, unit, *year, *month, action, comment, *version, now_iso(now()));
    if (!done) {
        const int status = status_of(done.error());
        if (status == 404 || status == 403) return error_page(done.error(), &a);
        return monthly_page(r, a, code, status, {}, {}, shown_message(done.error()));
    }
    return redirect("/kantor/" + code + "/realisasi?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month));
}

Response WebApp::Impl::evidence_upload(const Request& r, const app::Actor& a, const std::string& code,
                                       const std::optional<std::vector<http::Part>>& parts) {
    if (!parts)
        return error_page(422, "Tidak dapat diproses", "Unggahan tidak terbaca (bukan multipart/form-data)", &a);
    std::map<std::string, std::string> fields;
    const http::Part* file = nullptr;
    for (const auto& p : *parts) {
        if (p.name == "berkas")
            file = &p;
        else
            fields[p.name] = std::string(p.data);
    }
    const auto year = int_field(fields, "tahun", 2000, 2100);
    const auto month = int_field(fields, "bulan", 1, 12);
    const auto indicator = int_field(fields, "indikator", 1, 1000000000);
    if (!year || !month || !indicator)
        return error_page(422, "Tidak dapat diproses", "Tahun, bulan atau indikator tidak sah", &a);
    app::EvidenceUpload upload{*year, *month, *indicator, {}, {}, {}};
    if (file) {
        upload.filename = file->filename;
        upload.data = file->data;
        upload.media_type = files::evidence_media_type(file->filename, file->data).value_or("");
    }
    auto id = app::attach_evidence(repo(), *evidence_files, a, code, upload, opt.evidence, now_iso(now()));
    if (!id) {
        const int status = status_of(id.error());
        if (status == 404 || status == 403) return error_page(id.error(), &a);
        return monthly_page(r, a, code, status, {}, {}, shown_message(id.error()), {}, {}, *year, *month);
    }
    return redirect("/kantor/" + code + "/realisasi?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month));
}

namespace {
// RFC 6266: an ASCII name for old clients and the exact UTF-8 name in filename*.
std::string attachment_disposition(const std::string& filename) {
    std::string ascii;
    for (unsigned char c : filename)
        ascii.push_back(c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '/' ? '_' : static_cast<char>(c));
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::url_encode(filename);
}
} // namespace

Response WebApp::Impl::evidence_download(const app::Actor& a, const std::string& id_text) {
    if (id_text.empty() || id_text.size() > 15 || id_text.find_first_not_of("0123456789") != std::string::npos)
        return error_page(404, "Tidak ditemukan", "Bukti tidak ditemukan", &a);
    auto e = app::open_evidence(repo(), *evidence_files, a, std::stoll(id_text));
    if (!e) return error_page(e.error(), &a);
    Response resp{200, e->record.mime, {}, std::move(e->bytes)};
    resp.header("Content-Disposition", attachment_disposition(e->record.filename));
    return resp;
}

Response WebApp::Impl::audit_page(const Request& r, const app::Actor& a, const std::string& code) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda",
                          &a);
    if (a.role == app::Role::viewer || a.role == app::Role::operator_)
        return error_page(403, "Tidak diizinkan",
                          "Log audit hanya untuk pimpinan, perencana, peninjau dan administrator", &a);
    const auto q = r.query_params();
    app::AuditFilter f;
    auto get = [&](const char* k) { return q.count(k) ? q.at(k) : std::string(); };
    f.actor = get("pengguna");
    f.action = get("aksi");
    f.from = get("dari");
    f.to = get("sampai");
    for (const auto* date : {&f.from, &f.to})
        if (!date->empty() && !parse_iso_date(*date))
            return error_page(422, "Tanggal tidak sah", "Tanggal '" + *date + "' tidak sah (YYYY-MM-DD)", &a);
    auto rows = repo().audit_log((*office)->id, f);
    if (!rows) throw std::runtime_error(rows.error().message);
    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", (*office)->code);
    d.set("actor", f.actor);
    d.set("action", f.action);
    d.set("from", f.from);
    d.set("to", f.to);
    list l;
    for (const auto& row : *rows) {
        Data rd;
        rd.set("at", readable_time(row.at));
        rd.set("actor", row.actor);
        rd.set("action", row.action);
        rd.set("entity", row.entity);
        rd.set("entity_id", row.entity_id ? std::to_string(*row.entity_id) : std::string());
        rd.set("before", row.before);
        rd.set("after", row.after);
        l.push_back(rd);
    }
    d.set("rows", l);
    return page("Log audit", render("audit", d, opt.dev_assets), &a);
}

Response WebApp::Impl::planning_page(const Request& r, const app::Actor& a, const std::string& code, int status,
                                     const std::string& error, const std::string& saved,
                                     const std::map<std::string, std::string>& typed,
                                     const std::map<std::string, std::string>& target_problems) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda",
                          &a);
    const int year = page_year(repo(), **office, post_or_query(r));
    auto data = repo().load_office_year(**office, year);
    if (!data) throw std::runtime_error(data.error().message);
    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", (*office)->code);
    d.set("year", std::to_string(year));
    if (!error.empty()) d.set("error", error);
    if (!saved.empty()) d.set("saved", saved);

    const bool can_plan = app::can_plan(a, **office);
    d.set("csrf", a.csrf_token);
    d.set("previous_year", std::to_string(year - 1));
    if (can_plan) d.set("can_plan", true);
    {
        auto rows = app::targets_for(repo(), a, code, year);
        if (!rows) throw std::runtime_error(rows.error().message);
        list targets;
        for (const auto& t : *rows) {
            Data td;
            const std::string key = "target_" + std::to_string(t.indicator_id);
            td.set("id", std::to_string(t.indicator_id));
            td.set("objective", t.objective);
            td.set("statement", t.statement);
            td.set("previous", t.previous_target.empty() ? std::string("–") : t.previous_target);
            td.set("target", typed.count(key) ? typed.at(key) : t.target_text);
            td.set("version", std::to_string(t.version));
            if (can_plan) td.set("editable", true);
            if (target_problems.count(key)) td.set("problem", target_problems.at(key));
            targets.push_back(td);
        }
        if (!targets.empty()) d.set("has_targets", true);
        d.set("targets", targets);
    }
    list renstra;
    for (const auto& rs : data->renstra) {
        Data rd;
        rd.set("period_start", std::to_string(rs.period_start));
        rd.set("period_end", std::to_string(rs.period_end));
        set_if(rd, "vision", rs.vision);
        set_if(rd, "decree", rs.decree);
        if (auto dd = parse_iso_date(rs.decree_date)) rd.set("decree_date", dd->indonesian());
        std::map<std::int64_t, std::vector<const RenstraItemData*>> children;
        for (const auto& it : rs.items)
            if (it.parent_id) children[*it.parent_id].push_back(&it);
        list missions, goals, programs;
        list years;
        for (int y = rs.period_start; y <= rs.period_end; ++y)
            years.push_back(Data(std::to_string(y)));
        for (const auto& it : rs.items) {
            if (it.parent_id) continue;
            Data id;
            set_if(id, "number", it.number);
            id.set("text", it.text);
            if (it.kind == "mission") missions.push_back(id);
            if (it.kind == "goal") {
                list ch;
                for (const auto* c : children[it.id]) {
                    Data cd;
                    cd.set("text", c->text);
                    ch.push_back(cd);
                }
                if (!ch.empty()) id.set("has_children", true);
                id.set("children", ch);
                goals.push_back(id);
            }
            if (it.kind == "program") {
                list activities;
                for (const auto* act : children[it.id]) {
                    Data ad;
                    ad.set("number", act->number);
                    ad.set("text", act->text);
                    ad.set("years", years);
                    list objectives;
                    for (const auto* obj : children[act->id]) {
                        Data od;
                        od.set("objective", obj->text);
                        od.set("span", std::to_string(rs.period_end - rs.period_start + 3));
                        list inds;
                        for (const auto& ind : rs.indicators) {
                            if (ind.renstra_item_id != obj->id) continue;
                            Data idd;
                            idd.set("objective", obj->text);
                            idd.set("statement", ind.statement);
                            list targets;
                            for (int y = rs.period_start; y <= rs.period_end; ++y) {
                                auto t = ind.targets.find(y);
                                targets.push_back(Data(t == ind.targets.end() ? std::string("–") : t->second));
                            }
                            idd.set("targets", targets);
                            idd.set("end_target", ind.end_target.empty() ? std::string("–") : ind.end_target);
                            inds.push_back(idd);
                        }
                        od.set("indicators", inds);
                        objectives.push_back(od);
                    }
                    ad.set("objectives", objectives);
                    activities.push_back(ad);
                }
                id.set("children", activities);
                programs.push_back(id);
            }
        }
        if (!missions.empty()) rd.set("has_missions", true);
        rd.set("missions", missions);
        rd.set("goals", goals);
        rd.set("programs", programs);
        renstra.push_back(rd);
    }
    d.set("renstra", renstra);

    list plans;
    for (const auto& p : data->plans) {
        Data pd;
        pd.set("title", p.title);
        pd.set("unit_name", p.unit_name);
        set_if(pd, "place", p.place);
        if (p.date) pd.set("date", p.date->indonesian());
        if (!p.signer_name.empty())
            pd.set("signer", p.signer_name + (p.signer_position.empty() ? "" : ", " + p.signer_position));
        const bool with_activity = p.layout == "regency";
        const bool with_program = p.layout != "province";
        if (with_activity) pd.set("with_activity", true);
        if (with_program) pd.set("with_program", true);
        list rows;
        for (const auto& row : p.rows) {
            Data rr;
            rr.set("number", row.number);
            rr.set("program", row.program);
            rr.set("objective", row.objective);
            rr.set("indicator", row.indicator_text);
            rr.set("target", row.target_text);
            rr.set("activity", row.activity);
            rr.set("budget", row.budget ? format_rupiah(*row.budget) : row.budget_text);
            rr.set("executor", row.executor);
            if (with_activity) rr.set("with_activity", true);
            if (with_program) rr.set("with_program", true);
            rows.push_back(rr);
        }
        pd.set("rows", rows);
        plans.push_back(pd);
    }
    d.set("plans", plans);

    std::map<std::int64_t, std::string> office_item_text;
    for (const auto& ag : data->agreements)
        if (ag.unit_name.empty())
            for (const auto& v : ag.versions)
                for (const auto& it : v.items)
                    office_item_text[it.id] = it.indicator_text;
    list agreements;
    const bool can_revise = app::can_plan(a, **office);
    for (const auto& ag : data->agreements) {
        const auto* v = ag.latest();
        if (!v) continue;
        Data ad;
        ad.set("id", std::to_string(ag.id));
        ad.set("office_code", (*office)->code);
        ad.set("csrf", a.csrf_token);
        ad.set("year", std::to_string(year));
        ad.set("title", v->title.empty()
                            ? "Perjanjian Kinerja " + (ag.unit_name.empty() ? (*office)->name : ag.unit_name)
                            : v->title);
        if (ag.kind == "cited") ad.set("cited", true);
        list versions;
        for (std::size_t i = 0; i < ag.versions.size(); ++i) {
            const auto& ver = ag.versions[i];
            Data vd;
            vd.set("no", std::to_string(ver.version_no));
            if (!ver.reason.empty()) {
                vd.set("reason", ver.reason);
                vd.set("reason_code", ver.reason_code);
            }
            if (ver.date) vd.set("date", ver.date->indonesian());
            if (i + 1 == ag.versions.size()) vd.set("last", true);
            versions.push_back(vd);
        }
        ad.set("versions", versions);
        if (!v->first_party.name.empty()) {
            ad.set("first_party", v->first_party.name);
            set_if(ad, "first_position", v->first_party.position);
            set_if(ad, "first_nip", v->first_party.nip);
            ad.set("second_party", v->second_party.name);
            set_if(ad, "second_position", v->second_party.position);
            set_if(ad, "second_nip", v->second_party.nip);
            set_if(ad, "place", v->place);
            if (v->date) ad.set("date", v->date->indonesian());
        }
        list items;
        for (const auto& it : v->items) {
            Data idd;
            idd.set("item_id", std::to_string(it.id));
            idd.set("number", it.number);
            idd.set("objective", it.objective);
            idd.set("indicator", it.indicator_text);
            auto t = typed.find("target_" + std::to_string(it.id));
            idd.set("target", t != typed.end() ? t->second : it.target_text);
            if (it.parent_item_id && office_item_text.count(*it.parent_item_id))
                idd.set("parent", office_item_text.at(*it.parent_item_id));
            items.push_back(idd);
        }
        ad.set("items", items);
        list budgets;
        for (const auto& b : v->budgets) {
            Data bd;
            bd.set("name", b.name);
            bd.set("amount", b.amount ? format_rupiah(*b.amount) : b.amount_text);
            budgets.push_back(bd);
        }
        if (!v->budgets.empty()) ad.set("has_budgets", true);
        ad.set("budgets", budgets);
        ad.set("budget_heading", v->budget_kind == "kro" ? "KRO (Klasifikasi Rincian Output)" : "Program");
        if (v->total) ad.set("total", format_rupiah(*v->total));
        if (can_revise && ag.kind == "signed") {
            ad.set("can_revise", true);
            ad.set("latest_no", std::to_string(v->version_no));
        }
        agreements.push_back(ad);
    }
    d.set("agreements", agreements);

    list action_plans;
    for (const auto& ap : data->action_plans) {
        Data pd;
        pd.set("unit_name", ap.unit_name);
        if (ap.year_text != std::to_string(year)) pd.set("year_text", ap.year_text);
        set_if(pd, "place", ap.place);
        if (ap.date) pd.set("date", ap.date->indonesian());
        set_if(pd, "signer", ap.signer_name);
        list heads;
        for (int m = 1; m <= 12; ++m)
            heads.push_back(Data("B" + std::to_string(m)));
        pd.set("month_heads", heads);
        list objectives;
        for (const auto& o : ap.objectives) {
            Data od;
            list items;
            bool first = true;
            for (const auto& it : o.items) {
                Data idd;
                idd.set("objective", first ? o.name + (o.code.empty() ? "" : " (" + o.code + ")") : std::string());
                idd.set("indicator", it.indicator_text);
                idd.set("target", it.target_text);
                idd.set("activity",
                        it.activity + (it.months ? "" : " (" + std::to_string(it.month_ticks) + " bulan tercentang)"));
                list months;
                for (int m = 0; m < 12; ++m) {
                    Data md;
                    md.set("mark", it.months ? ((*it.months >> m) & 1 ? "✓" : "") : "?");
                    md.set("name", "bulan_" + std::to_string(it.id) + "_" + std::to_string(m + 1));
                    md.set("label", "B" + std::to_string(m + 1) + " " + it.activity.substr(0, 60));
                    if (it.months && ((*it.months >> m) & 1)) md.set("checked", true);
                    if (can_plan) md.set("editable", true);
                    months.push_back(md);
                }
                idd.set("months", months);
                if (can_plan) idd.set("editable", true);
                idd.set("item_id", std::to_string(it.id));
                idd.set("version", std::to_string(it.version));
                idd.set("original", it.months ? std::to_string(*it.months) : std::string("?"));
                idd.set("cost", first ? (o.cost ? format_rupiah(*o.cost) : o.cost_text) : std::string());
                idd.set("executor", it.executor);
                items.push_back(idd);
                first = false;
            }
            od.set("items", items);
            objectives.push_back(od);
        }
        pd.set("objectives", objectives);
        action_plans.push_back(pd);
    }
    d.set("action_plans", action_plans);
    return page("Perencanaan " + (*office)->name, render("planning", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::save_targets(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    if (!year) return error_page(422, "Tidak dapat diproses", "Tahun pada formulir tidak sah", &a);
    const auto fields = versioned_fields(f, "target_");
    if (!fields) return error_page(422, "Tidak dapat diproses", "Formulir target tidak sah", &a);
    std::vector<app::TargetEdit> edits;
    for (const auto& field : *fields)
        edits.push_back({field.id, field.value, field.version});
    auto problems = app::save_targets(repo(), a, code, *year, edits, now_iso(now()));
    if (!problems) {
        const int status = status_of(problems.error());
        if (status == 404 || status == 403) return error_page(problems.error(), &a);
        return planning_page(r, a, code, status, shown_message(problems.error()), {}, f);
    }
    if (!problems->empty()) {
        const bool conflict = problems->count("conflict") > 0;
        return planning_page(
            r, a, code, conflict ? 409 : 422,
            conflict ? "Ada target yang sudah diubah orang lain; tidak ada yang disimpan. Isian Anda tetap di bawah."
                     : "Periksa target yang ditandai; tidak ada yang disimpan.",
            {}, f, *problems);
    }
    return redirect("/kantor/" + code + "/rencana?tahun=" + std::to_string(*year) + "&tersimpan=target#target");
}

Response WebApp::Impl::save_action_months(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    if (!year) return error_page(422, "Tidak dapat diproses", "Tahun pada formulir tidak sah", &a);
    std::vector<app::MonthsEdit> edits;
    for (const auto& [k, v] : f) {
        if (k.rfind("versi_", 0) != 0) continue;
        const std::string id = k.substr(6);
        const auto version = int_field(f, k.c_str(), 0, 1000000000);
        if (id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos || !version)
            return error_page(422, "Tidak dapat diproses", "Formulir Rencana Aksi tidak sah", &a);
        int months = 0;
        for (int m = 1; m <= 12; ++m)
            if (f.count("bulan_" + id + "_" + std::to_string(m))) months |= 1 << (m - 1);
        // Only what changed is written: an activity whose months the source never gave stays unknown until ticked.
        const std::string original = f.count("asal_" + id) ? f.at("asal_" + id) : std::string("?");
        if (original == "?" ? months == 0 : original == std::to_string(months)) continue;
        edits.push_back({std::stoll(id), months, *version});
    }
    auto saved = app::save_action_months(repo(), a, code, edits, now_iso(now()));
    if (!saved) {
        const int status = status_of(saved.error());
        if (status == 404 || status == 403) return error_page(saved.error(), &a);
        return planning_page(r, a, code, status, shown_message(saved.error()));
    }
    return redirect("/kantor/" + code + "/rencana?tahun=" + std::to_string(*year) + "&tersimpan=renaksi#renaksi");
}

Response WebApp::Impl::revise_pk(const Request& r, const app::Actor& a, const std::string& code,
                                 const std::string& id_text) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    const auto version = int_field(f, "versi", 1, 1000000);
    if (!year || !version || id_text.empty() || id_text.size() > 15 ||
        id_text.find_first_not_of("0123456789") != std::string::npos)
        return error_page(422, "Tidak dapat diproses", "Formulir revisi PK tidak lengkap", &a);
    app::AgreementRevision rev;
    rev.agreement_id = std::stoll(id_text);
    rev.expected_version = *version;
    auto get = [&](const char* k) { return f.count(k) ? f.at(k) : std::string(); };
    rev.reason_code = get("alasan_kode");
    rev.reason = get("alasan");
    rev.date = get("tanggal");
    for (const auto& [k, v] : f)
        if (k.rfind("target_", 0) == 0 && k.size() > 7 && k.size() < 22 &&
            k.find_first_not_of("0123456789", 7) == std::string::npos)
            rev.targets[std::stoll(k.substr(7))] = v;
    auto result = app::revise_agreement(repo(), a, code, *year, rev, now_iso(now()));
    if (!result) {
        const int status = status_of(result.error());
        if (status == 404 || status == 403) return error_page(result.error(), &a);
        return planning_page(r, a, code, status, shown_message(result.error()), {}, f);
    }
    if (!result->problems.empty()) {
        std::string message = "Revisi tidak disimpan: ";
        bool first = true;
        for (const auto& [field, problem] : result->problems) {
            message += (first ? "" : "; ") + problem;
            first = false;
        }
        return planning_page(r, a, code, 422, message, {}, f);
    }
    return redirect("/kantor/" + code + "/rencana?tahun=" + std::to_string(*year) +
                    "&revisi=" + std::to_string(result->new_version) + "#pk-" + id_text);
}

Response WebApp::Impl::budget_page(const Request& r, const app::Actor& a, const std::string& code, int status,
                                   const std::map<std::string, std::string>& typed,
                                   const std::map<std::int64_t, std::string>& problems, const std::string& error,
                                   const std::string& saved) {
    const auto q = post_or_query(r);
    const int year = int_field(q, "tahun", 2000, 2100).value_or(2024);
    const int month = int_field(q, "bulan", 1, 12).value_or(12);
    auto sheet = app::budget_sheet(repo(), a, code, year, month);
    if (!sheet) return error_page(sheet.error(), &a);
    Data d;
    d.set("office_name", sheet->office.name);
    d.set("office_code", sheet->office.code);
    d.set("year", std::to_string(year));
    d.set("month", std::to_string(month));
    d.set("month_name", indonesian_month_name(month));
    d.set("months", month_options(month));
    d.set("csrf", a.csrf_token);
    if (sheet->locked) d.set("locked", true);
    if (sheet->editable) d.set("editable", true);
    set_if(d, "error", error);
    set_if(d, "saved_message", saved);
    d.set("correction", typed.count("koreksi") ? typed.at("koreksi") : std::string());
    list lines;
    for (const auto& l : sheet->lines) {
        Data ld;
        const std::string id = std::to_string(l.line_id);
        ld.set("id", id);
        ld.set("name",
               (l.code.empty() || l.name.find(l.code) != std::string::npos) ? l.name : l.name + " (" + l.code + ")");
        set_if(ld, "source", l.source);
        ld.set("ceiling", l.ceiling ? format_rupiah(*l.ceiling) : l.ceiling_text);
        ld.set("spent", format_rupiah(l.spent_other_months));
        ld.set("amount", typed.count("jumlah_" + id) ? typed.at("jumlah_" + id) : l.amount_text);
        ld.set("version", std::to_string(l.version));
        if (sheet->editable) ld.set("editable", true);
        if (auto p = problems.find(l.line_id); p != problems.end()) ld.set("problem", p->second);
        set_if(ld, "correction_reason", l.correction);
        lines.push_back(ld);
    }
    d.set("lines", lines);
    return page("Realisasi anggaran", render("budget", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::budget_save(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    const auto month = int_field(f, "bulan", 1, 12);
    if (!year || !month) return error_page(422, "Tidak dapat diproses", "Tahun atau bulan pada formulir tidak sah", &a);
    const auto fields = versioned_fields(f, "jumlah_");
    if (!fields) return error_page(422, "Tidak dapat diproses", "Formulir anggaran tidak sah", &a);
    std::vector<app::SpendingEdit> edits;
    for (const auto& field : *fields)
        edits.push_back({field.id, field.value, field.version});
    const std::string correction = f.count("koreksi") ? f.at("koreksi") : std::string();
    auto result = app::save_spending(repo(), a, code, *year, *month, edits, correction, now_iso(now()));
    if (!result) {
        const int status = status_of(result.error());
        if (status == 404) return error_page(result.error(), &a);
        return budget_page(r, a, code, status, f, {}, shown_message(result.error()));
    }
    if (!result->problems.empty()) {
        std::map<std::int64_t, std::string> problems;
        bool conflict = false;
        for (const auto& p : result->problems) {
            problems[p.indicator_id] = p.message;
            conflict |= p.conflict;
        }
        return budget_page(r, a, code, conflict ? 409 : 422, f, problems,
                           "Periksa isian yang ditandai; tidak ada yang disimpan.");
    }
    return redirect("/kantor/" + code + "/anggaran?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month) + "&tersimpan=" + std::to_string(result->saved));
}

Response WebApp::Impl::obstacles_page(const Request& r, const app::Actor& a, const std::string& code, int status,
                                      const std::map<std::string, std::string>& typed,
                                      const std::map<std::string, std::string>& problems, const std::string& error) {
    const auto q = post_or_query(r);
    const int year = int_field(q, "tahun", 2000, 2100).value_or(2024);
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    auto rows = app::list_obstacles(repo(), a, code, year);
    if (!rows) return error_page(rows.error(), &a);
    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", code);
    d.set("year", std::to_string(year));
    d.set("csrf", a.csrf_token);
    set_if(d, "error", error);
    if (app::can_plan(a, **office)) d.set("editable", true);
    auto get = [&](const char* k) { return typed.count(k) ? typed.at(k) : std::string(); };
    d.set("aspect", get("aspek"));
    d.set("obstacle", get("hambatan"));
    d.set("remark", get("keterangan"));
    d.set("remedy", get("upaya"));
    if (problems.count("hambatan")) d.set("obstacle_error", problems.at("hambatan"));
    if (problems.count("upaya")) d.set("remedy_error", problems.at("upaya"));
    list l;
    for (const auto& o : *rows) {
        Data od;
        od.set("number", o.number);
        od.set("aspect", o.aspect);
        od.set("obstacle", o.obstacle);
        od.set("remark", o.remark);
        od.set("remedy", o.remedy);
        l.push_back(od);
    }
    d.set("rows", l);
    return page("Hambatan dan upaya", render("obstacles", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::obstacle_add(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    if (!year) return error_page(422, "Tidak dapat diproses", "Tahun pada formulir tidak sah", &a);
    auto get = [&](const char* k) { return f.count(k) ? f.at(k) : std::string(); };
    app::ObstacleRecord o{0, "", get("aspek"), get("hambatan"), get("keterangan"), get("upaya")};
    auto problems = app::add_obstacle(repo(), a, code, *year, o, now_iso(now()));
    if (!problems) {
        const int status = status_of(problems.error());
        if (status == 404 || status == 403) return error_page(problems.error(), &a);
        return obstacles_page(r, a, code, status, f, {}, shown_message(problems.error()));
    }
    if (!problems->empty())
        return obstacles_page(r, a, code, 422, f, *problems, "Periksa isian yang ditandai; tidak ada yang disimpan.");
    return redirect("/kantor/" + code + "/hambatan?tahun=" + std::to_string(*year));
}

Response WebApp::Impl::reports_page(const Request& r, const app::Actor& a, const std::string& code) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker tidak ditemukan", &a);
    auto years = repo().office_years((*office)->id);
    if (!years) throw std::runtime_error(years.error().message);
    const int year = int_field(r.query_params(), "tahun", 2000, 2100).value_or(years->empty() ? 2024 : years->front());
    auto statuses = app::report_statuses(repo(), a, code, year);
    if (!statuses) return error_page(statuses.error(), &a);
    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", code);
    d.set("year", std::to_string(year));
    if (app::can_plan(a, **office)) d.set("can_plan", true);
    d.set("years", year_options(*years, year));
    list rl;
    for (const auto& s : *statuses) {
        Data sd;
        sd.set("kind", s.kind);
        sd.set("title", s.title);
        set_if(sd, "missing", s.missing);
        const bool draft = !s.errors.empty();
        if (draft) {
            sd.set("errors", std::to_string(s.errors.size()));
            sd.set("has_errors", true);
            list el;
            for (const auto& f : s.errors) {
                Data fd;
                fd.set("message", f.message);
                fd.set("where", f.where);
                el.push_back(fd);
            }
            sd.set("error_list", el);
        }
        list fl;
        for (const auto& [format, label] : {std::pair{"docx", "DOCX"}, {"pdf", "PDF"}, {"xlsx", "XLSX"}}) {
            Data fd;
            fd.set("format", std::string(format));
            fd.set("label", std::string(label));
            if (draft) fd.set("draft", true);
            fl.push_back(fd);
        }
        sd.set("formats", fl);
        rl.push_back(sd);
    }
    d.set("reports", rl);
    return page("Laporan", render("reports", d, opt.dev_assets), &a);
}

// GET /kantor/{code}/laporan/{kind}.{format}?tahun=&draf=1: no state changes, so no CSRF token; the
// scope is checked like every page.
Response WebApp::Impl::report_download(const Request& r, const app::Actor& a, const std::string& code,
                                       const std::string& file) {
    const auto dot = file.rfind('.');
    if (dot == std::string::npos) return error_page(404, "Tidak ditemukan", "Laporan '" + file + "' tidak ada", &a);
    const std::string kind = file.substr(0, dot), format = file.substr(dot + 1);
    if (format != "docx" && format != "pdf" && format != "xlsx")
        return error_page(404, "Tidak ditemukan", "Format '" + format + "' tidak ada; pilih DOCX, PDF atau XLSX", &a);
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker tidak ditemukan", &a);
    const auto q = r.query_params();
    const int year = page_year(repo(), **office, q);
    app::ReportRequest request;
    request.kind = kind;
    request.office_code = code;
    request.year = year;
    request.force = q.count("draf") && q.at("draf") == "1";
    if (auto it = q.find("unit"); it != q.end()) request.unit = it->second;
    if (auto v = int_field(q, "versi", 1, 1000)) request.version = *v;
    auto prepared = app::prepare_report(repo(), request, &a);
    if (!prepared) return error_page(prepared.error(), &a);
    if (prepared->refused)
        return error_page(409, "Laporan ditolak",
                          std::to_string(prepared->errors.size()) +
                              " temuan galat; perbaiki datanya atau unduh sebagai draf dari halaman Laporan",
                          &a);
    auto bytes = report_out::render(prepared->document, format);
    if (!bytes) throw std::runtime_error(bytes.error().message);
    Response out{200, std::string(report_out::media_type(format)), {}, std::move(*bytes)};
    const std::string name =
        kind + "-" + std::to_string(year) + "-" + code + (request.force ? "-draf" : "") + "." + format;
    out.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    out.header("Cache-Control", "no-store");
    return out;
}

Response WebApp::Impl::narratives_page(const Request& r, const app::Actor& a, const std::string& code, int status,
                                       const std::map<std::string, std::string>& typed,
                                       const std::map<std::string, std::string>& problems, const std::string& error,
                                       const std::string& saved) {
    auto office = repo().find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return error_page(404, "Tidak ditemukan", "Satker tidak ditemukan", &a);
    const int year = page_year(repo(), **office, post_or_query(r));
    auto forms = app::narrative_forms(repo(), a, code, year);
    if (!forms) return error_page(forms.error(), &a);
    Data d;
    d.set("office_name", (*office)->name);
    d.set("office_code", code);
    d.set("year", std::to_string(year));
    d.set("csrf", a.csrf_token);
    d.set("max_chars", std::to_string(app::narrative_max_chars));
    set_if(d, "error", error);
    set_if(d, "saved", saved);
    if (app::can_plan(a, **office)) d.set("editable", true);
    list sl;
    for (const auto& f : *forms) {
        Data sd;
        sd.set("key", f.key);
        sd.set("title", f.title);
        sd.set("hint", f.hint);
        // A rejected form shows what the user typed, not what is stored.
        auto t = typed.find("teks_" + f.key);
        sd.set("text", t != typed.end() ? t->second : f.text);
        auto v = typed.find("versi_" + f.key);
        sd.set("version", v != typed.end() ? v->second : std::to_string(f.version));
        if (f.from_year && f.from_year != year) sd.set("from_year", std::to_string(f.from_year));
        if (auto p = problems.find(f.key); p != problems.end()) sd.set("problem", p->second);
        sl.push_back(sd);
    }
    d.set("sections", sl);
    return page("Narasi LKj", render("narratives", d, opt.dev_assets), &a, status);
}

Response WebApp::Impl::narratives_save(const Request& r, const app::Actor& a, const std::string& code) {
    const auto f = r.form();
    const auto year = int_field(f, "tahun", 2000, 2100);
    if (!year) return error_page(422, "Tidak dapat diproses", "Tahun pada formulir tidak sah", &a);
    std::vector<app::NarrativeEdit> edits;
    std::map<std::string, std::string> problems;
    for (const auto& [field, value] : f) {
        if (!field.starts_with("teks_")) continue;
        const std::string key = field.substr(5);
        app::NarrativeEdit e{key, value, 0};
        auto v = f.find("versi_" + key);
        if (v == f.end() || v->second.empty() || v->second.find_first_not_of("0123456789") != std::string::npos ||
            v->second.size() > 18)
            problems[key] = "Versi formulir tidak sah; muat ulang halaman";
        else
            e.expected_version = std::stoll(v->second);
        edits.push_back(std::move(e));
    }
    if (!problems.empty())
        return narratives_page(r, a, code, 422, f, problems, "Periksa isian yang ditandai; tidak ada yang disimpan.");
    auto saved = app::save_narratives(repo(), a, code, *year, edits, now_iso(now()));
    if (!saved) {
        const int status = status_of(saved.error());
        if (status == 404 || status == 403) return error_page(saved.error(), &a);
        std::map<std::string, std::string> where;
        const std::string message = shown_message(saved.error());
        if (!saved.error().where.empty()) where[saved.error().where] = message;
        return narratives_page(r, a, code, status, f, where, message);
    }
    if (!saved->problems.empty())
        return narratives_page(r, a, code, 422, f, saved->problems,
                               "Periksa isian yang ditandai; tidak ada yang disimpan.");
    return redirect("/kantor/" + code + "/narasi?tahun=" + std::to_string(*year) +
                    "&tersimpan=" + std::to_string(saved->saved));
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
    const bool api = p.rfind("/api/", 0) == 0;
    auto invalid_text = [&](const std::string& field) {
        const std::string message = "Isian '" + field +
                                    "' bukan teks UTF-8 yang sah; tidak ada yang disimpan. Periksa isian itu (mungkin "
                                    "disalin dari dokumen lain) lalu kirim lagi";
        return api ? json_error(400, message) : error_page(400, "Isian tidak terbaca", message, nullptr);
    };
    if (auto bad = field_with_invalid_utf8(r, std::nullopt)) return invalid_text(*bad);
    if (p == "/api/v1/login" && post) return api_login(r);
    if (p == "/api/v1/openapi.json" && get) return static_file(r, "openapi.json");
    if (p == "/masuk" && get) return login_form(r, {}, {}, 200);
    if (p == "/masuk" && post) return login_submit(r);

    bool by_cookie = true;
    auto actor = authenticate(r, by_cookie);
    if (!actor) {
        if (api) return json_error(status_of(actor.error()), shown_message(actor.error()));
        if (get) return redirect("/masuk");
        return error_page(status_of(actor.error()), "Sesi berakhir", shown_message(actor.error()), nullptr);
    }
    const app::Actor& a = *actor;
    std::optional<std::vector<http::Part>> parts;
    if (post && is_multipart(r)) parts = http::parse_multipart(r.header("content-type"), r.body);
    if (parts)
        if (auto bad = field_with_invalid_utf8(r, parts)) return invalid_text(*bad);
    if (post && !csrf_ok(r, a, by_cookie, parts)) {
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
            const std::string message = shown_message(changed.error());
            return password_form(a, current ? message : "", current ? "" : message, false, status_of(changed.error()));
        }
        return password_form(a, {}, {}, true, 200);
    }
    if (p == "/ikhtisar" && get) return overview(r, a);
    if (p.rfind("/bukti/", 0) == 0 && get) return evidence_download(a, p.substr(7));
    if (p.rfind("/kantor/", 0) == 0) {
        const std::string rest = p.substr(8);
        const auto slash = rest.find('/');
        const std::string code = rest.substr(0, slash), sub = slash == std::string::npos ? "" : rest.substr(slash);
        if (sub.empty() && get) return dashboard(r, a, code);
        if (sub == "/realisasi" && get)
            return monthly_page(r, a, code, 200, {}, {}, {}, saved_message(r, "realisasi tersimpan."));
        if (sub == "/realisasi" && post) return monthly_save(r, a, code);
        if (sub == "/bulan" && post) return month_status(r, a, code);
        if (sub == "/bukti" && post) return evidence_upload(r, a, code, parts);
        if (sub == "/audit" && get) return audit_page(r, a, code);
        if (sub == "/anggaran" && get)
            return budget_page(r, a, code, 200, {}, {}, {}, saved_message(r, "realisasi anggaran tersimpan."));
        if (sub == "/anggaran" && post) return budget_save(r, a, code);
        if (sub == "/hambatan" && get) return obstacles_page(r, a, code);
        if (sub == "/hambatan" && post) return obstacle_add(r, a, code);
        if (sub == "/rencana" && get) {
            const auto q = r.query_params();
            std::string saved;
            if (auto version = int_field(q, "revisi", 1, 1000000))
                saved = "Revisi PK tersimpan sebagai versi " + std::to_string(*version) + ".";
            else if (q.count("tersimpan") && q.at("tersimpan") == "target")
                saved = "Target tersimpan.";
            else if (q.count("tersimpan") && q.at("tersimpan") == "renaksi")
                saved = "Jadwal Rencana Aksi tersimpan.";
            return planning_page(r, a, code, 200, {}, saved);
        }
        if (sub == "/target" && post) return save_targets(r, a, code);
        if (sub == "/renaksi" && post) return save_action_months(r, a, code);
        if (sub == "/laporan" && get) return reports_page(r, a, code);
        if (sub.rfind("/laporan/", 0) == 0 && get) return report_download(r, a, code, sub.substr(9));
        if (sub == "/narasi" && get)
            return narratives_page(r, a, code, 200, {}, {}, {}, saved_message(r, "bagian narasi tersimpan."));
        if (sub == "/narasi" && post) return narratives_save(r, a, code);
        if (sub == "/impor" && (get || post)) return import_pages(r, a, code, parts);
        if (sub.rfind("/pk/", 0) == 0 && sub.ends_with("/revisi") && post)
            return revise_pk(r, a, code, sub.substr(4, sub.size() - 4 - 7));
    }
    return error_page(404, "Tidak ditemukan", "Halaman '" + p + "' tidak ada", &a);
}

thread_local bool WebApp::Impl::t_accepts_gzip = false;

namespace {
constexpr std::size_t k_small_body = 16u << 10; // login forms, and anything before a session exists
constexpr std::size_t k_form_body = 2u << 20;   // the largest ordinary form (36 narrative sections)
constexpr std::size_t k_upload_body = 12u << 20;

bool has_credentials(const Request& head) {
    return head.header("authorization").rfind("Bearer ", 0) == 0 ||
           head.cookie(session_cookie).size() >= 20; // a session token is 43 characters
}
} // namespace

std::vector<http::LaneOptions> WebApp::lanes() {
    // import: pdftotext may run up to its time limit and big XML takes memory, so two at a time and a
    // short queue; login: Argon2id costs ~235 ms and 64 MiB per verification; health: always answers.
    return {{"import", 2, 4}, {"login", 2, 32}, {"health", 1, 16}};
}

http::RoutePlan WebApp::plan(const Request& head) const {
    const std::string& p = head.path;
    const bool post = head.method == "POST";
    if (p == "/healthz") return {"health", k_small_body, {}};
    if (post && (p == "/masuk" || p == "/api/v1/login")) return {"login", k_small_body, {}};
    if (!has_credentials(head)) return {"pages", k_small_body, {}};
    if (!post) return {"pages", k_small_body, {}};
    if (p.rfind("/kantor/", 0) == 0 && p.ends_with("/impor")) {
        // One import at a time per session, refused before its upload is even read: a user cannot fill the
        // import lane's queue for everyone else (the handler keeps one per user across sessions too).
        const std::string auth = head.header("authorization");
        return {"import", k_upload_body, auth.empty() ? "sesi:" + head.cookie(session_cookie) : "token:" + auth};
    }
    if (p.rfind("/kantor/", 0) == 0 && p.ends_with("/bukti")) return {"pages", k_upload_body, {}};
    return {"pages", k_form_body, {}};
}

WebApp::WebApp(RepositoryFactory factory, WebOptions options) : m_impl(std::make_unique<Impl>()) {
    m_impl->factory = std::move(factory);
    m_impl->opt = std::move(options);
    m_impl->evidence_files = std::make_unique<files::EvidenceFolder>(m_impl->opt.evidence_dir);
    app::prepare_login(); // the first login with an unknown name takes no longer than the others
}

WebApp::~WebApp() = default;

http::Response WebApp::handle(const http::Request& request) {
    Response r;
    Impl::t_accepts_gzip = accepts_gzip(request);
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
    // Pages, JSON, evidence and reports are someone's data: no cache keeps them (static assets say otherwise).
    bool cache_set = false;
    for (const auto& [name, value] : r.headers)
        cache_set |= name == "Cache-Control";
    if (!cache_set) r.header("Cache-Control", "no-store");
    if (m_impl->opt.behind_tls) r.header("Strict-Transport-Security", "max-age=31536000");
    // Pages and JSON are compressed for slow connections.
    const bool textual = r.content_type.rfind("text/", 0) == 0 || r.content_type.rfind("application/json", 0) == 0;
    if (textual && !r.body_is_gzip && r.body.size() > 1024 && accepts_gzip(request)) {
        r.body = gzip(r.body, 6);
        r.body_is_gzip = true;
        r.header("Vary", "Accept-Encoding");
    }
    if (request.method == "HEAD") r.body.clear();
    return r;
}

} // namespace kinerja::web
