#include "adapters/db/sqlite/sqlite_repository.h"

#include <fmt/format.h>

#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_support.h"
#include "platform/embedded.h"

namespace kinerja::sqlite {

SqliteRepository::SqliteRepository(std::unique_ptr<Connection> c, std::string path)
    : m_conn(std::move(c)), m_path(std::move(path)) {}
SqliteRepository::~SqliteRepository() = default;

int SqliteRepository::schema_version() {
    return static_cast<int>(platform::sqlite_migrations().size());
}

Result<std::unique_ptr<SqliteRepository>> SqliteRepository::open(const std::string& path, bool create) {
    auto conn = Connection::open(path, create);
    if (!conn) return tl::unexpected(conn.error());
    std::unique_ptr<SqliteRepository> repo(new SqliteRepository(std::make_unique<Connection>(std::move(*conn)), path));
    if (auto m = repo->migrate(); !m) return tl::unexpected(m.error());
    return repo;
}

Result<void> SqliteRepository::migrate() {
    int current = 0;
    try {
        Statement s(m_conn->handle(), "PRAGMA user_version");
        if (s.step()) current = static_cast<int>(s.integer(0));
    } catch (const std::exception& e) {
        return fail(ErrorCode::invalid_input, "Berkas '" + m_path + "' bukan basis data yang dapat dibaca: " + e.what(),
                    m_path);
    }
    const auto migrations = platform::sqlite_migrations();
    const int known = static_cast<int>(migrations.size());
    if (current > known)
        return fail(
            ErrorCode::unsupported,
            fmt::format("Basis data '{}' memakai skema versi {}, lebih baru dari versi {} yang dikenal program ini; "
                        "perbarui Kinerja",
                        m_path, current, known),
            m_path);
    for (int v = current; v < known; ++v) {
        auto r = in_transaction(*m_conn, [&]() -> Result<void> {
            m_conn->exec(migrations[static_cast<std::size_t>(v)].data);
            m_conn->exec(fmt::format("PRAGMA user_version = {}", v + 1));
            return {};
        });
        if (!r) return r;
    }
    return {};
}

} // namespace kinerja::sqlite
