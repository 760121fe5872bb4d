// app::UserStore over SQLite: users, sessions and failed logins.
#include "adapters/db/sqlite/sqlite_audit.h"
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

constexpr const char* user_columns = R"(
    u.id, u.login, u.password_hash, u.role, u.office_id, u.unit_id,
    coalesce(o.code, ''), coalesce(o.name, ''), coalesce(n.name, ''))";

app::UserRecord user_from(const Statement& s, int first) {
    return {s.integer(first),         s.text(first + 1), s.text(first + 2), s.text(first + 3), s.opt_integer(first + 4),
            s.opt_integer(first + 5), s.text(first + 6), s.text(first + 7), s.text(first + 8)};
}

// The office and sub-unit a new user belongs to, by code and name; not found names the option.
Result<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> user_place(Connection& c,
                                                                                       const app::NewUser& u) {
    std::optional<std::int64_t> office_id, unit_id;
    if (!u.office_code.empty()) {
        Statement s(c.handle(), "SELECT id FROM office WHERE code = ?");
        s.bind(1, std::string_view(u.office_code));
        if (!s.step()) return fail(ErrorCode::not_found, "Satker '" + u.office_code + "' tidak dikenal", "--satker");
        office_id = s.integer(0);
    }
    if (!u.unit_name.empty()) {
        Statement s(c.handle(), "SELECT id FROM unit WHERE office_id = ? AND name = ?");
        s.bind(1, office_id.value_or(0)).bind(2, std::string_view(u.unit_name));
        if (!s.step())
            return fail(ErrorCode::not_found, "Subbagian '" + u.unit_name + "' tidak ada di satker " + u.office_code,
                        "--unit");
        unit_id = s.integer(0);
    }
    return std::make_pair(office_id, unit_id);
}

} // namespace

Result<std::int64_t> SqliteRepository::add_user(const app::NewUser& u, const app::AuditRecord& audit) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        auto place = user_place(*m_conn, u);
        if (!place) return tl::unexpected(place.error());
        const auto [office_id, unit_id] = *place;
        {
            Statement s(m_conn->handle(), "SELECT 1 FROM app_user WHERE login = ?");
            s.bind(1, std::string_view(u.login));
            if (s.step()) return fail(ErrorCode::conflict, "Pengguna '" + u.login + "' sudah ada", "--login");
        }
        Statement s(m_conn->handle(), "INSERT INTO app_user (login, password_hash, role, office_id, unit_id, "
                                      "created_at) VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, std::string_view(u.login))
            .bind(2, std::string_view(u.password_hash))
            .bind(3, std::string_view(u.role));
        if (office_id)
            s.bind(4, *office_id);
        else
            s.bind_null(4);
        if (unit_id)
            s.bind(5, *unit_id);
        else
            s.bind_null(5);
        s.bind(6, std::string_view(now_iso()));
        s.step();
        const std::int64_t id = m_conn->last_insert_id();
        insert_audit(*m_conn, audit, id, office_id);
        return id;
    });
}

Result<std::optional<app::UserRecord>> SqliteRepository::find_user(const std::string& login) {
    return guarded([&]() -> Result<std::optional<app::UserRecord>> {
        Statement s(m_conn->handle(), std::string("SELECT ") + user_columns + R"(
            FROM app_user u LEFT JOIN office o ON o.id = u.office_id LEFT JOIN unit n ON n.id = u.unit_id WHERE u.login = ?)");
        s.bind(1, std::string_view(login));
        if (!s.step()) return std::optional<app::UserRecord>{};
        return std::optional<app::UserRecord>(user_from(s, 0));
    });
}

Result<std::optional<app::LoginFailure>> SqliteRepository::login_failure(const std::string& login) {
    return guarded([&]() -> Result<std::optional<app::LoginFailure>> {
        Statement s(m_conn->handle(),
                    "SELECT failures, last_failure_at, locked_until FROM login_failure WHERE login = ?");
        s.bind(1, std::string_view(login));
        if (!s.step()) return std::optional<app::LoginFailure>{};
        return std::optional<app::LoginFailure>(
            app::LoginFailure{static_cast<int>(s.integer(0)), s.integer(1), s.integer(2)});
    });
}

