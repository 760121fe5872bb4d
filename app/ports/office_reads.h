#pragma once
// Reading an office's data as the domain sees it: the office, its year (core/office_year.h) for
// measurement, checks and reports, and every office's measurement inputs for the roll-up.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/office_tree.h"
#include "core/office_year.h"

namespace kinerja::app {

class OfficeReads {
public:
    virtual ~OfficeReads() = default;

    virtual Result<std::optional<OfficeInfo>> find_office(const std::string& code) = 0;
    // Everything stored about the office for the year, read in one snapshot.
    virtual Result<OfficeYear> load_office_year(const OfficeInfo& office, int year) = 0;
    // Years for which the office has targets, actuals or plans, newest first.
    virtual Result<std::vector<int>> office_years(std::int64_t office_id) = 0;
    // For roll-ups over many offices: the office tree, and the measurement inputs (objectives,
    // indicators, actuals, budgets; no documents) of every office for a year.
    virtual Result<std::vector<OfficeNode>> office_tree() = 0;
    virtual Result<std::map<std::int64_t, OfficeYear>> load_all_offices_year(int year) = 0;
    // Raised by every write of data (not of sessions): a page cached at one value is still true.
    virtual Result<std::int64_t> data_generation() = 0;
};

} // namespace kinerja::app
