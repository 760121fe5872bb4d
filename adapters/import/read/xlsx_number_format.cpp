#include "adapters/import/read/xlsx_number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/date.h"

namespace kinerja::import::read {
namespace {

// 0.<digits> x 10^point: the number as its decimal text, without leading or trailing zeros.
struct Decimal {
    bool negative = false;
    std::string digits; // empty is zero
    long point = 0;
};

void normalize(Decimal& d) {
    const std::size_t lead = d.digits.find_first_not_of('0');
    if (lead == std::string::npos) {
        d.digits.clear();
        d.point = 0;
        return;
    }
    d.digits.erase(0, lead);
    d.point -= static_cast<long>(lead);
    d.digits.erase(d.digits.find_last_not_of('0') + 1);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<Decimal> parse_decimal(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    Decimal d;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.negative = s[i++] == '-';
    std::size_t int_digits = 0;
    for (; i < s.size() && is_digit(s[i]); ++i, ++int_digits)
        d.digits.push_back(s[i]);
    std::size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && is_digit(s[i]); ++i, ++frac_digits)
            d.digits.push_back(s[i]);
    if (int_digits + frac_digits == 0) return std::nullopt;
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negative_exp = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative_exp = s[i++] == '-';
        const std::size_t start = i;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            // Doubles end at E+308; a longer exponent is not a number a cell can hold.
            if (i - start >= 4) return std::nullopt;
            exponent = exponent * 10 + (s[i] - '0');
        }
        if (i == start) return std::nullopt;
        if (negative_exp) exponent = -exponent;
    }
    if (i != s.size()) return std::nullopt;
    d.point = static_cast<long>(int_digits) + exponent;
    normalize(d);
    return d;
}

// Keeps `keep` leading digits, rounding half up (away from zero: the sign is apart).
void round_digits(Decimal& d, long keep) {
    if (keep >= static_cast<long>(d.digits.size())) return;
    if (keep < 0) {
        d.digits.clear();
        d.point = 0;
        return;
    }
    const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
    d.digits.resize(static_cast<std::size_t>(keep));
    if (up) {
        long i = keep - 1;
        while (i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9')
            d.digits[static_cast<std::size_t>(i--)] = '0';
        if (i < 0) {
            d.digits.insert(d.digits.begin(), '1');
            ++d.point;
        } else {
            ++d.digits[static_cast<std::size_t>(i)];
        }
    }
    normalize(d);
}

std::string group_thousands(const std::string& digits) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return out;
}

std::string render(const Decimal& d, int min_decimals, int min_int_digits, bool grouping, std::string_view suffix) {
    const long len = static_cast<long>(d.digits.size());
    std::string integer;
    if (d.point > 0) {
        integer = d.digits.substr(0, static_cast<std::size_t>(std::min(d.point, len)));
        if (d.point > len) integer.append(static_cast<std::size_t>(d.point - len), '0');
    }
    if (integer.size() < static_cast<std::size_t>(std::max(min_int_digits, 1)))
        integer.insert(0, static_cast<std::size_t>(std::max(min_int_digits, 1)) - integer.size(), '0');
    std::string fraction;
    if (d.point < 0) fraction.assign(static_cast<std::size_t>(-d.point), '0');
    if (d.point < len) fraction += d.digits.substr(static_cast<std::size_t>(std::max(d.point, 0L)));
    if (fraction.size() < static_cast<std::size_t>(min_decimals))
        fraction.append(static_cast<std::size_t>(min_decimals) - fraction.size(), '0');

    std::string out;
    if (d.negative && !d.digits.empty()) out.push_back('-');
    out += grouping ? group_thousands(integer) : integer;
    if (!fraction.empty()) out += "," + fraction;
    out += suffix;
    return out;
}

