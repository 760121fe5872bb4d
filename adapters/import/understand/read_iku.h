#pragma once
// The parts of the IKU reader (read_iku.cpp) that live in their own files.
#include <boost/json.hpp>

#include "adapters/import/understand/context.h"

namespace kinerja::import {

// Indicator tables in column-aligned text (other agencies' IKU with targets and realization per year,
// Renstra chapters with targets per year): fills renstra["objectives"] with their indicators and
// yearly targets. Returns whether it found any.
bool read_iku_layout(Context& ctx, boost::json::object& renstra);

} // namespace kinerja::import
