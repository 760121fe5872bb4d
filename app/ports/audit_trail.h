#pragma once
// The audit log: every change of data is stored with who made it, when, and the row before and after.
// Writes add their entry themselves, in their own transaction; this port reads the log of an office.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kinerja::app {

// The entry a whole-store change carries (load, demo, import, user-add, password).
struct AuditRecord {
    std::string actor;  // login or "system"
    std::string action; // "demo", "load", "user-add"
    std::string entity;
    std::string after; // JSON summary
};

struct AuditRow {
    std::int64_t id = 0;
    std::string at, actor, action, entity, before, after; // before, after: JSON text, empty when none
    std::optional<std::int64_t> entity_id;
};

struct AuditFilter {
    std::string actor, action, entity, from, to; // empty: any; from/to are ISO dates
    int limit = 200;
};

class AuditTrail {
public:
    virtual ~AuditTrail() = default;

    // The office's entries that pass the filter, newest first.
    virtual Result<std::vector<AuditRow>> audit_log(std::int64_t office_id, const AuditFilter& filter) = 0;
};

} // namespace kinerja::app
