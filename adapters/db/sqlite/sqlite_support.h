#pragma once
// Helpers the SQLite repository's files share: transactions, the audit row, the clock.
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <optional>
#include <string>

#include "adapters/db/sqlite/sqlite_db.h"
#include "app/repository.h"

namespace kinerja::sqlite {

inline std::string now_iso() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                       tm.tm_min, tm.tm_sec);
}

inline void rollback_quietly(Connection& c) {
    try {
        c.exec("ROLLBACK");
    } catch (...) {
        // Nothing to undo: the transaction is already gone.
    }
}

// Runs `body` inside one transaction; any exception or error rolls everything back.
template <typename F> auto in_transaction(Connection& c, F&& body) -> decltype(body()) {
    try {
        c.exec("BEGIN IMMEDIATE");
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, std::string("Transaksi tidak dapat dimulai: ") + e.what());
    }
    try {
        auto result = body();
        if (result)
            c.exec("COMMIT");
        else
            c.exec("ROLLBACK");
        return result;
    } catch (const std::exception& e) {
        rollback_quietly(c);
        return fail(ErrorCode::io, std::string("Penulisan basis data gagal, tidak ada yang disimpan: ") + e.what());
    }
}

// `office_id`: the office whose audit log shows the entry (none for database-wide events).
inline void insert_audit(Connection& c, const app::AuditRecord& a, std::optional<std::int64_t> entity_id,
                         std::optional<std::int64_t> office_id = std::nullopt) {
    Statement s(c.handle(), "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, office_id) "
                            "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)");
    s.bind(1, std::string_view(now_iso())).bind(2, std::string_view(a.actor)).bind(3, std::string_view(a.action));
    s.bind(4, std::string_view(a.entity));
    if (entity_id)
        s.bind(5, *entity_id);
    else
        s.bind_null(5);
    s.bind(6, std::string_view(a.after));
    if (office_id)
        s.bind(7, *office_id);
    else
        s.bind_null(7);
    s.step();
}

} // namespace kinerja::sqlite
