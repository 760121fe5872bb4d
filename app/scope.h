#pragma once
// The one scope check: which office an address or a form names, and whether the caller may see it,
// and what an action needs of its caller over that office. Every use case and every route asks here.
#include <string>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

// The office with this code when the actor may see it; otherwise not_found with one message for both
// (an office outside the actor's scope looks exactly like one that does not exist).
Result<OfficeInfo> office_in_scope(Repository& repo, const Actor& actor, const std::string& code);

// What a route or an action needs of its caller.
enum class Access {
    anyone,    // no login (the login form, /healthz, static files)
    logged_in, // any role
    overview,  // the overview of many offices: reviewers and administrators
    view,      // the office in scope
    record,    // enter actuals or evidence of the office (some sub-unit of it)
    plan,      // change the office's plans, budget, obstacles, narratives; import documents
    audit,     // read the office's audit log
};
// Whether `access` is granted over `office` (null for routes without an office).
bool allows(Access access, const Actor& actor, const OfficeInfo* office);
// The refusal for a route the actor may not use (forbidden, with a message saying who may).
Error refusal(Access access);

} // namespace kinerja::app
