#pragma once
// The route table: every address the application answers and what its caller needs. The router
// resolves the office an address names (in the caller's scope, else 404), checks the route's access
// (else 403) and, for a browser's POST, the session's CSRF token (else 403), then calls the handler.
// The authorization test walks this same table (tests/integration/authorization_test.cpp).
#include <map>
#include <string>
#include <vector>

#include "adapters/web/context.h"
#include "app/scope.h"

namespace kinerja::web {

using PageHandler = Response (*)(RequestContext&);

struct Route {
    const char* method;  // "GET" (HEAD too) or "POST"
    const char* pattern; // "/kantor/{office}/realisasi": {name} matches one non-empty path segment
    app::Access access;
    PageHandler handler;
    bool csrf = true; // a POST from a browser session carries its CSRF token (the login form has its own)
};

const std::vector<Route>& routes();
// The route for a method and path, with the segments its pattern names; nullptr when none matches.
const Route* match(const std::string& method, const std::string& path, std::map<std::string, std::string>& params);
// Everything between the server and a handler: text checks, the route, the session, the CSRF token,
// the office in scope, the access; then the handler.
Response dispatch(RequestContext& c);

} // namespace kinerja::web
