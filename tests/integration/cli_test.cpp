// Every command of the contract on a fresh database, driven the way a user or a script drives it.
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <map>
#include <sqlite3.h>

#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

namespace bj = boost::json;

bj::object measure_json(const std::string& db, const std::string& extra = {}) {
    const auto r =
        run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024 --format json " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return bj::parse(r.out).as_object();
}

const bj::object& indicator(const bj::object& m, const std::string& name_start) {
    for (const auto& o : m.at("objectives").as_array())
        for (const auto& i : o.at("indicators").as_array())
            if (std::string(i.at("name").as_string()).rfind(name_start, 0) == 0) return i.as_object();
    throw std::runtime_error("no indicator " + name_start);
}

TEST(Demo, CreatesTheSeedOfficesAndRefusesToOverwrite) {
    const std::string db = demo_database();
    for (const char* satker :
         {"kpu-kota-prabumulih", "kpu-kab-oku-selatan", "kpu-prov-kalimantan-timur", "kpu-kab-mesuji"}) {
        const auto r = run_kinerja(std::string("measure --db ") + db + " --satker " + satker + " --year 2024");
        EXPECT_EQ(r.exit_code, 0) << satker << r.err;
    }
    const std::string before = read_file(db);
    const auto again = run_kinerja("demo --db " + db);
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("sudah ada"), std::string::npos) << again.err;
    EXPECT_EQ(read_file(db), before);
}

TEST(Measure, ReproducesTheSeedFigures) {
    const auto m = measure_json(demo_database());
    EXPECT_EQ(m.at("schema").as_string(), "kinerja.measure/1");
    EXPECT_EQ(m.at("rounding").as_string(), "half-up");
    EXPECT_EQ(indicator(m, "Persentase KPU Kota Prabumulih yang mampu merencanakan").at("achievement").as_string(),
              "94.44");
    EXPECT_EQ(indicator(m, "Persentase pemahaman regulasi").at("achievement").as_string(), "94.74");
    EXPECT_EQ(indicator(m, "Persentase ruangan rapat").at("achievement").as_string(), "93.75");
    // The seed prints 0 for the oath indicator; 100 of 100 is 100.
    EXPECT_EQ(indicator(m, "Persentase Fasilitasi Penyiapan Sumpah Janji").at("achievement").as_string(), "100");
    EXPECT_EQ(indicator(m, "Persentase ruangan rapat").at("band").as_string(), "Sangat Berhasil");
    const auto& first = m.at("objectives").as_array().at(0).as_object();
    EXPECT_EQ(first.at("achievement").as_string(), "98.15");
    EXPECT_EQ(first.at("method").as_string(), "mean");
    EXPECT_EQ(first.at("budget").at("ceiling").as_int64(), 551587000);
    EXPECT_EQ(first.at("budget").at("actual").as_int64(), 496589508);
    EXPECT_EQ(first.at("budget").at("absorption").as_string(), "90.03");
    EXPECT_EQ(m.at("objectives").as_array().size(), 10u);
    // Σ actual / Σ ceiling over the objectives, never a mean of percentages.
    EXPECT_EQ(m.at("budget").at("ceiling").as_int64(), 41661103000);
    EXPECT_EQ(m.at("budget").at("actual").as_int64(), 41579911818);
    EXPECT_EQ(m.at("budget").at("absorption").as_string(), "99.81");
    EXPECT_EQ(m.at("achievement").as_string(), "99.58");
}

TEST(Measure, TruncationReproducesTheSeedsPrinting) {
    const auto m = measure_json(demo_database(), "--rounding truncate");
    EXPECT_EQ(m.at("rounding").as_string(), "truncate");
    EXPECT_EQ(indicator(m, "Persentase pemahaman regulasi").at("achievement").as_string(), "94.73");
    EXPECT_EQ(indicator(m, "Persentase KPU Kota Prabumulih yang mampu merencanakan").at("achievement").as_string(),
              "94.44");
}

