#pragma once
// The web application: pages in Indonesian, the JSON API, static assets. Every request goes through
// the route table (routes.h), which checks the caller's role and scope on the server.
#include <memory>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/server.h"
#include "adapters/web/options.h"

namespace kinerja::web {

class WebContext;

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
    std::unique_ptr<WebContext> m_web;
};

} // namespace kinerja::web
