// app::DatasetStore over SQLite: the neutral dataset (export, load, demo), web import drafts, backups
// and the check before a server starts. The document import is in sqlite_import.cpp.
#include <cstdio>
#include <fmt/format.h>
#include <sqlite3.h>

#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

std::vector<std::string> table_names(Connection& c) {
    std::vector<std::string> names;
    Statement s(c.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                            // Web import drafts are working state (uploaded bytes), not data to export or load.
                            "AND name <> 'import_draft' ORDER BY rowid");
    while (s.step())
        names.push_back(s.text(0));
    return names;
}

app::Table table_shape(Connection& c, const std::string& table) {
    app::Table t{table, {}, {}, {}};
    Statement s(c.handle(), "SELECT name, dflt_value FROM pragma_table_info(?) ORDER BY cid");
    s.bind(1, std::string_view(table));
    while (s.step()) {
        t.columns.push_back(s.text(0));
        // Defaults in this schema are quoted texts ('posisi'), whole numbers (1) or nothing.
        const std::string d = s.text(1);
        if (d.size() >= 2 && d.front() == '\'' && d.back() == '\'')
            t.defaults.emplace_back(d.substr(1, d.size() - 2));
        else if (!d.empty() && d.find_first_not_of("-0123456789") == std::string::npos)
            t.defaults.emplace_back(std::int64_t{std::stoll(d)});
        else
            t.defaults.emplace_back();
    }
    return t;
}

// The dataset to restore has this database's schema version, tables and columns.
Result<void> same_shape(const app::Dataset& data, const app::Dataset& shape) {
    if (data.schema_version != shape.schema_version)
        return fail(ErrorCode::unsupported, fmt::format("Data bervariasi skema {}, basis data skema {}",
                                                        data.schema_version, shape.schema_version));
    for (const auto& t : data.tables) {
        const app::Table* known = shape.find(t.name);
        if (!known) return fail(ErrorCode::invalid_input, "Tabel '" + t.name + "' tidak dikenal", t.name);
        if (known->columns != t.columns)
            return fail(ErrorCode::invalid_input, "Kolom tabel '" + t.name + "' tidak sesuai skema basis data", t.name);
    }
    return {};
}

// Inserts a table's rows with their ids as given.
Result<void> insert_rows(Connection& c, const app::Table& t) {
    std::string sql = "INSERT INTO \"" + t.name + "\" (";
    std::string marks;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        sql += (i ? ", \"" : "\"") + t.columns[i] + "\"";
        marks += i ? ", ?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    Statement s(c.handle(), sql);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        if (row.size() != t.columns.size())
            return fail(ErrorCode::invalid_input, fmt::format("Baris {} tabel '{}' tidak lengkap", r + 1, t.name));
        for (std::size_t i = 0; i < row.size(); ++i)
            s.bind(static_cast<int>(i) + 1, row[i]);
        try {
            s.step();
        } catch (const std::exception& e) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("Baris {} tabel '{}' ditolak: {}", r + 1, t.name, e.what()), t.name);
        }
        s.reset();
    }
    return {};
}

} // namespace

Result<app::Dataset> SqliteRepository::empty_dataset() {
    try {
        app::Dataset d;
        d.schema_version = schema_version();
        for (const auto& name : table_names(*m_conn))
            d.tables.push_back(table_shape(*m_conn, name));
        return d;
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, e.what());
    }
}

Result<bool> SqliteRepository::is_empty() {
    try {
        for (const auto& name : table_names(*m_conn)) {
            Statement s(m_conn->handle(), "SELECT EXISTS (SELECT 1 FROM \"" + name + "\")");
            if (s.step() && s.integer(0) != 0) return false;
        }
        return true;
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, e.what());
    }
}

Result<app::Dataset> SqliteRepository::dump() {
    auto d = empty_dataset();
    if (!d) return d;
    auto read = in_read_snapshot(*m_conn, [&] {
        for (auto& t : d->tables) {
            Statement s(m_conn->handle(), "SELECT * FROM \"" + t.name + "\" ORDER BY id");
            while (s.step()) {
                std::vector<app::Value> row;
                row.reserve(t.columns.size());
                for (int c = 0; c < static_cast<int>(t.columns.size()); ++c)
                    row.push_back(s.value(c));
                t.rows.push_back(std::move(row));
            }
        }
    });
    if (!read) return tl::unexpected(read.error());
    return d;
}

