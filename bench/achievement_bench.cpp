// The achievement engine on one core: target and actual in, exact achievement and its band out.
#include <benchmark/benchmark.h>
#include <random>
#include <vector>

#include "core/achievement.h"
#include "core/scale.h"

namespace {
using namespace kinerja;

struct Case {
    Ratio target, actual;
};

std::vector<Case> cases() {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> target(50, 100), actual(0, 12000);
    std::vector<Case> v;
    for (int i = 0; i < 4096; ++i)
        v.push_back({Ratio::integer(target(rng)), Ratio(actual(rng), 100)}); // actuals with 2 decimals
    return v;
}

void BM_AchievementHigherIsBetter(benchmark::State& state) {
    const auto v = cases();
    const AchievementRule rule;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& c = v[i++ & 4095];
        benchmark::DoNotOptimize(achievement_numeric(rule, c.target, c.actual));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_AchievementHigherIsBetter);

void BM_AchievementLowerIsBetterLan(benchmark::State& state) {
    const auto v = cases();
    AchievementRule rule;
    rule.polarity = Polarity::lower_is_better;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& c = v[i++ & 4095];
        benchmark::DoNotOptimize(achievement_numeric(rule, c.target, c.actual));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_AchievementLowerIsBetterLan);

// What a report prints per indicator: the achievement rounded to 2 decimals and its LAN band.
void BM_AchievementRoundedWithBand(benchmark::State& state) {
    const auto v = cases();
    const AchievementRule rule;
    const Scale& scale = lan_scale();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& c = v[i++ & 4095];
        const Achievement a = achievement_numeric(rule, c.target, c.actual);
        benchmark::DoNotOptimize(a.percent->round(2));
        benchmark::DoNotOptimize(scale.band_of(*a.percent));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_AchievementRoundedWithBand);

} // namespace

BENCHMARK_MAIN();
