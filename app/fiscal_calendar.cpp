#include "app/fiscal_calendar.h"

#include "core/fiscal_year.h"

namespace kinerja::app {

Result<int> year_to_show(Repository& repo, const OfficeInfo& office, std::int64_t now) {
    auto years = repo.office_years(office.id);
    if (!years) return tl::unexpected(years.error());
    return default_year(*years, jakarta_year_month(now).year);
}

Result<int> year_to_show(Repository& repo, const Actor& actor, std::int64_t now) {
    auto tree = repo.office_tree();
    if (!tree) return tl::unexpected(tree.error());
    std::vector<int> years;
    for (const auto& n : *tree) {
        if (!can_view(actor, OfficeInfo{n.id, n.code, n.name, n.level, "", n.parent_id})) continue;
        auto own = repo.office_years(n.id);
        if (!own) return tl::unexpected(own.error());
        years.insert(years.end(), own->begin(), own->end());
    }
    return default_year(years, jakarta_year_month(now).year);
}

int month_to_show(int year, std::int64_t now) {
    return default_month(year, jakarta_year_month(now));
}

} // namespace kinerja::app
