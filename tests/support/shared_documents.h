#pragma once
// The shared reference documents (seed documents of KPU offices in ../shared/seeds, samples of other
// agencies in ../shared/samples) are kept beside the repository, not in it. A test or benchmark that reads
// them skips, naming the folder, in a clone that has none; .ci/run refuses to start without the folder, so
// in CI a skip can never hide a failure. No GoogleTest include: the benchmarks use the function too.
#include <filesystem>
#include <string>

namespace kinerja::testing {

// Empty when `dir` is a folder; otherwise the reason to skip, naming it.
inline std::string missing_shared_folder(const std::string& dir) {
    const std::filesystem::path path = std::filesystem::path(dir).lexically_normal();
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) return {};
    return path.string() + " is absent: the shared reference documents (../shared, beside the repository) are "
                           "not on this machine";
}

} // namespace kinerja::testing

// Skips the current GoogleTest test, from its body or its fixture's SetUp, when the folder `dir` of ../shared
// is absent.
#define KINERJA_SKIP_WITHOUT_SHARED(dir)                                                                               \
    do {                                                                                                               \
        if (const std::string kinerja_missing = ::kinerja::testing::missing_shared_folder(dir);                        \
            !kinerja_missing.empty())                                                                                  \
            GTEST_SKIP() << kinerja_missing;                                                                           \
    } while (false)
