#pragma once
// The versioned write: every row a person edits in the browser (an actual, a month's status, spending,
// a target, an action item's months, a narrative) carries the version the edit was based on. Inside
// the write transaction the row is read again; a stale version is refused with ErrorCode::conflict
// and a message from the row as it stands (who changed it, to what); else the row is updated at
// version + 1 (or inserted at version 1) and the audit log gets the row before and after.
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "app/dataset.h"

namespace kinerja::sqlite {

// The row an edit compares with, as it stands inside the transaction.
struct StoredRow {
    std::int64_t id = 0, version = 0;
    boost::json::object before; // the audited fields as they are: the audit's "before"
};

// Steps `current`, a SELECT whose first two columns are the row's id and version; `before` reads the
// audited fields from it. Nothing when there is no row. `current` stays on the row for the caller.
template <typename Before> std::optional<StoredRow> stored_row(Statement& current, Before&& before) {
    if (!current.step()) return std::nullopt;
    return StoredRow{current.integer(0), current.integer(1), before()};
}

using ColumnValue = std::pair<std::string_view, app::Value>;

struct VersionedWrite {
    std::string_view table;            // also the audit log's entity
    std::int64_t expected_version = 0; // what the edit was based on; 0: there must be no row yet
    std::string where;                 // the conflict's Error::where: the form's key of the row
    // Why a stale edit is refused, said from the row as it stands (none: it is gone).
    std::function<std::string(const std::optional<StoredRow>& current)> stale_message;
    std::vector<ColumnValue> values; // what the edit sets
    std::vector<ColumnValue> key;    // what an inserted row also holds (its natural key); empty: never inserted
    boost::json::object after;       // the audit's "after"
};

// Compares the version, updates the row (or inserts it), writes the audit entry (which raises the
// data generation) and returns the row's id. A missing row with an empty `key` is a programmer error:
// the caller says not_found before.
Result<std::int64_t> write_versioned(Connection& c, const AuditEntry& entry, const std::optional<StoredRow>& current,
                                     const VersionedWrite& w);

} // namespace kinerja::sqlite
