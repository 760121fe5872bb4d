#include "core/date.h"

#include <array>
#include <cctype>
#include <fmt/format.h>

namespace kinerja {
namespace {
constexpr std::array<const char*, 12> month_names = {"Januari",   "Februari", "Maret",    "April",
                                                     "Mei",       "Juni",     "Juli",     "Agustus",
                                                     "September", "Oktober",  "November", "Desember"};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool to_int(std::string_view s, int& out) {
    if (s.empty() || s.size() > 4) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}
} // namespace

const char* indonesian_month_name(int month) {
    return month >= 1 && month <= 12 ? month_names[month - 1] : "?";
}

bool is_valid_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::string Date::iso() const {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}
std::string Date::indonesian() const {
    return fmt::format("{} {} {}", day, indonesian_month_name(month), year);
}

Result<Date> parse_iso_date(std::string_view t) {
    int y, m, d;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !to_int(t.substr(0, 4), y) || !to_int(t.substr(5, 2), m) ||
        !to_int(t.substr(8, 2), d) || !is_valid_date(y, m, d))
        return fail(ErrorCode::invalid_input, "Tanggal '" + std::string(t) + "' tidak sah (format YYYY-MM-DD)");
    return Date{y, m, d};
}

Result<Date> parse_indonesian_date(std::string_view text) {
    std::string_view s = text;
    if (const auto comma = s.rfind(','); comma != std::string_view::npos) s = s.substr(comma + 1);
    std::array<std::string_view, 3> parts{};
    std::size_t n = 0;
    while (!s.empty()) {
        while (!s.empty() && s.front() == ' ')
            s.remove_prefix(1);
        if (s.empty()) break;
        const auto sp = s.find(' ');
        if (n == 3) return fail(ErrorCode::invalid_input, "Tanggal '" + std::string(text) + "' tidak dikenali");
        parts[n++] = s.substr(0, sp);
        s = sp == std::string_view::npos ? std::string_view{} : s.substr(sp);
    }
    int d, y, m = 0;
    if (n != 3 || !to_int(parts[0], d) || !to_int(parts[2], y))
        return fail(ErrorCode::invalid_input,
                    "Tanggal '" + std::string(text) + "' tidak dikenali (contoh: 25 Januari 2024)");
    for (int i = 0; i < 12; ++i)
        if (iequals(parts[1], month_names[i])) m = i + 1;
    if (m == 0) return fail(ErrorCode::invalid_input, "Nama bulan '" + std::string(parts[1]) + "' tidak dikenali");
    if (!is_valid_date(y, m, d)) return fail(ErrorCode::invalid_input, "Tanggal '" + std::string(text) + "' tidak ada");
    return Date{y, m, d};
}

} // namespace kinerja
