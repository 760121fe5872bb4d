#pragma once
// Answers: plain text, JSON, redirects, and HTML pages inside the layout (the menu, the user, the
// flash message), gzip-compressed for the browsers that accept it.
#include <string>

#include "adapters/web/compress.h"
#include "adapters/web/context.h"
#include "adapters/web/templates.h"

namespace boost::json {
class value;
}

namespace kinerja::web {

Response text(int status, std::string body, std::string type = "text/plain; charset=utf-8");
Response json_response(int status, const boost::json::value& v);
Response json_error(int status, const std::string& message);
Response redirect(const std::string& location);

// A page: `content` inside the layout. `content_z`: the content compressed once before (a cached page).
Response page(const RequestContext& c, const std::string& title, const std::string& content, int status = 200,
              const std::string& flash = {}, const DeflatePiece* content_z = nullptr);
// A page rendered from templates/<name>.mustache.
Response page_of(const RequestContext& c, const std::string& title, const std::string& name, const Data& data,
                 int status = 200);
Response error_page(const RequestContext& c, int status, const std::string& heading, const std::string& message);
// An error's page: the status from its code, a heading for it, and shown_message (errors.h).
Response error_page(const RequestContext& c, const Error& e);
// The same as JSON for the API: {"error": message}.
Response json_error(const Error& e);

} // namespace kinerja::web
