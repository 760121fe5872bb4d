#include "app/office_rollup.h"

#include "core/measurement.h"

namespace kinerja::app {

Result<OfficeRollup> roll_up_offices(OfficeReads& repo, int year) {
    OfficeRollup out;
    auto nodes = repo.office_tree();
    if (!nodes) return tl::unexpected(nodes.error());
    out.nodes = std::move(*nodes);
    auto data = repo.load_all_offices_year(year);
    if (!data) return tl::unexpected(data.error());
    std::map<std::int64_t, OfficeScore> scores;
    for (const auto& [office_id, office_year] : *data) {
        const Measurement m = measure(office_year);
        OfficeScore s;
        s.achievement = m.rollup.value;
        s.budget = m.budget;
        for (const auto& o : office_year.objectives)
            for (const auto& i : o.indicators) {
                ++s.indicators;
                if (!i.actuals.empty()) ++s.indicators_with_actual;
                for (const auto& a : i.actuals)
                    s.months_reported |= 1 << (a.month - 1);
            }
        scores.emplace(office_id, s);
    }
    out.scores = rollup_tree(out.nodes, scores);
    return out;
}

} // namespace kinerja::app
