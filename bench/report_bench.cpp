// Reports: the Prabumulih LKj 2024 (the demo data) end to end — load, check, build, render — in each
// format; and one batch of all three formats for every office of a synthetic national database
// (553 offices), with the resident memory at the start and the end of the batch (it must stay flat).
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/report/renderers.h"
#include "app/reports.h"
#include "bench/synthetic_data.h"

namespace {
using namespace kinerja;

const std::string& demo_db() {
    static const std::string path = [] {
        const std::string p = "/tmp/kinerja-bench-report-demo.db";
        if (access(p.c_str(), F_OK) != 0) {
            const std::string cmd = std::string(KINERJA_BIN) + " demo --db " + p + " >/dev/null";
            if (std::system(cmd.c_str()) != 0) std::abort();
        }
        return p;
    }();
    return path;
}

// Resident memory now, in MB, from /proc/self/status: "RssAnon:" is the heap (what a leak grows),
// "RssFile:" mostly SQLite's memory-mapped database pages, which grow as more offices are read.
double rss_mb(const char* field = "RssAnon:") {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = field;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stod(line.substr(key.size())) / 1024.0;
    return 0;
}

void BM_PrabumulihLkj(benchmark::State& state, const char* format) {
    auto repo = sqlite::SqliteRepository::open(demo_db(), false);
    if (!repo) return state.SkipWithError(repo.error().message.c_str());
    std::size_t bytes = 0, blocks = 0;
    for (auto _ : state) {
        app::ReportRequest request{"lkj", "kpu-kota-prabumulih", 2024, true, "", 0, Rounding::half_up};
        auto prepared = app::prepare_report(**repo, request);
        if (!prepared) return state.SkipWithError(prepared.error().message.c_str());
        auto out = report_out::render(prepared->document, format);
        if (!out) return state.SkipWithError(out.error().message.c_str());
        bytes = out->size();
        blocks = prepared->document.blocks.size();
    }
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["blocks"] = static_cast<double>(blocks);
}
BENCHMARK_CAPTURE(BM_PrabumulihLkj, docx, "docx")->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK_CAPTURE(BM_PrabumulihLkj, pdf, "pdf")->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK_CAPTURE(BM_PrabumulihLkj, xlsx, "xlsx")->Unit(benchmark::kMillisecond)->MinTime(2);

// 553 offices (1 national, 38 provinces, 514 regencies), LKj in DOCX, PDF and XLSX each.
void BM_NationalBatch(benchmark::State& state) {
    const std::string path = "/tmp/kinerja-bench-national-514.db";
    bench::make_national_db(path, 514);
    auto repo = sqlite::SqliteRepository::open(path, false);
    if (!repo) return state.SkipWithError(repo.error().message.c_str());
    auto tree = (*repo)->office_tree();
    if (!tree) return state.SkipWithError(tree.error().message.c_str());
    double rss_after_first = 0, rss_end = 0, file_after_first = 0, file_end = 0;
    std::size_t files = 0, bytes = 0;
    for (auto _ : state) {
        std::size_t n = 0;
        for (const auto& office : *tree) {
            app::ReportRequest request{"lkj", office.code, 2024, true, "", 0, Rounding::half_up};
            auto prepared = app::prepare_report(**repo, request);
            if (!prepared) return state.SkipWithError((office.code + ": " + prepared.error().message).c_str());
            for (const char* format : {"docx", "pdf", "xlsx"}) {
                auto out = report_out::render(prepared->document, format);
                if (!out) return state.SkipWithError(out.error().message.c_str());
                bytes += out->size();
                ++files;
            }
            if (++n == 50) {
                rss_after_first = rss_mb();
                file_after_first = rss_mb("RssFile:");
            }
        }
        rss_end = rss_mb();
        file_end = rss_mb("RssFile:");
    }
    state.counters["offices"] = static_cast<double>(tree->size());
    state.counters["files"] = static_cast<double>(files);
    state.counters["MB_out"] = static_cast<double>(bytes) / 1e6;
    state.counters["heap_MB_at_50"] = rss_after_first;
    state.counters["heap_MB_at_end"] = rss_end;
    state.counters["mapped_MB_at_50"] = file_after_first;
    state.counters["mapped_MB_at_end"] = file_end;
}
BENCHMARK(BM_NationalBatch)->Unit(benchmark::kSecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
