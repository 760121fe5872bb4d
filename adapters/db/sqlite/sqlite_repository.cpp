#include "adapters/db/sqlite/sqlite_repository.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <map>
#include <sqlite3.h>
#include <stdexcept>
#include <unordered_map>

#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_support.h"
#include "core/quantity.h"
#include "platform/embedded.h"

namespace kinerja::sqlite {
namespace {

// Runs `body` (which throws on a database error) in one read transaction: one snapshot of every table.
template <typename F> Result<void> in_read_snapshot(Connection& c, F&& body) {
    try {
        c.exec("BEGIN");
        body();
        c.exec("COMMIT");
        return {};
    } catch (const std::exception& e) {
        rollback_quietly(c);
        return fail(ErrorCode::io, std::string("Basis data tidak dapat dibaca: ") + e.what());
    }
}

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

std::optional<Rupiah> opt_rupiah(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return Rupiah{s.integer(col)};
}

std::optional<Date> opt_date(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    auto d = parse_iso_date(s.text(col));
    if (!d) return std::nullopt;
    return *d;
}

// Objectives, indicators, targets, actuals and budgets of one year: of one office, or of all
// offices at once (the national roll-up reads everything in a handful of queries).
void load_measurement_inputs(Connection& conn, int year, std::optional<std::int64_t> office_filter,
                             std::map<std::int64_t, OfficeYear>& by_office) {
    sqlite3* db = conn.handle();
    // One statement for both uses: ?2 is the office, or NULL for every office.
    auto office_is = [](const char* column) { return std::string("(?2 IS NULL OR ") + column + " = ?2)"; };
    auto bind_office = [&](Statement& s) {
        s.bind(1, year);
        if (office_filter)
            s.bind(2, *office_filter);
        else
            s.bind_null(2);
    };
    std::unordered_map<std::int64_t, std::pair<std::int64_t, std::pair<std::size_t, std::size_t>>> indicator_index;
    {
        std::map<std::int64_t, std::size_t> objective_index;
        Statement s(db, std::string(R"(
            SELECT o.id, o.number, o.code, o.name, o.source, o.line,
                   i.id, i.number, i.statement, i.unit, i.polarity, i.lower_formula, i.period_rule,
                   i.zero_target, i.ordinal_rule, i.weight, i.source, i.line,
                   t.target_text, t.source, t.line, o.office_id,
                   i.level, i.calculation, i.data_source, (SELECT name FROM unit WHERE id = i.owner_unit_id),
                   coalesce(i.national_standard, '')
            FROM indicator i
            JOIN objective o ON o.id = i.objective_id
            LEFT JOIN indicator_target t ON t.indicator_id = i.id AND t.year = ?1 AND t.kind = 'year'
            WHERE )") + office_is("o.office_id") +
                            R"(
              AND (t.id IS NOT NULL OR EXISTS (SELECT 1 FROM actual a WHERE a.indicator_id = i.id AND a.year = ?1)
                   OR EXISTS (SELECT 1 FROM renstra_item ri JOIN renstra r ON r.id = ri.renstra_id
                              WHERE ri.id = o.renstra_item_id AND ?1 BETWEEN r.period_start AND r.period_end))
            ORDER BY o.office_id, o.id, i.number, i.id)");
        bind_office(s);
        while (s.step()) {
            const std::int64_t office_id = s.integer(21);
            OfficeYear& d = by_office[office_id];
            const std::int64_t oid = s.integer(0);
            auto [it, inserted] = objective_index.emplace(oid, d.objectives.size());
            if (inserted)
                d.objectives.push_back(
                    {oid, s.text(1), s.text(2), s.text(3), {}, SourceRef{s.text(4), static_cast<int>(s.integer(5))}});
            IndicatorData ind;
            ind.id = s.integer(6);
            ind.number = static_cast<int>(s.integer(7));
            ind.statement = s.text(8);
            ind.unit = s.text(9);
            ind.rule.polarity = parse_polarity(s.text(10)).value_or(Polarity::higher_is_better);
            ind.rule.lower_formula = parse_lower_formula(s.text(11)).value_or(LowerIsBetterFormula::lan);
            ind.period_rule = parse_period_rule(s.text(12)).value_or(PeriodRule::position);
            ind.rule.zero_target = s.text(13) == "achieved-when-zero" ? ZeroTargetRule::achieved_when_zero
                                                                      : ZeroTargetRule::not_computable;
            ind.rule.ordinal = s.text(14) == "tier-ratio" ? OrdinalRule::tier_ratio : OrdinalRule::achieved_or_not;
            ind.weight = parse_canonical_decimal(s.text(15)).value_or(Decimal::integer(1));
            ind.ref = {s.text(16), static_cast<int>(s.integer(17))};
            ind.target_text = s.text(18);
            ind.target_ref = {s.text(19), static_cast<int>(s.integer(20))};
            ind.level = s.text(22);
            ind.calculation = s.text(23);
            ind.data_source = s.text(24);
            ind.owner_unit = s.text(25);
            ind.national_standard = s.text(26);
            if (!ind.target_text.empty()) {
                auto q = parse_quantity(ind.target_text, ind.unit);
                if (q)
                    ind.target = *q;
                else
                    ind.target_error = q.error().message;
            }
            auto& obj = d.objectives[it->second];
            indicator_index[ind.id] = {office_id, {it->second, obj.indicators.size()}};
            obj.indicators.push_back(std::move(ind));
        }
    }
    {
        // For every office, one scan of the year's actuals; rows of indicators not loaded above are skipped.
        // Month order does not matter: the period rules and measure() look at the months themselves.
        Statement s(db, office_filter ? R"(
            SELECT a.indicator_id, a.month, a.value_text, a.value, a.reported_achievement, a.source, a.line
            FROM actual a JOIN indicator i ON i.id = a.indicator_id JOIN objective o ON o.id = i.objective_id
            WHERE a.year = ?1 AND o.office_id = ?2 ORDER BY a.indicator_id, a.month)"
                                      : R"(
            SELECT a.indicator_id, a.month, NULL, a.value, NULL, NULL, NULL
            FROM actual a WHERE a.year = ?1 AND ?2 IS NULL)");
        bind_office(s);
        while (s.step()) {
            const auto pos = indicator_index.find(s.integer(0));
            if (pos == indicator_index.end()) continue;
            ActualEntry a;
            a.month = static_cast<int>(s.integer(1));
            a.text = s.text(2);
            if (!s.is_null(3))
                if (auto v = parse_canonical_decimal(s.text(3))) a.value = *v;
            a.reported_achievement = s.text(4);
            a.ref = {s.text(5), static_cast<int>(s.integer(6))};
            const auto& [office_id, where] = pos->second;
            by_office[office_id].objectives[where.first].indicators[where.second].actuals.push_back(std::move(a));
        }
    }
    {
        Statement s(db, std::string(R"(
            SELECT b.id, b.objective_id, b.code, b.name, b.ceiling_text, b.ceiling, b.reported_percent, b.source, b.line,
                   b.office_id, (SELECT group_concat(p.amount_text, char(31)) FROM budget_spending p WHERE p.budget_line_id = b.id),
                   (SELECT count(*) FROM budget_spending p WHERE p.budget_line_id = b.id),
                   (SELECT count(p.amount) FROM budget_spending p WHERE p.budget_line_id = b.id),
                   (SELECT sum(p.amount) FROM budget_spending p WHERE p.budget_line_id = b.id)
            FROM budget_line b WHERE b.year = ?1 AND )") +
                            office_is("b.office_id") + R"( ORDER BY b.office_id, b.id)");
        bind_office(s);
        while (s.step()) {
            BudgetLineData b;
            b.id = s.integer(0);
            b.objective_id = s.opt_integer(1);
            b.code = s.text(2);
            b.name = s.text(3);
            b.ceiling_text = s.text(4);
            b.ceiling = opt_rupiah(s, 5);
            b.reported_percent = s.text(6);
            b.ref = {s.text(7), static_cast<int>(s.integer(8))};
            const std::int64_t entries = s.integer(11), valid = s.integer(12);
            if (entries > 0) {
                const std::string texts = s.text(10);
                std::size_t start = 0;
                while (start <= texts.size()) {
                    const auto sep = texts.find(char(31), start);
                    const std::string t =
                        texts.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
                    auto v = parse_rupiah(t);
                    b.spending.emplace_back(t, v ? std::optional<Rupiah>(*v) : std::nullopt);
                    if (sep == std::string::npos) break;
                    start = sep + 1;
                }
                if (entries == valid) b.actual = Rupiah{s.integer(13)};
            }
            by_office[s.integer(9)].budgets.push_back(std::move(b));
        }
    }
}
} // namespace

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
    if (data.schema_version != shape->schema_version)
        return fail(ErrorCode::unsupported, fmt::format("Data bervariasi skema {}, basis data skema {}",
                                                        data.schema_version, shape->schema_version));
    for (const auto& t : data.tables) {
        const app::Table* known = shape->find(t.name);
        if (!known) return fail(ErrorCode::invalid_input, "Tabel '" + t.name + "' tidak dikenal", t.name);
        if (known->columns != t.columns)
            return fail(ErrorCode::invalid_input, "Kolom tabel '" + t.name + "' tidak sesuai skema basis data", t.name);
    }
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
            std::string sql = "INSERT INTO \"" + t->name + "\" (";
            std::string marks;
            for (std::size_t i = 0; i < t->columns.size(); ++i) {
                sql += (i ? ", \"" : "\"") + t->columns[i] + "\"";
                marks += i ? ", ?" : "?";
            }
            sql += ") VALUES (" + marks + ")";
            Statement s(m_conn->handle(), sql);
            for (std::size_t r = 0; r < t->rows.size(); ++r) {
                const auto& row = t->rows[r];
                if (row.size() != t->columns.size())
                    return fail(ErrorCode::invalid_input,
                                fmt::format("Baris {} tabel '{}' tidak lengkap", r + 1, t->name));
                for (std::size_t i = 0; i < row.size(); ++i)
                    s.bind(static_cast<int>(i) + 1, row[i]);
                try {
                    s.step();
                } catch (const std::exception& e) {
                    return fail(ErrorCode::invalid_input,
                                fmt::format("Baris {} tabel '{}' ditolak: {}", r + 1, t->name, e.what()), t->name);
                }
                s.reset();
            }
        }
        if (audit.action != "load") {
            insert_audit(*m_conn, audit, std::nullopt);
            m_conn->exec("INSERT INTO data_generation (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = "
                         "value + 1");
        }
        return {};
    });
}

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

