// What every visitor may fetch: the embedded static files, the OpenAPI description, /healthz.
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/web/compress.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "platform/embedded.h"

namespace kinerja::web::pages {
namespace {

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

Response asset(RequestContext& c, const std::string& name) {
    if (!c.options().dev_assets.empty() && name == "app.css") {
        std::ifstream in(c.options().dev_assets + "/static/app.css");
        std::stringstream ss;
        ss << in.rdbuf();
        if (in) return text(200, ss.str(), "text/css; charset=utf-8");
    }
    const auto& all = assets();
    auto it = all.find(name);
    if (it == all.end()) return text(404, "Tidak ditemukan\n");
    Response out{200, it->second.type, {}, {}};
    if (c.accepts_gzip) {
        out.body = it->second.gzipped;
        out.body_is_gzip = true;
    } else {
        out.body = it->second.body;
    }
    out.header("Cache-Control", "public, max-age=86400");
    out.header("Vary", "Accept-Encoding");
    return out;
}

} // namespace

Response static_asset(RequestContext& c) {
    return asset(c, c.param("file"));
}

Response openapi(RequestContext& c) {
    return asset(c, "openapi.json");
}

Response health(RequestContext& c) {
    return c.repo().find_office("") ? text(200, "ok\n") : text(503, "database tidak menjawab\n");
}

} // namespace kinerja::web::pages
