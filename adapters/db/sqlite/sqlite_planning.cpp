// app::PlanningStore over SQLite: targets, action months, agreement revisions, LKj narratives. Edits
// of a row go through write_versioned(); a revision is a new version of the whole agreement.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"
#include "adapters/db/sqlite/sqlite_versioned.h"

namespace kinerja::sqlite {
namespace bj = boost::json;
namespace {

Result<std::int64_t> write_target(Connection& c, const AuditEntry& entry, int year, const app::TargetWrite& w) {
    Statement own(c.handle(), R"(
        SELECT 1 FROM indicator i JOIN objective o ON o.id = i.objective_id WHERE i.id = ? AND o.office_id = ?)");
    own.bind(1, w.indicator_id).bind(2, entry.office_id);
    if (!own.step())
        return fail(ErrorCode::not_found, "Indikator tidak ada di satker ini", std::to_string(w.indicator_id));
    Statement cur(c.handle(), R"(
        SELECT id, version, target_text FROM indicator_target WHERE indicator_id = ? AND year = ? AND kind = 'year')");
    cur.bind(1, w.indicator_id).bind(2, std::int64_t{year});
    const auto current = stored_row(cur, [&] { return bj::object{{"target", cur.text(2)}}; });
    VersionedWrite v{"indicator_target", w.expected_version, std::to_string(w.indicator_id), {}, {}, {}, {}};
    v.stale_message = [&](const std::optional<StoredRow>& row) {
        return row ? "Target ini sudah diubah orang lain menjadi '" + cur.text(2) + "'; periksa lalu simpan lagi"
                   : std::string("Target ini sudah dihapus; muat ulang halaman");
    };
    v.values = {{"target_text", w.target_text},
                {"value", app::text_or_null(w.value_canonical)},
                {"unit", app::text_or_null(w.unit)},
                {"source", "web"},
                {"line", {}}};
    v.key = {{"indicator_id", w.indicator_id}, {"year", year}, {"kind", "year"}};
    v.after = {{"indicator_id", w.indicator_id}, {"year", year}, {"target", w.target_text}};
    return write_versioned(c, entry, current, v);
}

Result<std::int64_t> write_months(Connection& c, const AuditEntry& entry, const app::ActionMonthsWrite& w) {
    Statement cur(c.handle(), R"(
        SELECT i.id, i.version, i.months FROM action_item i JOIN action_objective o ON o.id = i.action_objective_id
        JOIN action_plan p ON p.id = o.plan_id WHERE i.id = ? AND p.office_id = ?)");
    cur.bind(1, w.item_id).bind(2, entry.office_id);
    const auto current = stored_row(cur, [&] {
        return bj::object{{"months", cur.is_null(2) ? bj::value(nullptr) : bj::value(cur.integer(2))}};
    });
    if (!current)
        return fail(ErrorCode::not_found, "Kegiatan Rencana Aksi tidak ada di satker ini", std::to_string(w.item_id));
    VersionedWrite v{"action_item", w.expected_version, std::to_string(w.item_id), {}, {}, {}, {}};
    v.stale_message = [](const std::optional<StoredRow>&) {
        return std::string("Jadwal kegiatan ini sudah diubah orang lain; muat ulang halaman");
    };
    v.values = {{"months", std::int64_t{w.months}},
                {"month_ticks", std::int64_t{__builtin_popcount(static_cast<unsigned>(w.months))}}};
    v.after = {{"months", w.months}};
    return write_versioned(c, entry, current, v);
}

// Writes one section of this year; false when its text is unchanged (nothing written, nothing audited).
Result<bool> write_narrative(Connection& c, const AuditEntry& entry, int year, const app::NarrativeWrite& w) {
    Statement cur(c.handle(),
                  "SELECT id, version, text FROM narrative WHERE office_id = ? AND year = ? AND section = ?");
    cur.bind(1, entry.office_id).bind(2, std::int64_t{year}).bind(3, std::string_view(w.section));
    const auto current = stored_row(cur, [&] { return bj::object{{"text", cur.text(2)}}; });
    if (current && current->version == w.expected_version && cur.text(2) == w.text) return false;
    VersionedWrite v{"narrative", w.expected_version, w.section, {}, {}, {}, {}};
    v.stale_message = [](const std::optional<StoredRow>& row) {
        return std::string(row ? "Teks ini sudah diubah orang lain; periksa lalu simpan lagi"
                               : "Teks ini sudah dihapus; muat ulang halaman");
    };
    v.values = {{"text", w.text}, {"updated_by", std::string(entry.actor)}, {"updated_at", std::string(entry.at)}};
    v.key = {{"office_id", entry.office_id}, {"year", year}, {"section", w.section}};
    v.after = {{"year", year}, {"section", w.section}, {"text", w.text}};
    auto id = write_versioned(c, entry, current, v);
    if (!id) return tl::unexpected(id.error());
    return true;
}

// The new version of an agreement: the parties, title and totals of `old_id`, with the revision's
// reason and date. Returns its id.
std::int64_t copy_agreement_version(Connection& c, std::int64_t old_id, const std::string& reason_code,
                                    const std::string& reason, const std::string& date_iso,
                                    const std::string& date_text) {
    Statement copy(c.handle(), R"(
        INSERT INTO agreement_version (agreement_id, version_no, reason_code, reason, title, place, date_text, date,
            first_party_name, first_party_position, first_party_nip, second_party_name, second_party_position, second_party_nip,
            budget_kind, total_text, total, source, line)
        SELECT agreement_id, version_no + 1, ?, ?, title, place, ?, ?, first_party_name, first_party_position, first_party_nip,
               second_party_name, second_party_position, second_party_nip, budget_kind, total_text, total, 'web', NULL
        FROM agreement_version WHERE id = ?)");
    copy.bind(1, std::string_view(reason_code)).bind(2, std::string_view(reason)).bind(3, std::string_view(date_text));
    copy.bind(4, std::string_view(date_iso)).bind(5, old_id);
    copy.step();
    return c.last_insert_id();
}

// The items of `old_id` copied into `new_id`, with the targets the revision changes; returns the
// changes (indicator, before, after) for the audit.
bj::array copy_agreement_items(Connection& c, std::int64_t old_id, std::int64_t new_id,
                               const std::map<std::int64_t, std::string>& targets) {
    // Items keep their cascade links: a sub-unit item pointing at an office item points at the same row.
    Statement items(c.handle(), R"(
        SELECT id, number, objective_text, code, indicator_id, indicator_text, target_text, parent_item_id
        FROM agreement_item WHERE version_id = ? ORDER BY id)");
    items.bind(1, old_id);
    Statement ins(c.handle(), R"(
        INSERT INTO agreement_item (version_id, number, objective_text, code, indicator_id, indicator_text, target_text, parent_item_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?))");
    bj::array changes;
    while (items.step()) {
        std::string target = items.text(6);
        if (auto t = targets.find(items.integer(0)); t != targets.end() && t->second != target) {
            changes.push_back(bj::object{{"indicator", items.text(5)}, {"before", target}, {"after", t->second}});
            target = t->second;
        }
        ins.bind(1, new_id).bind(2, items.value(1)).bind(3, items.value(2)).bind(4, items.value(3));
        ins.bind(5, items.value(4)).bind(6, items.value(5)).bind(7, std::string_view(target)).bind(8, items.value(7));
        ins.step();
        ins.reset();
    }
    return changes;
}

void copy_agreement_budgets(Connection& c, std::int64_t old_id, std::int64_t new_id) {
    Statement budgets(c.handle(), R"(
        INSERT INTO agreement_budget (version_id, number, code, name, amount_text, amount, line)
        SELECT ?, number, code, name, amount_text, amount, NULL FROM agreement_budget WHERE version_id = ? ORDER BY id)");
    budgets.bind(1, new_id).bind(2, old_id);
    budgets.step();
}

} // namespace

Result<std::vector<app::TargetRecord>> SqliteRepository::target_rows(std::int64_t office_id, int year) {
    return guarded([&]() -> Result<std::vector<app::TargetRecord>> {
        std::vector<app::TargetRecord> out;
        Statement s(m_conn->handle(), R"(
            SELECT i.id, o.name, i.statement, coalesce(i.unit, ''), coalesce(t.target_text, ''), coalesce(p.target_text, ''),
                   coalesce(t.version, 0)
            FROM indicator i JOIN objective o ON o.id = i.objective_id
            LEFT JOIN indicator_target t ON t.indicator_id = i.id AND t.year = ?2 AND t.kind = 'year'
            LEFT JOIN indicator_target p ON p.indicator_id = i.id AND p.year = ?2 - 1 AND p.kind = 'year'
            WHERE o.office_id = ?1
              AND (t.id IS NOT NULL OR p.id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM renstra_item ri JOIN renstra r ON r.id = ri.renstra_id
                              WHERE ri.id = o.renstra_item_id AND ?2 BETWEEN r.period_start AND r.period_end))
            ORDER BY o.id, i.number, i.id)");
        s.bind(1, office_id).bind(2, std::int64_t{year});
        while (s.step())
            out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)});
        return out;
    });
}

