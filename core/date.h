#pragma once
// Calendar dates as the documents print them ("25 Januari 2024") and as JSON stores them ("2024-01-25").
#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja {

struct Date {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
    std::string iso() const;        // 2024-01-25
    std::string indonesian() const; // 25 Januari 2024
};

bool is_valid_date(int year, int month, int day);
Result<Date> parse_iso_date(std::string_view text);
// "25 Januari 2024", also with a leading "Place, ": "Prabumulih, 25 Januari 2024".
Result<Date> parse_indonesian_date(std::string_view text);
const char* indonesian_month_name(int month); // 1..12

} // namespace kinerja
