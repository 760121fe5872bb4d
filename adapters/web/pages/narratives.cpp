// The LKj's narrative sections the office writes, versioned; a section not written this year shows
// last year's text to start from.
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"
#include "app/reports.h"
#include "core/fiscal_year.h"
#include "core/messages.h"

namespace kinerja::web::pages {
namespace {

struct NarrativeForm {
    int status = 200;
    Fields typed; // "teks_<key>", "versi_<key>" as posted
    std::map<std::string, std::string> problems;
    std::string error, saved;
};

Response narratives_page(RequestContext& c, int year, const NarrativeForm& form) {
    auto forms = app::narrative_forms(c.repo(), c.who(), c.office->code, year);
    if (!forms) return error_page(c, forms.error());
    Data d;
    d.set("office_name", c.office->name);
    d.set("office_code", c.office->code);
    d.set("year", std::to_string(year));
    d.set("csrf", c.who().csrf_token);
    d.set("max_chars", std::to_string(app::narrative_max_chars));
    set_if(d, "error", form.error);
    set_if(d, "saved", form.saved);
    if (app::can_plan(c.who(), *c.office)) d.set("editable", true);
    kainjow::mustache::list sl;
    for (const auto& f : *forms) {
        Data sd;
        sd.set("key", f.key);
        sd.set("title", f.title);
        sd.set("hint", f.hint);
        // A rejected form shows what the user typed, not what is stored.
        auto t = form.typed.find("teks_" + f.key);
        sd.set("text", t != form.typed.end() ? t->second : f.text);
        auto v = form.typed.find("versi_" + f.key);
        sd.set("version", v != form.typed.end() ? v->second : std::to_string(f.version));
        if (f.from_year && f.from_year != year) sd.set("from_year", std::to_string(f.from_year));
        if (auto p = form.problems.find(f.key); p != form.problems.end()) sd.set("problem", p->second);
        sl.push_back(sd);
    }
    d.set("sections", sl);
    return page_of(c, "Narasi LKj", "narratives", d, form.status);
}

} // namespace

Response narratives(RequestContext& c) {
    auto year = shown_year(c, c.query());
    if (!year) return error_page(c, year.error());
    return narratives_page(c, *year, {200, {}, {}, {}, saved_message(c.request, "bagian narasi tersimpan.")});
}

Response narratives_save(RequestContext& c) {
    const auto f = c.form();
    const auto year = int_field(f, "tahun", k_first_year, k_last_year);
    if (!year) return error_page(c, 422, message(Msg::cannot_process_heading), year_problem(field(f, "tahun")));
    std::vector<app::NarrativeEdit> edits;
    NarrativeForm form{422, f, {}, message(Msg::check_marked_fields), {}};
    for (const auto& [name, value] : f) {
        if (!name.starts_with("teks_")) continue;
        const std::string key = name.substr(5);
        app::NarrativeEdit e{key, value, 0};
        const std::string version = field(f, ("versi_" + key).c_str());
        if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos || version.size() > 18)
            form.problems[key] = "Versi formulir tidak sah; muat ulang halaman";
        else
            e.expected_version = std::stoll(version);
        edits.push_back(std::move(e));
    }
    if (!form.problems.empty()) return narratives_page(c, *year, form);
    auto saved = app::save_narratives(c.repo(), c.who(), c.office->code, *year, edits, c.now_iso());
    if (!saved) {
        form.status = status_of(saved.error());
        if (form.status == 404 || form.status == 403) return error_page(c, saved.error());
        form.error = shown_message(saved.error());
        if (!saved.error().where.empty()) form.problems[saved.error().where] = form.error;
        return narratives_page(c, *year, form);
    }
    if (!saved->problems.empty()) {
        form.problems = saved->problems;
        return narratives_page(c, *year, form);
    }
    return redirect("/kantor/" + c.office->code + "/narasi?tahun=" + std::to_string(*year) +
                    "&tersimpan=" + std::to_string(saved->saved));
}

} // namespace kinerja::web::pages