Result<int> SqliteRepository::write_targets(std::int64_t office_id, int year,
                                            const std::vector<app::TargetWrite>& writes, const std::string& author,
                                            const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        const AuditEntry entry{office_id, author, "set-target", at};
        for (const auto& w : writes)
            if (auto id = write_target(*m_conn, entry, year, w); !id) return tl::unexpected(id.error());
        return static_cast<int>(writes.size());
    });
}

Result<int> SqliteRepository::write_action_months(std::int64_t office_id,
                                                  const std::vector<app::ActionMonthsWrite>& writes,
                                                  const std::string& author, const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        const AuditEntry entry{office_id, author, "set-action-months", at};
        for (const auto& w : writes)
            if (auto id = write_months(*m_conn, entry, w); !id) return tl::unexpected(id.error());
        return static_cast<int>(writes.size());
    });
}

Result<int> SqliteRepository::add_agreement_revision(std::int64_t agreement_id, int expected_version,
                                                     const std::string& reason_code, const std::string& reason,
                                                     const std::string& date_iso, const std::string& date_text,
                                                     const std::map<std::int64_t, std::string>& targets,
                                                     const std::string& author, const std::string& at,
                                                     std::int64_t office_id) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        Statement cur(
            m_conn->handle(),
            "SELECT id, version_no FROM agreement_version WHERE agreement_id = ? ORDER BY version_no DESC LIMIT 1");
        cur.bind(1, agreement_id);
        if (!cur.step()) return fail(ErrorCode::not_found, "PK tidak ditemukan", "pk");
        const std::int64_t old_id = cur.integer(0);
        const int latest = static_cast<int>(cur.integer(1));
        if (latest != expected_version)
            return fail(ErrorCode::conflict,
                        "PK ini sudah direvisi orang lain (versi " + std::to_string(latest) +
                            "); muat ulang halaman, isian Anda tetap di formulir",
                        "versi");
        const std::int64_t new_id = copy_agreement_version(*m_conn, old_id, reason_code, reason, date_iso, date_text);
        bj::array changes = copy_agreement_items(*m_conn, old_id, new_id, targets);
        copy_agreement_budgets(*m_conn, old_id, new_id);
        write_audit(*m_conn, {office_id, author, "revise-agreement", at}, "agreement", agreement_id,
                    {{"version", latest}},
                    {{"version", latest + 1},
                     {"reason_code", reason_code},
                     {"reason", reason},
                     {"date", date_iso},
                     {"targets", std::move(changes)}});
        return latest + 1;
    });
}

