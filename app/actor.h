#pragma once
// Who is asking, with which role and over which offices; every use case checks its actor's scope
// on the server, whatever the page showed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/office_year.h"

namespace kinerja::app {

enum class Role { admin, reviewer, planner, head, operator_, viewer };
std::string_view role_code(Role r); // "admin", "reviewer", ...
std::optional<Role> parse_role(std::string_view code);
std::string_view role_label(Role r); // Indonesian: "Administrator", "Peninjau", ...

struct Actor {
    std::int64_t user_id = 0;
    std::string login;
    Role role = Role::viewer;
    std::optional<std::int64_t> office_id, unit_id;
    std::string office_code, office_name, unit_name;
    std::int64_t session_id = 0;
    std::string csrf_token;
};

// May the actor see this office? admin: all; reviewer: the province and its offices; others: their office.
bool can_view(const Actor& a, const OfficeInfo& office);
// Planning documents of the office (planner, head; admin).
bool can_plan(const Actor& a, const OfficeInfo& office);
// Approving, returning and locking months (head; admin).
bool can_approve(const Actor& a, const OfficeInfo& office);
// Entering actuals of an indicator owned by `unit_id` (operator of that unit; planner and head of the office; admin).
bool can_record(const Actor& a, const OfficeInfo& office, std::optional<std::int64_t> unit_id);
// Entering actuals of some indicator of the office (any of the above, for some unit).
bool can_record_some(const Actor& a, const OfficeInfo& office);
// Reading the office's audit log (head, planner; the reviewer of its province; admin).
bool can_audit(const Actor& a, const OfficeInfo& office);

} // namespace kinerja::app
