#pragma once
// The monthly work of an office (app/monthly_work.cpp, app/evidence.cpp): the month's actuals with
// their evidence, the statuses of the month, budget spending, obstacles. Writes check the expected
// versions inside their transaction and refuse a stale one with ErrorCode::conflict naming the row
// in `where`; each change is in the audit log with before and after.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rupiah.h"

namespace kinerja::app {

struct ActualWrite {
    std::int64_t indicator_id = 0;
    std::string value_text, value_canonical, note;
    std::int64_t expected_version = 0; // 0: there must be no entry yet
};

struct StatusWrite {
    std::int64_t office_id = 0;
    std::optional<std::int64_t> unit_id;
    int year = 0, month = 0;
    std::string status, comment;
    std::int64_t expected_version = 0; // 0: no row yet
};

struct EvidenceRecord {
    std::int64_t id = 0, office_id = 0, actual_id = 0, size = 0;
    std::string filename, sha256, mime, uploaded_by, uploaded_at;
    std::optional<std::int64_t> owner_unit_id; // of the indicator the evidence supports (read, not written)
};

// One indicator of a month's sheet, with its entry for the month when there is one.
struct SheetRowRecord {
    std::int64_t indicator_id = 0;
    std::string objective, statement, unit, target_text;
    std::optional<std::int64_t> owner_unit_id;
    std::string owner_unit;
    std::optional<std::int64_t> actual_id;
    std::string value_text, note, author, recorded_at;
    std::int64_t version = 0; // 0: no entry yet
    std::string correction;   // the reason, when the value was entered as a correction of a locked month
    std::vector<EvidenceRecord> evidence;
};

// The month of a sub-unit (or, with no unit, the office's lock).
struct StatusRecord {
    std::optional<std::int64_t> unit_id;
    std::string unit_name, status, comment, changed_by, changed_at;
    std::int64_t version = 0; // 0: no row yet
};

// A budget line of the year with what was spent before this month and in it.
struct BudgetMonthRecord {
    std::int64_t line_id = 0;
    std::string code, name, ceiling_text, source;
    std::optional<Rupiah> ceiling;
    Rupiah spent_other_months;
    std::string amount_text;  // this month, as written
    std::int64_t version = 0; // 0: nothing entered this month
    std::string correction;   // the reason, when this month's amount was a correction of a locked month
};

struct SpendingWrite {
    std::int64_t line_id = 0;
    std::string amount_text;
    Rupiah amount;
    std::int64_t expected_version = 0;
};

struct ObstacleRecord {
    std::int64_t id = 0;
    std::string number, aspect, obstacle, remark, remedy;
};

class MonthlyWorkStore {
public:
    virtual ~MonthlyWorkStore() = default;

    // Rows of the month for the office (and its sub-units' statuses).
    virtual Result<std::vector<SheetRowRecord>> month_rows(std::int64_t office_id, int year, int month) = 0;
    virtual Result<std::vector<StatusRecord>> month_statuses(std::int64_t office_id, int year, int month) = 0;
    // Conflict (where = indicator id) on a stale version, or on a locked month unless action is "correction"
    // (then `reason` is stored with each value).
    virtual Result<int> write_actuals(std::int64_t office_id, int year, int month,
                                      const std::vector<ActualWrite>& writes, const std::string& author,
                                      const std::string& at, const std::string& action, const std::string& reason) = 0;
    virtual Result<void> write_status(const StatusWrite& w, const std::string& author, const std::string& at) = 0;
    // Refused with ErrorCode::too_large when the office's evidence would exceed `office_quota_bytes`
    // (the sum of the sizes of its uploads), checked inside the write transaction.
    virtual Result<std::int64_t> add_evidence(const EvidenceRecord& e, std::int64_t office_quota_bytes) = 0;
    virtual Result<std::int64_t> evidence_bytes(std::int64_t office_id) = 0;
    virtual Result<std::optional<EvidenceRecord>> find_evidence(std::int64_t id) = 0;
    virtual Result<std::vector<BudgetMonthRecord>> budget_month(std::int64_t office_id, int year, int month) = 0;
    // Conflict (where = line id) on a stale version or a locked month unless action is "correction".
    virtual Result<int> write_spending(std::int64_t office_id, int year, int month,
                                       const std::vector<SpendingWrite>& writes, const std::string& author,
                                       const std::string& at, const std::string& action, const std::string& reason) = 0;
    virtual Result<std::vector<ObstacleRecord>> obstacles(std::int64_t office_id, int year) = 0;
    virtual Result<std::int64_t> add_obstacle(std::int64_t office_id, int year, const ObstacleRecord& o,
                                              const std::string& author, const std::string& at) = 0;
};

} // namespace kinerja::app
