#include "adapters/db/sqlite/sqlite_db.h"

#include <cstring>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/stat.h>

namespace kinerja::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("SQL: ") + sqlite3_errmsg(db) + " in: " + std::string(sql));
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int i, const app::Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return bind(i, std::get<std::int64_t>(v));
    if (std::holds_alternative<std::string>(v)) return bind(i, std::string_view(std::get<std::string>(v)));
    return bind_null(i);
}

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int i) {
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(sqlite3_errmsg(m_db));
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::column_count() const {
    return sqlite3_column_count(m_stmt);
}
bool Statement::is_null(int c) const {
    return sqlite3_column_type(m_stmt, c) == SQLITE_NULL;
}
std::int64_t Statement::integer(int c) const {
    return sqlite3_column_int64(m_stmt, c);
}

std::string Statement::text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string();
}

std::optional<std::int64_t> Statement::opt_integer(int c) const {
    if (is_null(c)) return std::nullopt;
    return integer(c);
}

app::Value Statement::value(int c) const {
    switch (sqlite3_column_type(m_stmt, c)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return integer(c);
    default:
        return text(c);
    }
}

namespace {
// A file holding a Kinerja schema (user_version > 0), or, for a command that creates a database, an
// empty one. Another program's SQLite database is never migrated into.
Result<void> kinerja_or_empty(Connection& c, const std::string& path, bool create) {
    Statement version(c.handle(), "PRAGMA user_version");
    if (version.step() && version.integer(0) > 0) return {};
    Statement tables(c.handle(), "SELECT count(*) FROM sqlite_schema");
    if (tables.step() && tables.integer(0) > 0)
        return fail(ErrorCode::invalid_input,
                    "Berkas '" + path + "' adalah basis data SQLite lain, bukan basis data Kinerja; tidak diubah",
                    path);
    if (!create)
        return fail(ErrorCode::invalid_input,
                    "Basis data '" + path +
                        "' kosong, bukan basis data Kinerja; buat dengan 'kinerja demo' atau 'kinerja load', atau "
                        "pulihkan dengan 'kinerja restore'",
                    path);
    return {};
}
} // namespace

Result<Connection> Connection::open(const std::string& path, bool create) {
    // Only stat() here, never open(): on POSIX, closing any descriptor of the file drops every lock
    // this process holds on it, so a server whose next worker connects would be left holding no lock,
    // and another process (a backup, the sqlite3 shell) would take itself for the last connection and
    // checkpoint and delete the WAL the server still writes into. SQLite reads the header itself.
    struct stat st {};
    const bool exists = path != ":memory:" && ::stat(path.c_str(), &st) == 0;
    if (!exists && !create && path != ":memory:")
        return fail(ErrorCode::not_found, "Basis data '" + path + "' tidak ditemukan", path);
    if (exists && !S_ISREG(st.st_mode))
        return fail(ErrorCode::invalid_input, "'" + path + "' bukan berkas basis data (mungkin folder)", path);
    // SQLite takes an empty file for an empty database: a server would start on a schema made on the
    // spot, where every login fails. Only a command that creates a database may start from nothing.
    struct stat wal {};
    const bool wal_holds_data = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
    if (exists && st.st_size == 0 && !wal_holds_data && !create)
        return fail(ErrorCode::invalid_input,
                    "Berkas '" + path +
                        "' kosong (0 byte), bukan basis data Kinerja; buat dengan 'kinerja demo' "
                        "atau 'kinerja load', atau pulihkan dengan 'kinerja restore'",
                    path);
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "tidak dapat dibuka";
        sqlite3_close(db);
        return fail(ErrorCode::io, "Basis data '" + path + "' tidak dapat dibuka: " + msg, path);
    }
    Connection c(db);
    try {
        c.exec("PRAGMA foreign_keys = ON");
        c.exec("PRAGMA busy_timeout = 5000");
        // Before anything is written (WAL mode alone rewrites the header): only a Kinerja database, or an
        // empty file a creating command lays its schema into, is used. The first read checks the header.
        if (auto kind = kinerja_or_empty(c, path, create); !kind) return tl::unexpected(kind.error());
        c.exec("PRAGMA journal_mode = WAL");
        // FULL: a commit is on disk before the server acknowledges it, also across a power cut (NORMAL
        // keeps it only across a crash of the process).
        c.exec("PRAGMA synchronous = FULL");
        // Reads of a whole year for the national roll-up go through memory-mapped pages.
        c.exec("PRAGMA mmap_size = 1073741824");
        c.exec("PRAGMA cache_size = -65536");
    } catch (const std::exception& e) {
        if (sqlite3_errcode(db) == SQLITE_NOTADB)
            return fail(ErrorCode::invalid_input, "Berkas '" + path + "' bukan basis data Kinerja (bukan SQLite)",
                        path);
        return fail(ErrorCode::invalid_input, "Berkas '" + path + "' bukan basis data yang dapat dipakai: " + e.what(),
                    path);
    }
    return c;
}

Connection::~Connection() {
    m_prepared.clear(); // finalize before closing
    sqlite3_close_v2(m_db);
}

Reused Connection::reuse(const std::string& sql) {
    auto& slot = m_prepared[sql];
    if (!slot) slot = std::make_unique<Statement>(m_db, sql);
    return Reused(*slot);
}

void Connection::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "SQL error";
        sqlite3_free(err);
        throw std::runtime_error(msg);
    }
}

std::string Connection::error_message() const {
    return sqlite3_errmsg(m_db);
}

std::int64_t Connection::last_insert_id() const {
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace kinerja::sqlite
