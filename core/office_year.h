#pragma once
// Everything stored about one office and one year, as the measurement and the consistency checks
// read it. Typed values keep the text they came from, so a check can name what a person wrote.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/achievement.h"
#include "core/aggregation.h"
#include "core/date.h"
#include "core/rupiah.h"

namespace kinerja {

struct SourceRef {
    std::string source; // document or form the data came from
    int line = 0;       // 1-based line in it, 0 when none
    std::string where() const { return line > 0 ? source + ":" + std::to_string(line) : source; }
};

struct OfficeInfo {
    std::int64_t id = 0;
    std::string code, name, level, place;
    std::optional<std::int64_t> parent_id;
};

struct ActualEntry {
    int month = 0;
    std::string text;
    std::optional<Decimal> value;     // empty when the text is malformed
    std::string reported_achievement; // what the document printed as capaian, if anything
    SourceRef ref;
};

// An indicator's definition (domain.md §1.3) with its target for the year and its monthly actuals.
struct IndicatorData {
    std::int64_t id = 0;
    int number = 0;
    std::string statement, unit;
    std::string level;       // "strategic", "program", "activity"
    std::string calculation; // formula text of the indicator manual
    std::string data_source, owner_unit;
    std::string national_standard; // as written; empty when none is stored
    AchievementRule rule;
    PeriodRule period_rule = PeriodRule::position;
    Decimal weight = Decimal::integer(1);
    std::string target_text;        // empty when no target for the year
    std::optional<Quantity> target; // empty when missing or malformed
    std::string target_error;       // the parser's message when malformed
    std::vector<ActualEntry> actuals;
    SourceRef ref, target_ref;
};

struct ObjectiveData {
    std::int64_t id = 0;
    std::string number, code, name;
    std::vector<IndicatorData> indicators;
    SourceRef ref;
};

struct BudgetLineData {
    std::int64_t id = 0;
    std::optional<std::int64_t> objective_id;
    std::string code, name;
    std::string ceiling_text;
    std::optional<Rupiah> ceiling;
    std::vector<std::pair<std::string, std::optional<Rupiah>>> spending; // text and value per entry
    std::optional<Rupiah> actual; // Σ spending; empty when an entry is malformed or there is none
    std::string reported_percent;
    SourceRef ref;
};

struct PartyData {
    std::string name, position, nip;
};

struct AgreementItemData {
    std::int64_t id = 0;
    std::string number, objective, code, indicator_text, target_text;
    std::optional<std::int64_t> indicator_id, parent_item_id;
    int line = 0;
};

struct AgreementBudgetData {
    std::string number, name, amount_text;
    std::optional<Rupiah> amount;
    int line = 0;
};

struct AgreementVersionData {
    std::int64_t id = 0;
    int version_no = 1;
    std::string reason_code, reason, title, place, date_text, budget_kind, total_text, source;
    std::optional<Date> date;
    std::optional<Rupiah> total;
    PartyData first_party, second_party;
    std::vector<AgreementItemData> items;
    std::vector<AgreementBudgetData> budgets;
    int line = 0;
};

struct AgreementData {
    std::int64_t id = 0;
    std::string unit_name; // empty for the office's own agreement
    std::string kind;      // "signed" or "cited"
    std::optional<std::int64_t> parent_agreement_id;
    std::vector<AgreementVersionData> versions; // by version number
    const AgreementVersionData* latest() const { return versions.empty() ? nullptr : &versions.back(); }
};

struct PlanRowData {
    std::string number, program, objective, code, indicator_text, target_text, activity, budget_text, executor;
    std::optional<Rupiah> budget;
    int line = 0;
};

struct PlanData {
    std::int64_t id = 0;
    std::string title, unit_name, layout, place, date_text, signer_name, signer_position, source;
    std::optional<Date> date;
    int date_line = 0; // the line of the signature's date in the source (0: not known)
    std::vector<PlanRowData> rows;
};

struct ActionItemData {
    std::string indicator_text, target_text, activity, executor;
    std::optional<int> months; // bit mask; empty when unknown
    int month_ticks = 0;
    int line = 0;
    std::int64_t id = 0, version = 0;
};

struct ActionObjectiveData {
    std::string number, code, name, cost_text;
    std::optional<Rupiah> cost;
    std::vector<ActionItemData> items;
    int line = 0;
};

struct ActionPlanData {
    std::int64_t id = 0;
    std::string year_text, unit_name, place, date_text, signer_name, source;
    std::optional<Date> date;
    int date_line = 0, year_line = 0; // lines of the date and of the "Tahun Anggaran" (0: not known)
    std::vector<ActionObjectiveData> objectives;
};

// An accountability-evaluation result as a document cites it (domain.md §4).
struct EvaluationData {
    int year = 0; // the year evaluated
    std::string score_text, predicate;
    std::optional<Decimal> score;
    SourceRef ref;
};

// The strategic plan covering the year: missions, goals, objectives, programs and activities as a
// tree, and its key indicators with their targets for every year of the period.
struct RenstraItemData {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string kind, number, text; // kind: mission, goal, objective, program, activity
};

struct RenstraIndicatorData {
    std::int64_t indicator_id = 0, renstra_item_id = 0; // the objective item it measures
    std::string statement;
    std::map<int, std::string> targets; // year → target as written
    std::string end_target;             // end-of-period target
};

struct RenstraData {
    std::int64_t id = 0;
    int period_start = 0, period_end = 0;
    std::string vision, decree, decree_date, place, source;
    std::vector<RenstraItemData> items;
    std::vector<RenstraIndicatorData> indicators;
};

struct PersonData {
    std::string name, nip, position;
    SourceRef ref;
};

struct OfficeYear {
    OfficeInfo office;
    int year = 0;
    std::vector<ObjectiveData> objectives; // those with an indicator targeted or measured this year
    std::vector<BudgetLineData> budgets;
    std::vector<AgreementData> agreements;
    std::vector<PlanData> plans;
    std::vector<ActionPlanData> action_plans;
    std::vector<PersonData> people;
    std::vector<EvaluationData> evaluations;     // evaluated this year or cited in this year's documents
    std::vector<RenstraData> renstra;            // plans whose period covers the year
    std::vector<std::string> other_office_names; // names of the other offices, for pasted-in names
};

} // namespace kinerja
