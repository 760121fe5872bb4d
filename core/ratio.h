#pragma once
// An exact fraction: what a division of two Decimals is before anyone rounds it. Achievements and
// absorptions are Ratios; they are rounded only when printed, half-up or truncated as the report asks.
#include <compare>
#include <optional>

#include "core/decimal.h"

namespace kinerja {

class Ratio {
public:
    using Int = __int128;

    Ratio() = default;
    // num / den; den must not be zero (callers check: a zero denominator is a domain case, not a bug).
    Ratio(Int num, Int den);
    static Ratio of(const Decimal& d);
    static Ratio integer(long long v) { return Ratio(v, 1); }

    Int num() const { return m_num; }
    Int den() const { return m_den; }
    bool is_zero() const { return m_num == 0; }

    // The value at `decimals` decimals, exactly rounded (half away from zero, or truncated toward zero).
    Decimal round(int decimals, Rounding rounding = Rounding::half_up) const;

    // Exact arithmetic; nullopt when the result does not fit in 128 bits.
    std::optional<Ratio> plus(const Ratio& o) const;
    std::optional<Ratio> times(const Ratio& o) const;
    std::optional<Ratio> divided_by(const Ratio& o) const;
    Ratio reduced() const;

    friend std::strong_ordering operator<=>(const Ratio& a, const Ratio& b);
    friend bool operator==(const Ratio& a, const Ratio& b) { return (a <=> b) == 0; }

private:
    Int m_num = 0;
    Int m_den = 1;
};

// a / b × 100 as an exact ratio; nullopt when b is zero.
std::optional<Ratio> percent_of(const Ratio& a, const Ratio& b);

} // namespace kinerja
