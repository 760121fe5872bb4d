// app::OfficeReads over SQLite, but for load_office_year (sqlite_office_year.cpp).
#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_measurement_inputs.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {

Result<std::optional<OfficeInfo>> SqliteRepository::find_office(const std::string& code) {
    try {
        auto q = m_conn->reuse("SELECT id, code, name, level, place, parent_id FROM office WHERE code = ?");
        Statement& s = *q;
        s.bind(1, std::string_view(code));
        if (!s.step()) return std::optional<OfficeInfo>{};
        return std::optional<OfficeInfo>(
            OfficeInfo{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.opt_integer(5)});
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, e.what());
    }
}

Result<std::vector<int>> SqliteRepository::office_years(std::int64_t office_id) {
    return guarded([&]() -> Result<std::vector<int>> {
        Statement s(m_conn->handle(), R"(
            SELECT t.year FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id JOIN objective o ON o.id = i.objective_id
            WHERE o.office_id = ?1 AND t.kind = 'year'
            UNION SELECT a.year FROM actual a JOIN indicator i ON i.id = a.indicator_id JOIN objective o ON o.id = i.objective_id
            WHERE o.office_id = ?1
            UNION SELECT year FROM plan WHERE office_id = ?1
            UNION SELECT year FROM agreement WHERE office_id = ?1
            ORDER BY 1 DESC)");
        s.bind(1, office_id);
        std::vector<int> years;
        while (s.step())
            years.push_back(static_cast<int>(s.integer(0)));
        return years;
    });
}

Result<std::vector<OfficeNode>> SqliteRepository::office_tree() {
    try {
        std::vector<OfficeNode> nodes;
        Statement s(m_conn->handle(), "SELECT id, parent_id, code, name, level FROM office ORDER BY id");
        while (s.step())
            nodes.push_back({s.integer(0), s.opt_integer(1), s.text(2), s.text(3), s.text(4)});
        return nodes;
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, e.what());
    }
}

Result<std::map<std::int64_t, OfficeYear>> SqliteRepository::load_all_offices_year(int year) {
    std::map<std::int64_t, OfficeYear> out;
    auto read = in_read_snapshot(*m_conn, [&] { load_measurement_inputs(*m_conn, year, std::nullopt, out); });
    if (!read) return tl::unexpected(read.error());
    for (auto& [id, d] : out) {
        d.office.id = id;
        d.year = year;
    }
    return out;
}

Result<std::int64_t> SqliteRepository::data_generation() {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = m_conn->reuse("SELECT coalesce((SELECT value FROM data_generation WHERE id = 1), 0)");
        Statement& s = *q;
        s.step();
        return s.integer(0);
    });
}

} // namespace kinerja::sqlite
