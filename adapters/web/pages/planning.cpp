// Planning: the year's targets (set here), the Renstra, the RKT, the agreements (PK) with their
// revisions, and the action plan's months (set here).
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "adapters/web/pages/planning_view.h"
#include "core/fiscal_year.h"
#include "core/messages.h"

namespace kinerja::web::pages {
namespace {

struct PlanningForm {
    int status = 200;
    std::string error, saved;
    Typed typed, target_problems;
};

Response planning_page(RequestContext& c, int year, const PlanningForm& form) {
    auto data = c.repo().load_office_year(*c.office, year);
    if (!data) return error_page(c, data.error());
    auto targets = app::targets_for(c.repo(), c.who(), c.office->code, year);
    if (!targets) return error_page(c, targets.error());
    const bool can_plan = app::can_plan(c.who(), *c.office);
    Data d;
    d.set("office_name", c.office->name);
    d.set("office_code", c.office->code);
    d.set("year", std::to_string(year));
    set_if(d, "error", form.error);
    set_if(d, "saved", form.saved);
    d.set("csrf", c.who().csrf_token);
    d.set("previous_year", std::to_string(year - 1));
    if (can_plan) d.set("can_plan", true);
    if (!targets->empty()) d.set("has_targets", true);
    d.set("targets", targets_view(*targets, can_plan, form.typed, form.target_problems));
    d.set("renstra", renstra_view(*data));
    d.set("plans", plans_view(*data));
    d.set("agreements", agreements_view(c, *data, form.typed));
    d.set("action_plans", action_plans_view(*data, can_plan));
    return page_of(c, "Perencanaan " + c.office->name, "planning", d, form.status);
}

// The confirmation a planning save redirects with (?tersimpan=target|renaksi, ?revisi=<version>).
std::string planning_saved(const Fields& q) {
    if (auto version = int_field(q, "revisi", 1, 1000000))
        return message(Msg::pk_revision_saved, {{"version", std::to_string(*version)}});
    if (field(q, "tersimpan") == "target") return message(Msg::targets_saved);
    if (field(q, "tersimpan") == "renaksi") return message(Msg::action_plan_saved);
    return {};
}

std::optional<int> posted_year(const Fields& f) {
    return int_field(f, "tahun", k_first_year, k_last_year);
}

Response bad_year(RequestContext& c, const Fields& f) {
    return error_page(c, 422, message(Msg::cannot_process_heading), year_problem(field(f, "tahun")));
}

} // namespace

Response planning(RequestContext& c) {
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    return planning_page(c, *year, {200, {}, planning_saved(q), {}, {}});
}

Response save_targets(RequestContext& c) {
    const auto f = c.form();
    const auto year = posted_year(f);
    if (!year) return bad_year(c, f);
    const auto fields = versioned_fields(f, "target_");
    if (!fields)
        return error_page(c, 422, message(Msg::cannot_process_heading),
                          message(Msg::form_invalid, {{"form", "target"}}));
    std::vector<app::TargetEdit> edits;
    for (const auto& v : *fields)
        edits.push_back({v.id, v.value, v.version});
    auto problems = app::save_targets(c.repo(), c.who(), c.office->code, *year, edits, c.now_iso());
    if (!problems) {
        const int status = status_of(problems.error());
        if (status == 404 || status == 403) return error_page(c, problems.error());
        return planning_page(c, *year, {status, shown_message(problems.error()), {}, f, {}});
    }
    if (!problems->empty()) {
        const bool conflict = problems->count("conflict") > 0;
        return planning_page(
            c, *year,
            {conflict ? 409 : 422,
             conflict ? message(Msg::conflict_nothing_saved, {{"what", "target"}}) : message(Msg::check_marked_fields),
             {},
             f,
             *problems});
    }
    return redirect("/kantor/" + c.office->code + "/rencana?tahun=" + std::to_string(*year) +
                    "&tersimpan=target#target");
}

Response save_action_months(RequestContext& c) {
    const auto f = c.form();
    const auto year = posted_year(f);
    if (!year) return bad_year(c, f);
    std::vector<app::MonthsEdit> edits;
    for (const auto& [k, v] : f) {
        if (k.rfind("versi_", 0) != 0) continue;
        const std::string id = k.substr(6);
        const auto version = int_field(f, k.c_str(), 0, 1000000000);
        if (id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos || !version)
            return error_page(c, 422, message(Msg::cannot_process_heading),
                              message(Msg::form_invalid, {{"form", "Rencana Aksi"}}));
        int months = 0;
        for (int m = 1; m <= 12; ++m)
            if (f.count("bulan_" + id + "_" + std::to_string(m))) months |= 1 << (m - 1);
        // Only what changed is written: an activity whose months the source never gave stays unknown until ticked.
        const std::string original = f.count("asal_" + id) ? f.at("asal_" + id) : std::string("?");
        if (original == "?" ? months == 0 : original == std::to_string(months)) continue;
        edits.push_back({std::stoll(id), months, *version});
    }
    auto saved = app::save_action_months(c.repo(), c.who(), c.office->code, edits, c.now_iso());
    if (!saved) {
        const int status = status_of(saved.error());
        if (status == 404 || status == 403) return error_page(c, saved.error());
        return planning_page(c, *year, {status, shown_message(saved.error()), {}, {}, {}});
    }
    return redirect("/kantor/" + c.office->code + "/rencana?tahun=" + std::to_string(*year) +
                    "&tersimpan=renaksi#renaksi");
}

Response revise_pk(RequestContext& c) {
    const auto f = c.form();
    const auto year = posted_year(f);
    const auto version = int_field(f, "versi", 1, 1000000);
    const std::string& id = c.param("id");
    if (!year || !version || id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos)
        return error_page(c, 422, message(Msg::cannot_process_heading), "Formulir revisi PK tidak lengkap");
    app::AgreementRevision rev;
    rev.agreement_id = std::stoll(id);
    rev.expected_version = *version;
    rev.reason_code = field(f, "alasan_kode");
    rev.reason = field(f, "alasan");
    rev.date = field(f, "tanggal");
    for (const auto& [k, v] : f)
        if (k.rfind("target_", 0) == 0 && k.size() > 7 && k.size() < 22 &&
            k.find_first_not_of("0123456789", 7) == std::string::npos)
            rev.targets[std::stoll(k.substr(7))] = v;
    auto result = app::revise_agreement(c.repo(), c.who(), c.office->code, *year, rev, c.now_iso());
    if (!result) {
        const int status = status_of(result.error());
        if (status == 404 || status == 403) return error_page(c, result.error());
        return planning_page(c, *year, {status, shown_message(result.error()), {}, f, {}});
    }
    if (!result->problems.empty()) {
        std::string message = "Revisi tidak disimpan: ";
        bool first = true;
        for (const auto& [name, problem] : result->problems) {
            message += (first ? "" : "; ") + problem;
            first = false;
        }
        return planning_page(c, *year, {422, message, {}, f, {}});
    }
    return redirect("/kantor/" + c.office->code + "/rencana?tahun=" + std::to_string(*year) +
                    "&revisi=" + std::to_string(result->new_version) + "#pk-" + id);
}

} // namespace kinerja::web::pages