// 1,5E+30: what Excel shows for numbers too long to write out.
std::string render_scientific(Decimal d, std::string_view suffix) {
    round_digits(d, 15);
    std::string out;
    if (d.negative && !d.digits.empty()) out.push_back('-');
    out.push_back(d.digits.empty() ? '0' : d.digits[0]);
    if (d.digits.size() > 1) out += "," + d.digits.substr(1);
    const long exponent = d.digits.empty() ? 0 : d.point - 1;
    out += fmt::format("E{}{:02}", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    out += suffix;
    return out;
}

std::string format_decimal(Decimal d, const CellFormat& f) {
    const bool percent = f.kind == CellFormat::Kind::percent;
    const std::string_view suffix = percent ? "%" : "";
    if (percent && !d.digits.empty()) d.point += 2;
    if (!d.digits.empty() && (d.point > 21 || d.point < -19)) return render_scientific(std::move(d), suffix);
    if (f.kind == CellFormat::Kind::number || percent) {
        round_digits(d, d.point + f.max_decimals);
        return render(d, f.min_decimals, f.min_int_digits, f.grouping, suffix);
    }
    // General: Excel keeps 15 significant digits, which also drops the binary noise of computed
    // values (0.30000000000000004 is 0,3).
    // Grouped from five integer digits on: amounts read as the documents write them
    // (20.518.557.000) while years and four-digit counts stay as they are (2024).
    round_digits(d, 15);
    return render(d, 0, 0, d.point > 4, suffix);
}

std::string two(int v) {
    return fmt::format("{:02}", v);
}

std::string format_date_time(std::string_view value, const CellFormat& f, bool date1904, const Decimal& d) {
    double serial = 0;
    std::string_view v = value;
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    if (!v.empty() && v.front() == '+') v.remove_prefix(1);
    const auto r = std::from_chars(v.data(), v.data() + v.size(), serial);
    const bool has_date = f.kind != CellFormat::Kind::time;
    // Past 31 December 9999, negative, or (for a date) before 1 January 1900: Excel prints ####;
    // the number is more use to a reader than that.
    if (r.ec != std::errc{} || !std::isfinite(serial) || serial < 0 || serial > 2958466.0 || (has_date && serial < 1.0))
        return format_decimal(d, CellFormat{});
    long days = static_cast<long>(std::floor(serial));
    long seconds = std::lround((serial - static_cast<double>(days)) * 86400.0);
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }

    std::string time;
    if (f.kind != CellFormat::Kind::date) {
        const long hours = f.elapsed ? days * 24 + seconds / 3600 : seconds / 3600;
        time = fmt::format("{}:{}", two(static_cast<int>(hours)), two(static_cast<int>(seconds / 60 % 60)));
        if (f.seconds) time += ":" + two(static_cast<int>(seconds % 60));
        if (f.kind == CellFormat::Kind::time) return time;
    }

    Date date;
    if (!date1904 && days == 60) {
        date = Date{1900, 2, 29}; // Lotus 1-2-3's leap day, kept by Excel
    } else {
        // Days since 1970-01-01 of serial day 0 (1899-12-31, then 1899-12-30 past the false leap day;
        // 1904-01-01 in the 1904 system), then the civil date (H. Hinnant's algorithm).
        const long epoch = date1904 ? -24107 : (days < 60 ? -25568 : -25569);
        long z = days + epoch + 719468;
        const long era = (z >= 0 ? z : z - 146096) / 146097;
        const long doe = z - era * 146097;
        const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const long mp = (5 * doy + 2) / 153;
        const long day = doy - (153 * mp + 2) / 5 + 1;
        const long month = mp < 10 ? mp + 3 : mp - 9;
        const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        date = Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
    }
    if (date.year > 9999) return format_decimal(d, CellFormat{});
    std::string out = date.indonesian();
    if (f.kind == CellFormat::Kind::datetime) out += " " + time;
    return out;
}

constexpr int max_placeholders = 30;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

