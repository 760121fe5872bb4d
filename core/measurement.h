#pragma once
// The measurement table (LKj BAB III A): every indicator with target, actual, achievement and band,
// grouped by objective, with the roll-ups and budget absorption (domain.md §2, §3).
#include <optional>
#include <string>
#include <vector>

#include "core/office_year.h"
#include "core/rollup.h"
#include "core/scale.h"

namespace kinerja {

struct MeasuredIndicator {
    const IndicatorData* indicator = nullptr;
    std::optional<Ratio> actual; // aggregated over the year by the indicator's period rule
    std::string actual_text;     // the latest entry as written
    Achievement achievement;
    std::string band; // empty when not computable
};

struct MeasuredObjective {
    const ObjectiveData* objective = nullptr;
    std::vector<MeasuredIndicator> indicators;
    Rollup rollup;
    std::string band;
    std::optional<BudgetTotal> budget; // empty when no budget line belongs to the objective
    std::optional<Ratio> absorption;
};

struct Measurement {
    std::vector<MeasuredObjective> objectives;
    Rollup rollup; // of the objectives' roll-ups
    std::string band;
    BudgetTotal budget;
    std::vector<const BudgetLineData*> budget_lines; // the lines in `budget`, one per activity code
    std::optional<Ratio> absorption;
    const Scale* scale = nullptr;
};

Measurement measure(const OfficeYear& data, const Scale& scale = lan_scale(), const RollupOptions& options = {});

} // namespace kinerja