Result<OfficeYear> SqliteRepository::load_office_year(const OfficeInfo& office, int year) {
    OfficeYear d;
    d.office = office;
    d.year = year;
    auto read = in_read_snapshot(*m_conn, [&] {
        sqlite3* db = m_conn->handle();
        std::map<std::int64_t, OfficeYear> one;
        load_measurement_inputs(*m_conn, year, office.id, one);
        d.objectives = std::move(one[office.id].objectives);
        d.budgets = std::move(one[office.id].budgets);
        {
            std::map<std::int64_t, std::size_t> ag_index;
            Statement s(db, R"(
                SELECT a.id, u.name, a.kind, a.parent_agreement_id FROM agreement a LEFT JOIN unit u ON u.id = a.unit_id
                WHERE a.office_id = ? AND a.year = ? ORDER BY a.id)");
            s.bind(1, office.id).bind(2, year);
            while (s.step()) {
                ag_index[s.integer(0)] = d.agreements.size();
                d.agreements.push_back({s.integer(0), s.text(1), s.text(2), s.opt_integer(3), {}});
            }
            std::map<std::int64_t, std::pair<std::size_t, std::size_t>> ver_index;
            Statement v(db, R"(
                SELECT v.id, v.agreement_id, v.version_no, v.reason_code, v.reason, v.title, v.place, v.date_text, v.date,
                       v.first_party_name, v.first_party_position, v.first_party_nip,
                       v.second_party_name, v.second_party_position, v.second_party_nip,
                       v.budget_kind, v.total_text, v.total, v.source, v.line
                FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id
                WHERE a.office_id = ? AND a.year = ? ORDER BY v.agreement_id, v.version_no)");
            v.bind(1, office.id).bind(2, year);
            while (v.step()) {
                AgreementVersionData x;
                x.id = v.integer(0);
                x.version_no = static_cast<int>(v.integer(2));
                x.reason_code = v.text(3);
                x.reason = v.text(4);
                x.title = v.text(5);
                x.place = v.text(6);
                x.date_text = v.text(7);
                x.date = opt_date(v, 8);
                x.first_party = {v.text(9), v.text(10), v.text(11)};
                x.second_party = {v.text(12), v.text(13), v.text(14)};
                x.budget_kind = v.text(15);
                x.total_text = v.text(16);
                x.total = opt_rupiah(v, 17);
                x.source = v.text(18);
                x.line = static_cast<int>(v.integer(19));
                auto& ag = d.agreements[ag_index.at(v.integer(1))];
                ver_index[x.id] = {ag_index.at(v.integer(1)), ag.versions.size()};
                ag.versions.push_back(std::move(x));
            }
            auto version_of = [&](std::int64_t id) -> AgreementVersionData& {
                const auto [a, k] = ver_index.at(id);
                return d.agreements[a].versions[k];
            };
            Statement it(db, R"(
                SELECT i.version_id, i.id, i.number, i.objective_text, i.code, i.indicator_id, i.indicator_text,
                       i.target_text, i.parent_item_id, i.line
                FROM agreement_item i JOIN agreement_version v ON v.id = i.version_id JOIN agreement a ON a.id = v.agreement_id
                WHERE a.office_id = ? AND a.year = ? ORDER BY i.id)");
            it.bind(1, office.id).bind(2, year);
            while (it.step())
                version_of(it.integer(0))
                    .items.push_back({it.integer(1), it.text(2), it.text(3), it.text(4), it.text(6), it.text(7),
                                      it.opt_integer(5), it.opt_integer(8), static_cast<int>(it.integer(9))});
            Statement bu(db, R"(
                SELECT b.version_id, b.number, b.name, b.amount_text, b.amount, b.line
                FROM agreement_budget b JOIN agreement_version v ON v.id = b.version_id JOIN agreement a ON a.id = v.agreement_id
                WHERE a.office_id = ? AND a.year = ? ORDER BY b.id)");
            bu.bind(1, office.id).bind(2, year);
            while (bu.step())
                version_of(bu.integer(0))
                    .budgets.push_back(
                        {bu.text(1), bu.text(2), bu.text(3), opt_rupiah(bu, 4), static_cast<int>(bu.integer(5))});
        }
        {
            std::map<std::int64_t, std::size_t> index;
            Statement s(db, R"(
                SELECT id, title, unit_name, layout, place, date_text, date, signer_name, signer_position, source,
                       date_line
                FROM plan WHERE office_id = ? AND year = ? ORDER BY id)");
            s.bind(1, office.id).bind(2, year);
            while (s.step()) {
                PlanData p;
                p.id = s.integer(0);
                p.title = s.text(1);
                p.unit_name = s.text(2);
                p.layout = s.text(3);
                p.place = s.text(4);
                p.date_text = s.text(5);
                p.date = opt_date(s, 6);
                p.signer_name = s.text(7);
                p.signer_position = s.text(8);
                p.source = s.text(9);
                p.date_line = static_cast<int>(s.integer(10));
                index[p.id] = d.plans.size();
                d.plans.push_back(std::move(p));
            }
            Statement r(db, R"(
                SELECT r.plan_id, r.number, r.program, r.objective, r.code, r.indicator_text, r.target_text, r.activity,
                       r.budget_text, r.executor, r.budget, r.line
                FROM plan_row r JOIN plan p ON p.id = r.plan_id WHERE p.office_id = ? AND p.year = ? ORDER BY r.id)");
            r.bind(1, office.id).bind(2, year);
            while (r.step())
                d.plans[index.at(r.integer(0))].rows.push_back({r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                                                r.text(6), r.text(7), r.text(8), r.text(9),
                                                                opt_rupiah(r, 10), static_cast<int>(r.integer(11))});
        }
        {
            std::map<std::int64_t, std::size_t> index;
            Statement s(db, R"(
                SELECT id, year_text, unit_name, place, date_text, date, signer_name, source, date_line, year_line
                FROM action_plan WHERE office_id = ? AND year = ? ORDER BY id)");
            s.bind(1, office.id).bind(2, year);
            while (s.step()) {
                index[s.integer(0)] = d.action_plans.size();
                ActionPlanData ap;
                ap.id = s.integer(0);
                ap.year_text = s.text(1);
                ap.unit_name = s.text(2);
                ap.place = s.text(3);
                ap.date_text = s.text(4);
                ap.date = opt_date(s, 5);
                ap.signer_name = s.text(6);
                ap.source = s.text(7);
                ap.date_line = static_cast<int>(s.integer(8));
                ap.year_line = static_cast<int>(s.integer(9));
                d.action_plans.push_back(std::move(ap));
            }
            std::map<std::int64_t, std::pair<std::size_t, std::size_t>> obj_index;
            Statement o(db, R"(
                SELECT o.plan_id, o.id, o.number, o.code, o.name, o.cost_text, o.cost, o.line
                FROM action_objective o JOIN action_plan p ON p.id = o.plan_id WHERE p.office_id = ? AND p.year = ? ORDER BY o.id)");
            o.bind(1, office.id).bind(2, year);
            while (o.step()) {
                auto& ap = d.action_plans[index.at(o.integer(0))];
                obj_index[o.integer(1)] = {index.at(o.integer(0)), ap.objectives.size()};
                ap.objectives.push_back(
                    {o.text(2), o.text(3), o.text(4), o.text(5), opt_rupiah(o, 6), {}, static_cast<int>(o.integer(7))});
            }
            Statement i(db, R"(
                SELECT i.action_objective_id, i.indicator_text, i.target_text, i.activity, i.executor, i.months, i.month_ticks, i.line,
                       i.id, i.version
                FROM action_item i JOIN action_objective o ON o.id = i.action_objective_id JOIN action_plan p ON p.id = o.plan_id
                WHERE p.office_id = ? AND p.year = ? ORDER BY i.id)");
            i.bind(1, office.id).bind(2, year);
            while (i.step()) {
                const auto [a, k] = obj_index.at(i.integer(0));
                std::optional<int> months;
                if (!i.is_null(5)) months = static_cast<int>(i.integer(5));
                d.action_plans[a].objectives[k].items.push_back(
                    {i.text(1), i.text(2), i.text(3), i.text(4), months, static_cast<int>(i.integer(6)),
                     static_cast<int>(i.integer(7)), i.integer(8), i.integer(9)});
            }
        }
        {
            Statement rs(db, R"(
                SELECT id, period_start, period_end, coalesce(vision, ''), coalesce(decree, ''), coalesce(decree_date, ''),
                       coalesce(place, ''), coalesce(source, '')
                FROM renstra WHERE office_id = ?1 AND ?2 BETWEEN period_start AND period_end ORDER BY id)");
            rs.bind(1, office.id).bind(2, year);
            while (rs.step())
                d.renstra.push_back({rs.integer(0),
                                     static_cast<int>(rs.integer(1)),
                                     static_cast<int>(rs.integer(2)),
                                     rs.text(3),
                                     rs.text(4),
                                     rs.text(5),
                                     rs.text(6),
                                     rs.text(7),
                                     {},
                                     {}});
            for (auto& r : d.renstra) {
                Statement it(db, "SELECT id, parent_id, kind, coalesce(number, ''), text FROM renstra_item WHERE "
                                 "renstra_id = ? ORDER BY id");
                it.bind(1, r.id);
                while (it.step())
                    r.items.push_back({it.integer(0), it.opt_integer(1), it.text(2), it.text(3), it.text(4)});
                Statement in(db, R"(
                    SELECT i.id, o.renstra_item_id, i.statement, t.year, t.kind, t.target_text
                    FROM indicator i JOIN objective o ON o.id = i.objective_id JOIN renstra_item ri ON ri.id = o.renstra_item_id
                    LEFT JOIN indicator_target t ON t.indicator_id = i.id
                    WHERE ri.renstra_id = ? ORDER BY o.id, i.number, i.id, t.year)");
                in.bind(1, r.id);
                while (in.step()) {
                    if (r.indicators.empty() || r.indicators.back().indicator_id != in.integer(0))
                        r.indicators.push_back({in.integer(0), in.integer(1), in.text(2), {}, {}});
                    if (in.is_null(3)) continue;
                    if (in.text(4) == "renstra-end")
                        r.indicators.back().end_target = in.text(5);
                    else
                        r.indicators.back().targets[static_cast<int>(in.integer(3))] = in.text(5);
                }
            }
            Statement e(db, R"(
                SELECT year, score_text, score, predicate, source, line FROM evaluation
                WHERE office_id = ?1 AND (year = ?2 OR reported_year = ?2) ORDER BY id)");
            e.bind(1, office.id).bind(2, year);
            while (e.step()) {
                EvaluationData ev;
                ev.year = static_cast<int>(e.integer(0));
                ev.score_text = e.text(1);
                if (!e.is_null(2))
                    if (auto v = parse_canonical_decimal(e.text(2))) ev.score = *v;
                ev.predicate = e.text(3);
                ev.ref = {e.text(4), static_cast<int>(e.integer(5))};
                d.evaluations.push_back(std::move(ev));
            }
            Statement s(db, "SELECT name, nip, position, source, line FROM person WHERE office_id = ? ORDER BY id");
            s.bind(1, office.id);
            while (s.step())
                d.people.push_back(
                    {s.text(0), s.text(1), s.text(2), SourceRef{s.text(3), static_cast<int>(s.integer(4))}});
            // Names of the office's own ancestors belong in its documents; any other office's name does not.
            Statement o(db, R"(
                WITH RECURSIVE up(id, parent_id) AS (
                  SELECT id, parent_id FROM office WHERE id = ?1
                  UNION ALL SELECT o.id, o.parent_id FROM office o JOIN up ON o.id = up.parent_id)
                SELECT name FROM office WHERE id NOT IN (SELECT id FROM up) ORDER BY id)");
            o.bind(1, office.id);
            while (o.step())
                d.other_office_names.push_back(o.text(0));
        }
    });
    if (!read) return tl::unexpected(read.error());
    return d;
}

