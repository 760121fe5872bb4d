#include "core/decimal.h"
#include "core/text.h"

#include <cstdlib>
#include <vector>

namespace kinerja {
namespace {

constexpr std::int64_t pow10_i64(int n) {
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

Result<Decimal> from_parts(bool negative, std::string_view int_digits, std::string_view frac_digits,
                           std::string_view original) {
    if (int_digits.size() + frac_digits.size() > 18)
        return fail(ErrorCode::invalid_input, "Angka '" + std::string(original) + "' terlalu besar");
    if (static_cast<int>(frac_digits.size()) > Decimal::max_scale)
        return fail(ErrorCode::invalid_input,
                    "Angka '" + std::string(original) + "' memiliki lebih dari 9 angka di belakang koma");
    std::int64_t m = 0;
    for (char c : int_digits)
        m = m * 10 + (c - '0');
    for (char c : frac_digits)
        m = m * 10 + (c - '0');
    return Decimal(negative ? -m : m, static_cast<int>(frac_digits.size()));
}

} // namespace

Decimal Decimal::normalized() const {
    std::int64_t m = m_mantissa;
    int s = m_scale;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    return Decimal(m, s);
}

Decimal Decimal::rescaled(int scale, Rounding rounding) const {
    if (scale >= m_scale) return Decimal(m_mantissa * pow10_i64(scale - m_scale), scale);
    const std::int64_t div = pow10_i64(m_scale - scale);
    std::int64_t q = m_mantissa / div;
    const std::int64_t r = m_mantissa % div;
    if (rounding == Rounding::half_up && std::llabs(r) * 2 >= div) q += (m_mantissa < 0 ? -1 : 1);
    return Decimal(q, scale);
}

std::string Decimal::canonical() const {
    const Decimal n = normalized();
    const bool neg = n.m_mantissa < 0;
    const std::uint64_t mag =
        neg ? 0 - static_cast<std::uint64_t>(n.m_mantissa) : static_cast<std::uint64_t>(n.m_mantissa);
    std::string digits = std::to_string(mag);
    if (n.m_scale > 0) {
        if (static_cast<int>(digits.size()) <= n.m_scale) digits.insert(0, n.m_scale - digits.size() + 1, '0');
        digits.insert(digits.size() - n.m_scale, 1, '.');
    }
    return neg ? "-" + digits : digits;
}

std::string Decimal::indonesian(std::optional<int> decimals) const {
    const Decimal v = decimals ? rescaled(*decimals) : normalized();
    const bool neg = v.m_mantissa < 0;
    const std::uint64_t mag =
        neg ? 0 - static_cast<std::uint64_t>(v.m_mantissa) : static_cast<std::uint64_t>(v.m_mantissa);
    std::string digits = std::to_string(mag);
    if (static_cast<int>(digits.size()) <= v.m_scale) digits.insert(0, v.m_scale - digits.size() + 1, '0');
    const std::string int_part = digits.substr(0, digits.size() - v.m_scale);
    std::string out = group_digits(int_part);
    if (v.m_scale > 0) out += "," + digits.substr(digits.size() - v.m_scale);
    return neg ? "-" + out : out;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    const int s = a.m_scale > b.m_scale ? a.m_scale : b.m_scale;
    const __int128 x = static_cast<__int128>(a.m_mantissa) * pow10_i64(s - a.m_scale);
    const __int128 y = static_cast<__int128>(b.m_mantissa) * pow10_i64(s - b.m_scale);
    return x < y ? std::strong_ordering::less : (x > y ? std::strong_ordering::greater : std::strong_ordering::equal);
}

Result<Decimal> parse_canonical_decimal(std::string_view text) {
    std::string_view s = text;
    bool neg = false;
    if (!s.empty() && s.front() == '-') {
        neg = true;
        s.remove_prefix(1);
    }
    const auto dot = s.find('.');
    const std::string_view int_part = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    auto all_digits = [](std::string_view d) {
        for (char c : d)
            if (!is_digit(c)) return false;
        return true;
    };
    if (int_part.empty() || !all_digits(int_part) || !all_digits(frac) ||
        (dot != std::string_view::npos && frac.empty()))
        return fail(ErrorCode::invalid_input, "Bukan angka kanonik: '" + std::string(text) + "'");
    return from_parts(neg, int_part, frac, text);
}

Result<Decimal> parse_indonesian_decimal(std::string_view text) {
    const std::string original(text);
    std::string_view s = trim(text);
    if (s.empty()) return fail(ErrorCode::invalid_input, "Angka kosong");
    bool neg = false;
    if (s.front() == '-' || s.front() == '+') {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    int commas = 0, dots = 0;
    for (char c : s) {
        if (c == ',')
            ++commas;
        else if (c == '.')
            ++dots;
        else if (!is_digit(c))
            return fail(ErrorCode::invalid_input, "Angka '" + original + "' memuat karakter yang tidak sah");
    }
    if (commas > 1)
        return fail(ErrorCode::invalid_input,
                    "Angka '" + original + "' memakai koma sebagai pemisah ribuan; tulis dengan titik (1.234.567)");
    const auto comma = s.find(',');
    const std::string_view int_part = s.substr(0, comma);
    const std::string_view frac = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
    if (int_part.empty() || (comma != std::string_view::npos && frac.empty()))
        return fail(ErrorCode::invalid_input, "Angka '" + original + "' tidak lengkap");
    if (frac.find('.') != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "Angka '" + original + "' memuat titik setelah koma desimal");

    std::string digits;
    if (dots == 0) {
        digits = int_part;
    } else {
        // Thousands groups: 1-3 digits, then groups of exactly three.
        std::size_t start = 0;
        bool first = true, ok = true;
        std::vector<std::string_view> groups;
        while (true) {
            const auto dot = int_part.find('.', start);
            const std::string_view g =
                int_part.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
            groups.push_back(g);
            if (g.empty() || (first ? g.size() > 3 : g.size() != 3)) ok = false;
            first = false;
            if (dot == std::string_view::npos) break;
            start = dot + 1;
        }
        if (!ok) {
            if (dots == 1 && commas == 0 && !groups.back().empty() && groups.back().size() != 3)
                return fail(ErrorCode::invalid_input,
                            "Angka '" + original + "' memakai titik sebagai tanda desimal; tulis dengan koma (" +
                                std::string(groups[0]) + "," + std::string(groups.back()) + ")");
            return fail(ErrorCode::invalid_input, "Angka '" + original + "' salah pengelompokan ribuan");
        }
        for (auto g : groups)
            digits += g;
    }
    return from_parts(neg, digits, frac, original);
}

} // namespace kinerja
