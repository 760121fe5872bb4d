// Round trips (issue 6, "Tests"): a seed document is imported into a fresh database, the report of its
// kind is written by `kinerja report`, and `kinerja parse` reads that report back. The report must give
// back what the seed gave: its kind, office and year, and item by item the same objectives, indicator
// statements and targets (value and unit: "95" under a "(%)" header and "95%" are the same target); for the LKj also
// the actuals and the budget pairs; for the PK the agreements' indicators and budget lines. A failure lists every item
// that differs.
//
// Every kind holds in every format: DOCX and XLSX tables come back as tabbed rows, PDF tables as
// column-aligned text that layout_table.h turns into tabbed rows.
#include <algorithm>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

#include "tests/integration/test_support.h"
#include "tests/support/shared_documents.h"

namespace kinerja::test {
namespace {

namespace bj = boost::json;

struct Seed {
    std::string file;   // in KINERJA_SEEDS_DIR
    std::string satker; // the office it is imported into
    std::string agency; // the office's name as parse gives it
};

const Seed k_lkj{"lkj-2024-kpu-kota-prabumulih.txt", "kpu-kota-prabumulih", "KPU Kota Prabumulih"};
const Seed k_renaksi{"renaksi-2024-kpu-kota-prabumulih.txt", "kpu-kota-prabumulih", "KPU Kota Prabumulih"};
const Seed k_rkt_regency{"rkt-2024-kpu-kab-oku-selatan.txt", "kpu-kab-oku-selatan", "KPU Kabupaten OKU Selatan"};
const Seed k_rkt_province{"rkt-2024-kpu-prov-kalimantan-timur.txt", "kpu-prov-kalimantan-timur",
                          "KPU Provinsi Kalimantan Timur"};

std::string seed_path(const Seed& s) {
    return std::string(KINERJA_SEEDS_DIR) + "/" + s.file;
}

bj::object parsed(const std::string& file) {
    const auto r = run_kinerja("parse '" + file + "' --json");
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    if (r.exit_code != 0) return {};
    return bj::parse(r.out).as_object();
}

std::string text_of(const bj::value* v) {
    if (!v || v->is_null()) return "-";
    if (v->is_string()) return std::string(v->as_string());
    return bj::serialize(*v);
}

std::string field(const bj::value& quantity, const char* key) {
    if (!quantity.is_object()) return "-";
    return text_of(quantity.as_object().if_contains(key));
}

// A target as a number when it is one ("95" of "95%"), else as printed ("WTP").
std::string target_of(const bj::value& quantity) {
    const std::string value = field(quantity, "value");
    return value != "-" ? value : field(quantity, "text");
}

// What must survive the round trip, one printable line per item, in document order. The line says
// where the item stands so a difference can be found in both documents.
struct Facets {
    bool actuals = false; // the LKj: actual value and unit, and the BAB III B budget pair
};

// An objective's name without the code the report prints after it ("… (3360)"): the seed may print
// the name alone with the code in another column, the report always names the code.
std::string name_without_code(const bj::object& o) {
    std::string name = text_of(o.if_contains("name"));
    const std::string suffix = " (" + text_of(o.if_contains("code")) + ")";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        name.resize(name.size() - suffix.size());
    return name;
}

std::vector<std::string> objective_items(const bj::object& p, Facets facets) {
    std::vector<std::string> out;
    const auto* objectives = p.if_contains("objectives");
    if (!objectives || !objectives->is_array()) return out;
    int on = 0;
    for (const auto& ov : objectives->as_array()) {
        const auto& o = ov.as_object();
        ++on;
        const std::string where = "sasaran " + std::to_string(on);
        out.push_back(where + ": " + name_without_code(o) + " [kode " + text_of(o.if_contains("code")) + "]");
        int in = 0;
        for (const auto& iv : o.at("indicators").as_array()) {
            const auto& i = iv.as_object();
            std::string line = where + " indikator " + std::to_string(++in) + ": " + text_of(i.if_contains("name")) +
                               " | target " + target_of(i.at("target")) + " satuan " + field(i.at("target"), "unit");
            if (facets.actuals)
                line += " | realisasi " + field(i.at("actual"), "value") + " satuan " + field(i.at("actual"), "unit");
            out.push_back(line);
        }
        if (facets.actuals)
            out.push_back(where + " anggaran: pagu " + field(o.at("budget"), "ceiling") + " realisasi " +
                          field(o.at("budget"), "actual"));
    }
    return out;
}

// An LKj names an agreement twice: summarized in BAB II C and attached in full; the PK report prints
// the attached one. So each unit's agreement is its last one, in the order the units first appear, the
// office's own first (as the PK report prints them).
std::vector<std::string> agreement_items(const bj::object& p) {
    std::vector<std::string> units;
    std::map<std::string, const bj::object*> last;
    const auto* agreements = p.if_contains("agreements");
    if (!agreements || !agreements->is_array()) return {};
    for (const auto& av : agreements->as_array()) {
        const std::string unit = text_of(av.as_object().if_contains("unit"));
        if (!last.count(unit)) units.push_back(unit);
        last[unit] = &av.as_object();
    }
    std::stable_partition(units.begin(), units.end(), [](const std::string& u) { return u == "-"; });
    std::vector<std::string> out;
    for (const auto& unit : units) {
        const auto& a = *last[unit];
        const std::string where = "PK " + unit;
        out.push_back(where);
        int in = 0;
        for (const auto& iv : a.at("indicators").as_array()) {
            const auto& i = iv.as_object();
            out.push_back(where + " indikator " + std::to_string(++in) + ": " + text_of(i.if_contains("objective")) +
                          " / " + text_of(i.if_contains("name")) + " | target " + target_of(i.at("target")) +
                          " satuan " + field(i.at("target"), "unit"));
        }
        int bn = 0;
        for (const auto& bv : a.at("budgets").as_array()) {
            const auto& b = bv.as_object();
            out.push_back(where + " anggaran " + std::to_string(++bn) + ": " + text_of(b.if_contains("name")) + " Rp " +
                          text_of(b.if_contains("amount")));
        }
    }
    return out;
}

// Item by item: the first items that differ, then what only one side has.
std::string differences(const std::vector<std::string>& seed, const std::vector<std::string>& report) {
    std::ostringstream out;
    int shown = 0;
    const std::size_t n = std::min(seed.size(), report.size());
    for (std::size_t i = 0; i < n && shown < 12; ++i)
        if (seed[i] != report[i]) {
            out << "\n  butir " << i + 1 << "\n    seed   : " << seed[i] << "\n    laporan: " << report[i];
            ++shown;
        }
    for (std::size_t i = n; i < seed.size() && shown < 24; ++i, ++shown)
        out << "\n  hanya di seed   : " << seed[i];
    for (std::size_t i = n; i < report.size() && shown < 24; ++i, ++shown)
        out << "\n  hanya di laporan: " << report[i];
    return out.str();
}

enum class Compare { objectives, agreements };

// Import the seed, write the report, parse both, compare.
void round_trip(const Seed& seed, const std::string& kind, const std::string& format, Compare what,
                Facets facets = {}) {
    const std::string dir = temp_dir();
    const std::string db = dir + "/kantor.db";
    const auto imported =
        run_kinerja("import '" + seed_path(seed) + "' --db " + db + " --satker " + seed.satker + " --accept-findings");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const std::string out = dir + "/" + kind + "." + format;
    // --force: the seeds carry their own errors, and a draft prints the same tables.
    const auto written = run_kinerja("report " + kind + " --db " + db + " --satker " + seed.satker +
                                     " --year 2024 --format " + format + " --out " + out + " --force");
    ASSERT_EQ(written.exit_code, 0) << written.err;

    const bj::object original = parsed(seed_path(seed));
    const bj::object again = parsed(out);
    ASSERT_FALSE(again.empty());
    const auto& d = again.at("document").as_object();
    EXPECT_EQ(text_of(d.if_contains("type")), kind) << out;
    EXPECT_EQ(text_of(d.if_contains("agency")), seed.agency) << out;
    EXPECT_EQ(text_of(d.if_contains("year")), "2024") << out;

    const auto expected = what == Compare::objectives ? objective_items(original, facets) : agreement_items(original);
    const auto got = what == Compare::objectives ? objective_items(again, facets) : agreement_items(again);
    ASSERT_FALSE(expected.empty()) << "the seed itself gave nothing to compare: " << seed.file;
    EXPECT_EQ(got, expected) << kind << " " << format << ": " << expected.size() << " butir dari seed, " << got.size()
                             << " dari laporan" << differences(expected, got);
}

// --- RKT: the regency layout (program, objective, indicator, target, activity, budget, executor) and
// the province layout (objective, indicator, target).
TEST(RoundTrip, RktRegencyDocx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_regency, "rkt", "docx", Compare::objectives);
}
TEST(RoundTrip, RktProvinceDocx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_province, "rkt", "docx", Compare::objectives);
}
// Our PDF tables come back from pdftotext -layout as column-aligned text with wrapped cells, read as
// tabbed rows by layout_table.h (the regency table is printed landscape, no line breaks after a slash).
TEST(RoundTrip, RktRegencyPdf) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_regency, "rkt", "pdf", Compare::objectives);
}
TEST(RoundTrip, RktProvincePdf) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_province, "rkt", "pdf", Compare::objectives);
}
// XLSX: a sheet leaves empty cells out at the end of a row, and its rows never slide (every cell has
// its column), so they are read as positioned (Line::positioned); the "Jumlah" row is no item.
TEST(RoundTrip, RktRegencyXlsx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_regency, "rkt", "xlsx", Compare::objectives);
}
TEST(RoundTrip, RktProvinceXlsx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_rkt_province, "rkt", "xlsx", Compare::objectives);
}