Result<std::int64_t> SqliteRepository::add_user(const app::NewUser& u, const app::AuditRecord& audit) {
    return in_transaction(*m_conn, [&]() -> Result<std::int64_t> {
        std::optional<std::int64_t> office_id, unit_id;
        if (!u.office_code.empty()) {
            Statement s(m_conn->handle(), "SELECT id FROM office WHERE code = ?");
            s.bind(1, std::string_view(u.office_code));
            if (!s.step())
                return fail(ErrorCode::not_found, "Satker '" + u.office_code + "' tidak dikenal", "--satker");
            office_id = s.integer(0);
        }
        if (!u.unit_name.empty()) {
            Statement s(m_conn->handle(), "SELECT id FROM unit WHERE office_id = ? AND name = ?");
            s.bind(1, office_id.value_or(0)).bind(2, std::string_view(u.unit_name));
            if (!s.step())
                return fail(ErrorCode::not_found,
                            "Subbagian '" + u.unit_name + "' tidak ada di satker " + u.office_code, "--unit");
            unit_id = s.integer(0);
        }
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
        const std::int64_t id = sqlite3_last_insert_rowid(m_conn->handle());
        insert_audit(*m_conn, audit, id, office_id);
        return id;
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

namespace {
constexpr const char* user_columns = R"(
    u.id, u.login, u.password_hash, u.role, u.office_id, u.unit_id,
    coalesce(o.code, ''), coalesce(o.name, ''), coalesce(n.name, ''))";

app::UserRecord user_from(const Statement& s, int first) {
    return {s.integer(first),         s.text(first + 1), s.text(first + 2), s.text(first + 3), s.opt_integer(first + 4),
            s.opt_integer(first + 5), s.text(first + 6), s.text(first + 7), s.text(first + 8)};
}

// Small single statements: any exception becomes an I/O error with SQLite's message.
template <typename F> auto guarded(F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception& e) {
        return fail(ErrorCode::io, std::string("Basis data: ") + e.what());
    }
}
} // namespace

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
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_conn->handle()));
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

