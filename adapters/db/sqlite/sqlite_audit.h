#pragma once
// The audit log's entries, written inside the transaction of the change they record. The before and
// after of an entry are JSON objects built with Boost.JSON (never by string concatenation), so any
// text a person typed is escaped.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

#include "adapters/db/sqlite/sqlite_db.h"
#include "app/ports/audit_trail.h"

namespace kinerja::sqlite {

// Who changed an office's data, how and when: the frame of an entry.
struct AuditEntry {
    std::int64_t office_id = 0; // whose audit log shows the entry
    std::string_view actor, action, at;
};

// Every audited change is a change of data, so the data generation goes up with it (page caches).
void bump_generation(Connection& c);

// An entry for a row of `entity` (its table); an empty `before` is stored as NULL (the row is new).
// Raises the data generation.
void write_audit(Connection& c, const AuditEntry& entry, std::string_view entity, std::optional<std::int64_t> entity_id,
                 const boost::json::object& before, const boost::json::object& after);

// An entry for a whole-store change (load, demo, import, user-add, password), stamped now; the data
// generation is the caller's to raise. `office_id`: the office whose log shows it (none for database-wide
// events).
void insert_audit(Connection& c, const app::AuditRecord& a, std::optional<std::int64_t> entity_id,
                  std::optional<std::int64_t> office_id = std::nullopt);

} // namespace kinerja::sqlite
