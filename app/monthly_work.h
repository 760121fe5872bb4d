#pragma once
// Monthly work of a sub-unit: actuals per indicator with notes and evidence, submitting the month,
// the head's approval or return, the head's lock, and corrections after a lock (always recorded).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

using SheetRow = SheetRowRecord;

enum class MonthStatus { open, submitted, approved, returned, locked };
std::string_view month_status_code(MonthStatus s);
std::string_view month_status_label(MonthStatus s); // Indonesian
std::optional<MonthStatus> parse_month_status(std::string_view code);

struct UnitMonth {
    StatusRecord record;
    MonthStatus status = MonthStatus::open;
};

struct MonthSheet {
    OfficeInfo office;
    int year = 0, month = 0;
    std::vector<SheetRow> rows;
    std::vector<UnitMonth> units; // every unit owning indicators, with its status this month
    bool locked = false;          // the office's month is locked
};

// One edited field of the monthly form.
struct ActualEdit {
    std::int64_t indicator_id = 0;
    std::string value_text, note;
    std::int64_t expected_version = 0; // the version the form was based on (0: new)
};

// What went wrong per indicator: shown next to the field, with what the user typed kept.
struct EditProblem {
    std::int64_t indicator_id = 0;
    std::string message;
    bool conflict = false; // someone else saved first
};

struct SaveResult {
    int saved = 0;
    std::vector<EditProblem> problems; // empty when everything was saved; nothing is saved otherwise
};

// The rows the actor may see for the office and month (operators: their unit's indicators).
Result<MonthSheet> month_sheet(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                               int month);

// May the actor change the value of an indicator owned by `unit_id` on this sheet? Its recorders may
// while the month is open; once the head has locked it, only those who may lock (a correction).
bool can_change(const Actor& actor, const MonthSheet& sheet, std::optional<std::int64_t> unit_id);

// Validates everything first; saves all or nothing, each change with its audit entry. A locked month
// takes changes only as corrections: by the head (or an administrator), with a reason.
Result<SaveResult> save_actuals(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                int month, const std::vector<ActualEdit>& edits, const std::string& correction_reason,
                                const std::string& now_iso);

// submit (operator or planner), approve / return (head, comment needed to return), lock / unlock (head).
Result<void> change_month_status(Repository& repo, const Actor& actor, const std::string& office_code,
                                 std::optional<std::int64_t> unit_id, int year, int month, const std::string& action,
                                 const std::string& comment, std::int64_t expected_version, const std::string& now_iso);

// Budget spending per activity and month: planners and heads enter it; a month's total per line may
// not take the year above the ceiling (domain.md §2.9: actual > ceiling is an error).
struct SpendingEdit {
    std::int64_t line_id = 0;
    std::string amount_text;
    std::int64_t expected_version = 0;
};

struct BudgetSheet {
    OfficeInfo office;
    int year = 0, month = 0;
    bool locked = false, editable = false;
    std::vector<BudgetMonthRecord> lines;
};

Result<BudgetSheet> budget_sheet(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                 int month);
Result<SaveResult> save_spending(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                 int month, const std::vector<SpendingEdit>& edits,
                                 const std::string& correction_reason, const std::string& now_iso);

// Obstacles and remedies of the year (LKj BAB IV B and C).
Result<std::vector<ObstacleRecord>> list_obstacles(Repository& repo, const Actor& actor, const std::string& office_code,
                                                   int year);
// Problems per field ("aspek", "hambatan", "upaya"); nothing stored when there is one.
Result<std::map<std::string, std::string>> add_obstacle(Repository& repo, const Actor& actor,
                                                        const std::string& office_code, int year,
                                                        const ObstacleRecord& o, const std::string& now_iso);

} // namespace kinerja::app
