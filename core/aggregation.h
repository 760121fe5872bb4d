#pragma once
// How monthly actuals make a quarter's or a year's actual (domain.md §2.6): each indicator declares
// its period rule. Quarterly TW I–IV and yearly figures are always derived from monthly entries.
#include <optional>
#include <span>
#include <string_view>

#include "core/error.h"
#include "core/ratio.h"

namespace kinerja {

enum class PeriodRule { cumulative, position, average, maximum, minimum };

struct MonthlyValue {
    int month = 0; // 1..12
    Decimal value;
};

// The actual over months [first, last]: sum, latest entry, mean, max or min of the entries there.
// nullopt when there is no entry in the range.
std::optional<Ratio> aggregate(PeriodRule rule, std::span<const MonthlyValue> values, int first_month, int last_month);

std::string_view period_rule_code(PeriodRule r); // "kumulatif", "posisi", "rata-rata", "maks", "min"
Result<PeriodRule> parse_period_rule(std::string_view code);

} // namespace kinerja