CellFormat classify_format(std::string_view code) {
    // The first section (positive numbers) decides; literal text, escapes, fills, paddings, colours
    // and locale tags are removed first. [h], [m], [s] are elapsed time and stay as letters.
    std::string s;
    bool elapsed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            const std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos) break;
            const std::string_view inner = code.substr(i + 1, end - i - 1);
            if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos) {
                elapsed = true;
                s += inner;
            }
            i = end;
        } else {
            s.push_back(lower(c));
        }
    }

    CellFormat f;
    if (s.find("general") != std::string::npos) return f;
    for (const std::string_view ampm : {"am/pm", "a/p"})
        if (const std::size_t at = s.find(ampm); at != std::string::npos) s.erase(at, ampm.size());

    const bool has_y = s.find('y') != std::string::npos;
    const bool has_d = s.find('d') != std::string::npos;
    const bool has_m = s.find('m') != std::string::npos;
    const bool has_h = s.find('h') != std::string::npos;
    const bool has_s = s.find('s') != std::string::npos;
    const bool has_e_sci = s.find("e+") != std::string::npos || s.find("e-") != std::string::npos;
    if (!has_e_sci && (has_y || has_d || (has_m && !has_h && !has_s))) {
        f.kind = has_h || has_s ? CellFormat::Kind::datetime : CellFormat::Kind::date;
        f.seconds = has_s;
        return f;
    }
    if (!has_e_sci && (has_h || has_s || (has_m && elapsed))) {
        f.kind = CellFormat::Kind::time;
        f.seconds = has_s;
        f.elapsed = elapsed;
        return f;
    }
    if (has_e_sci) return f; // scientific: written out like General
    const bool placeholders = s.find_first_of("0#?") != std::string::npos;
    if (!placeholders) {
        if (s.find('@') != std::string::npos) f.kind = CellFormat::Kind::text;
        return f;
    }

    f.kind = s.find('%') != std::string::npos ? CellFormat::Kind::percent : CellFormat::Kind::number;
    const std::size_t point = s.find('.');
    const std::string_view int_part = std::string_view(s).substr(0, point);
    f.min_int_digits = static_cast<int>(std::count(int_part.begin(), int_part.end(), '0'));
    // A comma between placeholders groups thousands (a trailing one scales by 1000: not followed).
    for (std::size_t i = 0; i + 1 < int_part.size(); ++i)
        if (int_part[i] == ',' && std::string_view("0#?").find(int_part[i + 1]) != std::string_view::npos)
            f.grouping = true;
    if (point != std::string::npos)
        for (std::size_t i = point + 1; i < s.size() && std::string_view("0#?").find(s[i]) != std::string_view::npos;
             ++i) {
            ++f.max_decimals;
            if (s[i] == '0') f.min_decimals = f.max_decimals;
        }
    // Excel shows at most 30 decimals; a longer run of placeholders only makes long lines.
    f.min_decimals = std::min(f.min_decimals, max_placeholders);
    f.max_decimals = std::min(f.max_decimals, max_placeholders);
    f.min_int_digits = std::min(f.min_int_digits, max_placeholders);
    return f;
}

CellFormat builtin_format(int id) {
    switch (id) {
    case 1:
        return classify_format("0");
    case 2:
        return classify_format("0.00");
    case 3:
        return classify_format("#,##0");
    case 4:
        return classify_format("#,##0.00");
    case 9:
        return classify_format("0%");
    case 10:
        return classify_format("0.00%");
    case 14:
        return classify_format("mm-dd-yy");
    case 15:
        return classify_format("d-mmm-yy");
    case 16:
        return classify_format("d-mmm");
    case 17:
        return classify_format("mmm-yy");
    case 18:
        return classify_format("h:mm AM/PM");
    case 19:
        return classify_format("h:mm:ss AM/PM");
    case 20:
        return classify_format("h:mm");
    case 21:
        return classify_format("h:mm:ss");
    case 22:
        return classify_format("m/d/yy h:mm");
    case 37:
    case 38:
        return classify_format("#,##0 ;(#,##0)");
    case 39:
    case 40:
        return classify_format("#,##0.00;(#,##0.00)");
    case 45:
        return classify_format("mm:ss");
    case 46:
        return classify_format("[h]:mm:ss");
    case 47:
        return classify_format("mm:ss");
    case 49:
        return classify_format("@");
    default:
        // 27..36 and 50..58 are the East Asian date formats.
        if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return classify_format("yyyy-mm-dd");
        return {};
    }
}

std::string format_number(std::string_view value, const CellFormat& format, bool date1904) {
    const std::optional<Decimal> d = parse_decimal(value);
    if (!d) return std::string(value);
    switch (format.kind) {
    case CellFormat::Kind::date:
    case CellFormat::Kind::time:
    case CellFormat::Kind::datetime:
        return format_date_time(value, format, date1904, *d);
    default:
        return format_decimal(*d, format);
    }
}

} // namespace kinerja::import::read
