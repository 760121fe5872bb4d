#include "app/scope.h"

#include "core/messages.h"

namespace kinerja::app {

Result<OfficeInfo> office_in_scope(Repository& repo, const Actor& actor, const std::string& code) {
    auto office = repo.find_office(code);
    if (!office) return tl::unexpected(office.error());
    if (!*office || !can_view(actor, **office))
        return fail(ErrorCode::not_found, message(Msg::office_not_found, {{"office", code}}), code);
    return **office;
}

bool allows(Access access, const Actor& a, const OfficeInfo* office) {
    switch (access) {
    case Access::anyone:
    case Access::logged_in:
        return true;
    case Access::overview:
        return a.role == Role::admin || a.role == Role::reviewer;
    case Access::view:
        return office && can_view(a, *office);
    case Access::record:
        return office && can_record_some(a, *office);
    case Access::plan:
        return office && can_plan(a, *office);
    case Access::audit:
        return office && can_audit(a, *office);
    }
    return false;
}

Error refusal(Access access) {
    switch (access) {
    case Access::overview:
        return {ErrorCode::forbidden, message(Msg::overview_only_reviewers), "peran"};
    case Access::audit:
        return {ErrorCode::forbidden, message(Msg::audit_only_leaders), "peran"};
    case Access::record:
        return {ErrorCode::forbidden, message(Msg::record_only_recorders), "peran"};
    default:
        return {ErrorCode::forbidden, message(Msg::plan_only_planners), "peran"};
    }
}

} // namespace kinerja::app
