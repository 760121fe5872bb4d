#include "bench/synthetic_data.h"

#include <filesystem>
#include <random>
#include <stdexcept>

#include "adapters/db/sqlite/sqlite_repository.h"

namespace kinerja::bench {

long make_national_db(const std::string& path, int regencies) {
    if (std::filesystem::exists(path)) std::filesystem::remove(path);
    auto repo = sqlite::SqliteRepository::open(path, true);
    if (!repo) throw std::runtime_error(repo.error().message);
    auto d = (*repo)->empty_dataset();
    if (!d) throw std::runtime_error(d.error().message);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pct(60, 100), spend(70, 100);
    long actuals = 0;
    auto office = [&](const std::string& code, const char* level, app::Value parent) {
        const std::int64_t id =
            d->add("office", {{"code", code}, {"name", "KPU " + code}, {"level", level}, {"parent_id", parent}});
        for (int o = 1; o <= 5; ++o) {
            const std::int64_t oid =
                d->add("objective",
                       {{"office_id", id}, {"number", std::to_string(o)}, {"name", "Sasaran " + std::to_string(o)}});
            for (int i = 1; i <= 10; ++i) {
                const std::int64_t iid = d->add("indicator", {{"objective_id", oid},
                                                              {"number", std::int64_t{i}},
                                                              {"statement", "Persentase " + std::to_string(i)},
                                                              {"unit", "%"}});
                d->add("indicator_target", {{"indicator_id", iid},
                                            {"year", std::int64_t{2024}},
                                            {"target_text", "90"},
                                            {"value", "90"},
                                            {"unit", "%"}});
                for (int m = 1; m <= 12; ++m) {
                    const std::string v = std::to_string(pct(rng));
                    d->add("actual", {{"indicator_id", iid},
                                      {"year", std::int64_t{2024}},
                                      {"month", std::int64_t{m}},
                                      {"value_text", v},
                                      {"value", v},
                                      {"author", "bench"},
                                      {"recorded_at", "2024-12-31T00:00:00Z"}});
                    ++actuals;
                }
            }
            const std::int64_t ceiling = 1000000000;
            const std::int64_t bid = d->add("budget_line", {{"office_id", id},
                                                            {"objective_id", oid},
                                                            {"year", std::int64_t{2024}},
                                                            {"code", "67" + std::to_string(o)},
                                                            {"name", "Kegiatan"},
                                                            {"ceiling_text", "1.000.000.000"},
                                                            {"ceiling", ceiling}});
            const std::int64_t amount = ceiling / 100 * spend(rng) / 12;
            for (int m = 1; m <= 12; ++m)
                d->add("budget_spending", {{"budget_line_id", bid},
                                           {"month", std::int64_t{m}},
                                           {"amount_text", std::to_string(amount)},
                                           {"amount", amount},
                                           {"author", "bench"},
                                           {"recorded_at", "2024-12-31T00:00:00Z"}});
        }
        return id;
    };
    const std::int64_t nation = office("kpu-ri", "national", {});
    std::vector<std::int64_t> provinces;
    for (int p = 0; p < 38; ++p)
        provinces.push_back(office("prov-" + std::to_string(p), "province", nation));
    for (int r = 0; r < regencies; ++r)
        office("kab-" + std::to_string(r), "regency", provinces[static_cast<std::size_t>(r) % 38]);
    if (auto r = (*repo)->restore(*d, {"bench", "bench", "database", "{}"}); !r)
        throw std::runtime_error(r.error().message);
    return actuals;
}

} // namespace kinerja::bench
