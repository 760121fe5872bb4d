#include "core/fiscal_year.h"

#include <algorithm>

#include "core/messages.h"

namespace kinerja {

bool valid_year(int year) {
    return year >= k_first_year && year <= k_last_year;
}

std::optional<int> parse_year(std::string_view text) {
    if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    return valid_year(year) ? std::optional<int>(year) : std::nullopt;
}

std::string year_problem(std::string_view text) {
    return message(Msg::year_invalid, {{"year", std::string(text)},
                                       {"first", std::to_string(k_first_year)},
                                       {"last", std::to_string(k_last_year)},
                                       {"example", "2024"}});
}

YearMonth jakarta_year_month(std::int64_t unix_seconds) {
    // Days since 1970-01-01 in Jakarta, then the civil date (Howard Hinnant's days_from_civil inverse).
    constexpr std::int64_t jakarta_offset = 7 * 3600;
    const std::int64_t seconds = unix_seconds + jakarta_offset;
    std::int64_t days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month};
}

int default_year(const std::vector<int>& years, int this_year) {
    if (years.empty() || std::find(years.begin(), years.end(), this_year) != years.end()) return this_year;
    return *std::max_element(years.begin(), years.end());
}

int default_month(int year, YearMonth today) {
    if (year == today.year) return today.month;
    return year < today.year ? 12 : 1;
}

} // namespace kinerja
