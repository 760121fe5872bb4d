#pragma once
// `kinerja parse --json`: the kinerja.parse/1 view (contracts.md) of an understood document.
// seed/1 keeps numbers as printed; this view adds their values (canonical decimal strings, rupiah as
// integers, null when the text is malformed) and the recomputed achievement beside the printed one.
#include <boost/json.hpp>
#include <vector>

#include "adapters/import/understand/understand.h"
#include "core/checks.h"

namespace kinerja::import {

boost::json::object parse_json(const Understood& doc, const std::vector<Finding>& findings);

// The `findings` form shared by `kinerja check FILE...` and `kinerja check --db`.
boost::json::object finding_json(const Finding& f);

} // namespace kinerja::import
