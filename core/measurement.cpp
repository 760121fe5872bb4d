#include "core/measurement.h"

#include <set>

namespace kinerja {

Measurement measure(const OfficeYear& data, const Scale& scale, const RollupOptions& options) {
    Measurement m;
    m.scale = &scale;
    // One budget figure per activity code: the first source wins; the checks report the others.
    // A line without a code is a line of its own.
    std::set<std::string> seen_codes;
    auto counts = [&](const BudgetLineData& b) { return b.code.empty() || seen_codes.insert(b.code).second; };
    std::set<std::int64_t> counted;
    std::vector<RollupItem> objective_items;
    for (const auto& obj : data.objectives) {
        MeasuredObjective mo;
        mo.objective = &obj;
        std::vector<RollupItem> items;
        for (const auto& ind : obj.indicators) {
            MeasuredIndicator mi;
            mi.indicator = &ind;
            std::vector<MonthlyValue> values;
            bool malformed = false;
            int latest = 0;
            for (const auto& a : ind.actuals) {
                if (a.value)
                    values.push_back({a.month, *a.value});
                else
                    malformed = true;
                if (a.month >= latest) {
                    latest = a.month;
                    mi.actual_text = a.text;
                }
            }
            mi.actual = aggregate(ind.period_rule, values, 1, 12);
            if (!ind.target) {
                mi.achievement = {std::nullopt, ind.target_text.empty() ? "Target belum ditetapkan"
                                                                        : "Target '" + ind.target_text + "' tidak sah"};
            } else if (!mi.actual) {
                mi.achievement = {std::nullopt, malformed ? "Realisasi tidak sah" : "Realisasi belum diisi"};
            } else {
                mi.achievement = compute_achievement(ind.rule, *ind.target, *mi.actual);
            }
            if (mi.achievement.percent) mi.band = scale.label_of(*mi.achievement.percent);
            items.push_back({mi.achievement.percent, ind.weight});
            mo.indicators.push_back(std::move(mi));
        }
        mo.rollup = rollup(items, options);
        if (mo.rollup.value) mo.band = scale.label_of(*mo.rollup.value);
        for (const auto& b : data.budgets) {
            if (b.objective_id != obj.id || !counts(b)) continue;
            counted.insert(b.id);
            if (!mo.budget) mo.budget = BudgetTotal{};
            mo.budget->add(b.ceiling.value_or(Rupiah{}), b.actual.value_or(Rupiah{}));
        }
        if (mo.budget) mo.absorption = absorption(*mo.budget);
        objective_items.push_back({mo.rollup.value, Decimal::integer(1)});
        m.objectives.push_back(std::move(mo));
    }
    // The office's budget is every line it has, also those not tied to an objective measured this year.
    for (const auto& b : data.budgets)
        if (counted.count(b.id) || counts(b)) {
            m.budget.add(b.ceiling.value_or(Rupiah{}), b.actual.value_or(Rupiah{}));
            m.budget_lines.push_back(&b);
        }
    m.rollup = rollup(objective_items, RollupOptions{});
    if (m.rollup.value) m.band = scale.label_of(*m.rollup.value);
    m.absorption = absorption(m.budget);
    return m;
}

} // namespace kinerja
