// Budget spending per activity and month, checked against the ceiling; corrections after a lock.
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/monthly_work.h"
#include "core/date.h"
#include "core/fiscal_year.h"
#include "core/messages.h"

namespace kinerja::web::pages {
namespace {

struct BudgetForm {
    int status = 200;
    Fields typed; // the form as posted: "jumlah_<line>", "koreksi"
    std::map<std::int64_t, std::string> problems;
    std::string error, saved;
};

Data line_view(const app::BudgetSheet& sheet, const app::BudgetMonthRecord& l, const BudgetForm& form) {
    Data ld;
    const std::string id = std::to_string(l.line_id);
    ld.set("id", id);
    ld.set("name",
           (l.code.empty() || l.name.find(l.code) != std::string::npos) ? l.name : l.name + " (" + l.code + ")");
    set_if(ld, "source", l.source);
    ld.set("ceiling", l.ceiling ? format_rupiah(*l.ceiling) : l.ceiling_text);
    ld.set("spent", format_rupiah(l.spent_other_months));
    ld.set("amount", form.typed.count("jumlah_" + id) ? form.typed.at("jumlah_" + id) : l.amount_text);
    ld.set("version", std::to_string(l.version));
    if (sheet.editable) ld.set("editable", true);
    if (auto p = form.problems.find(l.line_id); p != form.problems.end()) ld.set("problem", p->second);
    set_if(ld, "correction_reason", l.correction);
    return ld;
}

Response budget_page(RequestContext& c, int year, int month, const BudgetForm& form) {
    auto sheet = app::budget_sheet(c.repo(), c.who(), c.office->code, year, month);
    if (!sheet) return error_page(c, sheet.error());
    Data d;
    d.set("office_name", sheet->office.name);
    d.set("office_code", sheet->office.code);
    d.set("year", std::to_string(year));
    d.set("month", std::to_string(month));
    d.set("month_name", indonesian_month_name(month));
    d.set("months", month_options(month));
    d.set("csrf", c.who().csrf_token);
    if (sheet->locked) d.set("locked", true);
    if (sheet->editable) d.set("editable", true);
    set_if(d, "error", form.error);
    set_if(d, "saved_message", form.saved);
    d.set("correction", field(form.typed, "koreksi"));
    kainjow::mustache::list lines;
    for (const auto& l : sheet->lines)
        lines.push_back(line_view(*sheet, l, form));
    d.set("lines", lines);
    return page_of(c, "Realisasi anggaran", "budget", d, form.status);
}

} // namespace

Response budget(RequestContext& c) {
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    auto month = shown_month(c, q, *year);
    if (!month) return error_page(c, month.error());
    return budget_page(c, *year, *month, {200, {}, {}, {}, saved_message(c.request, "realisasi anggaran tersimpan.")});
}

Response budget_save(RequestContext& c) {
    const auto f = c.form();
    const auto year = int_field(f, "tahun", k_first_year, k_last_year);
    const auto month = int_field(f, "bulan", 1, 12);
    if (!year || !month)
        return error_page(c, 422, message(Msg::cannot_process_heading), message(Msg::year_month_invalid));
    const auto fields = versioned_fields(f, "jumlah_");
    if (!fields)
        return error_page(c, 422, message(Msg::cannot_process_heading),
                          message(Msg::form_invalid, {{"form", "anggaran"}}));
    std::vector<app::SpendingEdit> edits;
    for (const auto& v : *fields)
        edits.push_back({v.id, v.value, v.version});
    BudgetForm form{200, f, {}, {}, {}};
    auto result =
        app::save_spending(c.repo(), c.who(), c.office->code, *year, *month, edits, field(f, "koreksi"), c.now_iso());
    if (!result) {
        form.status = status_of(result.error());
        if (form.status == 404) return error_page(c, result.error());
        form.error = shown_message(result.error());
        return budget_page(c, *year, *month, form);
    }
    if (!result->problems.empty()) {
        bool conflict = false;
        for (const auto& p : result->problems) {
            form.problems[p.indicator_id] = p.message;
            conflict |= p.conflict;
        }
        form.status = conflict ? 409 : 422;
        form.error = message(Msg::check_marked_fields);
        return budget_page(c, *year, *month, form);
    }
    return redirect("/kantor/" + c.office->code + "/anggaran?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month) + "&tersimpan=" + std::to_string(result->saved));
}

} // namespace kinerja::web::pages
