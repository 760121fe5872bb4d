#pragma once
// The web import (issue 6): upload a document, see what was understood with the findings beside it,
// correct values in place, check again, then store it through the same code as `kinerja import`.
// Stateless between requests: the upload waits in the database (import_draft) and every step reads
// it again; the corrections travel in the form as fields named `fix.<path in the seed>`.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/multipart.h"
#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::web {

struct ImportSettings {
    std::string dev_assets;
    std::int64_t now = 0; // unix seconds
    std::size_t max_bytes = 10u << 20;
    int pdf_seconds = 30; // how long pdftotext may read one uploaded PDF
    // Opens the empty store a document's checks load it into (WebOptions::scratch_store).
    app::RepositoryFactory scratch_store;
};

// What the page layout needs: a page body, or a redirect (after storing).
struct ImportView {
    int status = 200;
    std::string title, html, redirect;
};

// GET shows the upload form; POST (multipart) uploads, POST (form) re-checks or stores. `parts`: the
// multipart body as the server already parsed it for the CSRF token (nullopt when not multipart or
// not well-formed), so an upload of up to 10 MB is parsed once per request.
ImportView import_step(app::Repository& repo, const app::Actor& a, const std::string& code, const http::Request& r,
                       const std::optional<std::vector<http::Part>>& parts, const ImportSettings& settings);

// The office page's message after a store (`?impor=...` set by the redirect); empty when none.
std::string import_done_message(const std::map<std::string, std::string>& query);

} // namespace kinerja::web
