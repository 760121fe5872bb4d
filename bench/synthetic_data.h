#pragma once
// A synthetic national data set: 1 national office, 38 provinces and `regencies` regency offices,
// each with 5 objectives × 10 indicators and 12 monthly actuals, and one budget line per objective.
#include <string>

namespace kinerja::bench {

// Creates the database at `path` unless it exists; returns the number of actual rows.
long make_national_db(const std::string& path, int regencies);

} // namespace kinerja::bench
