#pragma once
// The planning page's parts, one builder each: the targets form, the Renstra, the RKT plans, the
// agreements (PK) with their revision forms, and the action plans (Rencana Aksi) with their months.
#include <map>
#include <string>

#include "adapters/web/context.h"
#include "adapters/web/templates.h"
#include "app/planning.h"
#include "core/office_year.h"

namespace kinerja::web::pages {

using Typed = std::map<std::string, std::string>;

kainjow::mustache::list targets_view(const std::vector<app::TargetRecord>& rows, bool editable, const Typed& typed,
                                     const Typed& problems);
kainjow::mustache::list renstra_view(const OfficeYear& data);
kainjow::mustache::list plans_view(const OfficeYear& data);
kainjow::mustache::list agreements_view(const RequestContext& c, const OfficeYear& data, const Typed& typed);
kainjow::mustache::list action_plans_view(const OfficeYear& data, bool editable);

} // namespace kinerja::web::pages
