#pragma once
// Reporting periods of a fiscal year (= calendar year): months B1–B12, quarters TW I–IV,
// semesters, the year. Quarterly and yearly figures are always derived from monthly entries.
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja {

enum class PeriodKind { month, quarter, semester, year };

struct Period {
    PeriodKind kind = PeriodKind::year;
    int index = 1; // month 1..12, quarter 1..4, semester 1..2, year: 1

    int first_month() const;
    int last_month() const;
    bool contains(int month) const { return month >= first_month() && month <= last_month(); }
    std::string code() const; // "B3", "TW II", "S1", "Tahunan"
    friend bool operator==(const Period&, const Period&) = default;
};

// "B1".."B12", "TW I".."TW IV" (also "TW1", "TW 2"), "S1"/"S2" ("Semester I"), "Tahunan"/"Y".
Result<Period> parse_period(std::string_view text);
Period month_period(int month);

} // namespace kinerja
