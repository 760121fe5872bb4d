#pragma once
// Exact decimal numbers as the documents print them: 94,44 and 1.234.567. A Decimal is an integer
// mantissa with a decimal scale, so 85/90 never passes through a double.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja {

enum class Rounding { half_up, truncate };

class Decimal {
public:
    static constexpr int max_scale = 9;

    constexpr Decimal() = default;
    constexpr Decimal(std::int64_t mantissa, int scale)
        : m_mantissa(mantissa), m_scale(static_cast<std::int8_t>(scale)) {}
    static constexpr Decimal integer(std::int64_t v) { return Decimal(v, 0); }

    std::int64_t mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool is_zero() const { return m_mantissa == 0; }
    bool is_negative() const { return m_mantissa < 0; }

    // The same value with trailing zeros of the fraction removed (95,50 -> 95,5).
    Decimal normalized() const;
    // The value at exactly `scale` decimals, rounding as asked when digits are dropped.
    Decimal rescaled(int scale, Rounding rounding = Rounding::half_up) const;

    // Canonical form for JSON and storage: dot decimal, no grouping, no trailing zeros ("94.44", "100").
    std::string canonical() const;
    // Indonesian form for people: 1.234.567,89; `decimals` fixes the number of decimals printed.
    std::string indonesian(std::optional<int> decimals = std::nullopt) const;

    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

private:
    std::int64_t m_mantissa = 0;
    std::int8_t m_scale = 0;
};

// Parses the canonical form ("94.44", "-3", "100"); anything else is an error.
Result<Decimal> parse_canonical_decimal(std::string_view text);

// Parses a number printed the Indonesian way: "1.234.567", "94,44", "1.234,5", "95", "-2".
// Reports, never guesses: comma thousands ("822,654,000"), a decimal point ("87.5"),
// bad grouping ("2.57.212.000"), stray characters. The message names the text.
Result<Decimal> parse_indonesian_decimal(std::string_view text);

} // namespace kinerja
