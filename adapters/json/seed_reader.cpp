#include "adapters/json/seed_reader.h"

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "core/checks.h"
#include "core/date.h"
#include "core/quantity.h"
#include "core/rupiah.h"

namespace kinerja::json {
namespace {

namespace bj = boost::json;
using app::Value;

// A missing or mistyped field in a transcription is a bug in the data file: reported with its path.
struct SeedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const bj::value* field(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

std::string str(const bj::object& o, std::string_view key) {
    const auto* v = field(o, key);
    if (!v) return {};
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    throw SeedError("field '" + std::string(key) + "' is not text");
}

Value text(const bj::object& o, std::string_view key) {
    std::string s = str(o, key);
    return s.empty() ? Value{} : Value{std::move(s)};
}

std::int64_t integer(const bj::object& o, std::string_view key, std::int64_t fallback = 0) {
    const auto* v = field(o, key);
    if (!v) return fallback;
    if (v->is_int64()) return v->as_int64();
    if (v->is_string()) return std::stoll(std::string(v->as_string()));
    throw SeedError("field '" + std::string(key) + "' is not a number");
}

const bj::array& arr(const bj::object& o, std::string_view key) {
    static const bj::array empty;
    const auto* v = field(o, key);
    return v && v->is_array() ? v->as_array() : empty;
}

const bj::object& obj(const bj::value& v) {
    if (!v.is_object()) throw SeedError("expected an object");
    return v.as_object();
}

Value rupiah_value(const std::string& t) {
    if (t.empty()) return {};
    auto r = parse_rupiah(t);
    return r ? Value{r->value} : Value{};
}

Value decimal_value(const std::string& t) {
    if (t.empty()) return {};
    auto d = parse_indonesian_decimal(t);
    return d ? Value{d->canonical()} : Value{};
}

// An actual as printed ("85", "94,5", "100%"): its number, as a target's is read (a unit is no error).
Value quantity_value(const std::string& t) {
    if (t.empty()) return {};
    auto q = parse_quantity(t, "");
    return q && q->value ? Value{q->value->canonical()} : Value{};
}

Value iso_date(const std::string& t) {
    if (t.empty()) return {};
    auto d = parse_indonesian_date(t);
    return d ? Value{d->iso()} : Value{};
}

struct OfficeContext {
    std::int64_t id = 0;
    std::map<std::string, std::int64_t> units;      // normalized name -> id
    std::map<std::string, std::int64_t> indicators; // normalized statement -> id
    std::map<std::string, std::int64_t> objectives_by_code;
    std::map<std::string, std::int64_t> objectives_by_name;
    std::map<std::string, std::int64_t> objectives_by_number; // of the measurement table
};

class Loader {
public:
    explicit Loader(app::Dataset& d) : m_d(d) {}

    void offices(const bj::object& root) {
        for (const auto& v : arr(root, "offices")) {
            const auto& o = obj(v);
            const std::string code = str(o, "code");
            Value parent;
            if (const std::string p = str(o, "parent"); !p.empty()) {
                if (!m_offices.count(p)) throw SeedError("office " + code + ": unknown parent " + p);
                parent = m_offices[p].id;
            }
            m_offices[code].id = m_d.add("office", {{"code", code},
                                                    {"name", str(o, "name")},
                                                    {"level", str(o, "level")},
                                                    {"parent_id", parent},
                                                    {"place", text(o, "place")}});
        }
        for (const auto& v : arr(root, "nomenclature")) {
            const auto& o = obj(v);
            m_d.add("budget_code", {{"year", integer(o, "year")},
                                    {"code", str(o, "code")},
                                    {"level", str(o, "level")},
                                    {"name", str(o, "name")}});
        }
    }

    // Demo configuration: the sub-unit that enters the actuals of an objective's indicators.
    void owners(const bj::object& root) {
        const auto* all = field(root, "demo_owners");
        if (!all) return;
        app::Table* indicators = m_d.find("indicator");
        const int objective_col = indicators->column_index("objective_id"),
                  owner_col = indicators->column_index("owner_unit_id");
        for (const auto& [office_code, by_code] : obj(*all)) {
            if (!m_offices.count(std::string(office_code)))
                throw SeedError("demo owners: unknown office " + std::string(office_code));
            m_office = &m_offices[std::string(office_code)];
            for (const auto& [code, unit_name] : obj(by_code)) {
                auto o = m_office->objectives_by_code.find(std::string(code));
                if (o == m_office->objectives_by_code.end())
                    throw SeedError("demo owners: no objective " + std::string(code));
                const std::int64_t unit_id = unit(std::string(unit_name.as_string()), 0);
                for (auto& row : indicators->rows)
                    if (row[static_cast<std::size_t>(objective_col)] == Value{o->second})
                        row[static_cast<std::size_t>(owner_col)] = unit_id;
            }
        }
    }

    void users(const bj::object& root, const std::string& created_at) {
        for (const auto& v : arr(root, "demo_users")) {
            const auto& u = obj(v);
            Value office_id, unit_id;
            if (const std::string s = str(u, "satker"); !s.empty()) {
                if (!m_offices.count(s)) throw SeedError("demo user: unknown office " + s);
                m_office = &m_offices[s];
                office_id = m_office->id;
                if (const std::string n = str(u, "unit"); !n.empty()) unit_id = unit(n, 0);
            }
            m_d.add("app_user", {{"login", str(u, "login")},
                                 {"password_hash", str(u, "password_hash")},
                                 {"role", str(u, "role")},
                                 {"office_id", office_id},
                                 {"unit_id", unit_id},
                                 {"created_at", created_at}});
        }
    }

    void document(const bj::object& root) {
        m_source = str(root, "source");
        m_year = integer(root, "year");
        const std::string code = str(obj(*field(root, "office")), "code");
        if (!m_offices.count(code)) throw SeedError("unknown office " + code);
        m_office = &m_offices[code];
        m_has_measurement = false;
        m_signed_office_agreement.reset();
        m_office_items.clear();
        const std::string kind = str(root, "kind");
        for (const auto& v : arr(root, "units"))
            unit(str(obj(v), "name"), integer(obj(v), "line"));
        for (const auto& v : arr(root, "people"))
            person(obj(v));
        if (const auto* r = field(root, "renstra")) renstra(obj(*r));
        // The indicators measured come from the measurement table when there is one, else from the plan.
        if (const auto* m = field(root, "measurement")) measurement(obj(*m));
        for (const auto& v : arr(root, "rkt"))
            plan(obj(v), kind == "rkt");
        for (const auto& v : arr(root, "agreements"))
            agreement(obj(v));
        if (const auto* a = field(root, "action_plan")) action_plan(obj(*a));
        for (const auto& v : arr(root, "budgets"))
            budget(obj(v));
        for (const auto& v : arr(root, "previous_year"))
            previous_year(obj(v));
        for (const auto& v : arr(root, "obstacles"))
            obstacle(obj(v));
        for (const auto& v : arr(root, "evaluations"))
            evaluation(obj(v));
    }

private:
    std::int64_t unit(const std::string& name, std::int64_t line) {
        const std::string key = normalize_text(name);
        if (auto it = m_office->units.find(key); it != m_office->units.end()) return it->second;
        (void)line;
        return m_office->units[key] = m_d.add("unit", {{"office_id", m_office->id}, {"name", name}});
    }

    void person(const bj::object& p) {
        Value unit_id;
        if (const std::string u = str(p, "unit"); !u.empty()) unit_id = unit(u, 0);
        m_d.add("person", {{"office_id", m_office->id},
                           {"unit_id", unit_id},
                           {"name", str(p, "name")},
                           {"nip", text(p, "nip")},
                           {"position", text(p, "position")},
                           {"source", m_source},
                           {"line", integer(p, "line")}});
    }

    void renstra(const bj::object& r) {
        std::string vision;
        if (const auto* v = field(r, "vision")) vision = str(obj(*v), "text");
        const std::int64_t id = m_d.add("renstra", {{"office_id", m_office->id},
                                                    {"period_start", integer(r, "period_start")},
                                                    {"period_end", integer(r, "period_end")},
                                                    {"vision", app::text_or_null(vision)},
                                                    {"decree", text(r, "decree")},
                                                    {"decree_date", iso_date(str(r, "date_text"))},
                                                    {"place", text(r, "place")},
                                                    {"source", m_source}});
        auto item = [&](const char* kind, const bj::object& o, Value parent, const char* text_key) {
            return m_d.add("renstra_item", {{"renstra_id", id},
                                            {"parent_id", parent},
                                            {"kind", kind},
                                            {"number", text(o, "number")},
                                            {"text", str(o, text_key)},
                                            {"line", integer(o, "line")}});
        };
        for (const auto& v : arr(r, "missions"))
            item("mission", obj(v), {}, "text");
        std::map<std::string, std::int64_t> goals;
        for (const auto& v : arr(r, "goals"))
            goals[str(obj(v), "number")] = item("goal", obj(v), {}, "text");
        std::map<std::string, std::int64_t> goal_groups;
        for (const auto& v : arr(r, "objectives")) {
            const auto& o = obj(v);
            // The LKj names the goal of each group of objectives by its text; keep it as a goal item of its own.
            Value parent;
            if (const std::string g = str(o, "goal"); !g.empty()) {
                if (!goal_groups.count(g))
                    goal_groups[g] =
                        m_d.add("renstra_item",
                                {{"renstra_id", id}, {"kind", "goal"}, {"text", g}, {"line", integer(o, "line")}});
                parent = goal_groups[g];
            }
            item("objective", o, parent, "name");
        }
        // Objectives stand under a program's activities (the KPU IKU) or right under the program (a
        // Renstra chapter's table); their indicators may carry a unit and a target per year.
        const auto objectives_under = [&](const bj::object& parent, std::int64_t parent_item) {
            for (const auto& ov : arr(parent, "objectives")) {
                const auto& o = obj(ov);
                const std::int64_t rid = item("objective", o, parent_item, "name");
                const std::int64_t oid = m_d.add("objective", {{"office_id", m_office->id},
                                                               {"renstra_item_id", rid},
                                                               {"name", str(o, "name")},
                                                               {"source", m_source},
                                                               {"line", integer(o, "line")}});
                int n = 0;
                for (const auto& iv : arr(o, "indicators")) {
                    const auto& i = obj(iv);
                    yearly_figures(add_indicator(oid, ++n, i, "name", str(i, "unit"), false), i);
                }
            }
        };
        for (const auto& pv : arr(r, "programs")) {
            const auto& p = obj(pv);
            const std::int64_t pid = item("program", p, {}, "name");
            for (const auto& av : arr(p, "activities"))
                objectives_under(obj(av), item("activity", obj(av), pid, "name"));
            objectives_under(p, pid);
        }
        renstra_indicators(r, id);
    }

    // An IKU or Renstra table of indicators with a target (and a realization) per year: each
    // indicator under its objective where the table names one, else under one objective standing
    // for the table; targets per year, and a realization as that year's December entry.
    void renstra_indicators(const bj::object& r, std::int64_t renstra_id) {
        std::map<std::string, std::int64_t> objectives;
        std::map<std::int64_t, int> numbers;
        for (const auto& iv : arr(r, "indicators")) {
            const auto& i = obj(iv);
            std::string name = str(i, "objective");
            if (name.empty()) name = "Indikator Kinerja Utama";
            auto [it, added] = objectives.try_emplace(normalize_text(name), 0);
            if (added) {
                const std::int64_t item = m_d.add(
                    "renstra_item",
                    {{"renstra_id", renstra_id}, {"kind", "objective"}, {"text", name}, {"line", integer(i, "line")}});
                it->second = m_d.add("objective", {{"office_id", m_office->id},
                                                   {"renstra_item_id", item},
                                                   {"name", name},
                                                   {"source", m_source},
                                                   {"line", integer(i, "line")}});
            }
            // Not registered by name: the measured indicators of the same document stay the ones PK items and
            // budgets refer to.
            yearly_figures(add_indicator(it->second, ++numbers[it->second], i, "name", str(i, "unit"), false), i);
        }
    }

    // A Renstra or IKU indicator's target per year, and its realization as that year's December entry.
    void yearly_figures(std::int64_t indicator_id, const bj::object& i) {
        // Each year's realization is dated after its year; the document's own date stays for what follows.
        const std::string document_recorded_at = m_recorded_at;
        std::set<std::int64_t> years;
        for (const auto& tv : arr(i, "targets")) {
            const auto& t = obj(tv);
            const std::int64_t year = integer(t, "year");
            // A table whose header prints a year twice ("2017 2017", sample 11) gives two targets of one
            // year: the first is stored, as an indicator has one target a year.
            if (!years.insert(year).second) continue;
            add_target(indicator_id, year, str(t, "target"), str(i, "unit"), integer(t, "line"));
            m_recorded_at = std::to_string(year + 1) + "-01-16T00:00:00Z";
            add_actual(indicator_id, year, t);
        }
        m_recorded_at = document_recorded_at;
    }

    std::int64_t add_indicator(std::int64_t objective_id, int number, const bj::object& o, const char* key,
                               const std::string& unit, bool register_name = true) {
        const std::string statement = str(o, key);
        // "Jumlah …" counted in units adds up over months; everything else is a position (domain.md §2.6).
        const bool count = statement.rfind("Jumlah", 0) == 0 && unit != "%";
        const std::int64_t id = m_d.add("indicator", {{"objective_id", objective_id},
                                                      {"number", std::int64_t{number}},
                                                      {"statement", statement},
                                                      {"unit", app::text_or_null(unit)},
                                                      {"period_rule", count ? "kumulatif" : "posisi"},
                                                      {"source", m_source},
                                                      {"line", integer(o, "line")}});
        if (register_name) m_office->indicators.emplace(normalize_text(statement), id);
        return id;
    }

    void add_target(std::int64_t indicator_id, std::int64_t year, const std::string& target_text,
                    const std::string& unit, std::int64_t line) {
        if (target_text.empty()) return;
        Value value, unit_value = app::text_or_null(unit), numerator;
        if (auto q = parse_quantity(target_text, unit)) {
            if (q->value) value = q->value->canonical();
            unit_value = app::text_or_null(q->unit);
            if (q->numerator) numerator = q->numerator->canonical();
        }
        m_d.add("indicator_target", {{"indicator_id", indicator_id},
                                     {"year", year},
                                     {"target_text", target_text},
                                     {"value", value},
                                     {"unit", unit_value},
                                     {"numerator", numerator},
                                     {"source", m_source},
                                     {"line", line}});
    }

    void add_actual(std::int64_t indicator_id, std::int64_t year, const bj::object& o) {
        const std::string actual = str(o, "actual");
        if (actual.empty()) return;
        // A yearly figure from a report is December's entry (domain.md: monthly actuals derive the year).
        m_d.add("actual", {{"indicator_id", indicator_id},
                           {"year", year},
                           {"month", std::int64_t{12}},
                           {"value_text", actual},
                           {"value", quantity_value(actual)},
                           {"note", "Realisasi tahunan menurut dokumen"},
                           {"author", "demo"},
                           {"recorded_at", m_recorded_at},
                           {"reported_achievement", text(o, "achievement_printed")},
                           {"source", m_source},
                           {"line", integer(o, "line")}});
    }

    std::int64_t objective(const std::string& number, const std::string& code, const std::string& name,
                           std::int64_t line) {
        const std::int64_t id = m_d.add("objective", {{"office_id", m_office->id},
                                                      {"number", app::text_or_null(number)},
                                                      {"code", app::text_or_null(code)},
                                                      {"name", name},
                                                      {"source", m_source},
                                                      {"line", line}});
        if (!code.empty()) m_office->objectives_by_code.emplace(code, id);
        m_office->objectives_by_name.emplace(normalize_text(name), id);
        return id;
    }

    void measurement(const bj::object& m) {
        m_recorded_at = std::to_string(m_year + 1) + "-01-16T00:00:00Z";
        for (const auto& ov : arr(m, "objectives")) {
            const auto& o = obj(ov);
            const std::int64_t oid = objective(str(o, "number"), str(o, "code"), str(o, "name"), integer(o, "line"));
            m_office->objectives_by_number.emplace(str(o, "number"), oid);
            int n = 0;
            for (const auto& iv : arr(o, "indicators")) {
                const auto& i = obj(iv);
                const std::string unit = str(i, "unit");
                const std::int64_t id = add_indicator(oid, ++n, i, "name", unit);
                add_target(id, integer(m, "year", m_year), str(i, "target"), unit, integer(i, "line"));
                add_actual(id, integer(m, "year", m_year), i);
            }
        }
        m_has_measurement = true;
    }

    void plan(const bj::object& p, bool defines_indicators) {
        const auto* signer = field(p, "signer");
        const std::string date_text = str(p, "date_text");
        const std::int64_t id = m_d.add("plan", {{"office_id", m_office->id},
                                                 {"year", m_year},
                                                 {"title", text(p, "title")},
                                                 {"unit_name", text(p, "unit")},
                                                 {"layout", str(p, "layout")},
                                                 {"place", text(p, "place")},
                                                 {"date_text", app::text_or_null(date_text)},
                                                 {"date", iso_date(date_text)},
                                                 {"signer_name", signer ? text(obj(*signer), "name") : Value{}},
                                                 {"signer_position", signer ? text(obj(*signer), "position") : Value{}},
                                                 {"source", m_source},
                                                 {"line", integer(p, "line")},
                                                 {"date_line", integer(p, "date_line")}});
        std::map<std::string, int> numbers;
        for (const auto& rv : arr(p, "rows")) {
            const auto& r = obj(rv);
            const std::string indicator = str(r, "indicator"), target = str(r, "target"), budget = str(r, "budget");
            Value indicator_id;
            if (defines_indicators && !m_has_measurement) {
                // An office known only by its plan: the plan's rows are its indicators and targets.
                const std::string objective_name =
                    str(r, "objective").empty() ? str(r, "program") : str(r, "objective");
                const std::string key = normalize_text(objective_name);
                std::int64_t oid;
                if (auto it = m_office->objectives_by_name.find(key); it != m_office->objectives_by_name.end())
                    oid = it->second;
                else
                    oid = objective(str(r, "number"), str(r, "code"),
                                    objective_name.empty() ? "(tanpa sasaran)" : objective_name, integer(r, "line"));
                auto q = parse_quantity(target);
                const std::string unit = q ? q->unit : std::string();
                const std::int64_t iid = add_indicator(oid, ++numbers[key], r, "indicator", unit);
                add_target(iid, m_year, target, unit, integer(r, "line"));
                indicator_id = iid;
            } else if (auto it = m_office->indicators.find(normalize_text(indicator));
                       it != m_office->indicators.end()) {
                indicator_id = it->second;
            }
            m_d.add("plan_row", {{"plan_id", id},
                                 {"number", text(r, "number")},
                                 {"program", text(r, "program")},
                                 {"objective", text(r, "objective")},
                                 {"code", text(r, "code")},
                                 {"indicator_id", indicator_id},
                                 {"indicator_text", indicator},
                                 {"target_text", app::text_or_null(target)},
                                 {"activity", text(r, "activity")},
                                 {"budget_text", app::text_or_null(budget)},
                                 {"budget", rupiah_value(budget)},
                                 {"executor", text(r, "executor")},
                                 {"line", integer(r, "line")}});
        }
    }

    Value indicator_of(const std::string& statement) {
        if (auto it = m_office->indicators.find(normalize_text(statement)); it != m_office->indicators.end())
            return it->second;
        return {};
    }

    void agreement(const bj::object& a) {
        const std::string unit_name = str(a, "unit");
        const bool cited = str(a, "source") == "bab2";
        Value unit_id, parent;
        if (!unit_name.empty()) {
            unit_id = unit(unit_name, 0);
            if (m_signed_office_agreement) parent = *m_signed_office_agreement;
        }
        const std::int64_t aid = m_d.add("agreement", {{"office_id", m_office->id},
                                                       {"unit_id", unit_id},
                                                       {"year", integer(a, "year", m_year)},
                                                       {"parent_agreement_id", parent},
                                                       {"kind", cited ? "cited" : "signed"}});
        if (unit_name.empty() && !cited) m_signed_office_agreement = aid;
        auto party = [&](const char* key, const char* part) -> Value {
            const auto* p = field(a, key);
            return p ? text(obj(*p), part) : Value{};
        };
        const std::string date_text = str(a, "date_text");
        std::string total_text;
        if (const auto* t = field(a, "total")) total_text = str(obj(*t), "amount");
        const std::int64_t vid =
            m_d.add("agreement_version", {{"agreement_id", aid},
                                          {"version_no", integer(a, "version", 1)},
                                          {"title", text(a, "title")},
                                          {"place", text(a, "place")},
                                          {"date_text", app::text_or_null(date_text)},
                                          {"date", iso_date(date_text)},
                                          {"first_party_name", party("first_party", "name")},
                                          {"first_party_position", party("first_party", "position")},
                                          {"first_party_nip", party("first_party", "nip")},
                                          {"second_party_name", party("second_party", "name")},
                                          {"second_party_position", party("second_party", "position")},
                                          {"second_party_nip", party("second_party", "nip")},
                                          {"budget_kind", text(a, "budget_kind")},
                                          {"total_text", app::text_or_null(total_text)},
                                          {"total", rupiah_value(total_text)},
                                          {"source", m_source},
                                          {"line", integer(a, "line")}});
        for (const auto& iv : arr(a, "items")) {
            const auto& i = obj(iv);
            const std::string indicator = str(i, "indicator");
            Value parent_item;
            if (!unit_name.empty())
                if (auto it = m_office_items.find(normalize_text(indicator)); it != m_office_items.end())
                    parent_item = it->second;
            const std::int64_t id = m_d.add("agreement_item", {{"version_id", vid},
                                                               {"number", text(i, "number")},
                                                               {"objective_text", text(i, "objective")},
                                                               {"code", text(i, "code")},
                                                               {"indicator_id", indicator_of(indicator)},
                                                               {"indicator_text", indicator},
                                                               {"target_text", text(i, "target")},
                                                               {"parent_item_id", parent_item},
                                                               {"line", integer(i, "line")}});
            if (unit_name.empty() && !cited) m_office_items.emplace(normalize_text(indicator), id);
        }
        for (const auto& bv : arr(a, "budgets")) {
            const auto& b = obj(bv);
            const std::string amount = str(b, "amount");
            m_d.add("agreement_budget", {{"version_id", vid},
                                         {"number", text(b, "number")},
                                         {"code", text(b, "code")},
                                         {"name", str(b, "name")},
                                         {"amount_text", amount},
                                         {"amount", rupiah_value(amount)},
                                         {"line", integer(b, "line")}});
        }
    }

    void action_plan(const bj::object& a) {
        const auto* signer = field(a, "signer");
        const std::string date_text = str(a, "date_text");
        const std::int64_t id =
            m_d.add("action_plan", {{"office_id", m_office->id},
                                    {"year", integer(a, "title_year", m_year)},
                                    {"year_text", text(a, "year_text")},
                                    {"unit_name", text(a, "unit")},
                                    {"place", text(a, "place")},
                                    {"date_text", app::text_or_null(date_text)},
                                    {"date", iso_date(date_text)},
                                    {"signer_name", signer ? text(obj(*signer), "name") : Value{}},
                                    {"signer_position", signer ? text(obj(*signer), "position") : Value{}},
                                    {"source", m_source},
                                    {"date_line", integer(a, "date_line")},
                                    {"year_line", integer(a, "year_line")}});
        for (const auto& ov : arr(a, "objectives")) {
            const auto& o = obj(ov);
            const std::string cost = str(o, "cost");
            const std::int64_t oid = m_d.add("action_objective", {{"plan_id", id},
                                                                  {"number", text(o, "number")},
                                                                  {"code", text(o, "code")},
                                                                  {"name", str(o, "name")},
                                                                  {"cost_text", app::text_or_null(cost)},
                                                                  {"cost", rupiah_value(cost)},
                                                                  {"line", integer(o, "line")}});
            for (const auto& iv : arr(o, "items")) {
                const auto& i = obj(iv);
                Value months;
                if (const auto* m = field(i, "months"); m && m->is_array()) {
                    std::int64_t mask = 0;
                    for (const auto& x : m->as_array())
                        mask |= std::int64_t{1} << (x.as_int64() - 1);
                    months = mask;
                }
                m_d.add("action_item", {{"action_objective_id", oid},
                                        {"indicator_id", indicator_of(str(i, "indicator"))},
                                        {"indicator_text", str(i, "indicator")},
                                        {"target_text", text(i, "target")},
                                        {"activity", text(i, "activity")},
                                        {"months", months},
                                        {"month_ticks", integer(i, "month_ticks")},
                                        {"executor", text(i, "executor")},
                                        {"line", integer(i, "line")}});
            }
        }
    }

    void budget(const bj::object& b) {
        const std::string code = str(b, "code"), ceiling = str(b, "ceiling"), actual = str(b, "actual");
        // The analysis table stands under "Sasaran N": that names its objective, also where the
        // measurement table printed the objective without its activity code.
        Value objective_id;
        if (auto it = m_office->objectives_by_number.find(str(b, "objective"));
            it != m_office->objectives_by_number.end()) {
            objective_id = it->second;
            if (!code.empty()) m_office->objectives_by_code.emplace(code, it->second);
        } else if (auto c = m_office->objectives_by_code.find(code); c != m_office->objectives_by_code.end()) {
            objective_id = c->second;
        }
        const std::int64_t id =
            m_d.add("budget_line", {{"office_id", m_office->id},
                                    {"objective_id", objective_id},
                                    {"year", integer(b, "year", m_year)},
                                    {"code", app::text_or_null(code)},
                                    {"name", str(b, "name")},
                                    {"ceiling_text", ceiling},
                                    {"ceiling", rupiah_value(ceiling)},
                                    {"reported_percent", text(b, "percent_printed")},
                                    {"source", m_source + (str(b, "source").empty() ? "" : "#" + str(b, "source"))},
                                    {"line", integer(b, "line")}});
        if (!actual.empty())
            m_d.add("budget_spending", {{"budget_line_id", id},
                                        {"month", std::int64_t{12}},
                                        {"amount_text", actual},
                                        {"amount", rupiah_value(actual)},
                                        {"note", "Realisasi tahunan menurut dokumen"},
                                        {"author", "demo"},
                                        {"recorded_at", m_recorded_at}});
    }

    void previous_year(const bj::object& p) {
        const std::int64_t year = integer(p, "year");
        Value id = indicator_of(str(p, "indicator"));
        if (std::holds_alternative<std::monostate>(id)) {
            // By its code, else by the title it stands under; an objective the document names only over
            // last year's figures (an LKj whose measurement table was not read) is stored by that title.
            const std::string code = str(p, "code"), name = str(p, "objective");
            std::optional<std::int64_t> oid;
            if (auto c = m_office->objectives_by_code.find(code);
                !code.empty() && c != m_office->objectives_by_code.end())
                oid = c->second;
            else if (auto n = m_office->objectives_by_name.find(normalize_text(name));
                     !name.empty() && n != m_office->objectives_by_name.end())
                oid = n->second;
            // Neither measured this year nor under a title: nowhere to stand (the importer said so).
            if (!oid && code.empty() && name.empty()) return;
            if (!oid) oid = objective("", code, name.empty() ? code : name, integer(p, "line"));
            id = add_indicator(*oid, 100, p, "indicator", str(p, "unit"));
        }
        const std::int64_t iid = std::get<std::int64_t>(id);
        add_target(iid, year, str(p, "target"), str(p, "unit"), integer(p, "line"));
        add_actual(iid, year, p);
    }

    void evaluation(const bj::object& e) {
        const std::string score = str(e, "score");
        m_d.add("evaluation", {{"office_id", m_office->id},
                               {"year", integer(e, "year")},
                               {"reported_year", m_year},
                               {"score_text", score},
                               {"score", decimal_value(score)},
                               {"predicate", text(e, "predicate")},
                               {"source", m_source},
                               {"line", integer(e, "line")}});
    }

    void obstacle(const bj::object& o) {
        m_d.add("obstacle", {{"office_id", m_office->id},
                             {"year", m_year},
                             {"number", text(o, "number")},
                             {"aspect", text(o, "aspect")},
                             {"obstacle", str(o, "obstacle")},
                             {"remark", text(o, "remark")},
                             {"remedy", text(o, "remedy")},
                             {"line", integer(o, "line")}});
    }

    app::Dataset& m_d;
    std::map<std::string, OfficeContext> m_offices;
    OfficeContext* m_office = nullptr;
    std::string m_source;
    std::int64_t m_year = 0;
    std::string m_recorded_at = "2024-12-31T00:00:00Z";
    bool m_has_measurement = false;
    std::optional<std::int64_t> m_signed_office_agreement;
    std::map<std::string, std::int64_t> m_office_items;
};

Result<bj::object> parse_root(const SeedFile& f) {
    boost::system::error_code ec;
    bj::value v = bj::parse(f.text, ec);
    if (ec || !v.is_object())
        return fail(ErrorCode::invalid_input, "Berkas data '" + std::string(f.name) + "' bukan JSON yang sah",
                    std::string(f.name));
    return std::move(v.as_object());
}

} // namespace

Result<void> read_seeds(const SeedFile& offices, const std::vector<SeedFile>& documents, app::Dataset& into) {
    Loader loader(into);
    std::string current(offices.name);
    try {
        auto root = parse_root(offices);
        if (!root) return tl::unexpected(root.error());
        loader.offices(*root);
        for (const auto& doc : documents) {
            current = std::string(doc.name);
            auto r = parse_root(doc);
            if (!r) return tl::unexpected(r.error());
            loader.document(*r);
        }
        current = std::string(offices.name);
        loader.owners(*root);
        loader.users(*root, "2025-01-16T00:00:00Z");
    } catch (const std::exception& e) {
        return fail(ErrorCode::invalid_input, "Data '" + current + "' tidak sah: " + e.what(), current);
    }
    return {};
}

} // namespace kinerja::json
