#include "adapters/json/measurement_json.h"
#include "core/format.h"

#include <boost/json.hpp>

namespace kinerja::json {
namespace bj = boost::json;

namespace {

bj::value quantity(const std::string& text, const std::optional<Quantity>& q, const std::string& unit) {
    bj::object o;
    o["text"] = text;
    o["value"] = q && q->value ? bj::value(q->value->canonical()) : bj::value(nullptr);
    o["unit"] = q && !q->unit.empty() ? bj::value(q->unit) : (unit.empty() ? bj::value(nullptr) : bj::value(unit));
    return o;
}

bj::value ratio(const std::optional<Ratio>& r, Rounding rounding) {
    const auto text = percent_canonical(r, rounding);
    return text ? bj::value(*text) : bj::value(nullptr);
}

bj::value budget(const std::optional<BudgetTotal>& b, const std::optional<Ratio>& absorption) {
    if (!b) return nullptr;
    bj::object o;
    o["ceiling"] = b->ceiling.value;
    o["actual"] = b->actual.value;
    // Budget percentages are printed half-up whatever the indicator rounding (domain.md §2.8).
    o["absorption"] = ratio(absorption, Rounding::half_up);
    return o;
}

bj::array findings_array(const std::vector<Finding>& findings) {
    bj::array a;
    for (const auto& f : findings) {
        bj::object o;
        o["id"] = f.id;
        o["severity"] = std::string(severity_code(f.severity));
        o["message"] = f.message;
        o["where"] = f.where;
        o["line"] = f.line > 0 ? bj::value(f.line) : bj::value(nullptr);
        a.push_back(std::move(o));
    }
    return a;
}

} // namespace

std::string measurement_to_json(const OfficeYear& data, const Measurement& m, Rounding rounding,
                                const std::vector<Finding>& findings) {
    bj::object root;
    root["schema"] = "kinerja.measure/1";
    root["satker"] = data.office.code;
    root["year"] = data.year;
    root["rounding"] = rounding == Rounding::half_up ? "half-up" : "truncate";
    root["scale"] = m.scale->name;
    bj::array objectives;
    for (const auto& mo : m.objectives) {
        bj::object o;
        o["number"] = mo.objective->number.empty() ? bj::value(nullptr) : bj::value(mo.objective->number);
        o["code"] = mo.objective->code.empty() ? bj::value(nullptr) : bj::value(mo.objective->code);
        o["name"] = mo.objective->name;
        bj::array inds;
        for (const auto& mi : mo.indicators) {
            const auto& ind = *mi.indicator;
            bj::object i;
            i["name"] = ind.statement;
            i["target"] = quantity(ind.target_text, ind.target, ind.unit);
            bj::object actual;
            actual["text"] = mi.actual_text;
            actual["value"] = mi.actual ? bj::value(mi.actual->round(9).canonical()) : bj::value(nullptr);
            actual["unit"] = ind.unit.empty() ? bj::value(nullptr) : bj::value(ind.unit);
            i["actual"] = std::move(actual);
            i["achievement"] = ratio(mi.achievement.percent, rounding);
            if (!mi.achievement.reason.empty()) i["reason"] = mi.achievement.reason;
            i["band"] = mi.band.empty() ? bj::value(nullptr) : bj::value(mi.band);
            inds.push_back(std::move(i));
        }
        o["indicators"] = std::move(inds);
        o["achievement"] = ratio(mo.rollup.value, rounding);
        o["method"] = mo.rollup.method;
        o["band"] = mo.band.empty() ? bj::value(nullptr) : bj::value(mo.band);
        o["budget"] = budget(mo.budget, mo.absorption);
        objectives.push_back(std::move(o));
    }
    root["objectives"] = std::move(objectives);
    root["achievement"] = ratio(m.rollup.value, rounding);
    root["method"] = m.rollup.method + " of objectives";
    root["band"] = m.band.empty() ? bj::value(nullptr) : bj::value(m.band);
    root["budget"] = budget(m.budget, m.absorption);
    root["findings"] = findings_array(findings);
    return bj::serialize(root) + "\n";
}

std::string findings_to_json(const std::string& satker, int year, const std::vector<Finding>& findings) {
    bj::object root;
    root["schema"] = "kinerja.check/1";
    root["satker"] = satker;
    root["year"] = year;
    root["findings"] = findings_array(findings);
    return bj::serialize(root) + "\n";
}

} // namespace kinerja::json
