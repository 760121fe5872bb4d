#include "adapters/web/layout.h"

#include <boost/json.hpp>

#include "adapters/web/errors.h"
#include "core/messages.h"

namespace kinerja::web {

Response text(int status, std::string body, std::string type) {
    return Response{status, std::move(type), {}, std::move(body)};
}

Response json_response(int status, const boost::json::value& v) {
    return text(status, boost::json::serialize(v) + "\n", "application/json");
}

Response json_error(int status, const std::string& message) {
    boost::json::object o;
    o["error"] = message;
    return json_response(status, o);
}

Response json_error(const Error& e) {
    return json_error(status_of(e), shown_message(e));
}

Response redirect(const std::string& location) {
    Response r = text(303, "");
    r.header("Location", location);
    return r;
}

// The part before the content names the user (and is compressed per request); the part after it is
// the same for everyone (compressed once per thread).
Response page(const RequestContext& c, const std::string& title, const std::string& content, int status,
              const std::string& flash, const DeflatePiece* content_z) {
    static const std::string marker = "\x01kinerja-content\x01";
    Data d;
    d.set("title", title);
    d.set("content", marker);
    if (!flash.empty()) d.set("flash", flash);
    if (const app::Actor* actor = c.actor) {
        d.set("user", actor->login);
        d.set("role_label", std::string(app::role_label(actor->role)));
        d.set("csrf", actor->csrf_token);
        if (!actor->office_name.empty()) d.set("office_name", actor->office_name);
        if (actor->role == app::Role::admin || actor->role == app::Role::reviewer) d.set("overview", true);
    }
    const std::string whole = render("layout", d, c.options().dev_assets);
    const auto at = whole.find(marker);
    const std::string head = whole.substr(0, at), tail = whole.substr(at + marker.size());
    Response r{status, "text/html; charset=utf-8", {}, {}};
    if (!c.accepts_gzip) {
        r.body = head + content + tail;
        return r;
    }
    const DeflatePiece head_z = deflate_piece(head, false, 6);
    const DeflatePiece fresh_z = content_z ? DeflatePiece{} : deflate_piece(content, false, 6);
    thread_local std::string tail_source;
    thread_local DeflatePiece tail_z;
    if (tail_source != tail) {
        tail_source = tail;
        tail_z = deflate_piece(tail, true, 9);
    }
    r.body = gzip_from({&head_z, content_z ? content_z : &fresh_z, &tail_z});
    r.body_is_gzip = true;
    r.header("Vary", "Accept-Encoding");
    return r;
}

Response page_of(const RequestContext& c, const std::string& title, const std::string& name, const Data& data,
                 int status) {
    return page(c, title, render(name, data, c.options().dev_assets), status);
}

Response error_page(const RequestContext& c, int status, const std::string& heading, const std::string& message) {
    Data d;
    d.set("heading", heading);
    d.set("message", message);
    return page_of(c, heading, "error", d, status);
}

Response error_page(const RequestContext& c, const Error& e) {
    const int status = status_of(e);
    const Msg heading = status == 404   ? Msg::not_found_heading
                        : status == 403 ? Msg::not_allowed_heading
                        : status == 409 ? Msg::conflict_heading
                                        : Msg::cannot_process_heading;
    return error_page(c, status, message(heading), shown_message(e));
}

} // namespace kinerja::web
