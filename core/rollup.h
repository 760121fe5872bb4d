#pragma once
// Roll-ups (domain.md §2.7, §2.9): indicator achievements to an objective, objectives to an office,
// offices to a province and the nation; budget absorption as Σ actual / Σ ceiling.
#include <optional>
#include <span>
#include <string>

#include "core/ratio.h"
#include "core/rupiah.h"

namespace kinerja {

struct RollupOptions {
    bool weighted = false;      // use RollupItem::weight
    std::optional<Decimal> cap; // e.g. 120: values above count as the cap, in the mean only
};

struct RollupItem {
    std::optional<Ratio> achievement; // an item without achievement is left out and counted as such
    Decimal weight = Decimal::integer(1);
};

struct Rollup {
    std::optional<Ratio> value;
    std::string method; // "mean", "weighted-mean", "mean, cap 120"
    int counted = 0;    // items in the mean
    int left_out = 0;   // items without achievement
};

Rollup rollup(std::span<const RollupItem> items, const RollupOptions& options = {});
// Indonesian description: "rata-rata 3 indikator", "rata-rata tertimbang …, dibatasi 120".
std::string describe_rollup(const Rollup& r, const char* item_noun);

struct BudgetTotal {
    Rupiah ceiling, actual;
    void add(Rupiah c, Rupiah a) {
        ceiling += c;
        actual += a;
    }
};
// Σ actual / Σ ceiling × 100; nullopt when the ceiling is zero.
std::optional<Ratio> absorption(const BudgetTotal& t);

} // namespace kinerja
