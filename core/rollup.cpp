#include "core/rollup.h"

namespace kinerja {

Rollup rollup(std::span<const RollupItem> items, const RollupOptions& opt) {
    Rollup out;
    out.method = opt.weighted ? "weighted-mean" : "mean";
    if (opt.cap) out.method += ", cap " + opt.cap->canonical();
    std::optional<Ratio> sum = Ratio::integer(0);
    std::optional<Ratio> weights = Ratio::integer(0);
    for (const auto& it : items) {
        if (!it.achievement) {
            ++out.left_out;
            continue;
        }
        Ratio v = *it.achievement;
        if (opt.cap && v > Ratio::of(*opt.cap)) v = Ratio::of(*opt.cap);
        const Ratio w = opt.weighted ? Ratio::of(it.weight) : Ratio::integer(1);
        auto term = v.times(w);
        if (sum && term)
            sum = sum->plus(*term);
        else
            sum.reset();
        if (weights) weights = weights->plus(w);
        ++out.counted;
    }
    if (out.counted == 0 || !sum || !weights || weights->is_zero()) return out;
    out.value = sum->divided_by(*weights);
    return out;
}

std::string describe_rollup(const Rollup& r, const char* noun) {
    std::string s = r.method.starts_with("weighted") ? "rata-rata tertimbang " : "rata-rata ";
    s += std::to_string(r.counted) + " " + noun;
    if (const auto cap = r.method.find("cap "); cap != std::string::npos)
        s += ", tiap capaian dibatasi " + r.method.substr(cap + 4) + "%";
    if (r.left_out > 0) s += " (" + std::to_string(r.left_out) + " " + noun + " tanpa capaian tidak dihitung)";
    return s;
}

std::optional<Ratio> absorption(const BudgetTotal& t) {
    if (t.ceiling.value == 0) return std::nullopt;
    return Ratio(static_cast<Ratio::Int>(t.actual.value) * 100, t.ceiling.value);
}

} // namespace kinerja
