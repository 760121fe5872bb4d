#pragma once
// Planning (app/planning.cpp, app/reports.cpp): the year's targets, the months of the action plan,
// revisions of performance agreements (PK) and the narrative sections of the LKj. Every write
// carries the version it was based on and is refused with ErrorCode::conflict when it is stale.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"

namespace kinerja::app {

// An indicator whose target for a year a planner sets: with this year's target and last year's.
struct TargetRecord {
    std::int64_t indicator_id = 0;
    std::string objective, statement, unit, target_text, previous_target;
    std::int64_t version = 0; // 0: no target for the year yet
};

struct TargetWrite {
    std::int64_t indicator_id = 0;
    std::string target_text, value_canonical, unit;
    std::int64_t expected_version = 0;
};

struct ActionMonthsWrite {
    std::int64_t item_id = 0;
    int months = 0; // bit m-1 = month m
    std::int64_t expected_version = 0;
};

// A narrative section of the LKj as the report uses it: the text of the latest year at or before the
// report's year. `version` is that of this year's row (0: none yet; the text came from `year`).
struct NarrativeRecord {
    std::string section, text;
    int year = 0;
    std::int64_t version = 0;
};

struct NarrativeWrite {
    std::string section, text;
    std::int64_t expected_version = 0; // of this year's row; 0: there must be none yet
};

class PlanningStore {
public:
    virtual ~PlanningStore() = default;

    // Indicators of the office to set targets for in `year`: those with a target this year or last
    // year, or under a Renstra covering the year.
    virtual Result<std::vector<TargetRecord>> target_rows(std::int64_t office_id, int year) = 0;
    // Not found (where = indicator id) for an indicator of another office; conflict when stale.
    virtual Result<int> write_targets(std::int64_t office_id, int year, const std::vector<TargetWrite>& writes,
                                      const std::string& author, const std::string& at) = 0;
    // Not found (where = item id) for an item of another office's action plan; conflict when stale.
    virtual Result<int> write_action_months(std::int64_t office_id, const std::vector<ActionMonthsWrite>& writes,
                                            const std::string& author, const std::string& at) = 0;
    // A new version of an agreement: the latest version's parties, items and budgets copied, the given
    // item targets changed. Conflict when the latest version is not `expected_version`.
    virtual Result<int> add_agreement_revision(std::int64_t agreement_id, int expected_version,
                                               const std::string& reason_code, const std::string& reason,
                                               const std::string& date_iso, const std::string& date_text,
                                               const std::map<std::int64_t, std::string>& targets,
                                               const std::string& author, const std::string& at,
                                               std::int64_t office_id) = 0;

    // LKj narrative sections, by section key. Writes are refused with ErrorCode::conflict (where =
    // section) when this year's row is not at the expected version; an unchanged text is not written.
    virtual Result<std::vector<NarrativeRecord>> narratives(std::int64_t office_id, int year) = 0;
    virtual Result<int> write_narratives(std::int64_t office_id, int year, const std::vector<NarrativeWrite>& writes,
                                         const std::string& author, const std::string& at) = 0;
};

} // namespace kinerja::app
