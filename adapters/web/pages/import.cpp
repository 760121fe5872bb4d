// The web import (import_pages.h): one import per user at a time on this server, beside the server's
// one request per session on the import lane.
#include "adapters/web/import_pages.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"

namespace kinerja::web::pages {

Response import(RequestContext& c) {
    const bool posted = c.request.method == "POST";
    if (posted && !c.web.start_import(c.who().user_id))
        return error_page(c, 429, "Impor lain masih berjalan",
                          "Impor Anda yang sebelumnya masih dibaca; tunggu sampai selesai, lalu coba lagi. Tidak ada "
                          "yang disimpan dari permintaan ini");
    struct Release {
        RequestContext& c;
        bool active;
        ~Release() {
            if (active) c.web.end_import(c.who().user_id);
        }
    } release{c, posted};
    const auto& o = c.options();
    auto v = import_step(c.repo(), c.who(), c.office->code, c.request, c.parts,
                         {o.dev_assets, c.now(), o.max_import_bytes, o.import_pdf_seconds, o.scratch_store});
    return v.redirect.empty() ? page(c, v.title, v.html, v.status) : redirect(v.redirect);
}

} // namespace kinerja::web::pages
