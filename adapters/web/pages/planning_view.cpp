#include "adapters/web/pages/planning_view.h"

#include "adapters/web/forms.h"
#include "core/date.h"

namespace kinerja::web::pages {
namespace {

using kainjow::mustache::list;
using Children = std::map<std::int64_t, std::vector<const RenstraItemData*>>;

// An objective of a Renstra activity with its indicators' yearly and end-of-period targets.
Data renstra_objective(const RenstraData& rs, const RenstraItemData& obj) {
    Data od;
    od.set("objective", obj.text);
    od.set("span", std::to_string(rs.period_end - rs.period_start + 3));
    list inds;
    for (const auto& ind : rs.indicators) {
        if (ind.renstra_item_id != obj.id) continue;
        Data idd;
        idd.set("objective", obj.text);
        idd.set("statement", ind.statement);
        list targets;
        for (int y = rs.period_start; y <= rs.period_end; ++y) {
            auto t = ind.targets.find(y);
            targets.push_back(Data(t == ind.targets.end() ? std::string(or_no_value({})) : t->second));
        }
        idd.set("targets", targets);
        idd.set("end_target", or_no_value(ind.end_target));
        inds.push_back(idd);
    }
    od.set("indicators", inds);
    return od;
}

Data renstra_program(const RenstraData& rs, const RenstraItemData& program, Children& children, const list& years) {
    Data pd;
    set_if(pd, "number", program.number);
    pd.set("text", program.text);
    list activities;
    for (const auto* act : children[program.id]) {
        Data ad;
        ad.set("number", act->number);
        ad.set("text", act->text);
        ad.set("years", years);
        list objectives;
        for (const auto* obj : children[act->id])
            objectives.push_back(renstra_objective(rs, *obj));
        ad.set("objectives", objectives);
        activities.push_back(ad);
    }
    pd.set("children", activities);
    return pd;
}

Data renstra_one(const RenstraData& rs) {
    Data rd;
    rd.set("period_start", std::to_string(rs.period_start));
    rd.set("period_end", std::to_string(rs.period_end));
    set_if(rd, "vision", rs.vision);
    set_if(rd, "decree", rs.decree);
    if (auto dd = parse_iso_date(rs.decree_date)) rd.set("decree_date", dd->indonesian());
    Children children;
    for (const auto& it : rs.items)
        if (it.parent_id) children[*it.parent_id].push_back(&it);
    list missions, goals, programs, years;
    for (int y = rs.period_start; y <= rs.period_end; ++y)
        years.push_back(Data(std::to_string(y)));
    for (const auto& it : rs.items) {
        if (it.parent_id) continue;
        if (it.kind == "program") {
            programs.push_back(renstra_program(rs, it, children, years));
            continue;
        }
        Data id;
        set_if(id, "number", it.number);
        id.set("text", it.text);
        if (it.kind == "mission") missions.push_back(id);
        if (it.kind != "goal") continue;
        list ch;
        for (const auto* c : children[it.id]) {
            Data cd;
            cd.set("text", c->text);
            ch.push_back(cd);
        }
        if (!ch.empty()) id.set("has_children", true);
        id.set("children", ch);
        goals.push_back(id);
    }
    if (!missions.empty()) rd.set("has_missions", true);
    rd.set("missions", missions);
    rd.set("goals", goals);
    rd.set("programs", programs);
    return rd;
}

Data parties_of(const AgreementVersionData& v) {
    Data ad;
    if (v.first_party.name.empty()) return ad;
    ad.set("first_party", v.first_party.name);
    set_if(ad, "first_position", v.first_party.position);
    set_if(ad, "first_nip", v.first_party.nip);
    ad.set("second_party", v.second_party.name);
    set_if(ad, "second_position", v.second_party.position);
    set_if(ad, "second_nip", v.second_party.nip);
    set_if(ad, "place", v.place);
    if (v.date) ad.set("date", v.date->indonesian());
    return ad;
}

list versions_of(const AgreementData& ag) {
    list versions;
    for (std::size_t i = 0; i < ag.versions.size(); ++i) {
        const auto& ver = ag.versions[i];
        Data vd;
        vd.set("no", std::to_string(ver.version_no));
        if (!ver.reason.empty()) {
            vd.set("reason", ver.reason);
            vd.set("reason_code", ver.reason_code);
        }
        if (ver.date) vd.set("date", ver.date->indonesian());
        if (i + 1 == ag.versions.size()) vd.set("last", true);
        versions.push_back(vd);
    }
    return versions;
}

Data agreement_one(const RequestContext& c, const OfficeYear& data, const AgreementData& ag,
                   const std::map<std::int64_t, std::string>& office_item_text, const Typed& typed) {
    const auto* v = ag.latest();
    Data ad = parties_of(*v);
    ad.set("id", std::to_string(ag.id));
    ad.set("office_code", c.office->code);
    ad.set("csrf", c.who().csrf_token);
    ad.set("year", std::to_string(data.year));
    ad.set("title", v->title.empty() ? "Perjanjian Kinerja " + (ag.unit_name.empty() ? c.office->name : ag.unit_name)
                                     : v->title);
    if (ag.kind == "cited") ad.set("cited", true);
    ad.set("versions", versions_of(ag));
    list items;
    for (const auto& it : v->items) {
        Data idd;
        idd.set("item_id", std::to_string(it.id));
        idd.set("number", it.number);
        idd.set("objective", it.objective);
        idd.set("indicator", it.indicator_text);
        auto t = typed.find("target_" + std::to_string(it.id));
        idd.set("target", t != typed.end() ? t->second : it.target_text);
        if (it.parent_item_id && office_item_text.count(*it.parent_item_id))
            idd.set("parent", office_item_text.at(*it.parent_item_id));
        items.push_back(idd);
    }
    ad.set("items", items);
    list budgets;
    for (const auto& b : v->budgets) {
        Data bd;
        bd.set("name", b.name);
        bd.set("amount", b.amount ? format_rupiah(*b.amount) : b.amount_text);
        budgets.push_back(bd);
    }
    if (!v->budgets.empty()) ad.set("has_budgets", true);
    ad.set("budgets", budgets);
    ad.set("budget_heading", v->budget_kind == "kro" ? "KRO (Klasifikasi Rincian Output)" : "Program");
    if (v->total) ad.set("total", format_rupiah(*v->total));
    if (app::can_plan(c.who(), *c.office) && ag.kind == "signed") {
        ad.set("can_revise", true);
        ad.set("latest_no", std::to_string(v->version_no));
    }
    return ad;
}

Data action_item(const ActionObjectiveData& o, const ActionItemData& it, bool first, bool editable) {
    Data idd;
    idd.set("objective", first ? o.name + (o.code.empty() ? "" : " (" + o.code + ")") : std::string());
    idd.set("indicator", it.indicator_text);
    idd.set("target", it.target_text);
    idd.set("activity", it.activity + (it.months ? "" : " (" + std::to_string(it.month_ticks) + " bulan tercentang)"));
    list months;
    for (int m = 0; m < 12; ++m) {
        Data md;
        md.set("mark", it.months ? ((*it.months >> m) & 1 ? "✓" : "") : "?");
        md.set("name", "bulan_" + std::to_string(it.id) + "_" + std::to_string(m + 1));
        md.set("label", "B" + std::to_string(m + 1) + " " + it.activity.substr(0, 60));
        if (it.months && ((*it.months >> m) & 1)) md.set("checked", true);
        if (editable) md.set("editable", true);
        months.push_back(md);
    }
    idd.set("months", months);
    if (editable) idd.set("editable", true);
    idd.set("item_id", std::to_string(it.id));
    idd.set("version", std::to_string(it.version));
    idd.set("original", it.months ? std::to_string(*it.months) : std::string("?"));
    idd.set("cost", first ? (o.cost ? format_rupiah(*o.cost) : o.cost_text) : std::string());
    idd.set("executor", it.executor);
    return idd;
}

} // namespace

list targets_view(const std::vector<app::TargetRecord>& rows, bool editable, const Typed& typed,
                  const Typed& problems) {
    list targets;
    for (const auto& t : rows) {
        Data td;
        const std::string key = "target_" + std::to_string(t.indicator_id);
        td.set("id", std::to_string(t.indicator_id));
        td.set("objective", t.objective);
        td.set("statement", t.statement);
        td.set("previous", or_no_value(t.previous_target));
        td.set("target", typed.count(key) ? typed.at(key) : t.target_text);
        td.set("version", std::to_string(t.version));
        if (editable) td.set("editable", true);
        if (problems.count(key)) td.set("problem", problems.at(key));
        targets.push_back(td);
    }
    return targets;
}

list renstra_view(const OfficeYear& data) {
    list out;
    for (const auto& rs : data.renstra)
        out.push_back(renstra_one(rs));
    return out;
}

list plans_view(const OfficeYear& data) {
    list plans;
    for (const auto& p : data.plans) {
        Data pd;
        pd.set("title", p.title);
        pd.set("unit_name", p.unit_name);
        set_if(pd, "place", p.place);
        if (p.date) pd.set("date", p.date->indonesian());
        if (!p.signer_name.empty())
            pd.set("signer", p.signer_name + (p.signer_position.empty() ? "" : ", " + p.signer_position));
        const bool with_activity = p.layout == "regency";
        const bool with_program = p.layout != "province";
        if (with_activity) pd.set("with_activity", true);
        if (with_program) pd.set("with_program", true);
        list rows;
        for (const auto& row : p.rows) {
            Data rr;
            rr.set("number", row.number);
            rr.set("program", row.program);
            rr.set("objective", row.objective);
            rr.set("indicator", row.indicator_text);
            rr.set("target", row.target_text);
            rr.set("activity", row.activity);
            rr.set("budget", row.budget ? format_rupiah(*row.budget) : row.budget_text);
            rr.set("executor", row.executor);
            if (with_activity) rr.set("with_activity", true);
            if (with_program) rr.set("with_program", true);
            rows.push_back(rr);
        }
        pd.set("rows", rows);
        plans.push_back(pd);
    }
    return plans;
}

list agreements_view(const RequestContext& c, const OfficeYear& data, const Typed& typed) {
    // The office's own items, which the sub-units' items cascade from.
    std::map<std::int64_t, std::string> office_item_text;
    for (const auto& ag : data.agreements)
        if (ag.unit_name.empty())
            for (const auto& v : ag.versions)
                for (const auto& it : v.items)
                    office_item_text[it.id] = it.indicator_text;
    list agreements;
    for (const auto& ag : data.agreements)
        if (ag.latest()) agreements.push_back(agreement_one(c, data, ag, office_item_text, typed));
    return agreements;
}

list action_plans_view(const OfficeYear& data, bool editable) {
    list action_plans;
    for (const auto& ap : data.action_plans) {
        Data pd;
        pd.set("unit_name", ap.unit_name);
        if (ap.year_text != std::to_string(data.year)) pd.set("year_text", ap.year_text);
        set_if(pd, "place", ap.place);
        if (ap.date) pd.set("date", ap.date->indonesian());
        set_if(pd, "signer", ap.signer_name);
        list heads;
        for (int m = 1; m <= 12; ++m)
            heads.push_back(Data("B" + std::to_string(m)));
        pd.set("month_heads", heads);
        list objectives;
        for (const auto& o : ap.objectives) {
            Data od;
            list items;
            bool first = true;
            for (const auto& it : o.items) {
                items.push_back(action_item(o, it, first, editable));
                first = false;
            }
            od.set("items", items);
            objectives.push_back(od);
        }
        pd.set("objectives", objectives);
        action_plans.push_back(pd);
    }
    return action_plans;
}

} // namespace kinerja::web::pages
