// The three renderers alone, on the renderer tests' sample document (every kind of block, a table over
// several pages, a 50.000-character paragraph, two charts) at 120 and 600 table rows, and XLSX with 21
// tables of 302 rows. These timings were printed by the renderer tests, which checked nothing about them:
// a shared machine's timing is no test, so they are measured here.
#include <benchmark/benchmark.h>
#include <variant>

#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

namespace {
using namespace kinerja;
namespace rpt = app::report;

rpt::Document rows_120() {
    return testing::sample_document();
}
rpt::Document rows_600() {
    return testing::sample_document(false, 600);
}
// The Pengukuran table (block 9) of a 300-row sample 20 times more: a workbook of many large sheets.
rpt::Document tables_21() {
    rpt::Document many = testing::sample_document(false, 300);
    const rpt::Block table = many.blocks.at(9);
    if (!std::holds_alternative<rpt::Table>(table)) return {};
    for (int i = 0; i < 20; ++i)
        many.blocks.push_back(table);
    return many;
}

void BM_Render(benchmark::State& state, const char* format, rpt::Document (*make)()) {
    const rpt::Document doc = make();
    if (doc.blocks.empty()) return state.SkipWithError("block 9 of the sample document is no table");
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto out = report_out::render(doc, format);
        if (!out) return state.SkipWithError(out.error().message.c_str());
        bytes = out->size();
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(BM_Render, docx_120_rows, "docx", rows_120)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, docx_600_rows, "docx", rows_600)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, pdf_120_rows, "pdf", rows_120)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, pdf_600_rows, "pdf", rows_600)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, xlsx_120_rows, "xlsx", rows_120)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, xlsx_600_rows, "xlsx", rows_600)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, xlsx_21_tables_of_302_rows, "xlsx", tables_21)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
