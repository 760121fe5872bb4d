#include "adapters/web/web_app.h"

#include <cstdio>

#include "adapters/web/compress.h"
#include "adapters/web/context.h"
#include "adapters/web/layout.h"
#include "adapters/web/routes.h"
#include "adapters/web/session.h"
#include "platform/tokens.h"

namespace kinerja::web {
namespace {

constexpr std::size_t k_small_body = 16u << 10; // login forms, and anything before a session exists
constexpr std::size_t k_form_body = 2u << 20;   // the largest ordinary form (36 narrative sections)
constexpr std::size_t k_upload_body = 12u << 20;

bool accepts_gzip(const Request& r) {
    return r.header("accept-encoding").find("gzip") != std::string::npos;
}

// Escaping by default in the templates; these headers close the rest. Pages, JSON, evidence and
// reports are someone's data: no cache keeps them (static assets say otherwise).
void secure(Response& r, bool behind_tls) {
    r.header("X-Content-Type-Options", "nosniff");
    r.header("X-Frame-Options", "DENY");
    r.header("Referrer-Policy", "same-origin");
    r.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
    bool cache_set = false;
    for (const auto& [name, value] : r.headers)
        cache_set |= name == "Cache-Control";
    if (!cache_set) r.header("Cache-Control", "no-store");
    if (behind_tls) r.header("Strict-Transport-Security", "max-age=31536000");
}

} // namespace

WebApp::WebApp(RepositoryFactory factory, WebOptions options)
    : m_web(std::make_unique<WebContext>(std::move(factory), std::move(options))) {
    app::prepare_login(); // the first login with an unknown name takes no longer than the others
}

WebApp::~WebApp() = default;

http::Response WebApp::handle(const http::Request& request) {
    RequestContext c{request, *m_web};
    c.accepts_gzip = accepts_gzip(request);
    Response r;
    try {
        r = dispatch(c);
    } catch (const std::exception& e) {
        const std::string id = platform::random_token().substr(0, 10);
        std::fprintf(stderr, "kinerja: 500 [%s] %s %s: %s\n", id.c_str(), request.method.c_str(), request.path.c_str(),
                     e.what());
        r = text(500, "Terjadi kesalahan pada server (kode " + id + ")\n");
    }
    secure(r, m_web->options().behind_tls);
    // Pages and JSON are compressed for slow connections.
    const bool textual = r.content_type.rfind("text/", 0) == 0 || r.content_type.rfind("application/json", 0) == 0;
    if (textual && !r.body_is_gzip && r.body.size() > 1024 && c.accepts_gzip) {
        r.body = gzip(r.body, 6);
        r.body_is_gzip = true;
        r.header("Vary", "Accept-Encoding");
    }
    if (request.method == "HEAD") r.body.clear();
    return r;
}

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
    if (!has_credentials(head) || !post) return {"pages", k_small_body, {}};
    if (p.rfind("/kantor/", 0) == 0 && p.ends_with("/impor")) {
        // One import at a time per session, refused before its upload is even read: a user cannot fill the
        // import lane's queue for everyone else (the handler keeps one per user across sessions too).
        const std::string auth = head.header("authorization");
        return {"import", k_upload_body, auth.empty() ? "sesi:" + head.cookie(k_session_cookie) : "token:" + auth};
    }
    if (p.rfind("/kantor/", 0) == 0 && p.ends_with("/bukti")) return {"pages", k_upload_body, {}};
    return {"pages", k_form_body, {}};
}

} // namespace kinerja::web
