#pragma once
// What measure() needs of a year: objectives, indicators with their targets and actuals, budget lines
// with their spending. Read for one office (kinerja measure, the web pages) or for every office at
// once (the national roll-up reads everything in a handful of queries).
#include <cstdint>
#include <map>
#include <optional>

#include "adapters/db/sqlite/sqlite_db.h"
#include "core/office_year.h"

namespace kinerja::sqlite {

// Fills `by_office` (office id -> its year) with the year's inputs of `office`, or of every office.
// Throws on a database error; the caller holds the read snapshot.
void load_measurement_inputs(Connection& conn, int year, std::optional<std::int64_t> office,
                             std::map<std::int64_t, OfficeYear>& by_office);

} // namespace kinerja::sqlite
