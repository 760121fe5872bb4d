// The national roll-up from SQLite: read every office's year, measure each, average up to provinces
// and the nation. 553 offices × 50 indicators × 12 months = 331.800 actuals; then 2× and 4× the offices.
// Also the start-up check of `serve` on the same files.
#include <benchmark/benchmark.h>
#include <map>
#include <memory>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "app/office_rollup.h"
#include "bench/synthetic_data.h"

namespace {
using namespace kinerja;

const std::string& db_for(int regencies) {
    static std::map<int, std::string> made;
    auto it = made.find(regencies);
    if (it == made.end()) {
        const std::string path = "/tmp/kinerja-bench-national-" + std::to_string(regencies) + ".db";
        bench::make_national_db(path, regencies);
        it = made.emplace(regencies, path).first;
    }
    return it->second;
}

void BM_NationalRollup(benchmark::State& state) {
    const int regencies = static_cast<int>(state.range(0));
    const std::string& path = db_for(regencies);
    std::size_t offices = 0;
    for (auto _ : state) {
        // Reads included: a fresh connection each time, as a command or a request would have.
        auto repo = sqlite::SqliteRepository::open(path, false);
        auto r = app::roll_up_offices(**repo, 2024);
        if (!r) state.SkipWithError(r.error().message.c_str());
        offices = r->scores.size();
        benchmark::DoNotOptimize(r->scores.back().achievement.value);
    }
    state.counters["offices"] = static_cast<double>(offices);
    state.counters["actuals"] = static_cast<double>(offices * 600);
}
BENCHMARK(BM_NationalRollup)->Arg(514)->Arg(1067)->Arg(2173)->Unit(benchmark::kMillisecond)->Iterations(3);

// What `serve` checks before it listens (issue 13, item 5): a write lock taken and released and
// PRAGMA quick_check over the whole national file.
void BM_StartupCheck(benchmark::State& state) {
    const std::string& path = db_for(static_cast<int>(state.range(0)));
    auto repo = sqlite::SqliteRepository::open(path, false);
    for (auto _ : state) {
        auto ok = (*repo)->verify_ready_to_serve();
        if (!ok) state.SkipWithError(ok.error().message.c_str());
    }
}
BENCHMARK(BM_StartupCheck)->Arg(514)->Arg(2173)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