TEST(Measure, TextShowsIndonesianNumbersMethodAndScale) {
    const auto r = run_kinerja("measure --db " + demo_database() + " --satker kpu-kota-prabumulih --year 2024");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* s : {"94,44", "94,74", "93,75", "98,15 (rata-rata 3 indikator)", "Rp 551.587.000", "90,03%",
                          "Sangat Berhasil: x ≥ 85", "Tidak Berhasil: x < 55", "Keputusan Kepala LAN"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(Measure, CsvHasOneLinePerIndicator) {
    const auto r =
        run_kinerja("measure --db " + demo_database() + " --satker kpu-kota-prabumulih --year 2024 --format csv");
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 37);
    EXPECT_NE(r.out.find(";94,44;Sangat Berhasil;"), std::string::npos);
}

TEST(Measure, AnOfficeWithTargetsButNoActualsSaysWhy) {
    const auto r =
        run_kinerja("measure --db " + demo_database() + " --satker kpu-kab-oku-selatan --year 2024 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto m = bj::parse(r.out).as_object();
    const auto& ind = m.at("objectives").as_array().at(0).at("indicators").as_array().at(0).as_object();
    EXPECT_TRUE(ind.at("achievement").is_null());
    EXPECT_EQ(ind.at("reason").as_string(), "Realisasi belum diisi");
}

TEST(Measure, UnknownOfficeIsADomainFailure) {
    const auto r = run_kinerja("measure --db " + demo_database() + " --satker kpu-kota-atlantis --year 2024");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("kpu-kota-atlantis"), std::string::npos);
    EXPECT_NE(r.err.find("tidak dikenal"), std::string::npos);
}

TEST(Measure, BadUsageExitsTwo) {
    EXPECT_EQ(run_kinerja("measure --db x.db --satker a --year abc").exit_code, 2);
    EXPECT_EQ(run_kinerja("measure --db x.db --satker a --year 2024 --rounding sideways").exit_code, 2);
    EXPECT_EQ(run_kinerja("frobnicate").exit_code, 2);
    EXPECT_EQ(run_kinerja("measure --help").exit_code, 0);
}

TEST(Rollup, OfficesRollUpToTheirProvinceAndTheNation) {
    const std::string db = demo_database();
    auto r = run_kinerja("rollup --db " + db + " --year 2024 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto root = bj::parse(r.out).as_object();
    std::map<std::string, bj::object> by_code;
    for (const auto& o : root.at("offices").as_array())
        by_code[std::string(o.at("satker").as_string())] = o.as_object();
    ASSERT_EQ(by_code.size(), 7u);
    const auto& prabumulih = by_code.at("kpu-kota-prabumulih");
    EXPECT_EQ(prabumulih.at("own_achievement").as_string(), "99.58"); // the same as `measure`
    const auto& sumsel = by_code.at("kpu-prov-sumatera-selatan");
    EXPECT_EQ(sumsel.at("offices").as_int64(), 3);
    EXPECT_EQ(sumsel.at("offices_reporting").as_int64(), 1);
    EXPECT_EQ(sumsel.at("budget").at("ceiling").as_int64(), 41661103000);
    EXPECT_EQ(sumsel.at("method").as_string(), "mean of offices");
    EXPECT_EQ(by_code.at("kpu-ri").at("offices").as_int64(), 7);
    EXPECT_TRUE(by_code.at("kpu-kab-mesuji").at("achievement").is_null());

    r = run_kinerja("rollup --db " + db + " --year 2024 --satker kpu-prov-sumatera-selatan");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("KPU Kota Prabumulih — capaian 99,58"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Kalimantan Timur"), std::string::npos);
    EXPECT_EQ(run_kinerja("rollup --db " + db + " --year 2024 --satker kpu-prov-atlantis").exit_code, 1);
}

TEST(Database, AFileThatIsNotADatabaseIsRefusedAndUntouched) {
    const std::string path = temp_dir() + "/notes.db";
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        std::fputs("this is a text file, not a database\n", f);
        std::fclose(f);
    }
    const auto r = run_kinerja("measure --db " + path + " --satker kpu-kota-prabumulih --year 2024");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bukan basis data"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(path), "this is a text file, not a database\n");
}

TEST(Database, ANewerSchemaIsRefused) {
    const std::string db = demo_database();
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_exec(h, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    const auto r = run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("lebih baru"), std::string::npos) << r.err;
}

TEST(Database, AMissingDatabaseIsNotCreatedByReaders) {
    const std::string db = temp_dir() + "/absent.db";
    EXPECT_EQ(run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024").exit_code, 1);
    EXPECT_FALSE(file_exists(db));
}

TEST(ExportLoad, RoundTripIsByteIdentical) {
    const std::string dir = temp_dir();
    const std::string db = demo_database();
    ASSERT_EQ(run_kinerja("export --db " + db + " --out " + dir + "/a.json").exit_code, 0);
    const auto load = run_kinerja("load --db " + dir + "/copy.db " + dir + "/a.json");
    ASSERT_EQ(load.exit_code, 0) << load.err;
    ASSERT_EQ(run_kinerja("export --db " + dir + "/copy.db --out " + dir + "/b.json").exit_code, 0);
    const std::string a = read_file(dir + "/a.json"), b = read_file(dir + "/b.json");
    EXPECT_GT(a.size(), 100000u);
    EXPECT_EQ(a, b);
    // The copy measures the same.
    const auto m1 = run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024 --format json");
    const auto m2 =
        run_kinerja("measure --db " + dir + "/copy.db --satker kpu-kota-prabumulih --year 2024 --format json");
    EXPECT_EQ(m1.out, m2.out);
}

TEST(ExportLoad, AMissingFieldIsNamedAndNothingIsWritten) {
    const std::string dir = temp_dir();
    ASSERT_EQ(run_kinerja("export --db " + demo_database() + " --out " + dir + "/a.json").exit_code, 0);
    std::string json = read_file(dir + "/a.json");
    const auto pos = json.find("\"columns\"");
    ASSERT_NE(pos, std::string::npos);
    json.replace(pos, 9, "\"kolom\"");
    std::FILE* f = std::fopen((dir + "/broken.json").c_str(), "w");
    std::fputs(json.c_str(), f);
    std::fclose(f);
    const auto r = run_kinerja("load --db " + dir + "/new.db " + dir + "/broken.json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("'columns' hilang"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("office"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir + "/new.db"));
}

TEST(ExportLoad, ARowThatBreaksAConstraintLeavesNothingBehind) {
    const std::string dir = temp_dir();
    ASSERT_EQ(run_kinerja("export --db " + demo_database() + " --out " + dir + "/a.json").exit_code, 0);
    std::string json = read_file(dir + "/a.json");
    // Point the last actual at an indicator that does not exist: the foreign key refuses it.
    const auto table = json.find("{\"name\": \"actual\"");
    const auto row = json.find("\n  [", table);
    const auto comma = json.find(", ", row);
    json.replace(comma + 2, json.find(',', comma + 2) - comma - 2, "999999");
    std::FILE* f = std::fopen((dir + "/bad.json").c_str(), "w");
    std::fputs(json.c_str(), f);
    std::fclose(f);
    const auto r = run_kinerja("load --db " + dir + "/new.db " + dir + "/bad.json");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("actual"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir + "/new.db"));
}

// Replaces the first occurrence of `from` after the table named `table` with `to`.
std::string edit_table(std::string json, const std::string& table, const std::string& from, const std::string& to) {
    const auto t = json.find("{\"name\": \"" + table + "\"");
    const auto pos = json.find(from, t);
    if (t == std::string::npos || pos == std::string::npos) throw std::runtime_error("cannot edit " + table);
    return json.replace(pos, from.size(), to);
}

TEST(ExportLoad, AMalformedNumberIsNamedWithItsPlace) {
    const std::string dir = temp_dir();
    ASSERT_EQ(run_kinerja("export --db " + demo_database() + " --out " + dir + "/a.json").exit_code, 0);
    const std::string json = read_file(dir + "/a.json");
    // "95" in the canonical value column of the first target becomes "9,5".
    std::FILE* f = std::fopen((dir + "/bad.json").c_str(), "w");
    std::fputs(edit_table(json, "indicator_target", ", \"95\", \"%\"", ", \"9,5\", \"%\"").c_str(), f);
    std::fclose(f);
    auto r = run_kinerja("load --db " + dir + "/new.db " + dir + "/bad.json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("tabel 'indicator_target' baris 1 kolom 'value': angka '9,5' tidak sah"), std::string::npos)
        << r.err;
    EXPECT_FALSE(file_exists(dir + "/new.db"));
    // A text where the schema has an integer (a ceiling in rupiah) is refused by the STRICT table.
    f = std::fopen((dir + "/bad2.json").c_str(), "w");
    std::fputs(edit_table(json, "budget_line", ", 551587000,", ", \"551.587.000\",").c_str(), f);
    std::fclose(f);
    r = run_kinerja("load --db " + dir + "/new2.db " + dir + "/bad2.json");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("budget_line"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir + "/new2.db"));
}

TEST(ExportLoad, LoadIntoANonEmptyDatabaseIsRefused) {
    const std::string dir = temp_dir();
    const std::string db = demo_database();
    ASSERT_EQ(run_kinerja("export --db " + db + " --out " + dir + "/a.json").exit_code, 0);
    const std::string before = read_file(dir + "/a.json");
    const auto r = run_kinerja("load --db " + db + " " + dir + "/a.json");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("sudah berisi data"), std::string::npos) << r.err;
    ASSERT_EQ(run_kinerja("export --db " + db + " --out " + dir + "/b.json").exit_code, 0);
    EXPECT_EQ(read_file(dir + "/b.json"), before);
}

TEST(Check, ListsTheSeedsContradictions) {
    const auto r = run_kinerja("check --db " + demo_database() + " --satker kpu-kota-prabumulih --year 2024 --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto root = bj::parse(r.out).as_object();
    EXPECT_EQ(root.at("schema").as_string(), "kinerja.check/1");
    auto has = [&](const std::string& id, const std::string& fragment) {
        for (const auto& f : root.at("findings").as_array())
            if (f.at("id").as_string() == id &&
                std::string(f.at("message").as_string()).find(fragment) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(has("achievement-mismatch", "Capaian tercetak 0 tidak sama dengan 100 / 100 × 100 = 100,00"));
    EXPECT_TRUE(has("budget-over-ceiling", "2.938.071.462"));
    EXPECT_TRUE(has("budget-duplicate", "11.134.042.000"));
    EXPECT_TRUE(has("nip-invalid", "19 angka"));
    EXPECT_TRUE(has("year-mismatch", "2023"));
    EXPECT_TRUE(has("malformed-number", "822,654,000"));
    EXPECT_TRUE(has("indicator-not-agreed", "Persentase pelantikan PPK sesuai jadwal"));
    EXPECT_TRUE(has("target-differs-from-agreement", "Pejabat Perbendaharaan"));
    EXPECT_TRUE(has("count-with-percent", "Jumlah draft juklak/juknis"));
    EXPECT_TRUE(has("cascade-budget-mismatch", "20.518.557.000"));
    EXPECT_TRUE(has("budget-split-unclear", "822.654.000"));
    EXPECT_TRUE(has("garbled-text", "10upervis"));
    // domain.md §4.5: 71,2 is BB; the LKj says BB on one page and B on another.
    EXPECT_TRUE(has("predicate-mismatch", "Nilai evaluasi 71,2 (tahun 2023) berpredikat BB (Sangat Baik), bukan B"));
    EXPECT_FALSE(has("predicate-mismatch", "bukan BB"));
    // The office's own province is not "another office".
    EXPECT_FALSE(has("foreign-office-name", "KPU Provinsi Sumatera Selatan"));
    // Printed values that agree with their recomputation are not findings.
    EXPECT_FALSE(has("achievement-mismatch", "94,73"));
    EXPECT_FALSE(has("absorption-mismatch", "90,03"));
    const auto& first = root.at("findings").as_array().at(0).as_object();
    for (const char* key : {"id", "severity", "message", "where", "line"})
        EXPECT_TRUE(first.contains(key)) << key;
}

TEST(Check, FindsAnotherOfficesNameAndBadNumbersInOkuSelatan) {
    const auto r = run_kinerja("check --db " + demo_database() + " --satker kpu-kab-oku-selatan --year 2024");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("foreign-office-name"), std::string::npos);
    EXPECT_NE(r.out.find("KPU Kota Prabumulih"), std::string::npos);
    EXPECT_NE(r.out.find("'2.57.212.000' salah pengelompokan ribuan"), std::string::npos) << r.out;
}

TEST(Check, FindsTheDecimalPointInKalimantanTimur) {
    const auto r = run_kinerja("check --db " + demo_database() + " --satker kpu-prov-kalimantan-timur --year 2024");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("'87.5' memakai titik sebagai tanda desimal"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("percent-with-count"), std::string::npos);
}

TEST(Backup, GivesAConsistentCopy) {
    const std::string dir = temp_dir();
    const std::string db = demo_database();
    // A database without any evidence yet (no evidence folder at all) backs up and restores too.
    ASSERT_EQ(run_kinerja("backup --db " + db + " --out " + dir + "/copy.zip").exit_code, 0);
    ASSERT_EQ(run_kinerja("restore " + dir + "/copy.zip --db " + dir + "/copy.db").exit_code, 0);
    const auto a = run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024 --format json");
    const auto b =
        run_kinerja("measure --db " + dir + "/copy.db --satker kpu-kota-prabumulih --year 2024 --format json");
    EXPECT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_NE(run_kinerja("backup --db " + db + " --out /nonexistent-dir/copy.zip").exit_code, 0);
}

TEST(UserAdd, StoresAnArgon2idHashAndRefusesMistakes) {
    const std::string db = demo_database();
    auto r = run_kinerja("user add --db " + db +
                             " --login budi --role planner --satker kpu-kota-prabumulih --password-stdin",
                         "rahasia-panjang\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, "SELECT password_hash FROM app_user WHERE login = 'budi'", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    const std::string hash = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_prepare_v2(h, "SELECT count(*) FROM audit_log WHERE action = 'user-add'", -1, &s, nullptr);
    sqlite3_step(s);
    EXPECT_EQ(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
    sqlite3_close(h);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("rahasia"), std::string::npos);

    r = run_kinerja("user add --db " + db + " --login budi --role viewer --satker kpu-kota-prabumulih --password-stdin",
                    "lain-lagi-123\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("sudah ada"), std::string::npos);
    r = run_kinerja("user add --db " + db + " --login x --role head --satker kpu-kota-atlantis --password-stdin",
                    "panjang-sekali\n");
    EXPECT_EQ(r.exit_code, 1);
    r = run_kinerja("user add --db " + db + " --login y --role operator --satker kpu-kota-prabumulih --password-stdin",
                    "panjang-sekali\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--unit"), std::string::npos);
    r = run_kinerja("user add --db " + db + " --login z --role viewer --satker kpu-kota-prabumulih --password-stdin",
                    "pendek\n");
    EXPECT_EQ(r.exit_code, 2);
    r = run_kinerja("user add --db " + db + " --login w --role reviewer --satker kpu-kota-prabumulih --password-stdin",
                    "panjang-sekali\n");
    EXPECT_EQ(r.exit_code, 2);
    r = run_kinerja("user add --db " + db +
                        " --login ops --role operator --satker kpu-kota-prabumulih --unit \"Subbagian Keuangan, Umum "
                        "dan Logistik\" --password-stdin",
                    "panjang-sekali\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // A login that could not be typed into the login form, or that is not text, is refused (issue 13).
    for (const std::string& bad : {std::string(101, 'a'), std::string("bud\xC3"), std::string("'budi santoso'")}) {
        r = run_kinerja("user add --db " + db + " --login " + bad + " --role viewer --satker kpu-kota-prabumulih " +
                            "--password-stdin",
                        "panjang-sekali\n");
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_NE(r.err.find("Nama login"), std::string::npos) << r.err;
    }
    r = run_kinerja("user add --db " + db +
                        " --login panjang --role viewer --satker kpu-kota-prabumulih --password-stdin",
                    std::string(1025, 'k') + "\n");
    EXPECT_EQ(r.exit_code, 2);
}

} // namespace
} // namespace kinerja::test
