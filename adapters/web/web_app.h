#pragma once
// The web application: pages in Indonesian, the JSON API, static assets. Every request is checked
// against the caller's role and scope here, on the server.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "adapters/http/http_types.h"
#include "app/auth.h"
#include "app/repository.h"

namespace kinerja::web {

using RepositoryFactory = std::function<Result<std::unique_ptr<app::Repository>>()>;

struct WebOptions {
    app::AuthSettings auth;
    std::function<std::int64_t()> now; // unix seconds; the system clock when empty
    std::string dev_assets;            // serve templates and static files from this folder (editing)
    bool secure_cookies = false;       // add Secure to cookies (behind HTTPS)
    std::string evidence_dir;          // uploaded evidence, stored under its SHA-256
    std::size_t max_evidence_bytes = 10u << 20;
    // Documents uploaded for import; under the server's body limit, so the page can say why.
    std::size_t max_import_bytes = 10u << 20;
};

class WebApp {
public:
    WebApp(RepositoryFactory factory, WebOptions options);
    ~WebApp();
    http::Response handle(const http::Request& request);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinerja::web
