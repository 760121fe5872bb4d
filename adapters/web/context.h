#pragma once
// What every page handler is given (after libkiwix's RequestContext): the request, the caller once
// logged in, the office the address names (resolved and scope-checked by the router), the multipart
// body parsed once, and through WebContext the application's shared parts.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/multipart.h"
#include "adapters/web/options.h"
#include "adapters/web/page_cache.h"
#include "app/actor.h"

namespace kinerja::web {

using http::Request;
using http::Response;

// Shared by every request and worker thread.
class WebContext {
public:
    WebContext(RepositoryFactory factory, WebOptions options);
    ~WebContext();
    const WebOptions& options() const { return m_options; }
    std::int64_t now() const; // unix seconds
    // This thread's connection (each worker keeps its own).
    app::Repository& repo();
    app::EvidenceFiles& evidence() { return *m_evidence; }
    PageCache& cache() { return m_cache; }
    // Takes the user's import slot on this server; false when an import of theirs is running.
    bool start_import(std::int64_t user_id);
    void end_import(std::int64_t user_id);

private:
    RepositoryFactory m_factory;
    WebOptions m_options;
    std::unique_ptr<app::EvidenceFiles> m_evidence;
    PageCache m_cache;
    std::mutex m_importing_mutex;
    std::set<std::int64_t> m_importing;
};

struct RequestContext {
    RequestContext(const Request& r, WebContext& w) : request(r), web(w) {}
    const Request& request;
    WebContext& web;
    bool accepts_gzip = false;
    const app::Actor* actor = nullptr;            // set once the session is resolved
    bool by_cookie = true;                        // the session came from the browser's cookie
    std::optional<std::vector<http::Part>> parts; // the multipart body, parsed once
    std::map<std::string, std::string> params;    // from the route's pattern: "office", "id", "file"
    std::optional<OfficeInfo> office;             // the office in {office}, in the actor's scope

    const app::Actor& who() const { return *actor; }
    app::Repository& repo() const { return web.repo(); }
    const WebOptions& options() const { return web.options(); }
    std::int64_t now() const { return web.now(); }
    std::string now_iso() const; // "2026-12-07T10:00:00Z"
    const std::string& param(const std::string& name) const;
    std::map<std::string, std::string> query() const { return request.query_params(); }
    std::map<std::string, std::string> form() const { return request.form(); }
    // GET pages read the query; a re-rendered POST page reads the form.
    std::map<std::string, std::string> query_or_form() const;
    bool is_multipart() const;
};

} // namespace kinerja::web
