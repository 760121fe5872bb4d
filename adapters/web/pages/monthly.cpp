// Monthly work: the actuals of a month per indicator with notes and evidence, each sub-unit's status
// (submit, approve, return), the head's lock, and corrections after it.
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/monthly_view.h"
#include "adapters/web/pages/pages.h"
#include "app/evidence.h"
#include "app/monthly_work.h"
#include "core/date.h"
#include "core/fiscal_year.h"
#include "core/messages.h"

namespace kinerja::web::pages {
namespace {

using kainjow::mustache::list;

Data row_view(const RequestContext& c, const app::MonthSheet& sheet, const app::SheetRow& row, const MonthForm& form) {
    Data rd;
    rd.set("id", std::to_string(row.indicator_id));
    rd.set("statement", row.statement);
    rd.set("objective", row.objective);
    set_if(rd, "owner", row.owner_unit);
    rd.set("target", row.target_text);
    set_if(rd, "unit", row.unit);
    rd.set("version", std::to_string(row.version));
    auto t = form.typed.find(row.indicator_id);
    rd.set("value", t != form.typed.end() ? t->second.first : row.value_text);
    rd.set("note", t != form.typed.end() ? t->second.second : row.note);
    if (auto p = form.problems.find(row.indicator_id); p != form.problems.end()) rd.set("problem", p->second);
    if (!row.author.empty()) {
        rd.set("author", row.author);
        rd.set("recorded_at", readable_time(row.recorded_at));
    }
    if (row.version > 0) rd.set("has_entry", true);
    set_if(rd, "correction_reason", row.correction);
    if (app::can_change(c.who(), sheet, row.owner_unit_id)) rd.set("editable", true);
    list ev;
    for (const auto& e : row.evidence) {
        Data ed;
        ed.set("id", std::to_string(e.id));
        ed.set("filename", e.filename);
        ed.set("size", app::human_size(e.size));
        ev.push_back(ed);
    }
    rd.set("evidence", ev);
    return rd;
}

Data unit_view(const RequestContext& c, const app::MonthSheet& sheet, const app::UnitMonth& u) {
    const app::Actor& a = c.who();
    Data ud;
    ud.set("unit_id", std::to_string(u.record.unit_id.value_or(0)));
    ud.set("unit_name", u.record.unit_name);
    ud.set("status_label", std::string(app::month_status_label(u.status)));
    set_if(ud, "comment", u.record.comment);
    set_if(ud, "changed_by", u.record.changed_by);
    set_if(ud, "changed_at", readable_time(u.record.changed_at));
    ud.set("version", std::to_string(u.record.version));
    ud.set("office_code", sheet.office.code);
    ud.set("csrf", a.csrf_token);
    ud.set("year", std::to_string(sheet.year));
    ud.set("month", std::to_string(sheet.month));
    if (!sheet.locked && app::can_record(a, sheet.office, u.record.unit_id) &&
        (u.status == app::MonthStatus::open || u.status == app::MonthStatus::returned))
        ud.set("can_submit", true);
    if (!sheet.locked && app::can_approve(a, sheet.office) && u.status == app::MonthStatus::submitted)
        ud.set("can_decide", true);
    return ud;
}

// The year and month a form posts ("tahun", "bulan"); nullopt when either is missing or malformed.
std::optional<std::pair<int, int>> posted_month(const Fields& f) {
    const auto year = int_field(f, "tahun", k_first_year, k_last_year);
    const auto month = int_field(f, "bulan", 1, 12);
    if (!year || !month) return std::nullopt;
    return std::pair{*year, *month};
}

} // namespace

Response monthly_page(RequestContext& c, int year, int month, const MonthForm& form) {
    auto sheet = app::month_sheet(c.repo(), c.who(), c.office->code, year, month);
    if (!sheet) return error_page(c, sheet.error());
    Data d;
    d.set("office_name", sheet->office.name);
    d.set("office_code", sheet->office.code);
    d.set("year", std::to_string(year));
    d.set("month", std::to_string(month));
    d.set("month_name", indonesian_month_name(month));
    d.set("csrf", c.who().csrf_token);
    if (sheet->locked) d.set("locked", true);
    set_if(d, "error", form.error);
    set_if(d, "saved_message", form.saved);
    d.set("correction", form.correction);
    d.set("months", month_options(month));
    bool any_editable = false;
    list rows;
    for (const auto& row : sheet->rows) {
        rows.push_back(row_view(c, *sheet, row, form));
        any_editable |= app::can_change(c.who(), *sheet, row.owner_unit_id);
    }
    d.set("rows", rows);
    if (any_editable) d.set("any_editable", true);
    list units;
    for (const auto& u : sheet->units)
        units.push_back(unit_view(c, *sheet, u));
    d.set("units", units);
    if (!sheet->locked && app::can_approve(c.who(), sheet->office)) {
        d.set("can_lock", true);
        std::int64_t lock_version = 0;
        if (auto statuses = c.repo().month_statuses(sheet->office.id, year, month))
            for (const auto& s : *statuses)
                if (!s.unit_id) lock_version = s.version;
        d.set("lock_version", std::to_string(lock_version));
    }
    return page_of(c, "Realisasi " + std::string(indonesian_month_name(month)) + " " + std::to_string(year), "monthly",
                   d, form.status);
}

Response monthly(RequestContext& c) {
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    auto month = shown_month(c, q, *year);
    if (!month) return error_page(c, month.error());
    return monthly_page(c, *year, *month, {200, {}, {}, {}, saved_message(c.request, "realisasi tersimpan."), {}});
}

Response monthly_save(RequestContext& c) {
    const auto f = c.form();
    const auto when = posted_month(f);
    if (!when) return error_page(c, 422, message(Msg::cannot_process_heading), message(Msg::year_month_invalid));
    const auto fields = versioned_fields(f, "nilai_");
    if (!fields)
        return error_page(c, 422, message(Msg::cannot_process_heading),
                          message(Msg::form_invalid, {{"form", "realisasi"}}));
    const auto [year, month] = *when;
    std::vector<app::ActualEdit> edits;
    MonthForm form;
    for (const auto& v : *fields) {
        const std::string note = field(f, ("catatan_" + v.id_text).c_str());
        edits.push_back({v.id, v.value, note, v.version});
        form.typed[v.id] = {v.value, note};
    }
    form.correction = field(f, "koreksi");
    auto result =
        app::save_actuals(c.repo(), c.who(), c.office->code, year, month, edits, form.correction, c.now_iso());
    if (!result) {
        // Out of scope is 404 (no form to show); anything else comes back with what was typed.
        form.status = status_of(result.error());
        if (form.status == 404) return error_page(c, result.error());
        form.error = shown_message(result.error());
        return monthly_page(c, year, month, form);
    }
    if (!result->problems.empty()) {
        bool conflict = false;
        for (const auto& p : result->problems) {
            form.problems[p.indicator_id] = p.message;
            conflict |= p.conflict;
        }
        form.status = conflict ? 409 : 422;
        form.error =
            conflict ? message(Msg::conflict_nothing_saved, {{"what", "isian"}}) : message(Msg::check_marked_fields);
        return monthly_page(c, year, month, form);
    }
    return redirect("/kantor/" + c.office->code + "/realisasi?tahun=" + std::to_string(year) +
                    "&bulan=" + std::to_string(month) + "&tersimpan=" + std::to_string(result->saved));
}

Response month_status(RequestContext& c) {
    const auto f = c.form();
    const auto when = posted_month(f);
    const auto version = int_field(f, "versi", 0, 1000000000);
    if (!when || !version)
        return error_page(c, 422, message(Msg::cannot_process_heading),
                          "Tahun, bulan atau versi pada formulir tidak sah");
    const auto [year, month] = *when;
    std::optional<std::int64_t> unit;
    if (auto u = int_field(f, "unit", 1, 1000000000)) unit = *u;
    auto done = app::change_month_status(c.repo(), c.who(), c.office->code, unit, year, month, field(f, "aksi"),
                                         field(f, "komentar"), *version, c.now_iso());
    if (!done) {
        const int status = status_of(done.error());
        if (status == 404 || status == 403) return error_page(c, done.error());
        MonthForm form;
        form.status = status;
        form.error = shown_message(done.error());
        return monthly_page(c, year, month, form);
    }
    return redirect("/kantor/" + c.office->code + "/realisasi?tahun=" + std::to_string(year) +
                    "&bulan=" + std::to_string(month));
}

} // namespace kinerja::web::pages
