#pragma once
// The fiscal year (tahun anggaran) a page, a command or a form is about. Indonesian government years
// run January to December, and "today" is a date in Asia/Jakarta (UTC+7, no daylight saving), not on
// the server's clock: at 06.00 on 1 January in Jakarta it is already the new year.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

// The years Kinerja accepts anywhere (forms, addresses, the command line).
inline constexpr int k_first_year = 2000;
inline constexpr int k_last_year = 2100;

bool valid_year(int year);
// "2024" -> 2024 when it is four digits within the bounds; nullopt otherwise.
std::optional<int> parse_year(std::string_view text);
// What to tell a person who gave `text` as a year.
std::string year_problem(std::string_view text);

// The calendar year and month (1-12) in Asia/Jakarta at a moment (unix seconds).
struct YearMonth {
    int year = 0, month = 0;
};
YearMonth jakarta_year_month(std::int64_t unix_seconds);

// The year to show an office when none is asked: this year when the office has data for it or has
// none at all; otherwise the newest year it has (last year's report still in the making, a demo of
// past data, or only next year's plan so far). `years` are the office's years with data, any order.
int default_year(const std::vector<int>& years, int this_year);
// The month to show in `year`: this month in this year, December of a past year, January of a future one.
int default_month(int year, YearMonth today);

} // namespace kinerja