Result<std::vector<app::NarrativeRecord>> SqliteRepository::narratives(std::int64_t office_id, int year) {
    return guarded([&]() -> Result<std::vector<app::NarrativeRecord>> {
        std::vector<app::NarrativeRecord> out;
        // Per section the newest year at or before the report's; the version is that of this year's row.
        Statement s(m_conn->handle(), R"(
            SELECT n.section, n.text, n.year, CASE WHEN n.year = ?2 THEN n.version ELSE 0 END
            FROM narrative n
            WHERE n.office_id = ?1 AND n.year = (SELECT max(m.year) FROM narrative m
                                                 WHERE m.office_id = ?1 AND m.section = n.section AND m.year <= ?2)
            ORDER BY n.section)");
        s.bind(1, office_id).bind(2, std::int64_t{year});
        while (s.step())
            out.push_back({s.text(0), s.text(1), static_cast<int>(s.integer(2)), s.integer(3)});
        return out;
    });
}

Result<int> SqliteRepository::write_narratives(std::int64_t office_id, int year,
                                               const std::vector<app::NarrativeWrite>& writes,
                                               const std::string& author, const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        const AuditEntry entry{office_id, author, "write-narrative", at};
        int saved = 0;
        for (const auto& w : writes) {
            auto written = write_narrative(*m_conn, entry, year, w);
            if (!written) return tl::unexpected(written.error());
            saved += *written ? 1 : 0;
        }
        return saved;
    });
}

} // namespace kinerja::sqlite
