// The importer's understanding step on the real seeds and on a 5 MB text (issue 6: the 120 KB LKj
// under 50 ms, 5 MB under 2 s, memory a small multiple of the input).
#include <benchmark/benchmark.h>
#include <fstream>
#include <string>

#include "adapters/import/understand/understand.h"

namespace {

using kinerja::import::SourceText;

SourceText seed(const std::string& name) {
    SourceText t{name, "text", {}};
    std::ifstream in(std::string(KINERJA_SEEDS_DIR) + "/" + name);
    std::string line;
    while (std::getline(in, line))
        t.lines.push_back(line);
    return t;
}

std::size_t bytes(const SourceText& t) {
    std::size_t n = 0;
    for (const auto& l : t.lines)
        n += l.size() + 1;
    return n;
}

void understand_file(benchmark::State& state, const std::string& name, int copies) {
    const SourceText one = seed(name);
    SourceText text{name, "text", {}};
    for (int i = 0; i < copies; ++i)
        text.lines.insert(text.lines.end(), one.lines.begin(), one.lines.end());
    for (auto _ : state) {
        auto doc = kinerja::import::understand(text, "auto");
        if (!doc) state.SkipWithError(doc.error().message.c_str());
        benchmark::DoNotOptimize(doc);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes(text)));
    state.counters["input_kb"] = static_cast<double>(bytes(text)) / 1024.0;
}

void BM_LkjSeed(benchmark::State& s) {
    understand_file(s, "lkj-2024-kpu-kota-prabumulih.txt", 1);
}
void BM_RenaksiSeed(benchmark::State& s) {
    understand_file(s, "renaksi-2024-kpu-kota-prabumulih.txt", 1);
}
void BM_RktSeed(benchmark::State& s) {
    understand_file(s, "rkt-2024-kpu-kab-oku-selatan.txt", 1);
}
void BM_IkuSeed(benchmark::State& s) {
    understand_file(s, "iku-2020-2024-kpu-kab-mesuji.txt", 1);
}
// 42 copies of the LKj: 5,0 MB.
void BM_Lkj5MB(benchmark::State& s) {
    understand_file(s, "lkj-2024-kpu-kota-prabumulih.txt", 42);
}

BENCHMARK(BM_LkjSeed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenaksiSeed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RktSeed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IkuSeed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lkj5MB)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
