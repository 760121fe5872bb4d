// The overview of many offices for a province's reviewer or an administrator: each office's
// achievement, band, absorption and whether it reported the month.
#include <functional>
#include <map>

#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/office_rollup.h"
#include "core/date.h"
#include "core/format.h"
#include "core/scale.h"

namespace kinerja::web::pages {
namespace {

Data office_row(const OfficeNode& n, const TreeScore& t, int year, int month, int depth) {
    Data row;
    row.set("code", n.code);
    row.set("name", n.name);
    row.set("year", std::to_string(year));
    row.set("indent", std::to_string(depth));
    row.set("achievement", percent_text(t.achievement.value));
    if (t.achievement.value) {
        const std::string band = lan_scale().label_of(*t.achievement.value);
        row.set("band", band);
        row.set("band_class", band_class(band));
    }
    row.set("absorption", t.absorption ? percent_text(t.absorption) + "%" : std::string(k_no_value));
    row.set("ceiling", format_rupiah(t.budget.ceiling));
    row.set("reported", t.own && (t.own->months_reported & (1 << (month - 1))) != 0);
    return row;
}

} // namespace

Response overview(RequestContext& c) {
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    auto month = shown_month(c, q, *year);
    if (!month) return error_page(c, month.error());
    auto rolled = app::roll_up_offices(c.repo(), *year);
    if (!rolled) return error_page(c, rolled.error());
    std::map<std::int64_t, const TreeScore*> by_id;
    for (const auto& t : rolled->scores)
        by_id[t.office->id] = &t;
    kainjow::mustache::list rows;
    // The tree from its roots; an office out of scope is skipped, its offices in scope are not.
    std::function<void(const OfficeNode&, int)> walk = [&](const OfficeNode& n, int depth) {
        const bool shown = app::can_view(c.who(), OfficeInfo{n.id, n.code, n.name, n.level, "", n.parent_id});
        if (shown) rows.push_back(office_row(n, *by_id.at(n.id), *year, *month, depth));
        for (const auto& child : rolled->nodes)
            if (child.parent_id == n.id) walk(child, shown ? depth + 1 : depth);
    };
    for (const auto& n : rolled->nodes)
        if (!n.parent_id) walk(n, 0);
    Data d;
    d.set("year", std::to_string(*year));
    d.set("month_name", indonesian_month_name(*month));
    d.set("offices", rows);
    return page_of(c, "Ikhtisar satker", "overview", d);
}

} // namespace kinerja::web::pages
