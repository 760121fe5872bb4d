// app::MonthlyWorkStore over SQLite: the month's sheet, actuals, statuses, budget spending and
// obstacles. The evidence rows are in sqlite_evidence.cpp. Edits go through write_versioned().
#include <boost/json/object.hpp>
#include <fmt/format.h>
#include <map>

#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"
#include "adapters/db/sqlite/sqlite_versioned.h"

namespace kinerja::sqlite {
namespace bj = boost::json;
namespace {

bool month_locked(Connection& c, std::int64_t office_id, int year, int month) {
    Statement s(c.handle(), R"(
        SELECT 1 FROM period_status WHERE office_id = ? AND unit_id IS NULL AND year = ? AND month = ? AND status = 'locked')");
    s.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
    return s.step();
}

// Checked again inside each write transaction: a lock that lands between the page and the save wins,
// and only a correction may change a locked month.
Result<void> writable_month(Connection& c, std::int64_t office_id, int year, int month, const std::string& action) {
    if (action != "correction" && month_locked(c, office_id, year, month))
        return fail(ErrorCode::conflict, "Bulan ini baru saja dikunci; perubahan hanya sebagai koreksi dengan alasan",
                    "0");
    return {};
}

// The reason a value was entered as a correction of a locked month; NULL for an ordinary entry.
app::Value correction_of(std::string_view action, const std::string& reason) {
    return action == "correction" ? app::Value{reason} : app::Value{};
}

Result<std::int64_t> write_actual(Connection& c, const AuditEntry& entry, int year, int month,
                                  const app::ActualWrite& w, const std::string& reason) {
    Statement cur(c.handle(), R"(
        SELECT a.id, a.version, a.value_text, coalesce(a.note, ''), a.author, a.recorded_at
        FROM actual a JOIN indicator i ON i.id = a.indicator_id JOIN objective o ON o.id = i.objective_id
        WHERE a.indicator_id = ? AND a.year = ? AND a.month = ? AND o.office_id = ?)");
    cur.bind(1, w.indicator_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month}).bind(4, entry.office_id);
    const auto current = stored_row(cur, [&] {
        return bj::object{{"value", cur.text(2)}, {"note", cur.text(3)}, {"version", cur.integer(1)}};
    });
    VersionedWrite v{"actual", w.expected_version, std::to_string(w.indicator_id), {}, {}, {}, {}};
    v.stale_message = [&](const std::optional<StoredRow>& row) {
        return row ? fmt::format("Realisasi ini sudah diubah oleh {} pada {} menjadi '{}'; periksa lalu simpan lagi. "
                                 "Isian Anda tetap di formulir.",
                                 cur.text(4), cur.text(5), cur.text(2))
                   : std::string("Realisasi ini sudah dihapus atau belum pernah ada; muat ulang halaman");
    };
    v.values = {{"value_text", w.value_text},
                {"value", w.value_canonical},
                {"note", w.note},
                {"author", std::string(entry.actor)},
                {"recorded_at", std::string(entry.at)},
                {"source", "web"},
                {"line", {}},
                {"reported_achievement", {}},
                {"correction", correction_of(entry.action, reason)}};
    v.key = {{"indicator_id", w.indicator_id}, {"year", year}, {"month", month}};
    v.after = {{"indicator_id", w.indicator_id}, {"year", year},   {"month", month},
               {"value", w.value_text},          {"note", w.note}, {"version", w.expected_version + 1}};
    if (!reason.empty()) v.after["reason"] = reason;
    return write_versioned(c, entry, current, v);
}

Result<std::int64_t> write_one_spending(Connection& c, const AuditEntry& entry, std::string_view action, int month,
                                        const app::SpendingWrite& w, const std::string& reason) {
    Statement cur(c.handle(), R"(
        SELECT p.id, p.version, p.amount_text, p.author, p.recorded_at FROM budget_spending p
        JOIN budget_line b ON b.id = p.budget_line_id WHERE p.budget_line_id = ? AND p.month = ? AND b.office_id = ?)");
    cur.bind(1, w.line_id).bind(2, std::int64_t{month}).bind(3, entry.office_id);
    const auto current = stored_row(cur, [&] {
        return bj::object{{"amount", cur.text(2)}, {"version", cur.integer(1)}};
    });
    VersionedWrite v{"budget_spending", w.expected_version, std::to_string(w.line_id), {}, {}, {}, {}};
    v.stale_message = [&](const std::optional<StoredRow>& row) {
        return row ? fmt::format("Realisasi anggaran ini sudah diubah oleh {} pada {} menjadi Rp {}; periksa lalu "
                                 "simpan lagi",
                                 cur.text(3), cur.text(4), cur.text(2))
                   : std::string("Realisasi anggaran ini sudah berubah; muat ulang halaman");
    };
    v.values = {{"amount_text", w.amount_text},
                {"amount", w.amount.value},
                {"author", std::string(entry.actor)},
                {"recorded_at", std::string(entry.at)},
                {"correction", correction_of(action, reason)}};
    v.key = {{"budget_line_id", w.line_id}, {"month", month}};
    v.after = {{"budget_line_id", w.line_id}, {"month", month}, {"amount", w.amount_text}};
    if (!reason.empty()) v.after["reason"] = reason;
    return write_versioned(c, entry, current, v);
}

} // namespace

