#include "adapters/web/routes.h"

#include "adapters/web/errors.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "adapters/web/request_checks.h"
#include "adapters/web/session.h"
#include "core/messages.h"

namespace kinerja::web {

using app::Access;
namespace p = pages;

const std::vector<Route>& routes() {
    static const std::vector<Route> table = {
        {"GET", "/healthz", Access::anyone, p::health},
        {"GET", "/static/{file}", Access::anyone, p::static_asset},
        {"GET", "/api/v1/openapi.json", Access::anyone, p::openapi},
        {"POST", "/api/v1/login", Access::anyone, p::api_login, false},
        {"GET", "/masuk", Access::anyone, p::login_form},
        {"POST", "/masuk", Access::anyone, p::login_submit, false},
        {"GET", "/", Access::logged_in, p::home},
        {"POST", "/keluar", Access::logged_in, p::logout},
        {"GET", "/akun/sandi", Access::logged_in, p::password_form},
        {"POST", "/akun/sandi", Access::logged_in, p::password_change},
        {"GET", "/ikhtisar", Access::overview, p::overview},
        {"GET", "/bukti/{id}", Access::logged_in, p::evidence_download}, // scope: app::open_evidence
        {"GET", "/api/v1/offices/{office}/measurement", Access::view, p::api_measurement},
        {"GET", "/kantor/{office}", Access::view, p::dashboard},
        {"GET", "/kantor/{office}/realisasi", Access::view, p::monthly},
        {"POST", "/kantor/{office}/realisasi", Access::record, p::monthly_save},
        {"POST", "/kantor/{office}/bulan", Access::record, p::month_status},
        {"POST", "/kantor/{office}/bukti", Access::record, p::evidence_upload},
        {"GET", "/kantor/{office}/audit", Access::audit, p::audit},
        {"GET", "/kantor/{office}/anggaran", Access::view, p::budget},
        {"POST", "/kantor/{office}/anggaran", Access::plan, p::budget_save},
        {"GET", "/kantor/{office}/hambatan", Access::view, p::obstacles},
        {"POST", "/kantor/{office}/hambatan", Access::plan, p::obstacle_add},
        {"GET", "/kantor/{office}/rencana", Access::view, p::planning},
        {"POST", "/kantor/{office}/target", Access::plan, p::save_targets},
        {"POST", "/kantor/{office}/renaksi", Access::plan, p::save_action_months},
        {"POST", "/kantor/{office}/pk/{id}/revisi", Access::plan, p::revise_pk},
        {"GET", "/kantor/{office}/laporan", Access::view, p::reports},
        {"GET", "/kantor/{office}/laporan/{file}", Access::view, p::report_download},
        {"GET", "/kantor/{office}/narasi", Access::view, p::narratives},
        {"POST", "/kantor/{office}/narasi", Access::plan, p::narratives_save},
        {"GET", "/kantor/{office}/impor", Access::plan, p::import},
        {"POST", "/kantor/{office}/impor", Access::plan, p::import},
    };
    return table;
}

namespace {

// The path's segments against the pattern's; {name} takes one non-empty segment.
bool matches(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
    std::map<std::string, std::string> found;
    while (!pattern.empty() && !path.empty()) {
        if (pattern.front() != '/' || path.front() != '/') return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
        const auto pe = pattern.find('/'), se = path.find('/');
        const std::string_view want = pattern.substr(0, pe), got = path.substr(0, se);
        if (want.starts_with('{') && want.ends_with('}')) {
            if (got.empty()) return false;
            found[std::string(want.substr(1, want.size() - 2))] = std::string(got);
        } else if (want != got) {
            return false;
        }
        pattern = pe == std::string_view::npos ? std::string_view() : pattern.substr(pe);
        path = se == std::string_view::npos ? std::string_view() : path.substr(se);
    }
    if (!pattern.empty() || !path.empty()) return false;
    params = std::move(found);
    return true;
}

Response refused(const RequestContext& c, bool api, const Error& e) {
    return api ? json_error(e) : error_page(c, e);
}

} // namespace

const Route* match(const std::string& method, const std::string& path, std::map<std::string, std::string>& params) {
    const std::string m = method == "HEAD" ? "GET" : method;
    for (const auto& r : routes())
        if (m == r.method && (path == r.pattern || matches(r.pattern, path, params))) return &r;
    return nullptr;
}

Response dispatch(RequestContext& c) {
    const Request& r = c.request;
    const bool api = r.path.rfind("/api/", 0) == 0;
    auto invalid_text = [&](const std::string& field) {
        const std::string text = message(Msg::text_not_utf8, {{"field", field}});
        return api ? json_error(400, text) : error_page(c, 400, message(Msg::text_not_utf8_heading), text);
    };
    if (auto bad = field_with_invalid_utf8(r, std::nullopt)) return invalid_text(*bad);
    const Route* route = match(r.method, r.path, c.params);
    if (route && route->access == Access::anyone) return route->handler(c);
    auto actor = authenticate(c);
    if (!route) {
        // An address nobody serves is 404 for everyone, logged in (with the menu) or not.
        if (actor) c.actor = &*actor;
        return api ? json_error(404, message(Msg::api_unknown_route))
                   : error_page(c, 404, message(Msg::not_found_heading),
                                message(Msg::page_not_found, {{"path", r.path}}));
    }
    if (!actor) {
        if (api) return json_error(actor.error());
        if (r.method == "GET" || r.method == "HEAD") return redirect("/masuk");
        return error_page(c, status_of(actor.error()), message(Msg::session_ended_heading),
                          shown_message(actor.error()));
    }
    c.actor = &*actor;
    if (r.method == "POST" && c.is_multipart()) {
        c.parts = http::parse_multipart(r.header("content-type"), r.body);
        if (c.parts)
            if (auto bad = field_with_invalid_utf8(r, c.parts)) return invalid_text(*bad);
    }
    if (r.method == "POST" && route->csrf && !csrf_ok(c))
        return api ? json_error(403, message(Msg::api_csrf_missing))
                   : error_page(c, 403, message(Msg::not_allowed_heading), message(Msg::csrf_missing));
    if (auto code = c.params.find("office"); code != c.params.end()) {
        auto office = app::office_in_scope(c.repo(), *actor, code->second);
        if (!office) return refused(c, api, office.error());
        c.office = *office;
    }
    if (!app::allows(route->access, *actor, c.office ? &*c.office : nullptr))
        return refused(c, api, app::refusal(route->access));
    return route->handler(c);
}

} // namespace kinerja::web
