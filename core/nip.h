#pragma once
// NIP, the civil-servant ID: 18 digits printed as "19830729 200902 1 004" = birth date (YYYYMMDD),
// start of civil-servant status (YYYYMM), sex (1 male, 2 female), serial (3 digits). domain.md §6.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace kinerja {

struct NipCheck {
    std::string digits;                // the digits alone, when there are 18 of them
    std::optional<Date> birth_date;    // when the first group is a real date
    std::vector<std::string> problems; // Indonesian, empty when valid
    bool valid() const { return problems.empty(); }
};

NipCheck check_nip(std::string_view printed);
// "198307292009021004" -> "19830729 200902 1 004"
std::string format_nip(std::string_view digits);

} // namespace kinerja