Result<void> SqliteRepository::restore(const app::Dataset& data, const app::AuditRecord& audit) {
    auto shape = empty_dataset();
    if (!shape) return tl::unexpected(shape.error());
    if (auto same = same_shape(data, *shape); !same) return same;
    auto empty = is_empty();
    if (!empty) return tl::unexpected(empty.error());
    if (!*empty)
        return fail(ErrorCode::conflict,
                    "Basis data '" + m_path + "' sudah berisi data; muat hanya ke basis data kosong", m_path);
    return in_transaction(*m_conn, [&]() -> Result<void> {
        // Tables in the schema's order, so every foreign key points to a row already there.
        for (const auto& known : shape->tables) {
            const app::Table* t = data.find(known.name);
            if (!t || t->rows.empty()) continue;
            if (auto r = insert_rows(*m_conn, *t); !r) return r;
        }
        if (audit.action != "load") {
            insert_audit(*m_conn, audit, std::nullopt);
            bump_generation(*m_conn);
        }
        return {};
    });
}

Result<std::int64_t> SqliteRepository::save_import_draft(const app::ImportDraft& d) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        Statement old(m_conn->handle(), "DELETE FROM import_draft WHERE created_at < ?");
        old.bind(1, d.created_at - app::k_import_draft_lifetime);
        old.step();
        // Room for this one within the user's quota: the newest (quota - 1) stay.
        Statement over(m_conn->handle(), R"(
            DELETE FROM import_draft WHERE user_id = ?1 AND id NOT IN (
              SELECT id FROM import_draft WHERE user_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2))");
        over.bind(1, d.user_id).bind(2, std::int64_t{app::k_import_drafts_per_user - 1});
        over.step();
        // Bound as text and cast: the bytes are kept exactly, in a BLOB column.
        Statement s(m_conn->handle(), R"(
            INSERT INTO import_draft (office_id, user_id, file_name, sha256, bytes, created_at)
            VALUES (?, ?, ?, ?, CAST(? AS BLOB), ?))");
        s.bind(1, d.office_id).bind(2, d.user_id).bind(3, std::string_view(d.file_name));
        s.bind(4, std::string_view(d.sha256)).bind(5, std::string_view(d.bytes)).bind(6, d.created_at);
        s.step();
        return m_conn->last_insert_id();
    });
}

Result<std::optional<app::ImportDraft>> SqliteRepository::load_import_draft(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<app::ImportDraft>> {
        Statement s(m_conn->handle(), R"(
            SELECT id, office_id, user_id, created_at, file_name, sha256, bytes FROM import_draft WHERE id = ?)");
        s.bind(1, id);
        if (!s.step()) return std::optional<app::ImportDraft>{};
        return std::optional<app::ImportDraft>{
            app::ImportDraft{s.integer(0), s.integer(1), s.integer(2), s.integer(3), s.text(4), s.text(5), s.text(6)}};
    });
}

Result<void> SqliteRepository::backup_to(const std::string& path) {
    // Write to a temporary file and rename it, so a failed backup leaves nothing half-written.
    const std::string tmp = path + ".tmp";
    std::remove(tmp.c_str());
    sqlite3* dest = nullptr;
    if (sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(dest);
        return fail(ErrorCode::io, "Berkas cadangan '" + path + "' tidak dapat dibuat", path);
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", m_conn->handle(), "main");
    int rc = SQLITE_ERROR;
    if (b) {
        rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    }
    const bool ok = rc == SQLITE_DONE && sqlite3_errcode(dest) == SQLITE_OK;
    sqlite3_close(dest);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return fail(ErrorCode::io, "Pencadangan ke '" + path + "' gagal", path);
    }
    return {};
}

Result<void> SqliteRepository::verify_ready_to_serve() {
    // SQLite opens a file it may not write read-only without a word; every login would then fail.
    if (sqlite3_db_readonly(m_conn->handle(), "main") == 1)
        return fail(ErrorCode::io,
                    "Basis data '" + m_path +
                        "' hanya dapat dibaca; server perlu menulis ke berkas itu dan ke foldernya (berkas -wal "
                        "dan -shm). Periksa izin berkas dan folder",
                    m_path);
    try {
        m_conn->exec("BEGIN IMMEDIATE");
        m_conn->exec("ROLLBACK");
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, "Basis data '" + m_path + "' tidak dapat ditulis: " + e.what(), m_path);
    }
    try {
        Statement s(m_conn->handle(), "PRAGMA quick_check");
        std::string first;
        int problems = 0;
        while (s.step()) {
            const std::string row = s.text(0);
            if (row == "ok") continue;
            if (problems++ == 0) first = row;
        }
        if (problems)
            return fail(ErrorCode::invalid_input,
                        fmt::format("Basis data '{}' rusak: pemeriksaan struktur (PRAGMA quick_check) menemukan {} "
                                    "masalah, yang pertama: {}. Pulihkan dari cadangan dengan 'kinerja restore'",
                                    m_path, problems, first),
                        m_path);
    } catch (const std::exception& e) {
        return fail(ErrorCode::invalid_input,
                    "Basis data '" + m_path + "' rusak: pemeriksaan struktur gagal: " + e.what() +
                        ". Pulihkan dari cadangan dengan 'kinerja restore'",
                    m_path);
    }
    return {};
}

} // namespace kinerja::sqlite
