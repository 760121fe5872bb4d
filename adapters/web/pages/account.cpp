// Logging in and out, the home address, and changing one's password.
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "adapters/web/session.h"
#include "app/auth.h"
#include "platform/tokens.h"

namespace kinerja::web::pages {
namespace {

Response login_page(RequestContext& c, const std::string& error, const std::string& login, int status) {
    // Before a session exists, the form's CSRF token is a random value in a cookie and a hidden field.
    std::string token = c.request.cookie(k_login_csrf_cookie);
    if (token.empty()) token = platform::random_token();
    Data d;
    d.set("login_csrf", token);
    set_if(d, "error", error);
    d.set("login", login);
    Response resp = page_of(c, "Masuk", "login", d, status);
    resp.header("Set-Cookie", cookie(c.options(), k_login_csrf_cookie, token, 3600));
    return resp;
}

Response password_page(RequestContext& c, const std::string& current_error, const std::string& next_error, bool done,
                       int status) {
    Data d;
    d.set("csrf", c.who().csrf_token);
    set_if(d, "current_error", current_error);
    set_if(d, "next_error", next_error);
    if (done) d.set("done", true);
    return page_of(c, "Ganti kata sandi", "password", d, status);
}

} // namespace

Response login_form(RequestContext& c) {
    return login_page(c, {}, {}, 200);
}

Response login_submit(RequestContext& c) {
    const auto f = c.form();
    const std::string cookie_token = c.request.cookie(k_login_csrf_cookie);
    if (cookie_token.empty() || !platform::constant_time_equal(cookie_token, field(f, "csrf")))
        return login_page(c, "Formulir kedaluwarsa; silakan coba lagi", field(f, "login"), 403);
    auto result = app::login(c.repo(), c.options().auth, field(f, "login"), field(f, "password"), "browser", c.now());
    if (!result) {
        // The name typed is given back to correct, unless it was too long to be anyone's.
        const std::string login = field(f, "login");
        return login_page(c, shown_message(result.error()), login.size() <= app::k_max_login_bytes ? login : "",
                          status_of(result.error()));
    }
    Response resp = redirect("/");
    resp.header("Set-Cookie", cookie(c.options(), k_session_cookie, result->token, c.options().auth.absolute_seconds));
    resp.header("Set-Cookie", cookie(c.options(), k_login_csrf_cookie, "", 0));
    return resp;
}

Response logout(RequestContext& c) {
    (void)app::logout(c.repo(), c.who());
    Response resp = redirect("/masuk");
    resp.header("Set-Cookie", cookie(c.options(), k_session_cookie, "", 0));
    return resp;
}

Response home(RequestContext& c) {
    const app::Actor& a = c.who();
    if (a.role == app::Role::admin || a.role == app::Role::reviewer) return redirect("/ikhtisar");
    return redirect("/kantor/" + a.office_code);
}

Response password_form(RequestContext& c) {
    return password_page(c, {}, {}, false, 200);
}

Response password_change(RequestContext& c) {
    const auto f = c.form();
    auto changed = app::change_password(c.repo(), c.who(), field(f, "current"), field(f, "next"));
    if (!changed) {
        const bool current = changed.error().where == "current";
        const std::string message = shown_message(changed.error());
        return password_page(c, current ? message : "", current ? "" : message, false, status_of(changed.error()));
    }
    return password_page(c, {}, {}, true, 200);
}

} // namespace kinerja::web::pages