namespace {

// A JSON string literal, for the audit log's before/after.
std::string json_str(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\u{:04x}", c);
            else
                out.push_back(c);
        }
    }
    return out + "\"";
}

void bump_generation(Connection& c) {
    c.exec("INSERT INTO data_generation (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = value + 1");
}

void audit(Connection& c, std::int64_t office_id, const std::string& actor, const std::string& action,
           const std::string& entity, std::optional<std::int64_t> entity_id, const std::string& before,
           const std::string& after, const std::string& at) {
    Statement s(c.handle(), R"(
        INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, office_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?))");
    s.bind(1, std::string_view(at))
        .bind(2, std::string_view(actor))
        .bind(3, std::string_view(action))
        .bind(4, std::string_view(entity));
    if (entity_id)
        s.bind(5, *entity_id);
    else
        s.bind_null(5);
    if (before.empty())
        s.bind_null(6);
    else
        s.bind(6, std::string_view(before));
    if (after.empty())
        s.bind_null(7);
    else
        s.bind(7, std::string_view(after));
    s.bind(8, office_id);
    s.step();
    bump_generation(c); // every audited change is a change of data
}

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

namespace {
// The reason a value was entered as a correction of a locked month; NULL for an ordinary entry.
Statement& bind_correction(Statement& s, int index, const std::string& action, const std::string& reason) {
    return action == "correction" ? s.bind(index, std::string_view(reason)) : s.bind_null(index);
}
} // namespace

