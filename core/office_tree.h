#pragma once
// Roll-ups above one office: a province and its offices, the nation. Each office's own result comes
// from measure(); here they are averaged up the tree, always with the method named.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/rollup.h"

namespace kinerja {

struct OfficeNode {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string code, name, level;
};

struct OfficeScore {
    std::optional<Ratio> achievement; // the office's roll-up of its objectives
    BudgetTotal budget;
    int indicators = 0, indicators_with_actual = 0;
    int months_reported = 0; // bit m-1 set when some indicator has an actual for month m
};

struct TreeScore {
    const OfficeNode* office = nullptr;
    std::optional<OfficeScore> own;  // empty when the office has no data for the year
    Rollup achievement;              // mean of the offices in the subtree (this one included) that have one
    BudgetTotal budget;              // Σ over the subtree
    std::optional<Ratio> absorption; // Σ actual / Σ ceiling over the subtree
    int offices = 0;                 // offices in the subtree
    int offices_reporting = 0;       // of which have at least one actual
};

// Scores for every office, children before parents; `nodes` must form a forest.
std::vector<TreeScore> rollup_tree(std::span<const OfficeNode> nodes,
                                   const std::map<std::int64_t, OfficeScore>& scores);

} // namespace kinerja
