// The evidence rows of app::MonthlyWorkStore over SQLite (the files themselves are in adapters/files).
#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

std::int64_t evidence_bytes_of(Connection& c, std::int64_t office_id) {
    Statement s(c.handle(), "SELECT coalesce(sum(size), 0) FROM evidence WHERE office_id = ?");
    s.bind(1, office_id);
    return s.step() ? s.integer(0) : 0;
}

} // namespace

Result<std::int64_t> SqliteRepository::evidence_bytes(std::int64_t office_id) {
    return guarded([&]() -> Result<std::int64_t> { return evidence_bytes_of(*m_conn, office_id); });
}

Result<std::int64_t> SqliteRepository::add_evidence(const app::EvidenceRecord& e, std::int64_t office_quota_bytes) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        // In the transaction, so that two uploads at once cannot both pass the quota.
        if (evidence_bytes_of(*m_conn, e.office_id) + e.size > office_quota_bytes)
            return fail(ErrorCode::too_large, "Kuota bukti satker penuh", "kuota");
        Statement s(m_conn->handle(), R"(
            INSERT INTO evidence (actual_id, filename, sha256, size, mime, uploaded_by, uploaded_at, office_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?))");
        s.bind(1, e.actual_id)
            .bind(2, std::string_view(e.filename))
            .bind(3, std::string_view(e.sha256))
            .bind(4, e.size);
        s.bind(5, std::string_view(e.mime))
            .bind(6, std::string_view(e.uploaded_by))
            .bind(7, std::string_view(e.uploaded_at));
        s.bind(8, e.office_id);
        s.step();
        const std::int64_t id = m_conn->last_insert_id();
        write_audit(*m_conn, {e.office_id, e.uploaded_by, "upload-evidence", e.uploaded_at}, "evidence", id, {},
                    {{"actual_id", e.actual_id}, {"filename", e.filename}, {"sha256", e.sha256}, {"size", e.size}});
        return id;
    });
}

Result<std::optional<app::EvidenceRecord>> SqliteRepository::find_evidence(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<app::EvidenceRecord>> {
        Statement s(m_conn->handle(), R"(
            SELECT e.id, o.office_id, e.actual_id, e.size, e.filename, e.sha256, e.mime, e.uploaded_by, e.uploaded_at,
                   i.owner_unit_id
            FROM evidence e JOIN actual a ON a.id = e.actual_id JOIN indicator i ON i.id = a.indicator_id
            JOIN objective o ON o.id = i.objective_id WHERE e.id = ?)");
        s.bind(1, id);
        if (!s.step()) return std::optional<app::EvidenceRecord>{};
        return std::optional<app::EvidenceRecord>(app::EvidenceRecord{s.integer(0), s.integer(1), s.integer(2),
                                                                      s.integer(3), s.text(4), s.text(5), s.text(6),
                                                                      s.text(7), s.text(8), s.opt_integer(9)});
    });
}

} // namespace kinerja::sqlite