Result<void> SqliteRepository::record_login_failure(const std::string& login, const app::LoginFailure& f) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement s(m_conn->handle(), R"(
            INSERT INTO login_failure (login, failures, last_failure_at, locked_until) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (login) DO UPDATE SET failures = ?2, last_failure_at = ?3, locked_until = ?4)");
        s.bind(1, std::string_view(login))
            .bind(2, std::int64_t{f.failures})
            .bind(3, f.last_failure_at)
            .bind(4, f.locked_until);
        s.step();
        // Anyone may fail a login with any name: the table keeps what still matters (a lock not yet
        // over, failures of the last day) and at most app::k_login_failures_kept rows, the oldest going.
        Statement stale(m_conn->handle(),
                        "DELETE FROM login_failure WHERE locked_until < ?1 AND last_failure_at < ?1 - 86400");
        stale.bind(1, f.last_failure_at);
        stale.step();
        Statement over(m_conn->handle(), R"(
            DELETE FROM login_failure WHERE id IN
              (SELECT id FROM login_failure ORDER BY last_failure_at DESC, id DESC LIMIT -1 OFFSET ?))");
        over.bind(1, std::int64_t{app::k_login_failures_kept});
        over.step();
        return {};
    });
}

Result<void> SqliteRepository::clear_login_failures(const std::string& login) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement s(m_conn->handle(), "DELETE FROM login_failure WHERE login = ?");
        s.bind(1, std::string_view(login));
        s.step();
        return {};
    });
}

Result<std::int64_t> SqliteRepository::create_session(const std::string& token_hash, std::int64_t user_id,
                                                      const std::string& csrf, const std::string& kind,
                                                      std::int64_t now) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        Statement s(m_conn->handle(), R"(
            INSERT INTO session (token_hash, user_id, csrf_token, kind, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?))");
        s.bind(1, std::string_view(token_hash))
            .bind(2, user_id)
            .bind(3, std::string_view(csrf))
            .bind(4, std::string_view(kind));
        s.bind(5, now).bind(6, now);
        s.step();
        return m_conn->last_insert_id();
    });
}

Result<std::optional<std::pair<app::SessionRecord, app::UserRecord>>>
SqliteRepository::find_session(const std::string& token_hash) {
    using Found = std::optional<std::pair<app::SessionRecord, app::UserRecord>>;
    return guarded([&]() -> Result<Found> {
        auto q = m_conn->reuse(std::string(R"(
            SELECT s.id, s.user_id, s.csrf_token, s.kind, s.created_at, s.last_seen_at, )") +
                               user_columns + R"(
            FROM session s JOIN app_user u ON u.id = s.user_id
            LEFT JOIN office o ON o.id = u.office_id LEFT JOIN unit n ON n.id = u.unit_id WHERE s.token_hash = ?)");
        Statement& s = *q;
        s.bind(1, std::string_view(token_hash));
        if (!s.step()) return Found{};
        app::SessionRecord r{s.integer(0), s.integer(1), s.text(2), s.text(3), s.integer(4), s.integer(5)};
        return Found(std::make_pair(r, user_from(s, 6)));
    });
}

Result<void> SqliteRepository::touch_session(std::int64_t session_id, std::int64_t now) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement s(m_conn->handle(), "UPDATE session SET last_seen_at = ? WHERE id = ?");
        s.bind(1, now).bind(2, session_id);
        s.step();
        return {};
    });
}

Result<void> SqliteRepository::delete_session(std::int64_t session_id) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement s(m_conn->handle(), "DELETE FROM session WHERE id = ?");
        s.bind(1, session_id);
        s.step();
        return {};
    });
}

Result<void> SqliteRepository::set_password(std::int64_t user_id, const std::string& hash, std::int64_t keep_session_id,
                                            const app::AuditRecord& audit) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement u(m_conn->handle(), "UPDATE app_user SET password_hash = ? WHERE id = ?");
        u.bind(1, std::string_view(hash)).bind(2, user_id);
        u.step();
        Statement d(m_conn->handle(), "DELETE FROM session WHERE user_id = ? AND id <> ?");
        d.bind(1, user_id).bind(2, keep_session_id);
        d.step();
        insert_audit(*m_conn, audit, user_id);
        return {};
    });
}

} // namespace kinerja::sqlite