Result<std::vector<app::SheetRowRecord>> SqliteRepository::month_rows(std::int64_t office_id, int year, int month) {
    return guarded([&]() -> Result<std::vector<app::SheetRowRecord>> {
        std::vector<app::SheetRowRecord> rows;
        std::map<std::int64_t, std::size_t> by_actual;
        Statement s(m_conn->handle(), R"(
            SELECT i.id, o.name, i.statement, coalesce(i.unit, ''), coalesce(t.target_text, ''), i.owner_unit_id,
                   coalesce(u.name, ''), a.id, coalesce(a.value_text, ''), coalesce(a.note, ''), coalesce(a.author, ''),
                   coalesce(a.recorded_at, ''), coalesce(a.version, 0), coalesce(a.correction, '')
            FROM indicator i JOIN objective o ON o.id = i.objective_id
            JOIN indicator_target t ON t.indicator_id = i.id AND t.year = ?2 AND t.kind = 'year'
            LEFT JOIN unit u ON u.id = i.owner_unit_id
            LEFT JOIN actual a ON a.indicator_id = i.id AND a.year = ?2 AND a.month = ?3
            WHERE o.office_id = ?1 ORDER BY o.id, i.number, i.id)");
        s.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
        while (s.step()) {
            app::SheetRowRecord r;
            r.indicator_id = s.integer(0);
            r.objective = s.text(1);
            r.statement = s.text(2);
            r.unit = s.text(3);
            r.target_text = s.text(4);
            r.owner_unit_id = s.opt_integer(5);
            r.owner_unit = s.text(6);
            r.actual_id = s.opt_integer(7);
            r.value_text = s.text(8);
            r.note = s.text(9);
            r.author = s.text(10);
            r.recorded_at = s.text(11);
            r.version = s.integer(12);
            r.correction = s.text(13);
            if (r.actual_id) by_actual[*r.actual_id] = rows.size();
            rows.push_back(std::move(r));
        }
        Statement e(m_conn->handle(), R"(
            SELECT e.id, e.actual_id, e.filename, e.sha256, e.size, e.mime, e.uploaded_by, e.uploaded_at
            FROM evidence e JOIN actual a ON a.id = e.actual_id JOIN indicator i ON i.id = a.indicator_id
            JOIN objective o ON o.id = i.objective_id
            WHERE o.office_id = ? AND a.year = ? AND a.month = ? ORDER BY e.id)");
        e.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
        while (e.step()) {
            auto it = by_actual.find(e.integer(1));
            if (it == by_actual.end()) continue;
            auto& row = rows[it->second];
            row.evidence.push_back({e.integer(0), office_id, e.integer(1), e.integer(4), e.text(2), e.text(3),
                                    e.text(5), e.text(6), e.text(7), row.owner_unit_id});
        }
        return rows;
    });
}

Result<std::vector<app::StatusRecord>> SqliteRepository::month_statuses(std::int64_t office_id, int year, int month) {
    return guarded([&]() -> Result<std::vector<app::StatusRecord>> {
        std::vector<app::StatusRecord> out;
        Statement s(m_conn->handle(), R"(
            SELECT p.unit_id, coalesce(u.name, ''), p.status, coalesce(p.comment, ''), p.changed_by, p.changed_at, p.version
            FROM period_status p LEFT JOIN unit u ON u.id = p.unit_id
            WHERE p.office_id = ? AND p.year = ? AND p.month = ? ORDER BY p.id)");
        s.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
        while (s.step())
            out.push_back({s.opt_integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)});
        return out;
    });
}

Result<int> SqliteRepository::write_actuals(std::int64_t office_id, int year, int month,
                                            const std::vector<app::ActualWrite>& writes, const std::string& author,
                                            const std::string& at, const std::string& action,
                                            const std::string& reason) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        if (auto open = writable_month(*m_conn, office_id, year, month, action); !open)
            return tl::unexpected(open.error());
        const AuditEntry entry{office_id, author, action, at};
        for (const auto& w : writes)
            if (auto id = write_actual(*m_conn, entry, year, month, w, reason); !id) return tl::unexpected(id.error());
        return static_cast<int>(writes.size());
    });
}

