#include "app/actor.h"

#include <array>

namespace kinerja::app {
namespace {
constexpr std::array<std::string_view, 6> codes = {"admin", "reviewer", "planner", "head", "operator", "viewer"};
constexpr std::array<std::string_view, 6> labels = {"Administrator",   "Peninjau provinsi",  "Perencana",
                                                    "Pimpinan satker", "Operator subbagian", "Pembaca"};

bool own_office(const Actor& a, const OfficeInfo& o) {
    return a.office_id && *a.office_id == o.id;
}
} // namespace

std::string_view role_code(Role r) {
    return codes[static_cast<std::size_t>(r)];
}
std::string_view role_label(Role r) {
    return labels[static_cast<std::size_t>(r)];
}

std::optional<Role> parse_role(std::string_view code) {
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] == code) return static_cast<Role>(i);
    return std::nullopt;
}

bool can_view(const Actor& a, const OfficeInfo& o) {
    switch (a.role) {
    case Role::admin:
        return true;
    case Role::reviewer:
        return own_office(a, o) || (a.office_id && o.parent_id == a.office_id);
    default:
        return own_office(a, o);
    }
}

bool can_plan(const Actor& a, const OfficeInfo& o) {
    return a.role == Role::admin || ((a.role == Role::planner || a.role == Role::head) && own_office(a, o));
}

bool can_approve(const Actor& a, const OfficeInfo& o) {
    return a.role == Role::admin || (a.role == Role::head && own_office(a, o));
}

bool can_record(const Actor& a, const OfficeInfo& o, std::optional<std::int64_t> unit_id) {
    if (a.role == Role::admin) return true;
    if (!own_office(a, o)) return false;
    if (a.role == Role::planner || a.role == Role::head) return true;
    return a.role == Role::operator_ && a.unit_id && unit_id && *a.unit_id == *unit_id;
}

bool can_record_some(const Actor& a, const OfficeInfo& o) {
    if (a.role == Role::admin) return true;
    return own_office(a, o) && (a.role == Role::planner || a.role == Role::head || a.role == Role::operator_);
}

bool can_audit(const Actor& a, const OfficeInfo& o) {
    return can_view(a, o) && a.role != Role::viewer && a.role != Role::operator_;
}

} // namespace kinerja::app
