#include "adapters/web/session.h"

#include "app/auth.h"
#include "platform/tokens.h"

namespace kinerja::web {

std::string cookie(const WebOptions& o, const std::string& name, const std::string& value, std::int64_t max_age) {
    return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
           (o.behind_tls ? "; Secure" : "");
}

Result<app::Actor> authenticate(RequestContext& c) {
    std::string token;
    const std::string auth = c.request.header("authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
        token = auth.substr(7);
        c.by_cookie = false;
    } else {
        token = c.request.cookie(k_session_cookie);
        c.by_cookie = true;
    }
    return app::resolve_session(c.repo(), c.options().auth, token, c.now());
}

bool csrf_ok(const RequestContext& c) {
    if (!c.by_cookie) return true;
    std::string given = c.request.header("x-csrf-token");
    if (given.empty() && c.is_multipart()) {
        if (c.parts)
            for (const auto& part : *c.parts)
                if (part.name == "csrf") given = std::string(part.data);
    } else if (given.empty()) {
        const auto f = c.request.form();
        if (auto it = f.find("csrf"); it != f.end()) given = it->second;
    }
    return !given.empty() && platform::constant_time_equal(given, c.who().csrf_token);
}

bool has_credentials(const Request& head) {
    return head.header("authorization").rfind("Bearer ", 0) == 0 ||
           head.cookie(k_session_cookie).size() >= 20; // a session token is 43 characters
}

} // namespace kinerja::web