Result<int> SqliteRepository::write_actuals(std::int64_t office_id, int year, int month,
                                            const std::vector<app::ActualWrite>& writes, const std::string& author,
                                            const std::string& at, const std::string& action,
                                            const std::string& reason) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        if (auto open = writable_month(*m_conn, office_id, year, month, action); !open)
            return tl::unexpected(open.error());
        int saved = 0;
        for (const auto& w : writes) {
            Statement cur(m_conn->handle(), R"(
                SELECT a.id, a.version, a.value_text, coalesce(a.note, ''), a.author, a.recorded_at
                FROM actual a JOIN indicator i ON i.id = a.indicator_id JOIN objective o ON o.id = i.objective_id
                WHERE a.indicator_id = ? AND a.year = ? AND a.month = ? AND o.office_id = ?)");
            cur.bind(1, w.indicator_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month}).bind(4, office_id);
            const bool exists = cur.step();
            const std::int64_t version = exists ? cur.integer(1) : 0;
            if (version != w.expected_version)
                return fail(
                    ErrorCode::conflict,
                    exists ? fmt::format(
                                 "Realisasi ini sudah diubah oleh {} pada {} menjadi '{}'; periksa lalu simpan lagi. "
                                 "Isian Anda tetap di formulir.",
                                 cur.text(4), cur.text(5), cur.text(2))
                           : std::string("Realisasi ini sudah dihapus atau belum pernah ada; muat ulang halaman"),
                    std::to_string(w.indicator_id));
            std::string before;
            std::int64_t id = 0;
            if (exists) {
                id = cur.integer(0);
                before = "{\"value\": " + json_str(cur.text(2)) + ", \"note\": " + json_str(cur.text(3)) +
                         ", \"version\": " + std::to_string(version) + "}";
                Statement u(m_conn->handle(), R"(
                    UPDATE actual SET value_text = ?, value = ?, note = ?, author = ?, recorded_at = ?, version = version + 1,
                           source = 'web', line = NULL, reported_achievement = NULL, correction = ? WHERE id = ?)");
                u.bind(1, std::string_view(w.value_text))
                    .bind(2, std::string_view(w.value_canonical))
                    .bind(3, std::string_view(w.note));
                u.bind(4, std::string_view(author)).bind(5, std::string_view(at));
                bind_correction(u, 6, action, reason).bind(7, id);
                u.step();
            } else {
                Statement ins(m_conn->handle(), R"(
                    INSERT INTO actual (indicator_id, year, month, value_text, value, note, author, recorded_at, source, version,
                                        correction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'web', 1, ?))");
                ins.bind(1, w.indicator_id).bind(2, std::int64_t{year}).bind(3, std::int64_t{month});
                ins.bind(4, std::string_view(w.value_text))
                    .bind(5, std::string_view(w.value_canonical))
                    .bind(6, std::string_view(w.note));
                ins.bind(7, std::string_view(author)).bind(8, std::string_view(at));
                bind_correction(ins, 9, action, reason);
                ins.step();
                id = sqlite3_last_insert_rowid(m_conn->handle());
            }
            const std::string after = "{\"indicator_id\": " + std::to_string(w.indicator_id) +
                                      ", \"year\": " + std::to_string(year) + ", \"month\": " + std::to_string(month) +
                                      ", \"value\": " + json_str(w.value_text) + ", \"note\": " + json_str(w.note) +
                                      ", \"version\": " + std::to_string(version + 1) +
                                      (reason.empty() ? "" : ", \"reason\": " + json_str(reason)) + "}";
            audit(*m_conn, office_id, author, action, "actual", id, before, after, at);
            ++saved;
        }
        return saved;
    });
}

