// The office dashboard: the year's measurement by objective with its bands and budget, a small trend
// per indicator, and the consistency findings. Cached per office, year and rights until data changes.
#include <cmath>
#include <sstream>

#include "adapters/web/forms.h"
#include "adapters/web/import_pages.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/scope.h"
#include "core/checks.h"
#include "core/format.h"
#include "core/measurement.h"

namespace kinerja::web::pages {
namespace {

using kainjow::mustache::list;

// A small line of the monthly entries: an office's year at a glance.
std::string trend_of(const IndicatorData& indicator) {
    std::vector<std::pair<int, double>> points;
    for (const auto& e : indicator.actuals)
        if (e.value)
            points.emplace_back(e.month, static_cast<double>(e.value->mantissa()) / std::pow(10.0, e.value->scale()));
    if (points.size() == 1) return "<small>B" + std::to_string(points[0].first) + "</small>";
    if (points.size() < 2) return {};
    double lo = points[0].second, hi = points[0].second;
    for (const auto& [month, v] : points) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    std::ostringstream svg;
    svg << "<svg class=\"trend\" viewBox=\"0 0 110 24\" role=\"img\" aria-label=\"Tren bulanan\"><polyline points=\"";
    for (const auto& [month, v] : points)
        svg << (month - 1) * 10 << "," << (hi == lo ? 12.0 : 22.0 - (v - lo) / (hi - lo) * 20.0) << " ";
    svg << "\"/></svg>";
    return svg.str();
}

Data objective_view(const MeasuredObjective& mo) {
    Data od;
    od.set("number", mo.objective->number);
    od.set("name", mo.objective->name);
    od.set("achievement", percent_text(mo.rollup.value));
    od.set("method", describe_rollup(mo.rollup, "indikator"));
    if (!mo.band.empty()) {
        od.set("band", mo.band);
        od.set("band_class", band_class(mo.band));
    }
    if (mo.budget) {
        Data bd;
        bd.set("ceiling", format_rupiah(mo.budget->ceiling));
        bd.set("actual", format_rupiah(mo.budget->actual));
        bd.set("absorption", percent_text(mo.absorption) + "%");
        od.set("budget", bd);
    }
    list inds;
    for (const auto& mi : mo.indicators) {
        Data id;
        id.set("name", mi.indicator->statement);
        id.set("target", or_no_value(mi.indicator->target_text));
        id.set("actual", or_no_value(mi.actual_text));
        if (mi.achievement.percent) id.set("achievement", percent_text(mi.achievement.percent));
        id.set("reason", mi.achievement.reason);
        if (!mi.band.empty()) {
            id.set("band", mi.band);
            id.set("band_class", band_class(mi.band));
        }
        id.set("trend", trend_of(*mi.indicator));
        inds.push_back(id);
    }
    od.set("indicators", inds);
    return od;
}

void add_findings(Data& d, const std::vector<Finding>& findings) {
    int errors = 0, warnings = 0;
    list fl;
    for (const auto& f : findings) {
        if (f.severity == Severity::info) continue;
        (f.severity == Severity::error ? errors : warnings) += 1;
        Data fd;
        fd.set("severity", std::string(severity_code(f.severity)));
        fd.set("severity_label", f.severity == Severity::error ? "Galat" : "Peringatan");
        fd.set("message", f.message);
        fd.set("where", f.where);
        fl.push_back(fd);
    }
    d.set("finding_errors", std::to_string(errors));
    d.set("finding_warnings", std::to_string(warnings));
    if (!fl.empty()) d.set("has_findings", true);
    d.set("findings", fl);
}

struct Rights {
    bool record, audit, import;
    std::string key() const { return std::string(record ? "r" : "-") + (audit ? "a" : "-") + (import ? "i" : "-"); }
};

Data dashboard_view(const OfficeInfo& office, const OfficeYear& data, const std::vector<int>& years,
                    const Rights& rights) {
    const Measurement m = measure(data);
    Data d;
    d.set("office_name", office.name);
    d.set("office_code", office.code);
    d.set("year", std::to_string(data.year));
    d.set("scale_name", m.scale->label);
    d.set("years", year_options(years, data.year));
    d.set("office_achievement", percent_text(m.rollup.value));
    d.set("office_method", describe_rollup(m.rollup, "sasaran"));
    set_if(d, "office_band", m.band);
    d.set("office_band_class", band_class(m.band));
    d.set("absorption", m.absorption ? percent_text(m.absorption) + "%" : std::string(k_no_value));
    d.set("budget_actual", format_rupiah(m.budget.actual));
    d.set("budget_ceiling", format_rupiah(m.budget.ceiling));
    if (rights.record) d.set("can_record", true);
    if (rights.audit) d.set("can_audit", true);
    if (rights.import) d.set("can_import", true);
    list objectives;
    for (const auto& mo : m.objectives)
        objectives.push_back(objective_view(mo));
    d.set("objectives", objectives);
    d.set("scale_citation", m.scale->citation);
    d.set("scale_note", m.scale->note);
    list scale_lines;
    for (const auto& l : m.scale->describe())
        scale_lines.push_back(Data(l));
    d.set("scale_lines", scale_lines);
    add_findings(d, check_office_year(data));
    return d;
}

} // namespace

Response dashboard(RequestContext& c) {
    const OfficeInfo& office = *c.office;
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    auto generation = c.repo().data_generation();
    if (!generation) return error_page(c, generation.error());
    // The page depends on the office, the year and what the role may do; nothing else of the caller or
    // the address, so made-up parameters cannot fill the cache.
    const Rights rights{app::can_record_some(c.who(), office), app::can_audit(c.who(), office),
                        app::can_plan(c.who(), office)};
    const std::string key = office.code + "|" + std::to_string(*year) + "|" + rights.key();
    const std::string flash = import_done_message(q);
    if (auto hit = c.web.cache().get(key, *generation)) return page(c, hit->title, hit->body, 200, flash, &hit->body_z);
    auto years = c.repo().office_years(office.id);
    if (!years) return error_page(c, years.error());
    auto data = c.repo().load_office_year(office, *year);
    if (!data) return error_page(c, data.error());
    PageCache::Entry made{*generation,
                          render("dashboard", dashboard_view(office, *data, *years, rights), c.options().dev_assets),
                          office.name + " " + std::to_string(*year),
                          {}};
    made.body_z = deflate_piece(made.body, false, 9);
    c.web.cache().put(key, made);
    return page(c, made.title, made.body, 200, flash, &made.body_z);
}

} // namespace kinerja::web::pages
