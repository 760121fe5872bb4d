#pragma once
// Money in whole rupiah. No fractions, no doubles: 20.518.557.000 is an int64.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja {

struct Rupiah {
    std::int64_t value = 0;
    friend auto operator<=>(const Rupiah&, const Rupiah&) = default;
    Rupiah operator+(Rupiah o) const { return {value + o.value}; }
    Rupiah& operator+=(Rupiah o) {
        value += o.value;
        return *this;
    }
};

// "Rp 822.654.000", "822.654.000", "4.000", "0". Comma thousands, decimal points, bad grouping
// and fractions of a rupiah are reported, never guessed.
Result<Rupiah> parse_rupiah(std::string_view text);

// 1.234.567 (no "Rp"); with_prefix gives "Rp 1.234.567".
std::string format_rupiah(Rupiah r, bool with_prefix = false);

} // namespace kinerja
