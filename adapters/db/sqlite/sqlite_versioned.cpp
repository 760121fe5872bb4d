#include "adapters/db/sqlite/sqlite_versioned.h"

#include <stdexcept>

namespace kinerja::sqlite {
namespace {

// Table and column names come from the code, never from a request; values are bound.
std::string quoted(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

void update_row(Connection& c, const VersionedWrite& w, std::int64_t id) {
    std::string sql = "UPDATE " + quoted(w.table) + " SET ";
    for (const auto& [column, value] : w.values)
        sql += quoted(column) + " = ?, ";
    sql += "version = version + 1 WHERE id = ?";
    Statement s(c.handle(), sql);
    int i = 0;
    for (const auto& [column, value] : w.values)
        s.bind(++i, value);
    s.bind(++i, id);
    s.step();
}

std::int64_t insert_row(Connection& c, const VersionedWrite& w) {
    if (w.key.empty()) throw std::logic_error("versioned write: no row to update in " + std::string(w.table));
    std::string columns, marks;
    for (const auto* part : {&w.key, &w.values})
        for (const auto& [column, value] : *part) {
            columns += quoted(column) + ", ";
            marks += "?, ";
        }
    Statement s(c.handle(), "INSERT INTO " + quoted(w.table) + " (" + columns + "version) VALUES (" + marks + "1)");
    int i = 0;
    for (const auto* part : {&w.key, &w.values})
        for (const auto& [column, value] : *part)
            s.bind(++i, value);
    s.step();
    return c.last_insert_id();
}

} // namespace

Result<std::int64_t> write_versioned(Connection& c, const AuditEntry& entry, const std::optional<StoredRow>& current,
                                     const VersionedWrite& w) {
    const std::int64_t version = current ? current->version : 0;
    if (version != w.expected_version) return fail(ErrorCode::conflict, w.stale_message(current), w.where);
    std::int64_t id = 0;
    if (current) {
        id = current->id;
        update_row(c, w, id);
    } else {
        id = insert_row(c, w);
    }
    write_audit(c, entry, w.table, id, current ? current->before : boost::json::object{}, w.after);
    return id;
}

} // namespace kinerja::sqlite
