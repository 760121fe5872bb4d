// The office's audit log: every change with who, when, before and after, filtered by user, action and dates.
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "core/date.h"

namespace kinerja::web::pages {

Response audit(RequestContext& c) {
    const auto q = c.query();
    app::AuditFilter f;
    f.actor = field(q, "pengguna");
    f.action = field(q, "aksi");
    f.from = field(q, "dari");
    f.to = field(q, "sampai");
    for (const auto* date : {&f.from, &f.to})
        if (!date->empty() && !parse_iso_date(*date))
            return error_page(c, 422, "Tanggal tidak sah", "Tanggal '" + *date + "' tidak sah (YYYY-MM-DD)");
    auto rows = c.repo().audit_log(c.office->id, f);
    if (!rows) return error_page(c, rows.error());
    Data d;
    d.set("office_name", c.office->name);
    d.set("office_code", c.office->code);
    d.set("actor", f.actor);
    d.set("action", f.action);
    d.set("from", f.from);
    d.set("to", f.to);
    kainjow::mustache::list l;
    for (const auto& row : *rows) {
        Data rd;
        rd.set("at", readable_time(row.at));
        rd.set("actor", row.actor);
        rd.set("action", row.action);
        rd.set("entity", row.entity);
        rd.set("entity_id", row.entity_id ? std::to_string(*row.entity_id) : std::string());
        rd.set("before", row.before);
        rd.set("after", row.after);
        l.push_back(rd);
    }
    d.set("rows", l);
    return page_of(c, "Log audit", "audit", d);
}

} // namespace kinerja::web::pages
