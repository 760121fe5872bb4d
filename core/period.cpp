#include "core/period.h"

#include <array>

namespace kinerja {
namespace {
constexpr std::array<const char*, 4> roman = {"I", "II", "III", "IV"};

int parse_small(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    for (int i = 0; i < 4; ++i)
        if (s == roman[i]) return i + 1;
    if (s.empty() || s.size() > 2) return 0;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}
} // namespace

int Period::first_month() const {
    switch (kind) {
    case PeriodKind::month:
        return index;
    case PeriodKind::quarter:
        return index * 3 - 2;
    case PeriodKind::semester:
        return index * 6 - 5;
    case PeriodKind::year:
        return 1;
    }
    return 1;
}

int Period::last_month() const {
    switch (kind) {
    case PeriodKind::month:
        return index;
    case PeriodKind::quarter:
        return index * 3;
    case PeriodKind::semester:
        return index * 6;
    case PeriodKind::year:
        return 12;
    }
    return 12;
}

std::string Period::code() const {
    switch (kind) {
    case PeriodKind::month:
        return "B" + std::to_string(index);
    case PeriodKind::quarter:
        return std::string("TW ") + roman[index - 1];
    case PeriodKind::semester:
        return "S" + std::to_string(index);
    case PeriodKind::year:
        return "Tahunan";
    }
    return "?";
}

Period month_period(int month) {
    return Period{PeriodKind::month, month};
}

Result<Period> parse_period(std::string_view written) {
    std::string_view t = written;
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ')
        t.remove_suffix(1);
    auto bad = [&] {
        return fail(ErrorCode::invalid_input,
                    "Periode '" + std::string(written) + "' tidak dikenali (B1–B12, TW I–TW IV, S1, S2 atau Tahunan)");
    };
    if (t == "Tahunan" || t == "Y" || t == "tahunan") return Period{PeriodKind::year, 1};
    if (t.size() >= 2 && (t[0] == 'B' || t[0] == 'b')) {
        const int m = parse_small(t.substr(1));
        if (m >= 1 && m <= 12 && t.substr(1).find_first_not_of("0123456789") == std::string_view::npos)
            return Period{PeriodKind::month, m};
        return bad();
    }
    if (t.starts_with("TW")) {
        const int q = parse_small(t.substr(2));
        if (q >= 1 && q <= 4) return Period{PeriodKind::quarter, q};
        return bad();
    }
    if (t.starts_with("Semester"))
        t = t.substr(8);
    else if (t.starts_with("S"))
        t = t.substr(1);
    else
        return bad();
    const int s = parse_small(t);
    if (s >= 1 && s <= 2) return Period{PeriodKind::semester, s};
    return bad();
}

} // namespace kinerja
