#include "core/aggregation.h"

namespace kinerja {

std::optional<Ratio> aggregate(PeriodRule rule, std::span<const MonthlyValue> values, int first, int last) {
    std::optional<Ratio> acc;
    int latest_month = 0, count = 0;
    for (const auto& v : values) {
        if (v.month < first || v.month > last) continue;
        const Ratio x = Ratio::of(v.value);
        ++count;
        if (!acc) {
            acc = x;
            latest_month = v.month;
            continue;
        }
        switch (rule) {
        case PeriodRule::cumulative:
        case PeriodRule::average:
            acc = acc->plus(x);
            break;
        case PeriodRule::position:
            if (v.month >= latest_month) {
                acc = x;
                latest_month = v.month;
            }
            break;
        case PeriodRule::maximum:
            if (x > *acc) acc = x;
            break;
        case PeriodRule::minimum:
            if (x < *acc) acc = x;
            break;
        }
        if (!acc) return std::nullopt; // overflow: no honest answer
    }
    if (acc && rule == PeriodRule::average) return acc->divided_by(Ratio::integer(count));
    return acc;
}

std::string_view period_rule_code(PeriodRule r) {
    switch (r) {
    case PeriodRule::cumulative:
        return "kumulatif";
    case PeriodRule::position:
        return "posisi";
    case PeriodRule::average:
        return "rata-rata";
    case PeriodRule::maximum:
        return "maks";
    case PeriodRule::minimum:
        return "min";
    }
    return "?";
}

Result<PeriodRule> parse_period_rule(std::string_view c) {
    if (c == "kumulatif") return PeriodRule::cumulative;
    if (c == "posisi") return PeriodRule::position;
    if (c == "rata-rata") return PeriodRule::average;
    if (c == "maks") return PeriodRule::maximum;
    if (c == "min") return PeriodRule::minimum;
    return fail(ErrorCode::invalid_input,
                "Aturan periode '" + std::string(c) + "' tidak dikenal (kumulatif, posisi, rata-rata, maks, min)");
}

} // namespace kinerja
