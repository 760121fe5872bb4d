// The JSON API (contracts.md): a token for a login, and the measurement table of an office.
#include <boost/json.hpp>

#include "adapters/json/measurement_json.h"
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/auth.h"
#include "core/checks.h"
#include "core/fiscal_year.h"
#include "core/measurement.h"

namespace kinerja::web::pages {

Response api_login(RequestContext& c) {
    namespace bj = boost::json;
    boost::system::error_code ec;
    bj::parse_options po;
    po.max_depth = 8;
    const std::string& body = c.request.body;
    const bj::value v = body.size() < 4096 ? bj::parse(body, ec, {}, po) : bj::value();
    if (ec || !v.is_object()) return json_error(400, "Isi permintaan harus JSON {\"login\": ..., \"password\": ...}");
    const auto& o = v.as_object();
    const auto* l = o.if_contains("login");
    const auto* p = o.if_contains("password");
    if (!l || !p || !l->is_string() || !p->is_string())
        return json_error(400, "Kolom 'login' dan 'password' wajib berupa teks");
    auto result = app::login(c.repo(), c.options().auth, std::string(l->as_string()), std::string(p->as_string()),
                             "api", c.now());
    if (!result) {
        Response e = json_error(result.error());
        if (result.error().code == ErrorCode::too_many) e.header("Retry-After", result.error().where);
        return e;
    }
    bj::object out;
    out["token"] = result->token;
    return json_response(200, out);
}

Response api_measurement(RequestContext& c) {
    const auto q = c.query();
    const auto year = parse_year(field(q, "year"));
    if (!year) return json_error(400, "Parameter 'year' wajib berupa tahun, mis. ?year=2024");
    const std::string rounding_name = q.count("rounding") ? q.at("rounding") : "half-up";
    if (rounding_name != "half-up" && rounding_name != "truncate")
        return json_error(400, "Parameter 'rounding' harus half-up atau truncate");
    // The same table for everyone who may see it: cached until the data changes.
    auto generation = c.repo().data_generation();
    if (!generation) return json_error(generation.error());
    const std::string key = "api|" + c.office->code + "|" + std::to_string(*year) + "|" + rounding_name;
    if (auto hit = c.web.cache().get(key, *generation)) return text(200, hit->body, "application/json");
    auto data = c.repo().load_office_year(*c.office, *year);
    if (!data) return json_error(data.error());
    const Measurement m = measure(*data);
    std::string body = json::measurement_to_json(
        *data, m, rounding_name == "truncate" ? Rounding::truncate : Rounding::half_up, check_office_year(*data));
    c.web.cache().put(key, {*generation, body, {}, {}});
    return text(200, std::move(body), "application/json");
}

} // namespace kinerja::web::pages
