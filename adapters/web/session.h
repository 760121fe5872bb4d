#pragma once
// Who is asking: a bearer token (API clients) or the session cookie (browsers), and the CSRF token
// every state-changing form of a browser session carries.
#include <cstdint>
#include <string>

#include "adapters/web/context.h"

namespace kinerja::web {

inline constexpr const char* k_session_cookie = "kinerja_sesi";
inline constexpr const char* k_login_csrf_cookie = "kinerja_masuk";

// A Set-Cookie value: HttpOnly, SameSite=Lax, and Secure behind TLS.
std::string cookie(const WebOptions& o, const std::string& name, const std::string& value, std::int64_t max_age);
// The caller of the request; sets c.by_cookie.
Result<app::Actor> authenticate(RequestContext& c);
// The form's (or htmx's header's, or the multipart body's) CSRF token equals the session's. A bearer
// token needs none: a browser never sends it on its own.
bool csrf_ok(const RequestContext& c);
// The request carries a credential (a session cookie or a bearer token), judged from its head alone.
bool has_credentials(const Request& head);

} // namespace kinerja::web