Result<void> SqliteRepository::write_status(const app::StatusWrite& w, const std::string& author,
                                            const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement cur(m_conn->handle(), R"(
            SELECT id, version, status, coalesce(comment, '') FROM period_status
            WHERE office_id = ? AND unit_id IS ? AND year = ? AND month = ?)");
        const app::Value unit = w.unit_id ? app::Value{*w.unit_id} : app::Value{};
        cur.bind(1, w.office_id).bind(2, unit).bind(3, std::int64_t{w.year}).bind(4, std::int64_t{w.month});
        const auto current = stored_row(cur, [&] {
            return bj::object{{"status", cur.text(2)}, {"comment", cur.text(3)}};
        });
        VersionedWrite v{"period_status", w.expected_version, "status", {}, {}, {}, {}};
        v.stale_message = [](const std::optional<StoredRow>&) {
            return std::string("Status bulan ini sudah diubah orang lain; muat ulang halaman lalu coba lagi");
        };
        v.values = {{"status", w.status}, {"comment", w.comment}, {"changed_by", author}, {"changed_at", at}};
        v.key = {{"office_id", w.office_id}, {"unit_id", unit}, {"year", w.year}, {"month", w.month}};
        v.after = {{"unit_id", w.unit_id ? bj::value(*w.unit_id) : bj::value(nullptr)},
                   {"year", w.year},
                   {"month", w.month},
                   {"status", w.status},
                   {"comment", w.comment}};
        const std::string action = "month-" + w.status;
        auto id = write_versioned(*m_conn, {w.office_id, author, action, at}, current, v);
        if (!id) return tl::unexpected(id.error());
        return {};
    });
}

Result<std::vector<app::BudgetMonthRecord>> SqliteRepository::budget_month(std::int64_t office_id, int year,
                                                                           int month) {
    return guarded([&]() -> Result<std::vector<app::BudgetMonthRecord>> {
        std::vector<app::BudgetMonthRecord> out;
        Statement s(m_conn->handle(), R"(
            SELECT b.id, coalesce(b.code, ''), b.name, b.ceiling_text, b.ceiling, coalesce(b.source, ''),
                   (SELECT coalesce(sum(p.amount), 0) FROM budget_spending p WHERE p.budget_line_id = b.id AND p.month <> ?3),
                   coalesce(m.amount_text, ''), coalesce(m.version, 0), coalesce(m.correction, '')
            FROM budget_line b LEFT JOIN budget_spending m ON m.budget_line_id = b.id AND m.month = ?3
            WHERE b.office_id = ?1 AND b.year = ?2 ORDER BY b.id)");
        s.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
        while (s.step()) {
            app::BudgetMonthRecord r;
            r.line_id = s.integer(0);
            r.code = s.text(1);
            r.name = s.text(2);
            r.ceiling_text = s.text(3);
            r.ceiling = opt_rupiah(s, 4);
            r.source = s.text(5);
            r.spent_other_months = Rupiah{s.integer(6)};
            r.amount_text = s.text(7);
            r.version = s.integer(8);
            r.correction = s.text(9);
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<int> SqliteRepository::write_spending(std::int64_t office_id, int year, int month,
                                             const std::vector<app::SpendingWrite>& writes, const std::string& author,
                                             const std::string& at, const std::string& action,
                                             const std::string& reason) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        if (auto open = writable_month(*m_conn, office_id, year, month, action); !open)
            return tl::unexpected(open.error());
        const AuditEntry entry{office_id, author, action == "correction" ? "correction" : "record-spending", at};
        for (const auto& w : writes)
            if (auto id = write_one_spending(*m_conn, entry, action, month, w, reason); !id)
                return tl::unexpected(id.error());
        return static_cast<int>(writes.size());
    });
}

Result<std::vector<app::ObstacleRecord>> SqliteRepository::obstacles(std::int64_t office_id, int year) {
    return guarded([&]() -> Result<std::vector<app::ObstacleRecord>> {
        std::vector<app::ObstacleRecord> out;
        Statement s(m_conn->handle(), R"(
            SELECT id, coalesce(number, ''), coalesce(aspect, ''), obstacle, coalesce(remark, ''), coalesce(remedy, '')
            FROM obstacle WHERE office_id = ? AND year = ? ORDER BY id)");
        s.bind(1, office_id).bind(2, std::int64_t{year});
        while (s.step())
            out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
        return out;
    });
}

Result<std::int64_t> SqliteRepository::add_obstacle(std::int64_t office_id, int year, const app::ObstacleRecord& o,
                                                    const std::string& author, const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        Statement n(m_conn->handle(), "SELECT count(*) + 1 FROM obstacle WHERE office_id = ? AND year = ?");
        n.bind(1, office_id).bind(2, std::int64_t{year});
        n.step();
        const std::string number = std::to_string(n.integer(0));
        Statement s(m_conn->handle(), R"(
            INSERT INTO obstacle (office_id, year, number, aspect, obstacle, remark, remedy) VALUES (?, ?, ?, ?, ?, ?, ?))");
        s.bind(1, office_id)
            .bind(2, std::int64_t{year})
            .bind(3, std::string_view(number))
            .bind(4, std::string_view(o.aspect));
        s.bind(5, std::string_view(o.obstacle)).bind(6, std::string_view(o.remark)).bind(7, std::string_view(o.remedy));
        s.step();
        const std::int64_t id = m_conn->last_insert_id();
        write_audit(*m_conn, {office_id, author, "add-obstacle", at}, "obstacle", id, {},
                    {{"year", year}, {"aspect", o.aspect}, {"obstacle", o.obstacle}, {"remedy", o.remedy}});
        return id;
    });
}

} // namespace kinerja::sqlite
