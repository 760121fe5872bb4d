#pragma once
// Every page and API handler, by group; routes.cpp maps addresses to them. A handler is called with
// the caller resolved, the office of the address in scope and the route's access checked.
#include "adapters/web/context.h"

namespace kinerja::web::pages {

// account.cpp: logging in and out, the password
Response login_form(RequestContext& c);
Response login_submit(RequestContext& c);
Response logout(RequestContext& c);
Response home(RequestContext& c);
Response password_form(RequestContext& c);
Response password_change(RequestContext& c);
// api.cpp: the JSON API
Response api_login(RequestContext& c);
Response api_measurement(RequestContext& c);
// assets.cpp: /static/…, the OpenAPI file, /healthz
Response static_asset(RequestContext& c);
Response openapi(RequestContext& c);
Response health(RequestContext& c);
// dashboard.cpp, overview.cpp
Response dashboard(RequestContext& c);
Response overview(RequestContext& c);
// monthly.cpp: actuals and the month's status; evidence.cpp
Response monthly(RequestContext& c);
Response monthly_save(RequestContext& c);
Response month_status(RequestContext& c);
Response evidence_upload(RequestContext& c);
Response evidence_download(RequestContext& c);
// budget.cpp, obstacles.cpp, audit.cpp
Response budget(RequestContext& c);
Response budget_save(RequestContext& c);
Response obstacles(RequestContext& c);
Response obstacle_add(RequestContext& c);
Response audit(RequestContext& c);
// planning.cpp: Renstra, RKT, PK and Rencana Aksi; targets, months, PK revisions
Response planning(RequestContext& c);
Response save_targets(RequestContext& c);
Response save_action_months(RequestContext& c);
Response revise_pk(RequestContext& c);
// reports.cpp, narratives.cpp, import.cpp
Response reports(RequestContext& c);
Response report_download(RequestContext& c);
Response narratives(RequestContext& c);
Response narratives_save(RequestContext& c);
Response import(RequestContext& c);

} // namespace kinerja::web::pages
