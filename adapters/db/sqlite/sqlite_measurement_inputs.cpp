#include "adapters/db/sqlite/sqlite_measurement_inputs.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "adapters/db/sqlite/sqlite_support.h"
#include "core/quantity.h"

namespace kinerja::sqlite {
namespace {

// Where an indicator landed in `by_office`: its office, its objective's index, its own index.
struct IndicatorPlace {
    std::int64_t office_id = 0;
    std::size_t objective = 0, indicator = 0;
};
using IndicatorIndex = std::unordered_map<std::int64_t, IndicatorPlace>;

// One statement for both uses: ?1 is the year, ?2 the office or NULL for every office.
std::string office_is(const char* column) {
    return std::string("(?2 IS NULL OR ") + column + " = ?2)";
}

void bind_year_and_office(Statement& s, int year, std::optional<std::int64_t> office) {
    s.bind(1, year);
    if (office)
        s.bind(2, *office);
    else
        s.bind_null(2);
}

// Columns 6.. of the indicator query: the indicator's definition and its target for the year.
IndicatorData indicator_from(const Statement& s) {
    IndicatorData ind;
    ind.id = s.integer(6);
    ind.number = static_cast<int>(s.integer(7));
    ind.statement = s.text(8);
    ind.unit = s.text(9);
    ind.rule.polarity = parse_polarity(s.text(10)).value_or(Polarity::higher_is_better);
    ind.rule.lower_formula = parse_lower_formula(s.text(11)).value_or(LowerIsBetterFormula::lan);
    ind.period_rule = parse_period_rule(s.text(12)).value_or(PeriodRule::position);
    ind.rule.zero_target =
        s.text(13) == "achieved-when-zero" ? ZeroTargetRule::achieved_when_zero : ZeroTargetRule::not_computable;
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
    return ind;
}

// The year's indicators (those with a target, an actual, or under a Renstra covering the year) under
// their objectives; returns where each one landed, for the actuals.
IndicatorIndex read_indicators(Connection& conn, int year, std::optional<std::int64_t> office,
                               std::map<std::int64_t, OfficeYear>& by_office) {
    IndicatorIndex placed;
    std::map<std::int64_t, std::size_t> objective_index;
    Statement s(conn.handle(), std::string(R"(
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
    bind_year_and_office(s, year, office);
    while (s.step()) {
        const std::int64_t office_id = s.integer(21);
        OfficeYear& d = by_office[office_id];
        const std::int64_t oid = s.integer(0);
        auto [it, inserted] = objective_index.emplace(oid, d.objectives.size());
        if (inserted)
            d.objectives.push_back(
                {oid, s.text(1), s.text(2), s.text(3), {}, SourceRef{s.text(4), static_cast<int>(s.integer(5))}});
        IndicatorData ind = indicator_from(s);
        auto& obj = d.objectives[it->second];
        placed[ind.id] = {office_id, it->second, obj.indicators.size()};
        obj.indicators.push_back(std::move(ind));
    }
    return placed;
}

// The year's actuals of the indicators read; for every office, one scan without the texts the
// roll-up does not print. Month order does not matter: the period rules and measure() look at the
// months themselves.
void read_actuals(Connection& conn, int year, std::optional<std::int64_t> office, const IndicatorIndex& placed,
                  std::map<std::int64_t, OfficeYear>& by_office) {
    Statement s(conn.handle(), office ? R"(
        SELECT a.indicator_id, a.month, a.value_text, a.value, a.reported_achievement, a.source, a.line
        FROM actual a JOIN indicator i ON i.id = a.indicator_id JOIN objective o ON o.id = i.objective_id
        WHERE a.year = ?1 AND o.office_id = ?2 ORDER BY a.indicator_id, a.month)"
                                      : R"(
        SELECT a.indicator_id, a.month, NULL, a.value, NULL, NULL, NULL
        FROM actual a WHERE a.year = ?1 AND ?2 IS NULL)");
    bind_year_and_office(s, year, office);
    while (s.step()) {
        const auto pos = placed.find(s.integer(0));
        if (pos == placed.end()) continue; // not an indicator of the year
        ActualEntry a;
        a.month = static_cast<int>(s.integer(1));
        a.text = s.text(2);
        if (!s.is_null(3))
            if (auto v = parse_canonical_decimal(s.text(3))) a.value = *v;
        a.reported_achievement = s.text(4);
        a.ref = {s.text(5), static_cast<int>(s.integer(6))};
        const IndicatorPlace& p = pos->second;
        by_office[p.office_id].objectives[p.objective].indicators[p.indicator].actuals.push_back(std::move(a));
    }
}

// A budget line's monthly amounts as written (joined by char(31)); its actual is their sum only when
// every one of them is a valid amount.
void add_spending(BudgetLineData& b, const Statement& s) {
    const std::int64_t entries = s.integer(11), valid = s.integer(12);
    if (entries == 0) return;
    const std::string texts = s.text(10);
    std::size_t start = 0;
    while (start <= texts.size()) {
        const auto sep = texts.find(char(31), start);
        const std::string t = texts.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
        auto v = parse_rupiah(t);
        b.spending.emplace_back(t, v ? std::optional<Rupiah>(*v) : std::nullopt);
        if (sep == std::string::npos) break;
        start = sep + 1;
    }
    if (entries == valid) b.actual = Rupiah{s.integer(13)};
}

void read_budget_lines(Connection& conn, int year, std::optional<std::int64_t> office,
                       std::map<std::int64_t, OfficeYear>& by_office) {
    Statement s(conn.handle(), std::string(R"(
        SELECT b.id, b.objective_id, b.code, b.name, b.ceiling_text, b.ceiling, b.reported_percent, b.source, b.line,
               b.office_id, (SELECT group_concat(p.amount_text, char(31)) FROM budget_spending p WHERE p.budget_line_id = b.id),
               (SELECT count(*) FROM budget_spending p WHERE p.budget_line_id = b.id),
               (SELECT count(p.amount) FROM budget_spending p WHERE p.budget_line_id = b.id),
               (SELECT sum(p.amount) FROM budget_spending p WHERE p.budget_line_id = b.id)
        FROM budget_line b WHERE b.year = ?1 AND )") +
                                   office_is("b.office_id") + R"( ORDER BY b.office_id, b.id)");
    bind_year_and_office(s, year, office);
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
        add_spending(b, s);
        by_office[s.integer(9)].budgets.push_back(std::move(b));
    }
}

} // namespace

void load_measurement_inputs(Connection& conn, int year, std::optional<std::int64_t> office,
                             std::map<std::int64_t, OfficeYear>& by_office) {
    const IndicatorIndex placed = read_indicators(conn, year, office, by_office);
    read_actuals(conn, year, office, placed, by_office);
    read_budget_lines(conn, year, office, by_office);
}

} // namespace kinerja::sqlite
