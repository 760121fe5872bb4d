#pragma once
// Small text helpers the whole program shares, so that each exists once.
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {

// Without the spaces, tabs, carriage returns and line feeds at either end.
std::string_view trim(std::string_view s);
// 1234567 -> "1.234.567": digits grouped by three with a dot, the way Indonesian documents write them.
std::string group_thousands(std::uint64_t n);
// "1234567" -> "1.234.567" for a string of digits (a Decimal's integer part).
std::string group_digits(std::string_view digits, char separator = '.');

} // namespace kinerja
