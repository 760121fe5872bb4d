// Obstacles and remedies of the year (LKj BAB IV B and C).
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/monthly_work.h"
#include "core/fiscal_year.h"
#include "core/messages.h"

namespace kinerja::web::pages {
namespace {

struct ObstacleForm {
    int status = 200;
    Fields typed;
    std::map<std::string, std::string> problems;
    std::string error;
};

Response obstacles_page(RequestContext& c, int year, const ObstacleForm& form) {
    auto rows = app::list_obstacles(c.repo(), c.who(), c.office->code, year);
    if (!rows) return error_page(c, rows.error());
    Data d;
    d.set("office_name", c.office->name);
    d.set("office_code", c.office->code);
    d.set("year", std::to_string(year));
    d.set("csrf", c.who().csrf_token);
    set_if(d, "error", form.error);
    if (app::can_plan(c.who(), *c.office)) d.set("editable", true);
    d.set("aspect", field(form.typed, "aspek"));
    d.set("obstacle", field(form.typed, "hambatan"));
    d.set("remark", field(form.typed, "keterangan"));
    d.set("remedy", field(form.typed, "upaya"));
    set_if(d, "obstacle_error", field(form.problems, "hambatan"));
    set_if(d, "remedy_error", field(form.problems, "upaya"));
    kainjow::mustache::list l;
    for (const auto& o : *rows) {
        Data od;
        od.set("number", o.number);
        od.set("aspect", o.aspect);
        od.set("obstacle", o.obstacle);
        od.set("remark", o.remark);
        od.set("remedy", o.remedy);
        l.push_back(od);
    }
    d.set("rows", l);
    return page_of(c, "Hambatan dan upaya", "obstacles", d, form.status);
}

} // namespace

Response obstacles(RequestContext& c) {
    auto year = shown_year(c, c.query());
    if (!year) return error_page(c, year.error());
    return obstacles_page(c, *year, {});
}

Response obstacle_add(RequestContext& c) {
    const auto f = c.form();
    const auto year = int_field(f, "tahun", k_first_year, k_last_year);
    if (!year) return error_page(c, 422, message(Msg::cannot_process_heading), year_problem(field(f, "tahun")));
    app::ObstacleRecord o{0, "", field(f, "aspek"), field(f, "hambatan"), field(f, "keterangan"), field(f, "upaya")};
    auto problems = app::add_obstacle(c.repo(), c.who(), c.office->code, *year, o, c.now_iso());
    if (!problems) {
        const int status = status_of(problems.error());
        if (status == 404 || status == 403) return error_page(c, problems.error());
        return obstacles_page(c, *year, {status, f, {}, shown_message(problems.error())});
    }
    if (!problems->empty()) return obstacles_page(c, *year, {422, f, *problems, message(Msg::check_marked_fields)});
    return redirect("/kantor/" + c.office->code + "/hambatan?tahun=" + std::to_string(*year));
}

} // namespace kinerja::web::pages
