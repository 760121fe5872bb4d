#pragma once
// The monthly actuals page, shared by its GET and by the forms that come back to it with what the
// user typed (monthly.cpp, evidence.cpp).
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "adapters/web/context.h"

namespace kinerja::web::pages {

struct MonthForm {
    int status = 200;
    std::map<std::int64_t, std::pair<std::string, std::string>> typed; // indicator -> value, note as typed
    std::map<std::int64_t, std::string> problems;                      // indicator -> what is wrong
    std::string error, saved, correction;
};

Response monthly_page(RequestContext& c, int year, int month, const MonthForm& form = {});

} // namespace kinerja::web::pages