// --- PK: the agreements the LKj seed attaches, printed as Perjanjian Kinerja.
TEST(RoundTrip, PkDocx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "pk", "docx", Compare::agreements);
}
// PDF: the agreements' tables and budget tables come as column-aligned text, read as tabbed rows by
// layout_table.h.
TEST(RoundTrip, PkPdf) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "pk", "pdf", Compare::agreements);
}
// XLSX: one sheet per agreement under its "Lampiran Perjanjian Kinerja Tahun 2024 <unit>" title; the
// budget table ends at its total (the findings sheet follows).
TEST(RoundTrip, PkXlsx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "pk", "xlsx", Compare::agreements);
}

// --- Rencana Aksi: the B1..B12 grid, read by its header (read_renaksi_grid.cpp). The objective's cost
// is left out: the seed's cost cells are not read as rupiah amounts. The PDF's grid comes as
// column-aligned text, read as tabbed rows by layout_table.h (the months under "Jadwal Pelaksanaan").
TEST(RoundTrip, RenaksiDocx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_renaksi, "renaksi", "docx", Compare::objectives);
}
TEST(RoundTrip, RenaksiPdf) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_renaksi, "renaksi", "pdf", Compare::objectives);
}
TEST(RoundTrip, RenaksiXlsx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_renaksi, "renaksi", "xlsx", Compare::objectives);
}

