#include "adapters/import/parse_json.h"

#include "core/achievement.h"
#include "core/date.h"
#include "core/quantity.h"
#include "core/rupiah.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

std::string str(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

bj::value text_value(const bj::object& o, std::string_view key) {
    const auto s = str(o, key);
    return s.empty() ? bj::value(nullptr) : bj::value(s);
}

const bj::array& arr(const bj::object& o, std::string_view key) {
    static const bj::array empty;
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? v->as_array() : empty;
}

const bj::object* obj(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_object() ? &v->as_object() : nullptr;
}

// {"text": "95%", "value": "95", "unit": "%"}; `unit` from the column header when the cell has none.
bj::value quantity(const std::string& text, const std::string& header_unit) {
    if (text.empty()) return nullptr;
    bj::object q;
    q["text"] = text;
    auto parsed = parse_quantity(text, header_unit);
    q["value"] = parsed && parsed->value ? bj::value(parsed->value->canonical()) : bj::value(nullptr);
    const std::string unit = parsed ? parsed->unit : header_unit;
    q["unit"] = unit.empty() ? bj::value(nullptr) : bj::value(unit);
    return q;
}

bj::value rupiah(const std::string& text) {
    if (text.empty()) return nullptr;
    auto r = parse_rupiah(text);
    return r ? bj::value(r->value) : bj::value(nullptr);
}

bj::value printed_decimal(const std::string& text) {
    if (text.empty()) return nullptr;
    std::string t = text;
    if (!t.empty() && t.back() == '%') t.pop_back();
    auto d = parse_indonesian_decimal(t);
    return d ? bj::value(d->canonical()) : bj::value(nullptr);
}

// Recomputed with the default rule (higher is better), rounded half-up to two decimals.
bj::value recomputed(const std::string& target, const std::string& actual, const std::string& unit) {
    auto t = parse_quantity(target, unit);
    auto a = parse_quantity(actual, unit);
    if (!t || !a) return nullptr;
    const auto ach = compute_achievement(AchievementRule{}, *t, *a);
    if (!ach.percent) return nullptr;
    return bj::value(ach.percent->round(2).canonical());
}

bj::value iso_date(const std::string& text) {
    if (text.empty()) return nullptr;
    auto d = parse_indonesian_date(text);
    return d ? bj::value(d->iso()) : bj::value(nullptr);
}

bj::value party(const bj::object* p) {
    if (!p) return nullptr;
    return bj::object{
        {"name", text_value(*p, "name")}, {"position", text_value(*p, "position")}, {"nip", text_value(*p, "nip")}};
}

bj::object indicator(std::string name) {
    bj::object i;
    i["name"] = std::move(name);
    i["target"] = nullptr;
    i["actual"] = nullptr;
    i["achievement_printed"] = nullptr;
    i["achievement"] = nullptr;
    i["activities"] = bj::array{};
    i["executor"] = nullptr;
    i["months"] = nullptr;
    return i;
}

bj::object objective(const std::string& number, const std::string& code, const std::string& name) {
    bj::object o;
    o["number"] = number.empty() ? bj::value(nullptr) : bj::value(number);
    o["code"] = code.empty() ? bj::value(nullptr) : bj::value(code);
    o["name"] = name.empty() ? bj::value(nullptr) : bj::value(name);
    o["indicators"] = bj::array{};
    o["budget"] = nullptr;
    return o;
}

// The measurement of an LKj: objectives as the report gives them, with the BAB III B budget.
bj::array measured_objectives(const bj::object& seed) {
    bj::array out;
    const auto* m = obj(seed, "measurement");
    if (!m) return out;
    for (const auto& ov : arr(*m, "objectives")) {
        const auto& o = ov.as_object();
        auto row = objective(str(o, "number"), str(o, "code"), str(o, "name"));
        for (const auto& iv : arr(o, "indicators")) {
            const auto& i = iv.as_object();
            auto ind = indicator(str(i, "name"));
            const std::string unit = str(i, "unit");
            ind["target"] = quantity(str(i, "target"), unit);
            ind["actual"] = quantity(str(i, "actual"), unit);
            ind["achievement_printed"] = printed_decimal(str(i, "achievement_printed"));
            ind["achievement"] = recomputed(str(i, "target"), str(i, "actual"), unit);
            row["indicators"].as_array().push_back(std::move(ind));
        }
        for (const auto& bv : arr(seed, "budgets")) {
            const auto& b = bv.as_object();
            if (str(b, "source") == "bab3" && (str(b, "objective") == str(o, "number") && !str(o, "number").empty())) {
                row["budget"] =
                    bj::object{{"ceiling", rupiah(str(b, "ceiling"))}, {"actual", rupiah(str(b, "actual"))}};
                break;
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

// An RKT's rows grouped by objective (a row without an objective continues the one above).
bj::array planned_objectives(const bj::object& seed) {
    bj::array out;
    for (const auto& pv : arr(seed, "rkt")) {
        bj::object* current = nullptr;
        for (const auto& rv : arr(pv.as_object(), "rows")) {
            const auto& r = rv.as_object();
            const std::string name = str(r, "objective");
            if (!name.empty() || !current) {
                out.push_back(objective(str(r, "number"), str(r, "code"), name));
                current = &out.back().as_object();
            }
            const std::string statement = str(r, "indicator");
            if (statement.empty()) {
                if (!str(r, "activity").empty() && !current->at("indicators").as_array().empty())
                    current->at("indicators")
                        .as_array()
                        .back()
                        .as_object()["activities"]
                        .as_array()
                        .push_back(bj::value(str(r, "activity")));
                continue;
            }
            auto ind = indicator(statement);
            ind["target"] = quantity(str(r, "target"), str(r, "unit"));
            if (!str(r, "activity").empty()) ind["activities"].as_array().push_back(bj::value(str(r, "activity")));
            ind["executor"] = text_value(r, "executor");
            current->at("indicators").as_array().push_back(std::move(ind));
        }
    }
    return out;
}

bj::value months_of(const bj::object& item) {
    const auto* m = item.if_contains("months");
    if (!m || !m->is_array()) return nullptr;
    return *m;
}

bj::array action_objectives(const bj::object& seed) {
    bj::array out;
    const auto* plan = obj(seed, "action_plan");
    if (!plan) return out;
    for (const auto& ov : arr(*plan, "objectives")) {
        const auto& o = ov.as_object();
        auto row = objective(str(o, "number"), str(o, "code"), str(o, "name"));
        if (!str(o, "cost").empty())
            row["budget"] = bj::object{{"ceiling", rupiah(str(o, "cost"))}, {"actual", nullptr}};
        for (const auto& iv : arr(o, "items")) {
            const auto& i = iv.as_object();
            auto ind = indicator(str(i, "indicator"));
            ind["target"] = quantity(str(i, "target"), str(i, "unit"));
            if (!str(i, "activity").empty()) ind["activities"].as_array().push_back(bj::value(str(i, "activity")));
            ind["executor"] = text_value(i, "executor");
            ind["months"] = months_of(i);
            row["indicators"].as_array().push_back(std::move(ind));
        }
        out.push_back(std::move(row));
    }
    return out;
}

// An indicator's target in a Renstra or IKU: the one it states, else the one of the document's year among
// its yearly targets ("" when the document has no single year: a plan of five years has five targets).
std::string strategic_target(const bj::object& indicator, const bj::object& seed) {
    const std::string stated = str(indicator, "target");
    if (!stated.empty()) return stated;
    const auto* year = seed.if_contains("year");
    if (!year || !year->is_int64()) return {};
    for (const auto& tv : arr(indicator, "targets")) {
        const auto& t = tv.as_object();
        const auto* y = t.if_contains("year");
        if (y && y->is_int64() && y->as_int64() == year->as_int64()) return str(t, "target");
    }
    return {};
}

void add_strategic_objectives(const bj::array& objectives, const bj::object& seed, bj::array& out) {
    for (const auto& ov : objectives) {
        const auto& o = ov.as_object();
        auto row = objective(str(o, "number"), str(o, "code"), str(o, "name"));
        for (const auto& iv : arr(o, "indicators")) {
            const auto& i = iv.as_object();
            auto ind = indicator(str(i, "name"));
            ind["target"] = quantity(strategic_target(i, seed), str(i, "unit"));
            row["indicators"].as_array().push_back(std::move(ind));
        }
        out.push_back(std::move(row));
    }
}

// The IKU or Renstra: its objectives with their indicators, those standing alone, those of a table of
// indicators and those under a program or an activity, in document order by kind.
bj::array strategic_objectives(const bj::object& seed) {
    bj::array out;
    const auto* r = obj(seed, "renstra");
    if (!r) return out;
    add_strategic_objectives(arr(*r, "objectives"), seed, out);
    // An IKU table of indicators: consecutive indicators naming the same objective (or none) are one.
    bj::array grouped;
    for (const auto& iv : arr(*r, "indicators")) {
        const std::string name = str(iv.as_object(), "objective");
        if (grouped.empty() || str(grouped.back().as_object(), "name") != name)
            grouped.push_back(bj::object{{"name", name}, {"indicators", bj::array{}}});
        grouped.back().as_object()["indicators"].as_array().push_back(iv);
    }
    add_strategic_objectives(grouped, seed, out);
    for (const auto& pv : arr(*r, "programs")) {
        const auto& p = pv.as_object();
        add_strategic_objectives(arr(p, "objectives"), seed, out);
        for (const auto& av : arr(p, "activities"))
            add_strategic_objectives(arr(av.as_object(), "objectives"), seed, out);
    }
    return out;
}

bj::array agreements(const bj::object& seed) {
    bj::array out;
    for (const auto& av : arr(seed, "agreements")) {
        const auto& a = av.as_object();
        bj::object pk;
        pk["unit"] = text_value(a, "unit");
        pk["date"] = iso_date(str(a, "date_text"));
        pk["first_party"] = party(obj(a, "first_party"));
        pk["second_party"] = party(obj(a, "second_party"));
        bj::array items;
        for (const auto& iv : arr(a, "items")) {
            const auto& i = iv.as_object();
            items.push_back(bj::object{{"objective", text_value(i, "objective")},
                                       {"name", text_value(i, "indicator")},
                                       {"target", quantity(str(i, "target"), str(i, "unit"))}});
        }
        pk["indicators"] = std::move(items);
        bj::array budgets;
        for (const auto& bv : arr(a, "budgets")) {
            const auto& b = bv.as_object();
            budgets.push_back(bj::object{{"code", text_value(b, "code")},
                                         {"name", text_value(b, "name")},
                                         {"amount", rupiah(str(b, "amount"))}});
        }
        pk["budgets"] = std::move(budgets);
        out.push_back(std::move(pk));
    }
    return out;
}

} // namespace

bj::object finding_json(const Finding& f) {
    bj::object o;
    o["id"] = f.id;
    o["severity"] = std::string(severity_code(f.severity));
    o["message"] = f.message;
    o["where"] = f.where.empty() ? bj::value(nullptr) : bj::value(f.where);
    o["line"] = f.line > 0 ? bj::value(f.line) : bj::value(nullptr);
    return o;
}

bj::object parse_json(const Understood& doc, const std::vector<Finding>& findings) {
    const auto& seed = doc.seed;
    bj::object out;
    out["schema"] = "kinerja.parse/1";
    bj::object d;
    d["type"] = doc.facts.type;
    d["agency"] = doc.facts.agency.empty() ? bj::value(nullptr) : bj::value(doc.facts.agency);
    d["year"] = doc.facts.year ? bj::value(*doc.facts.year) : bj::value(nullptr);
    d["period"] = doc.facts.period_start
                      ? bj::value(std::to_string(*doc.facts.period_start) + "-" + std::to_string(*doc.facts.period_end))
                      : bj::value(nullptr);
    d["place"] = doc.facts.place.empty() ? bj::value(nullptr) : bj::value(doc.facts.place);
    d["date"] = iso_date(doc.facts.date_text);
    out["document"] = std::move(d);

    // One view of objectives per kind: the measurement when the document has one (an LKj holds the
    // same objective in its plan, agreement and analysis too), else the plan, action plan or IKU.
    bj::array objectives = measured_objectives(seed);
    if (objectives.empty()) objectives = planned_objectives(seed);
    if (objectives.empty()) objectives = action_objectives(seed);
    if (objectives.empty()) objectives = strategic_objectives(seed);
    out["objectives"] = std::move(objectives);
    out["agreements"] = agreements(seed);
    bj::array f;
    for (const auto& finding : findings)
        f.push_back(finding_json(finding));
    out["findings"] = std::move(f);
    return out;
}

} // namespace kinerja::import
