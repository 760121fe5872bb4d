#pragma once
// A target or an actual as written ("95%", "36,36% (4 satker)", "5 keg", "WTP", "minimal CC",
// "80–90%") and what it means: a number with its unit, a range, or a label on an ordinal scale.
#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/error.h"

namespace kinerja {

enum class QuantityKind { missing, numeric, range, ordinal };

struct Quantity {
    std::string text; // as written
    QuantityKind kind = QuantityKind::missing;
    std::optional<Decimal> value;                  // numeric
    std::optional<Decimal> low, high;              // range
    std::string unit;                              // "%", "keg", "satker", "kali", "Lap", "" when none
    std::optional<Decimal> numerator, denominator; // "36,36% (4 satker)": numerator 4 (unit in count_unit)
    std::string count_unit;                        // "satker" in the example above
    std::string label;                             // ordinal: "WTP", "CC"
    bool at_least = false;                         // "minimal CC"

    static Quantity number(Decimal v, std::string unit = {});
    bool is_percent() const { return unit == "%"; }
};

// Reads what a person wrote in a target or actual cell. `default_unit` is the unit a column
// header gives ("Target (%)"). A malformed number is an error that names the text.
Result<Quantity> parse_quantity(std::string_view text, std::string_view default_unit = {});

} // namespace kinerja
