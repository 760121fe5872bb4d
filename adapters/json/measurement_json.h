#pragma once
// The measurement table as JSON (schema kinerja.measure/1, docs contracts.md), shared by the command
// line and the HTTP API.
#include <string>
#include <vector>

#include "core/checks.h"
#include "core/measurement.h"

namespace kinerja::json {

std::string measurement_to_json(const OfficeYear& data, const Measurement& m, Rounding rounding,
                                const std::vector<Finding>& findings);
std::string findings_to_json(const std::string& satker, int year, const std::vector<Finding>& findings);

} // namespace kinerja::json
