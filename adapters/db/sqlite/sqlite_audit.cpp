#include "adapters/db/sqlite/sqlite_audit.h"

#include <boost/json/serialize.hpp>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

Statement& bind_optional(Statement& s, int index, std::optional<std::int64_t> v) {
    return v ? s.bind(index, *v) : s.bind_null(index);
}

} // namespace

void bump_generation(Connection& c) {
    c.exec("INSERT INTO data_generation (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = value + 1");
}

void write_audit(Connection& c, const AuditEntry& entry, std::string_view entity, std::optional<std::int64_t> entity_id,
                 const boost::json::object& before, const boost::json::object& after) {
    Statement s(c.handle(), R"(
        INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, office_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?))");
    s.bind(1, entry.at).bind(2, entry.actor).bind(3, entry.action).bind(4, entity);
    bind_optional(s, 5, entity_id);
    if (before.empty())
        s.bind_null(6);
    else
        s.bind(6, std::string_view(boost::json::serialize(before)));
    s.bind(7, std::string_view(boost::json::serialize(after))).bind(8, entry.office_id);
    s.step();
    bump_generation(c);
}

void insert_audit(Connection& c, const app::AuditRecord& a, std::optional<std::int64_t> entity_id,
                  std::optional<std::int64_t> office_id) {
    Statement s(c.handle(), "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, office_id) "
                            "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)");
    s.bind(1, std::string_view(now_iso())).bind(2, std::string_view(a.actor)).bind(3, std::string_view(a.action));
    s.bind(4, std::string_view(a.entity));
    bind_optional(s, 5, entity_id);
    s.bind(6, std::string_view(a.after));
    bind_optional(s, 7, office_id);
    s.step();
}

Result<std::vector<app::AuditRow>> SqliteRepository::audit_log(std::int64_t office_id, const app::AuditFilter& f) {
    return guarded([&]() -> Result<std::vector<app::AuditRow>> {
        std::vector<app::AuditRow> out;
        Statement s(m_conn->handle(), R"(
            SELECT id, at, actor, action, entity, entity_id, coalesce(before, ''), coalesce(after, '') FROM audit_log
            WHERE office_id = ?1 AND (?2 = '' OR actor = ?2) AND (?3 = '' OR action = ?3) AND (?4 = '' OR entity = ?4)
              AND (?5 = '' OR substr(at, 1, 10) >= ?5) AND (?6 = '' OR substr(at, 1, 10) <= ?6)
            ORDER BY id DESC LIMIT ?7)");
        s.bind(1, office_id)
            .bind(2, std::string_view(f.actor))
            .bind(3, std::string_view(f.action))
            .bind(4, std::string_view(f.entity));
        s.bind(5, std::string_view(f.from)).bind(6, std::string_view(f.to)).bind(7, std::int64_t{f.limit});
        while (s.step())
            out.push_back(
                {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(6), s.text(7), s.opt_integer(5)});
        return out;
    });
}

} // namespace kinerja::sqlite
