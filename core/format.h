#pragma once
// How figures are printed for people and in JSON, once for the whole program: percentages with two
// decimals and Indonesian separators ("94,44"), the same value canonical for JSON ("94.44"), and one
// text for a value that is not there and one for an achievement that cannot be computed.
#include <optional>
#include <string>
#include <string_view>

#include "core/ratio.h"

namespace kinerja {

inline constexpr std::string_view k_no_value = "-";
inline constexpr std::string_view k_not_computable = "tidak dapat dihitung";

// "94,44"; k_no_value when there is no value.
std::string percent_text(const std::optional<Ratio>& r, Rounding rounding = Rounding::half_up);
// "94.44" (dot decimal, no grouping, as contracts.md wants numbers in JSON); nullopt when there is none.
std::optional<std::string> percent_canonical(const std::optional<Ratio>& r, Rounding rounding = Rounding::half_up);

} // namespace kinerja
