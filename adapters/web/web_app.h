#pragma once
// The web application: pages in Indonesian, the JSON API, static assets. Every request is checked
// against the caller's role and scope here, on the server.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "adapters/http/http_types.h"
#include "adapters/http/server.h"
#include "app/auth.h"
#include "app/evidence.h"
#include "app/repository.h"

namespace kinerja::web {

using RepositoryFactory = std::function<Result<std::unique_ptr<app::Repository>>()>;

struct WebOptions {
    app::AuthSettings auth;
    std::function<std::int64_t()> now; // unix seconds; the system clock when empty
    std::string dev_assets;            // serve templates and static files from this folder (editing)
    bool behind_tls = false;           // served over HTTPS (a TLS proxy): Secure cookies and HSTS
    std::string evidence_dir;          // uploaded evidence, stored under its SHA-256
    app::EvidenceLimits evidence;      // size of one file, quota of an office
    // Documents uploaded for import; under the server's body limit, so the page can say why.
    std::size_t max_import_bytes = 10u << 20;
    int import_pdf_seconds = 30; // how long reading one uploaded PDF may take
    // Opens an empty scratch store for the checks of an uploaded document (apps/kinerja: SQLite in memory).
    RepositoryFactory scratch_store;
};

class WebApp {
public:
    WebApp(RepositoryFactory factory, WebOptions options);
    ~WebApp();
    http::Response handle(const http::Request& request);
    // Where a request runs and how large its body may be, from its head alone (server.h's Planner):
    // before login a body is small; imports run on their own lane, logins and /healthz on theirs.
    http::RoutePlan plan(const http::Request& head) const;
    // The lanes plan() names, with their sizes, for the server.
    static std::vector<http::LaneOptions> lanes();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinerja::web
