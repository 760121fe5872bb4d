#pragma once
// Use case: every office's achievement and absorption for a year, rolled up to provinces and the
// nation. Reads the whole year in a handful of queries, then measures each office as `measure` does.
#include <vector>

#include "app/ports/office_reads.h"
#include "core/office_tree.h"

namespace kinerja::app {

struct OfficeRollup {
    std::vector<OfficeNode> nodes; // owns the offices the scores point to
    std::vector<TreeScore> scores; // children before parents
};

// Needs only the office reads of the store (a fake of app::OfficeReads is enough to test it).
Result<OfficeRollup> roll_up_offices(OfficeReads& repo, int year);

} // namespace kinerja::app