Result<void> SqliteRepository::write_status(const app::StatusWrite& w, const std::string& author,
                                            const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<void> {
        Statement cur(m_conn->handle(), R"(
            SELECT id, version, status, coalesce(comment, '') FROM period_status
            WHERE office_id = ? AND unit_id IS ? AND year = ? AND month = ?)");
        cur.bind(1, w.office_id);
        if (w.unit_id)
            cur.bind(2, *w.unit_id);
        else
            cur.bind_null(2);
        cur.bind(3, std::int64_t{w.year}).bind(4, std::int64_t{w.month});
        const bool exists = cur.step();
        const std::int64_t version = exists ? cur.integer(1) : 0;
        if (version != w.expected_version)
            return fail(ErrorCode::conflict,
                        "Status bulan ini sudah diubah orang lain; muat ulang halaman lalu coba lagi", "status");
        std::string before;
        std::int64_t id = 0;
        if (exists) {
            id = cur.integer(0);
            before = "{\"status\": " + json_str(cur.text(2)) + ", \"comment\": " + json_str(cur.text(3)) + "}";
            Statement u(m_conn->handle(), R"(
                UPDATE period_status SET status = ?, comment = ?, changed_by = ?, changed_at = ?, version = version + 1 WHERE id = ?)");
            u.bind(1, std::string_view(w.status))
                .bind(2, std::string_view(w.comment))
                .bind(3, std::string_view(author));
            u.bind(4, std::string_view(at)).bind(5, id);
            u.step();
        } else {
            Statement ins(m_conn->handle(), R"(
                INSERT INTO period_status (office_id, unit_id, year, month, status, comment, changed_by, changed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1))");
            ins.bind(1, w.office_id);
            if (w.unit_id)
                ins.bind(2, *w.unit_id);
            else
                ins.bind_null(2);
            ins.bind(3, std::int64_t{w.year}).bind(4, std::int64_t{w.month}).bind(5, std::string_view(w.status));
            ins.bind(6, std::string_view(w.comment)).bind(7, std::string_view(author)).bind(8, std::string_view(at));
            ins.step();
            id = sqlite3_last_insert_rowid(m_conn->handle());
        }
        const std::string after = "{\"unit_id\": " + (w.unit_id ? std::to_string(*w.unit_id) : std::string("null")) +
                                  ", \"year\": " + std::to_string(w.year) + ", \"month\": " + std::to_string(w.month) +
                                  ", \"status\": " + json_str(w.status) + ", \"comment\": " + json_str(w.comment) + "}";
        audit(*m_conn, w.office_id, author, "month-" + w.status, "period_status", id, before, after, at);
        return {};
    });
}

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
        const std::int64_t id = sqlite3_last_insert_rowid(m_conn->handle());
        audit(*m_conn, e.office_id, e.uploaded_by, "upload-evidence", "evidence", id, "",
              "{\"actual_id\": " + std::to_string(e.actual_id) + ", \"filename\": " + json_str(e.filename) +
                  ", \"sha256\": " + json_str(e.sha256) + ", \"size\": " + std::to_string(e.size) + "}",
              e.uploaded_at);
        return id;
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
        return std::int64_t{sqlite3_last_insert_rowid(m_conn->handle())};
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
        Statement copy(m_conn->handle(), R"(
            INSERT INTO agreement_version (agreement_id, version_no, reason_code, reason, title, place, date_text, date,
                first_party_name, first_party_position, first_party_nip, second_party_name, second_party_position, second_party_nip,
                budget_kind, total_text, total, source, line)
            SELECT agreement_id, version_no + 1, ?, ?, title, place, ?, ?, first_party_name, first_party_position, first_party_nip,
                   second_party_name, second_party_position, second_party_nip, budget_kind, total_text, total, 'web', NULL
            FROM agreement_version WHERE id = ?)");
        copy.bind(1, std::string_view(reason_code))
            .bind(2, std::string_view(reason))
            .bind(3, std::string_view(date_text));
        copy.bind(4, std::string_view(date_iso)).bind(5, old_id);
        copy.step();
        const std::int64_t new_id = sqlite3_last_insert_rowid(m_conn->handle());
        // Items keep their cascade links: a sub-unit item pointing at an office item points at the same row.
        Statement items(m_conn->handle(), R"(
            SELECT id, number, objective_text, code, indicator_id, indicator_text, target_text, parent_item_id
            FROM agreement_item WHERE version_id = ? ORDER BY id)");
        items.bind(1, old_id);
        std::string changes;
        while (items.step()) {
            const std::int64_t item_id = items.integer(0);
            std::string target = items.text(6);
            if (auto t = targets.find(item_id); t != targets.end() && t->second != target) {
                changes += (changes.empty() ? "" : ", ") + std::string("{\"indicator\": ") + json_str(items.text(5)) +
                           ", \"before\": " + json_str(target) + ", \"after\": " + json_str(t->second) + "}";
                target = t->second;
            }
            Statement ins(m_conn->handle(), R"(
                INSERT INTO agreement_item (version_id, number, objective_text, code, indicator_id, indicator_text, target_text, parent_item_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?))");
            ins.bind(1, new_id)
                .bind(2, items.value(1))
                .bind(3, items.value(2))
                .bind(4, items.value(3))
                .bind(5, items.value(4));
            ins.bind(6, items.value(5)).bind(7, std::string_view(target)).bind(8, items.value(7));
            ins.step();
        }
        Statement budgets(m_conn->handle(), R"(
            INSERT INTO agreement_budget (version_id, number, code, name, amount_text, amount, line)
            SELECT ?, number, code, name, amount_text, amount, NULL FROM agreement_budget WHERE version_id = ? ORDER BY id)");
        budgets.bind(1, new_id).bind(2, old_id);
        budgets.step();
        audit(*m_conn, office_id, author, "revise-agreement", "agreement", agreement_id,
              "{\"version\": " + std::to_string(latest) + "}",
              "{\"version\": " + std::to_string(latest + 1) + ", \"reason_code\": " + json_str(reason_code) +
                  ", \"reason\": " + json_str(reason) + ", \"date\": " + json_str(date_iso) + ", \"targets\": [" +
                  changes + "]}",
              at);
        return latest + 1;
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
        int saved = 0;
        for (const auto& w : writes) {
            Statement cur(m_conn->handle(), R"(
                SELECT p.id, p.version, p.amount_text, p.author, p.recorded_at FROM budget_spending p
                JOIN budget_line b ON b.id = p.budget_line_id WHERE p.budget_line_id = ? AND p.month = ? AND b.office_id = ?)");
            cur.bind(1, w.line_id).bind(2, std::int64_t{month}).bind(3, office_id);
            const bool exists = cur.step();
            const std::int64_t version = exists ? cur.integer(1) : 0;
            if (version != w.expected_version)
                return fail(ErrorCode::conflict,
                            exists ? fmt::format("Realisasi anggaran ini sudah diubah oleh {} pada {} menjadi Rp {}; "
                                                 "periksa lalu simpan lagi",
                                                 cur.text(3), cur.text(4), cur.text(2))
                                   : std::string("Realisasi anggaran ini sudah berubah; muat ulang halaman"),
                            std::to_string(w.line_id));
            std::string before;
            std::int64_t id = 0;
            if (exists) {
                id = cur.integer(0);
                before = "{\"amount\": " + json_str(cur.text(2)) + ", \"version\": " + std::to_string(version) + "}";
                Statement u(m_conn->handle(), R"(
                    UPDATE budget_spending SET amount_text = ?, amount = ?, author = ?, recorded_at = ?, version = version + 1,
                           correction = ? WHERE id = ?)");
                u.bind(1, std::string_view(w.amount_text)).bind(2, w.amount.value).bind(3, std::string_view(author));
                u.bind(4, std::string_view(at));
                bind_correction(u, 5, action, reason).bind(6, id);
                u.step();
            } else {
                Statement ins(m_conn->handle(), R"(
                    INSERT INTO budget_spending (budget_line_id, month, amount_text, amount, author, recorded_at, version,
                                                 correction)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?))");
                ins.bind(1, w.line_id)
                    .bind(2, std::int64_t{month})
                    .bind(3, std::string_view(w.amount_text))
                    .bind(4, w.amount.value);
                ins.bind(5, std::string_view(author)).bind(6, std::string_view(at));
                bind_correction(ins, 7, action, reason);
                ins.step();
                id = sqlite3_last_insert_rowid(m_conn->handle());
            }
            audit(*m_conn, office_id, author, action == "correction" ? "correction" : "record-spending",
                  "budget_spending", id, before,
                  "{\"budget_line_id\": " + std::to_string(w.line_id) + ", \"month\": " + std::to_string(month) +
                      ", \"amount\": " + json_str(w.amount_text) +
                      (reason.empty() ? "" : ", \"reason\": " + json_str(reason)) + "}",
                  at);
            ++saved;
        }
        return saved;
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
        const std::int64_t id = sqlite3_last_insert_rowid(m_conn->handle());
        audit(*m_conn, office_id, author, "add-obstacle", "obstacle", id, "",
              "{\"year\": " + std::to_string(year) + ", \"aspect\": " + json_str(o.aspect) +
                  ", \"obstacle\": " + json_str(o.obstacle) + ", \"remedy\": " + json_str(o.remedy) + "}",
              at);
        return id;
    });
}