// --- LKj: the measurement table (Tabel 3.1: "Sasaran N. name" rows over the indicators of a
// "Sasaran / Indikator Kinerja" column) with actuals, and the BAB III B budget pairs (Tabel 3.3: one row
// per activity with the number of the objective it supports).
TEST(RoundTrip, LkjDocx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "lkj", "docx", Compare::objectives, {.actuals = true});
}
TEST(RoundTrip, LkjPdf) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "lkj", "pdf", Compare::objectives, {.actuals = true});
}
// XLSX: an objective's row is one merged cell (an untabbed line inside the table).
TEST(RoundTrip, LkjXlsx) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    round_trip(k_lkj, "lkj", "xlsx", Compare::objectives, {.actuals = true});
}

// The comparison itself: a report that lost an indicator or changed a target is caught and named.
TEST(RoundTrip, DifferencesAreNamedItemByItem) {
    const std::vector<std::string> seed = {"sasaran 1: A", "sasaran 1 indikator 1: X | target 90 satuan %"};
    std::vector<std::string> report = {"sasaran 1: A", "sasaran 1 indikator 1: X | target 95 satuan %"};
    const std::string d = differences(seed, report);
    EXPECT_NE(d.find("butir 2"), std::string::npos) << d;
    EXPECT_NE(d.find("target 95"), std::string::npos) << d;
    report.pop_back();
    EXPECT_NE(differences(seed, report).find("hanya di seed"), std::string::npos);
    EXPECT_TRUE(differences(seed, seed).empty());
}

} // namespace
} // namespace kinerja::test
