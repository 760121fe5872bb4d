#include "core/text.h"

namespace kinerja {

std::string_view trim(std::string_view s) {
    constexpr std::string_view blank = " \t\r\n";
    const auto first = s.find_first_not_of(blank);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(blank) - first + 1);
}

std::string group_digits(std::string_view digits, char separator) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    const auto n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out.push_back(separator);
        out.push_back(digits[i]);
    }
    return out;
}

std::string group_thousands(std::uint64_t n) {
    return group_digits(std::to_string(n));
}

} // namespace kinerja