Result<std::int64_t> SqliteRepository::data_generation() {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = m_conn->reuse("SELECT coalesce((SELECT value FROM data_generation WHERE id = 1), 0)");
        Statement& s = *q;
        s.step();
        return s.integer(0);
    });
}

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
        int saved = 0;
        for (const auto& w : writes) {
            Statement own(m_conn->handle(), R"(
                SELECT 1 FROM indicator i JOIN objective o ON o.id = i.objective_id WHERE i.id = ? AND o.office_id = ?)");
            own.bind(1, w.indicator_id).bind(2, office_id);
            if (!own.step())
                return fail(ErrorCode::not_found, "Indikator tidak ada di satker ini", std::to_string(w.indicator_id));
            Statement cur(m_conn->handle(), R"(
                SELECT id, version, target_text FROM indicator_target WHERE indicator_id = ? AND year = ? AND kind = 'year')");
            cur.bind(1, w.indicator_id).bind(2, std::int64_t{year});
            const bool exists = cur.step();
            const std::int64_t version = exists ? cur.integer(1) : 0;
            if (version != w.expected_version)
                return fail(ErrorCode::conflict,
                            exists ? "Target ini sudah diubah orang lain menjadi '" + cur.text(2) +
                                         "'; periksa lalu simpan lagi"
                                   : std::string("Target ini sudah dihapus; muat ulang halaman"),
                            std::to_string(w.indicator_id));
            std::string before;
            std::int64_t id = 0;
            if (exists) {
                id = cur.integer(0);
                before = "{\"target\": " + json_str(cur.text(2)) + "}";
                Statement u(m_conn->handle(), R"(
                    UPDATE indicator_target SET target_text = ?, value = ?, unit = ?, source = 'web', line = NULL,
                           version = version + 1 WHERE id = ?)");
                u.bind(1, std::string_view(w.target_text));
                if (w.value_canonical.empty())
                    u.bind_null(2);
                else
                    u.bind(2, std::string_view(w.value_canonical));
                if (w.unit.empty())
                    u.bind_null(3);
                else
                    u.bind(3, std::string_view(w.unit));
                u.bind(4, id);
                u.step();
            } else {
                Statement ins(m_conn->handle(), R"(
                    INSERT INTO indicator_target (indicator_id, year, kind, target_text, value, unit, source, version)
                    VALUES (?, ?, 'year', ?, ?, ?, 'web', 1))");
                ins.bind(1, w.indicator_id).bind(2, std::int64_t{year}).bind(3, std::string_view(w.target_text));
                if (w.value_canonical.empty())
                    ins.bind_null(4);
                else
                    ins.bind(4, std::string_view(w.value_canonical));
                if (w.unit.empty())
                    ins.bind_null(5);
                else
                    ins.bind(5, std::string_view(w.unit));
                ins.step();
                id = sqlite3_last_insert_rowid(m_conn->handle());
            }
            audit(*m_conn, office_id, author, "set-target", "indicator_target", id, before,
                  "{\"indicator_id\": " + std::to_string(w.indicator_id) + ", \"year\": " + std::to_string(year) +
                      ", \"target\": " + json_str(w.target_text) + "}",
                  at);
            ++saved;
        }
        return saved;
    });
}

