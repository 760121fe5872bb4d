#pragma once
// What the command line tells the web application (apps/kinerja serve).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

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

} // namespace kinerja::web
