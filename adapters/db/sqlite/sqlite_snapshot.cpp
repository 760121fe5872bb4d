#include "adapters/db/sqlite/sqlite_snapshot.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"

namespace kinerja::sqlite {
namespace {

struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close_v2(db); }
};

Result<void> open_existing_file(Handle& h, const std::string& path) {
    // No SQLITE_OPEN_CREATE: a missing file is an error, never a new empty database.
    if (sqlite3_open_v2(path.c_str(), &h.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        return fail(ErrorCode::io,
                    "Basis data '" + path + "' tidak dapat dibuka: " + (h.db ? sqlite3_errmsg(h.db) : "tidak ada"),
                    path);
    sqlite3_busy_timeout(h.db, 5000);
    return {};
}

DatabaseFacts read_facts(sqlite3* db) {
    DatabaseFacts facts;
    {
        Statement s(db, "PRAGMA user_version");
        if (s.step()) facts.schema_version = static_cast<int>(s.integer(0));
    }
    Statement s(db, "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256");
    while (s.step())
        facts.evidence_sha256.push_back(s.text(0));
    return facts;
}

} // namespace

Result<DatabaseFacts> seal_snapshot(const std::string& path) {
    Handle h;
    if (auto o = open_existing_file(h, path); !o) return tl::unexpected(o.error());
    try {
        Statement mode(h.db, "PRAGMA journal_mode = DELETE");
        if (!mode.step() || mode.text(0) != "delete")
            return fail(ErrorCode::io, "Salinan basis data '" + path + "' tidak dapat dijadikan satu berkas", path);
        return read_facts(h.db);
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, "Salinan basis data '" + path + "' tidak dapat dibaca: " + e.what(), path);
    }
}

Result<DatabaseFacts> verify_database_file(const std::string& path) {
    Handle h;
    if (auto o = open_existing_file(h, path); !o) return tl::unexpected(o.error());
    auto bad = [&](const std::string& why) {
        return fail(ErrorCode::invalid_input, "Basis data di dalam cadangan tidak dapat dipakai: " + why, "kinerja.db");
    };
    // The first read of the file says whether it is a database at all; SQLite's codes, not its text.
    sqlite3_stmt* probe = nullptr;
    const int rc = sqlite3_prepare_v2(h.db, "PRAGMA integrity_check(20)", -1, &probe, nullptr);
    sqlite3_finalize(probe);
    if (rc == SQLITE_NOTADB) return bad("berkasnya bukan basis data SQLite");
    if (rc == SQLITE_CORRUPT) return bad("berkas basis datanya rusak");
    try {
        std::string problems;
        Statement check(h.db, "PRAGMA integrity_check(20)");
        while (check.step())
            if (check.text(0) != "ok") problems += (problems.empty() ? "" : "; ") + check.text(0);
        if (!problems.empty()) return bad("pemeriksaan integritas (PRAGMA integrity_check) gagal: " + problems);
        auto facts = read_facts(h.db);
        if (facts.schema_version > SqliteRepository::schema_version())
            return fail(ErrorCode::unsupported,
                        fmt::format("Basis data di dalam cadangan memakai skema versi {}, lebih baru dari versi {} "
                                    "yang dikenal program ini; perbarui Kinerja",
                                    facts.schema_version, SqliteRepository::schema_version()),
                        path);
        if (facts.schema_version < 1) return bad("bukan basis data Kinerja");
        return facts;
    } catch (const std::exception& e) {
        // A page damaged past what integrity_check reports in rows ("database disk image is malformed").
        return bad(std::string("berkas basis datanya rusak (") + e.what() + ")");
    }
}

} // namespace kinerja::sqlite