Result<int> SqliteRepository::write_action_months(std::int64_t office_id,
                                                  const std::vector<app::ActionMonthsWrite>& writes,
                                                  const std::string& author, const std::string& at) {
    return in_transaction(*m_conn, [&]() -> Result<int> {
        int saved = 0;
        for (const auto& w : writes) {
            Statement cur(m_conn->handle(), R"(
                SELECT i.version, i.months FROM action_item i JOIN action_objective o ON o.id = i.action_objective_id
                JOIN action_plan p ON p.id = o.plan_id WHERE i.id = ? AND p.office_id = ?)");
            cur.bind(1, w.item_id).bind(2, office_id);
            if (!cur.step())
                return fail(ErrorCode::not_found, "Kegiatan Rencana Aksi tidak ada di satker ini",
                            std::to_string(w.item_id));
            if (cur.integer(0) != w.expected_version)
                return fail(ErrorCode::conflict, "Jadwal kegiatan ini sudah diubah orang lain; muat ulang halaman",
                            std::to_string(w.item_id));
            const std::string before =
                cur.is_null(1) ? "{\"months\": null}" : "{\"months\": " + std::to_string(cur.integer(1)) + "}";
            Statement u(m_conn->handle(),
                        "UPDATE action_item SET months = ?, month_ticks = ?, version = version + 1 WHERE id = ?");
            u.bind(1, std::int64_t{w.months})
                .bind(2, std::int64_t{__builtin_popcount(static_cast<unsigned>(w.months))})
                .bind(3, w.item_id);
            u.step();
            audit(*m_conn, office_id, author, "set-action-months", "action_item", w.item_id, before,
                  "{\"months\": " + std::to_string(w.months) + "}", at);
            ++saved;
        }
        return saved;
    });
}

} // namespace kinerja::sqlite

namespace kinerja::sqlite {

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
        int saved = 0;
        for (const auto& w : writes) {
            Statement cur(m_conn->handle(),
                          "SELECT id, version, text FROM narrative WHERE office_id = ? AND year = ? AND section = ?");
            cur.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::string_view(w.section));
            const bool exists = cur.step();
            const std::int64_t version = exists ? cur.integer(1) : 0;
            if (version != w.expected_version)
                return fail(ErrorCode::conflict,
                            exists ? std::string("Teks ini sudah diubah orang lain; periksa lalu simpan lagi")
                                   : std::string("Teks ini sudah dihapus; muat ulang halaman"),
                            w.section);
            if (exists && cur.text(2) == w.text) continue;
            std::string before;
            std::int64_t id = 0;
            if (exists) {
                id = cur.integer(0);
                before = "{\"text\": " + json_str(cur.text(2)) + "}";
                Statement u(m_conn->handle(), R"(
                    UPDATE narrative SET text = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?)");
                u.bind(1, std::string_view(w.text)).bind(2, std::string_view(author)).bind(3, std::string_view(at));
                u.bind(4, id);
                u.step();
            } else {
                Statement ins(m_conn->handle(), R"(
                    INSERT INTO narrative (office_id, year, section, text, version, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, 1, ?, ?))");
                ins.bind(1, office_id).bind(2, std::int64_t{year}).bind(3, std::string_view(w.section));
                ins.bind(4, std::string_view(w.text)).bind(5, std::string_view(author)).bind(6, std::string_view(at));
                ins.step();
                id = sqlite3_last_insert_rowid(m_conn->handle());
            }
            audit(*m_conn, office_id, author, "write-narrative", "narrative", id, before,
                  "{\"year\": " + std::to_string(year) + ", \"section\": " + json_str(w.section) +
                      ", \"text\": " + json_str(w.text) + "}",
                  at);
            ++saved;
        }
        return saved;
    });
}

} // namespace kinerja::sqlite
