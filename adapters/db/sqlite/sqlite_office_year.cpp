// load_office_year: everything stored about one office and one year (core/office_year.h), read in one
// snapshot: the measurement inputs, then the documents of the year, each by its own small reader.
#include <map>
#include <utility>

#include "adapters/db/sqlite/sqlite_db.h"
#include "adapters/db/sqlite/sqlite_measurement_inputs.h"
#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_support.h"

namespace kinerja::sqlite {
namespace {

// Where a version landed: its agreement's index and its own.
using VersionIndex = std::map<std::int64_t, std::pair<std::size_t, std::size_t>>;

AgreementVersionData version_from(const Statement& v) {
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
    return x;
}

// The agreements (PK) of the year with every version; returns where each version landed.
VersionIndex read_agreement_versions(Connection& c, const OfficeInfo& office, int year, OfficeYear& d) {
    std::map<std::int64_t, std::size_t> ag_index;
    Statement s(c.handle(), R"(
        SELECT a.id, u.name, a.kind, a.parent_agreement_id FROM agreement a LEFT JOIN unit u ON u.id = a.unit_id
        WHERE a.office_id = ? AND a.year = ? ORDER BY a.id)");
    s.bind(1, office.id).bind(2, year);
    while (s.step()) {
        ag_index[s.integer(0)] = d.agreements.size();
        d.agreements.push_back({s.integer(0), s.text(1), s.text(2), s.opt_integer(3), {}});
    }
    VersionIndex versions;
    Statement v(c.handle(), R"(
        SELECT v.id, v.agreement_id, v.version_no, v.reason_code, v.reason, v.title, v.place, v.date_text, v.date,
               v.first_party_name, v.first_party_position, v.first_party_nip,
               v.second_party_name, v.second_party_position, v.second_party_nip,
               v.budget_kind, v.total_text, v.total, v.source, v.line
        FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id
        WHERE a.office_id = ? AND a.year = ? ORDER BY v.agreement_id, v.version_no)");
    v.bind(1, office.id).bind(2, year);
    while (v.step()) {
        const std::size_t a = ag_index.at(v.integer(1));
        auto& ag = d.agreements[a];
        versions[v.integer(0)] = {a, ag.versions.size()};
        ag.versions.push_back(version_from(v));
    }
    return versions;
}

// The items (with their cascade links) and budgets of every version.
void read_agreement_contents(Connection& c, const OfficeInfo& office, int year, const VersionIndex& versions,
                             OfficeYear& d) {
    auto version_of = [&](std::int64_t id) -> AgreementVersionData& {
        const auto [a, k] = versions.at(id);
        return d.agreements[a].versions[k];
    };
    Statement it(c.handle(), R"(
        SELECT i.version_id, i.id, i.number, i.objective_text, i.code, i.indicator_id, i.indicator_text,
               i.target_text, i.parent_item_id, i.line
        FROM agreement_item i JOIN agreement_version v ON v.id = i.version_id JOIN agreement a ON a.id = v.agreement_id
        WHERE a.office_id = ? AND a.year = ? ORDER BY i.id)");
    it.bind(1, office.id).bind(2, year);
    while (it.step())
        version_of(it.integer(0))
            .items.push_back({it.integer(1), it.text(2), it.text(3), it.text(4), it.text(6), it.text(7),
                              it.opt_integer(5), it.opt_integer(8), static_cast<int>(it.integer(9))});
    Statement bu(c.handle(), R"(
        SELECT b.version_id, b.number, b.name, b.amount_text, b.amount, b.line
        FROM agreement_budget b JOIN agreement_version v ON v.id = b.version_id JOIN agreement a ON a.id = v.agreement_id
        WHERE a.office_id = ? AND a.year = ? ORDER BY b.id)");
    bu.bind(1, office.id).bind(2, year);
    while (bu.step())
        version_of(bu.integer(0))
            .budgets.push_back(
                {bu.text(1), bu.text(2), bu.text(3), opt_rupiah(bu, 4), static_cast<int>(bu.integer(5))});
}

// The RKT plans of the year with their rows.
void read_plans(Connection& c, const OfficeInfo& office, int year, OfficeYear& d) {
    std::map<std::int64_t, std::size_t> index;
    Statement s(c.handle(), R"(
        SELECT id, title, unit_name, layout, place, date_text, date, signer_name, signer_position, source, date_line
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
    Statement r(c.handle(), R"(
        SELECT r.plan_id, r.number, r.program, r.objective, r.code, r.indicator_text, r.target_text, r.activity,
               r.budget_text, r.executor, r.budget, r.line
        FROM plan_row r JOIN plan p ON p.id = r.plan_id WHERE p.office_id = ? AND p.year = ? ORDER BY r.id)");
    r.bind(1, office.id).bind(2, year);
    while (r.step())
        d.plans[index.at(r.integer(0))].rows.push_back({r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                                        r.text(6), r.text(7), r.text(8), r.text(9), opt_rupiah(r, 10),
                                                        static_cast<int>(r.integer(11))});
}

// The action plans (Rencana Aksi) of the year; returns the index of each by its id.
std::map<std::int64_t, std::size_t> read_action_plan_heads(Connection& c, const OfficeInfo& office, int year,
                                                           OfficeYear& d) {
    std::map<std::int64_t, std::size_t> index;
    Statement s(c.handle(), R"(
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
    return index;
}

// The action plans with their objectives and items (the months as a bit mask, with their versions).
void read_action_plans(Connection& c, const OfficeInfo& office, int year, OfficeYear& d) {
    const auto index = read_action_plan_heads(c, office, year, d);
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>> obj_index;
    Statement o(c.handle(), R"(
        SELECT o.plan_id, o.id, o.number, o.code, o.name, o.cost_text, o.cost, o.line
        FROM action_objective o JOIN action_plan p ON p.id = o.plan_id WHERE p.office_id = ? AND p.year = ? ORDER BY o.id)");
    o.bind(1, office.id).bind(2, year);
    while (o.step()) {
        auto& ap = d.action_plans[index.at(o.integer(0))];
        obj_index[o.integer(1)] = {index.at(o.integer(0)), ap.objectives.size()};
        ap.objectives.push_back(
            {o.text(2), o.text(3), o.text(4), o.text(5), opt_rupiah(o, 6), {}, static_cast<int>(o.integer(7))});
    }
    Statement i(c.handle(), R"(
        SELECT i.action_objective_id, i.indicator_text, i.target_text, i.activity, i.executor, i.months, i.month_ticks, i.line,
               i.id, i.version
        FROM action_item i JOIN action_objective o ON o.id = i.action_objective_id JOIN action_plan p ON p.id = o.plan_id
        WHERE p.office_id = ? AND p.year = ? ORDER BY i.id)");
    i.bind(1, office.id).bind(2, year);
    while (i.step()) {
        const auto [a, k] = obj_index.at(i.integer(0));
        std::optional<int> months;
        if (!i.is_null(5)) months = static_cast<int>(i.integer(5));
        d.action_plans[a].objectives[k].items.push_back({i.text(1), i.text(2), i.text(3), i.text(4), months,
                                                         static_cast<int>(i.integer(6)), static_cast<int>(i.integer(7)),
                                                         i.integer(8), i.integer(9)});
    }
}

// A Renstra's items and its indicators with their yearly and end-of-period targets.
void read_renstra_contents(Connection& c, RenstraData& r) {
    Statement it(c.handle(), "SELECT id, parent_id, kind, coalesce(number, ''), text FROM renstra_item WHERE "
                             "renstra_id = ? ORDER BY id");
    it.bind(1, r.id);
    while (it.step())
        r.items.push_back({it.integer(0), it.opt_integer(1), it.text(2), it.text(3), it.text(4)});
    Statement in(c.handle(), R"(
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

// The Renstra periods covering the year.
void read_renstra(Connection& c, const OfficeInfo& office, int year, OfficeYear& d) {
    Statement rs(c.handle(), R"(
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
    for (auto& r : d.renstra)
        read_renstra_contents(c, r);
}

// The evaluations (LKE) of the year, and those reported in it.
void read_evaluations(Connection& c, const OfficeInfo& office, int year, OfficeYear& d) {
    Statement e(c.handle(), R"(
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
}

// The office's people, and the names of every office but its own ancestors: those belong in its
// documents, any other office's name does not.
void read_people_and_other_offices(Connection& c, const OfficeInfo& office, OfficeYear& d) {
    Statement s(c.handle(), "SELECT name, nip, position, source, line FROM person WHERE office_id = ? ORDER BY id");
    s.bind(1, office.id);
    while (s.step())
        d.people.push_back({s.text(0), s.text(1), s.text(2), SourceRef{s.text(3), static_cast<int>(s.integer(4))}});
    Statement o(c.handle(), R"(
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT id, parent_id FROM office WHERE id = ?1
          UNION ALL SELECT o.id, o.parent_id FROM office o JOIN up ON o.id = up.parent_id)
        SELECT name FROM office WHERE id NOT IN (SELECT id FROM up) ORDER BY id)");
    o.bind(1, office.id);
    while (o.step())
        d.other_office_names.push_back(o.text(0));
}

} // namespace

Result<OfficeYear> SqliteRepository::load_office_year(const OfficeInfo& office, int year) {
    OfficeYear d;
    d.office = office;
    d.year = year;
    auto read = in_read_snapshot(*m_conn, [&] {
        std::map<std::int64_t, OfficeYear> one;
        load_measurement_inputs(*m_conn, year, office.id, one);
        d.objectives = std::move(one[office.id].objectives);
        d.budgets = std::move(one[office.id].budgets);
        const VersionIndex versions = read_agreement_versions(*m_conn, office, year, d);
        read_agreement_contents(*m_conn, office, year, versions, d);
        read_plans(*m_conn, office, year, d);
        read_action_plans(*m_conn, office, year, d);
        read_renstra(*m_conn, office, year, d);
        read_evaluations(*m_conn, office, year, d);
        read_people_and_other_offices(*m_conn, office, d);
    });
    if (!read) return tl::unexpected(read.error());
    return d;
}

} // namespace kinerja::sqlite
