#pragma once
// Helpers the SQLite repository's files share: transactions, read snapshots, the clock, column reads.
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <optional>
#include <string>

#include "adapters/db/sqlite/sqlite_db.h"
#include "core/date.h"
#include "core/rupiah.h"

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

// Runs `body` (which throws on a database error) in one read transaction: one snapshot of every table.
template <typename F> Result<void> in_read_snapshot(Connection& c, F&& body) {
    try {
        c.exec("BEGIN");
        body();
        c.exec("COMMIT");
        return {};
    } catch (const std::exception& e) {
        rollback_quietly(c);
        return fail(ErrorCode::io, std::string("Basis data tidak dapat dibaca: ") + e.what());
    }
}

// Small single statements: any exception becomes an I/O error with SQLite's message.
template <typename F> auto guarded(F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, std::string("Basis data: ") + e.what());
    }
}

inline std::optional<Rupiah> opt_rupiah(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return Rupiah{s.integer(col)};
}

inline std::optional<Date> opt_date(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    auto d = parse_iso_date(s.text(col));
    if (!d) return std::nullopt;
    return *d;
}

} // namespace kinerja::sqlite
