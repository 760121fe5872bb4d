// The loader of kinerja.seed/1 (adapters/json/seed_reader.h) on what the importer writes that the
// hand transcriptions of the seeds never held: an IKU table's indicators with a target and a
// realization per year (renstra.indicators, data/demo/FORMAT.md).
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/json/seed_reader.h"

namespace kinerja::json {
namespace {

const char* k_offices = R"({"schema": "kinerja.offices/1", "offices": [
    {"code": "inspektorat-jabar", "name": "Inspektorat Provinsi Jawa Barat", "level": "province", "parent": null}]})";

const char* k_iku = R"({"schema": "kinerja.seed/1", "source": "iku.txt", "kind": "iku", "year": 2016,
  "office": {"code": "inspektorat-jabar", "name": "Inspektorat Provinsi Jawa Barat"},
  "renstra": {"period_start": 2014, "period_end": 2018, "decree": null, "date_text": null, "place": null,
    "indicators": [
      {"number": "1", "name": "Hasil penilaian EPPD", "baseline": "2,693 poin", "baseline_year": 2013, "line": 54,
       "targets": [{"year": 2015, "target": "2,950", "actual": "2,920", "line": 55},
                   {"year": 2016, "target": "3,000", "actual": "NA", "line": 55},
                   {"year": 2017, "target": "3,150", "actual": null, "line": 55}]},
      {"number": "2", "name": "Persentase temuan yang ditindaklanjuti", "objective": "Meningkatnya tindak lanjut",
       "unit": "%", "line": 60, "targets": [{"year": 2016, "target": "80", "line": 61}]}]}})";

app::Dataset load(const char* document) {
    auto repo = sqlite::SqliteRepository::open(":memory:", true);
    if (!repo) throw std::runtime_error(repo.error().message);
    auto dataset = (*repo)->empty_dataset();
    if (!dataset) throw std::runtime_error(dataset.error().message);
    if (auto r = read_seeds({"offices", k_offices}, {{"iku.txt", document}}, *dataset); !r)
        throw std::runtime_error(r.error().message);
    return std::move(*dataset);
}

std::vector<std::string> column(const app::Dataset& d, std::string_view table, std::string_view name) {
    const app::Table* t = d.find(table);
    const int c = t->column_index(name);
    std::vector<std::string> out;
    for (const auto& row : t->rows) {
        const auto& v = row[static_cast<std::size_t>(c)];
        out.push_back(std::holds_alternative<std::string>(v)    ? std::get<std::string>(v)
                      : std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<std::int64_t>(v))
                                                                : "NULL");
    }
    return out;
}

TEST(SeedReader, RenstraIndicatorsWithYearlyTargetsAndRealizations) {
    const app::Dataset d = load(k_iku);
    // The table names no objective for the first indicator: one objective stands for the table.
    EXPECT_EQ(column(d, "objective", "name"),
              (std::vector<std::string>{"Indikator Kinerja Utama", "Meningkatnya tindak lanjut"}));
    EXPECT_EQ(column(d, "indicator", "statement"),
              (std::vector<std::string>{"Hasil penilaian EPPD", "Persentase temuan yang ditindaklanjuti"}));
    EXPECT_EQ(column(d, "indicator", "unit"), (std::vector<std::string>{"NULL", "%"}));
    EXPECT_EQ(column(d, "indicator_target", "year"), (std::vector<std::string>{"2015", "2016", "2017", "2016"}));
    EXPECT_EQ(column(d, "indicator_target", "target_text"),
              (std::vector<std::string>{"2,950", "3,000", "3,150", "80"}));
    // A realization is that year's December entry as printed; a missing one is no entry at all.
    EXPECT_EQ(column(d, "actual", "year"), (std::vector<std::string>{"2015", "2016"}));
    EXPECT_EQ(column(d, "actual", "value_text"), (std::vector<std::string>{"2,920", "NA"}));
    EXPECT_EQ(column(d, "actual", "month"), (std::vector<std::string>{"12", "12"}));
    EXPECT_EQ(column(d, "actual", "value"), (std::vector<std::string>{"2.92", "NULL"}));
    EXPECT_EQ(column(d, "actual", "recorded_at"),
              (std::vector<std::string>{"2016-01-16T00:00:00Z", "2017-01-16T00:00:00Z"}));
}

// A Renstra chapter's table (sample 11): objectives right under their program, indicators with a
// unit and a target per year.
TEST(SeedReader, RenstraProgramObjectivesWithYearlyTargets) {
    const app::Dataset d = load(R"({"schema": "kinerja.seed/1", "source": "iku.txt", "kind": "renstra", "year": 2017,
      "office": {"code": "inspektorat-jabar", "name": "Inspektorat Provinsi Jawa Barat"},
      "renstra": {"period_start": 2013, "period_end": 2018, "programs": [
        {"number": "1", "name": "Program Pengembangan Budidaya Perikanan", "line": 182, "objectives": [
          {"name": "Meningkatnya produksi perikanan", "line": 182, "indicators": [
            {"name": "peningkatan Produksi Perikanan Budidaya", "unit": "persen", "line": 182,
             "targets": [{"year": 2017, "target": "5", "line": 182}, {"year": 2018, "target": "5,5", "line": 182},
                         {"year": 2018, "target": "6", "line": 190}]}]}]}]}})");
    EXPECT_EQ(column(d, "renstra_item", "kind"), (std::vector<std::string>{"program", "objective"}));
    EXPECT_EQ(column(d, "objective", "name"), (std::vector<std::string>{"Meningkatnya produksi perikanan"}));
    EXPECT_EQ(column(d, "indicator", "unit"), (std::vector<std::string>{"persen"}));
    EXPECT_EQ(column(d, "indicator_target", "year"), (std::vector<std::string>{"2017", "2018"}));
    // The year printed twice in a header: the first target of the year stays.
    EXPECT_EQ(column(d, "indicator_target", "value"), (std::vector<std::string>{"5", "5.5"}));
    EXPECT_TRUE(column(d, "actual", "year").empty()); // a plan: no realization
}

} // namespace
} // namespace kinerja::json
