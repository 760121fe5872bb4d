// `kinerja import`: the rows of one understood document go into an office of an existing database.
// The rows come with the seed loader's own ids; each gets a fresh id here and every reference follows
// (the references are read from the schema's foreign keys, so a new table needs no change here).
#include <map>
#include <optional>

#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

using app::Value;
using IdMap = std::map<std::int64_t, std::int64_t>; // the document's id -> the stored id

// Tables the importer never writes: the office is matched by code, the rest is not document data.
bool skipped(const std::string& table) {
    return table == "office" || table == "imported_document" || table == "app_user" || table == "session" ||
           table == "audit_log" || table == "login_failure" || table == "data_generation";
}

std::map<std::string, std::string> foreign_keys(Connection& c, const std::string& table) {
    std::map<std::string, std::string> fks; // column -> referenced table
    Statement s(c.handle(), "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
    s.bind(1, std::string_view(table));
    while (s.step())
        fks[s.text(0)] = s.text(1);
    return fks;
}

const Value& column(const app::Table& t, const std::vector<Value>& row, std::string_view name) {
    static const Value none;
    const int i = t.column_index(name);
    return i < 0 ? none : row[static_cast<std::size_t>(i)];
}

bool is_null(const Value& v) {
    return std::holds_alternative<std::monostate>(v);
}

std::string as_text(const Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    return {};
}

struct Existing {
    std::int64_t id = 0;
    std::string text; // what a target or an actual says, to compare with the document's
};

// The stored row the document's row stands for, by the table's natural key; none for tables whose
// rows are always the document's own (plans, agreements, budget lines...).
std::optional<Existing> find_existing(Connection& c, const app::Table& t, const std::vector<Value>& row) {
    auto one = [&](const char* sql, std::initializer_list<Value> params, bool with_text) -> std::optional<Existing> {
        Statement s(c.handle(), sql);
        int i = 0;
        for (const auto& p : params)
            s.bind(++i, p);
        if (!s.step()) return std::nullopt;
        return Existing{s.integer(0), with_text ? s.text(1) : std::string{}};
    };
    const auto& n = t.name;
    if (n == "unit")
        return one("SELECT id FROM unit WHERE office_id = ? AND name = ?",
                   {column(t, row, "office_id"), column(t, row, "name")}, false);
    if (n == "budget_code")
        return one("SELECT id FROM budget_code WHERE year = ? AND code = ?",
                   {column(t, row, "year"), column(t, row, "code")}, false);
    if (n == "objective") {
        if (!is_null(column(t, row, "code")))
            return one("SELECT id FROM objective WHERE office_id = ? AND code = ? ORDER BY id LIMIT 1",
                       {column(t, row, "office_id"), column(t, row, "code")}, false);
        return one("SELECT id FROM objective WHERE office_id = ? AND code IS NULL AND name = ? ORDER BY id LIMIT 1",
                   {column(t, row, "office_id"), column(t, row, "name")}, false);
    }
    if (n == "indicator")
        return one("SELECT id FROM indicator WHERE objective_id = ? AND statement = ? ORDER BY id LIMIT 1",
                   {column(t, row, "objective_id"), column(t, row, "statement")}, false);
    if (n == "indicator_target")
        return one("SELECT id, target_text FROM indicator_target WHERE indicator_id = ? AND year = ? AND kind = ?",
                   {column(t, row, "indicator_id"), column(t, row, "year"), column(t, row, "kind")}, true);
    if (n == "actual")
        return one("SELECT id, value_text FROM actual WHERE indicator_id = ? AND year = ? AND month = ?",
                   {column(t, row, "indicator_id"), column(t, row, "year"), column(t, row, "month")}, true);
    return std::nullopt;
}

// The text a target or an actual row of the document says (compared with a stored one).
std::string said(const app::Table& t, const std::vector<Value>& row) {
    if (t.name == "indicator_target") return as_text(column(t, row, "target_text"));
    if (t.name == "actual") return as_text(column(t, row, "value_text"));
    return {};
}

// The document's rows hold exactly one office, and every table has this database's columns.
Result<void> check_document_shape(const app::Dataset& rows, const app::Dataset& shape) {
    const app::Table* offices = rows.find("office");
    if (!offices || offices->rows.size() != 1)
        return fail(ErrorCode::internal, "Impor memerlukan tepat satu satker dalam data dokumen");
    for (const auto& t : rows.tables) {
        const app::Table* known = shape.find(t.name);
        if (!known || known->columns != t.columns)
            return fail(ErrorCode::internal, "Tabel '" + t.name + "' dokumen tidak sesuai skema basis data", t.name);
    }
    return {};
}

std::optional<std::int64_t> office_by_code(Connection& c, const std::string& code) {
    Statement s(c.handle(), "SELECT id FROM office WHERE code = ?");
    s.bind(1, std::string_view(code));
    if (!s.step()) return std::nullopt;
    return s.integer(0);
}

// True when this very document (same hash) is in the office already; another content under the same
// file name is a conflict: a new version never replaces the old one.
Result<bool> imported_before(Connection& c, std::int64_t office_id, const std::string& code,
                             const app::ImportedDocument& doc) {
    Statement s(c.handle(), "SELECT source FROM imported_document WHERE office_id = ? AND sha256 = ?");
    s.bind(1, office_id).bind(2, std::string_view(doc.sha256));
    if (s.step()) return true;
    Statement same_name(c.handle(), "SELECT imported_at FROM imported_document WHERE office_id = ? AND source = ?");
    same_name.bind(1, office_id).bind(2, std::string_view(doc.source));
    if (same_name.step())
        return fail(ErrorCode::conflict,
                    "Dokumen '" + doc.source + "' sudah diimpor ke " + code + " pada " + same_name.text(0) +
                        " dengan isi lain; versi baru tidak menimpa yang lama. Beri nama lain bila ini dokumen berbeda",
                    doc.source);
    return false;
}

std::int64_t create_office(Connection& c, const std::string& code, const app::Table& offices) {
    const auto& row = offices.rows[0];
    Statement s(c.handle(), "INSERT INTO office (code, name, level, parent_id, place) VALUES (?, ?, ?, NULL, ?)");
    s.bind(1, std::string_view(code))
        .bind(2, column(offices, row, "name"))
        .bind(3, column(offices, row, "level"))
        .bind(4, column(offices, row, "place"));
    s.step();
    return c.last_insert_id();
}

// The row with every reference turned from the document's ids into the stored ones.
Result<std::vector<Value>> with_stored_references(const app::Table& t, std::vector<Value> row,
                                                  const std::map<std::string, std::string>& fks,
                                                  std::map<std::string, IdMap>& ids) {
    for (std::size_t i = 1; i < row.size(); ++i) {
        const auto fk = fks.find(t.columns[i]);
        if (fk == fks.end() || is_null(row[i])) continue;
        const auto& map = ids[fk->second];
        const auto to = map.find(std::get<std::int64_t>(row[i]));
        if (to == map.end())
            return fail(ErrorCode::internal,
                        "Baris tabel '" + t.name + "' merujuk " + fk->second + " yang tidak ada dalam dokumen");
        row[i] = to->second;
    }
    return row;
}

// Copies a table's rows of the document: a row already stored (by its natural key) is reused when it
// says the same, and a conflict when it says something else; the others get fresh ids.
Result<void> copy_table(Connection& c, const app::Table& t, const app::ImportedDocument& doc,
                        std::map<std::string, IdMap>& ids, app::ImportResult& result) {
    const auto fks = foreign_keys(c, t.name);
    std::string sql = "INSERT INTO \"" + t.name + "\" (", marks;
    for (std::size_t i = 1; i < t.columns.size(); ++i) {
        sql += (i > 1 ? ", \"" : "\"") + t.columns[i] + "\"";
        marks += i > 1 ? ", ?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    Statement insert(c.handle(), sql);
    for (const auto& original : t.rows) {
        auto row = with_stored_references(t, original, fks, ids);
        if (!row) return tl::unexpected(row.error());
        const std::int64_t own_id = std::get<std::int64_t>((*row)[0]);
        if (auto existing = find_existing(c, t, *row)) {
            const std::string text = said(t, *row);
            if (existing->text != text)
                return fail(ErrorCode::conflict,
                            "Nilai '" + text + "' dari " + doc.source + " berbeda dengan '" + existing->text +
                                "' yang sudah tersimpan (" + t.name + " " + std::to_string(existing->id) +
                                "); dokumen tidak diimpor, tidak ada yang ditimpa",
                            t.name);
            ids[t.name][own_id] = existing->id;
            continue;
        }
        for (std::size_t i = 1; i < row->size(); ++i)
            insert.bind(static_cast<int>(i), (*row)[i]);
        insert.step();
        insert.reset();
        ids[t.name][own_id] = c.last_insert_id();
        ++result.rows;
    }
    return {};
}

void record_import(Connection& c, std::int64_t office_id, const app::ImportedDocument& doc, std::size_t rows,
                   const app::AuditRecord& audit) {
    Statement record(c.handle(), "INSERT INTO imported_document (office_id, source, sha256, kind, year, rows, "
                                 "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    record.bind(1, office_id)
        .bind(2, std::string_view(doc.source))
        .bind(3, std::string_view(doc.sha256))
        .bind(4, std::string_view(doc.kind));
    if (doc.year > 0)
        record.bind(5, std::int64_t{doc.year});
    else
        record.bind_null(5);
    record.bind(6, static_cast<std::int64_t>(rows))
        .bind(7, std::string_view(now_iso()))
        .bind(8, std::string_view(audit.actor));
    record.step();
    insert_audit(c, audit, office_id, office_id);
    bump_generation(c);
}

} // namespace

Result<app::ImportResult> SqliteRepository::import_document(const app::Dataset& rows, const app::ImportedDocument& doc,
                                                            const app::AuditRecord& audit) {
    auto shape = empty_dataset();
    if (!shape) return tl::unexpected(shape.error());
    if (auto checked = check_document_shape(rows, *shape); !checked) return tl::unexpected(checked.error());
    const app::Table& offices = *rows.find("office");
    return in_transaction(*m_conn, [&]() -> Result<app::ImportResult> {
        app::ImportResult result;
        const std::string code = as_text(column(offices, offices.rows[0], "code"));
        auto office_id = office_by_code(*m_conn, code);
        if (office_id) {
            auto before = imported_before(*m_conn, *office_id, code, doc);
            if (!before) return tl::unexpected(before.error());
            result.unchanged = *before;
            if (result.unchanged) return result;
        } else {
            office_id = create_office(*m_conn, code, offices);
            ++result.rows;
        }
        std::map<std::string, IdMap> ids;
        ids["office"][std::get<std::int64_t>(column(offices, offices.rows[0], "id"))] = *office_id;
        for (const auto& known : shape->tables) {
            const app::Table* t = rows.find(known.name);
            if (!t || t->rows.empty() || skipped(t->name)) continue;
            if (auto copied = copy_table(*m_conn, *t, doc, ids, result); !copied) return tl::unexpected(copied.error());
        }
        record_import(*m_conn, *office_id, doc, result.rows, audit);
        return result;
    });
}

} // namespace kinerja::sqlite
