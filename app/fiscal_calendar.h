#pragma once
// The year and month a page shows when the address names none: today in Asia/Jakarta, or the office's
// newest year when it has no data for this one (core/fiscal_year.h has the rule and its table).
#include <cstdint>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

Result<int> year_to_show(Repository& repo, const OfficeInfo& office, std::int64_t now);
// Over every office the actor may see (the overview of a province or the nation).
Result<int> year_to_show(Repository& repo, const Actor& actor, std::int64_t now);
int month_to_show(int year, std::int64_t now);

} // namespace kinerja::app
