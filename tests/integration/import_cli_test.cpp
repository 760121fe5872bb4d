// `kinerja parse`, `kinerja check FILE...` and `kinerja import` on the real seed documents, the way a
// planning officer or a script uses them.
#include <boost/json.hpp>
#include <fstream>
#include <gtest/gtest.h>

#include "tests/integration/test_support.h"
#include "tests/support/shared_documents.h"

namespace kinerja::test {
namespace {

namespace bj = boost::json;

const std::string k_lkj = std::string(KINERJA_SEEDS_DIR) + "/lkj-2024-kpu-kota-prabumulih.txt";
const std::string k_renaksi = std::string(KINERJA_SEEDS_DIR) + "/renaksi-2024-kpu-kota-prabumulih.txt";

bj::object parse_json(const std::string& file) {
    const auto r = run_kinerja("parse " + file + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return bj::parse(r.out).as_object();
}

const bj::object* indicator(const bj::object& parsed, const std::string& name_start) {
    for (const auto& o : parsed.at("objectives").as_array())
        for (const auto& i : o.at("indicators").as_array())
            if (std::string(i.at("name").as_string()).rfind(name_start, 0) == 0) return &i.as_object();
    return nullptr;
}

bool has_finding(const bj::object& root, const std::string& id, int line) {
    for (const auto& f : root.at("findings").as_array())
        if (f.at("id").as_string() == id && (line == 0 || (f.at("line").is_int64() && f.at("line").as_int64() == line)))
            return true;
    return false;
}

TEST(Parse, LkjSeedGivesTheDocumentItsMeasurementAndItsErrors) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const auto p = parse_json(k_lkj);
    EXPECT_EQ(p.at("schema").as_string(), "kinerja.parse/1");
    const auto& d = p.at("document").as_object();
    EXPECT_EQ(d.at("type").as_string(), "lkj");
    EXPECT_EQ(d.at("agency").as_string(), "KPU Kota Prabumulih");
    EXPECT_EQ(d.at("year").as_int64(), 2024);
    EXPECT_EQ(d.at("place").as_string(), "Prabumulih");
    EXPECT_EQ(d.at("date").as_string(), "2025-01-16");
    // 85 of 90: printed 94,44, recomputed 94.44; numbers are canonical strings.
    const auto* it = indicator(p, "Persentase KPU Kota Prabumulih yang mampu merencanakan, membangun");
    ASSERT_NE(it, nullptr);
    EXPECT_EQ(it->at("target").at("value").as_string(), "90");
    EXPECT_EQ(it->at("target").at("unit").as_string(), "%");
    EXPECT_EQ(it->at("actual").at("value").as_string(), "85");
    EXPECT_EQ(it->at("achievement_printed").as_string(), "94.44");
    EXPECT_EQ(it->at("achievement").as_string(), "94.44");
    // The first objective's BAB III B budget, as rupiah integers.
    const auto& first = p.at("objectives").as_array()[0].as_object();
    EXPECT_EQ(first.at("code").as_string(), "6709");
    EXPECT_EQ(first.at("budget").at("ceiling").as_int64(), 551587000);
    EXPECT_EQ(first.at("budget").at("actual").as_int64(), 496589508);
    // The seed prints 0 where 100 / 100 gives 100 (line 917), and 71,2 as "BB".
    EXPECT_TRUE(has_finding(p, "achievement-mismatch", 917));
    EXPECT_TRUE(has_finding(p, "predicate-mismatch", 0));
    EXPECT_TRUE(has_finding(p, "budget-over-ceiling", 0));
}

TEST(Parse, TextSummaryForPeople) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const auto r = run_kinerja("parse " + k_lkj);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("dokumen lkj KPU Kota Prabumulih tahun 2024"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("galat"), std::string::npos);
}

TEST(Parse, BadInputIsRefusedWithAMessage) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const std::string dir = temp_dir();
    std::ofstream(dir + "/kosong.txt").close();
    auto r = run_kinerja("parse " + dir + "/kosong.txt --json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("kosong"), std::string::npos) << r.err;
    r = run_kinerja("parse " + dir + "/tidak-ada.txt --json");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    // A document of another kind than asked.
    r = run_kinerja("parse " + k_lkj + " --type rkt --json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bukan rkt"), std::string::npos) << r.err;
    // A text that is no SAKIP document: parsed as unknown, said so.
    std::ofstream(dir + "/surat.txt") << "Undangan rapat\nHari Senin pukul 09.00\n";
    const auto p = parse_json(dir + "/surat.txt");
    EXPECT_EQ(p.at("document").at("type").as_string(), "unknown");
    EXPECT_TRUE(has_finding(p, "document-kind-unknown", 0));
}

TEST(Check, DocumentsOfOneOfficeAreCheckedTogether) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const auto alone = run_kinerja("check " + k_lkj + " --json");
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    const auto both = run_kinerja("check " + k_lkj + " " + k_renaksi + " --json");
    ASSERT_EQ(both.exit_code, 0) << both.err;
    const auto a = bj::parse(alone.out).as_object();
    const auto b = bj::parse(both.out).as_object();
    EXPECT_EQ(b.at("schema").as_string(), "kinerja.check/1");
    EXPECT_GT(b.at("findings").as_array().size(), a.at("findings").as_array().size());
    bool renaksi_cited = false;
    for (const auto& f : b.at("findings").as_array())
        if (f.at("where").is_string() &&
            std::string(f.at("where").as_string()).find("renaksi-2024") != std::string::npos)
            renaksi_cited = true;
    EXPECT_TRUE(renaksi_cited);
    const auto usage = run_kinerja("check");
    EXPECT_EQ(usage.exit_code, 2);
}

TEST(Import, RefusesErrorsStoresWhenAcceptedAndChangesNothingTheSecondTime) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const std::string dir = temp_dir();
    const std::string db = dir + "/kantor.db";
    auto r = run_kinerja("import " + k_lkj + " --db " + db + " --satker kpu-kota-prabumulih");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("tidak diimpor"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(db)) << "a refused import leaves no database behind";

    r = run_kinerja("import " + k_lkj + " --db " + db + " --satker kpu-kota-prabumulih --accept-findings");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("diimpor ke kpu-kota-prabumulih"), std::string::npos) << r.out;
    const auto m = run_kinerja("measure --db " + db + " --satker kpu-kota-prabumulih --year 2024 --format json");
    ASSERT_EQ(m.exit_code, 0) << m.err;
    EXPECT_NE(m.out.find("\"94.44\""), std::string::npos);

    const auto export_before = run_kinerja("export --db " + db + " --out " + dir + "/a.json");
    ASSERT_EQ(export_before.exit_code, 0) << export_before.err;
    r = run_kinerja("import " + k_lkj + " --db " + db + " --satker kpu-kota-prabumulih --accept-findings");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("tidak ada perubahan"), std::string::npos) << r.out;
    ASSERT_EQ(run_kinerja("export --db " + db + " --out " + dir + "/b.json").exit_code, 0);
    EXPECT_EQ(read_file(dir + "/a.json"), read_file(dir + "/b.json"));
}

TEST(Import, AnotherOfficesDocumentIsAnError) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const std::string db = temp_dir() + "/kantor.db";
    const auto r = run_kinerja("import " + k_renaksi + " --db " + db + " --satker kpu-kab-mesuji");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("document-other-office"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(db));
}

TEST(Import, UnknownDocumentStoresNothing) {
    const std::string dir = temp_dir();
    std::ofstream(dir + "/surat.txt") << "Undangan rapat\nHari Senin pukul 09.00\n";
    const auto r = run_kinerja("import " + dir + "/surat.txt --db " + dir + "/k.db --satker kpu-kota-prabumulih");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("tidak dikenali"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir + "/k.db"));
}

TEST(Import, AnOfficeCodeThatIsNoSlugIsRefusedBeforeAnythingIsRead) {
    const std::string dir = temp_dir();
    for (const std::string& code :
         {std::string("'KPU Kota Prabumulih'"), std::string("kpu-kota-\xC3"), std::string("kpu_kota")}) {
        const auto r = run_kinerja("import " + k_renaksi + " --db " + dir + "/k.db --satker " + code);
        EXPECT_EQ(r.exit_code, 2) << code;
        EXPECT_NE(r.err.find("Kode satker"), std::string::npos) << r.err;
        EXPECT_FALSE(file_exists(dir + "/k.db"));
    }
}

// Small documents written the way offices type them (tab-separated rows), checked from the command
// line: each has one known problem, and its corrected twin does not.
std::string write_text(const std::string& dir, const std::string& name, const std::string& text) {
    const std::string path = dir + "/" + name;
    std::ofstream(path) << text;
    return path;
}

std::string small_rkt(const std::string& budget) {
    return "KOMISI PEMILIHAN UMUM KABUPATEN CONTOH\n\nRENCANA KINERJA TAHUNAN TAHUN 2024\n\n"
           "No\tProgram\tSasaran strategis\tIndikator Kinerja strategis\tTarget\tKegiatan\tAnggaran\tPelaksana\n"
           "1\t2\t3\t4\t5\t6\t7\t8\n"
           "1\tProgram Dukungan Manajemen\tPengelolaan Keuangan dan Barang Milik Negara (3355)\t"
           "Persentase laporan keuangan tepat waktu\t95\tPenyusunan laporan keuangan\t" +
           budget +
           "\tSubbagian Keuangan\n"
           "2\tProgram Dukungan Manajemen\tOperasional Perkantoran (3360)\tPersentase arsip tertata\t80\tPenataan "
           "arsip\t"
           "840.977.000\tSubbagian Umum\n\nContoh, 11 Januari 2024\nSEKRETARIS\n";
}

std::string small_pk(const std::string& target) {
    return "KOMISI PEMILIHAN UMUM KABUPATEN CONTOH\n\nPERJANJIAN KINERJA TAHUN 2024\n\n"
           "Nama : Budi Santoso\nJabatan : Sekretaris KPU Kabupaten Contoh\nSelanjutnya disebut pihak pertama\n"
           "Nama : Siti Aminah\nJabatan : Ketua KPU Kabupaten Contoh\n"
           "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua\n\nContoh, 25 Januari 2024\n\n"
           "No\tSasaran Strategis\tIndikator Kinerja\tTarget\n"
           "1.\tPengelolaan Keuangan dan Barang Milik Negara (3355)\tPersentase laporan keuangan tepat waktu\t" +
           target + "\n";
}

bj::object check_json(const std::string& files) {
    const auto r = run_kinerja("check " + files + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err; // findings are the result, not a failure (contracts.md)
    return bj::parse(r.out).as_object();
}

TEST(Check, MalformedNumberInASmallPlanAndNotInItsCorrection) {
    const std::string dir = temp_dir();
    const auto bad = check_json(write_text(dir, "rkt-salah.txt", small_rkt("2.57.212.000")));
    EXPECT_TRUE(has_finding(bad, "malformed-number", 7)) << bj::serialize(bad);
    const auto good = check_json(write_text(dir, "rkt-benar.txt", small_rkt("2.557.212.000")));
    EXPECT_EQ(good.at("findings").as_array().size(), 0u) << bj::serialize(good);
}

TEST(Check, PkTargetAgainstTheRktsAcrossFiles) {
    const std::string dir = temp_dir();
    const std::string plan = write_text(dir, "rkt.txt", small_rkt("2.557.212.000"));
    const auto differs = check_json(plan + " " + write_text(dir, "pk-beda.txt", small_pk("100%")));
    // The RKT plans 95 where the PK signed 100%: found at the RKT row, naming the PK's target.
    bool found = false;
    for (const auto& f : differs.at("findings").as_array())
        if (f.at("id").as_string() == "target-differs-from-agreement" &&
            std::string(f.at("message").as_string()).find("100%") != std::string::npos)
            found = true;
    EXPECT_TRUE(found) << bj::serialize(differs);
    const auto agrees = check_json(plan + " " + write_text(dir, "pk-sama.txt", small_pk("95%")));
    EXPECT_FALSE(has_finding(agrees, "target-differs-from-agreement", 0)) << bj::serialize(agrees);
}

TEST(Check, AnotherOfficesNameInASmallPlan) {
    const std::string dir = temp_dir();
    std::string text = small_rkt("2.557.212.000");
    const std::string statement = "Persentase laporan keuangan";
    text.replace(text.find(statement), statement.size(), "Persentase KPU Kota Prabumulih yang menyusun laporan");
    const auto bad = check_json(write_text(dir, "rkt-nama.txt", text));
    EXPECT_TRUE(has_finding(bad, "foreign-office-name", 7)) << bj::serialize(bad);
    const auto missing = run_kinerja("check " + dir + "/tidak-ada.txt --json");
    EXPECT_EQ(missing.exit_code, 2) << missing.err;
}

// An LKj whose only figures stand in its attachment (last year's and this year's beside the budget,
// under a title naming the objective): checked and imported, the objective stored by that title.
TEST(Import, LkjWithOnlyItsAttachmentTablesNamesTheirObjective) {
    const std::string dir = temp_dir();
    const std::string lkj = write_text(
        dir, "lkj.txt",
        "LAPORAN KINERJA KPU KOTA PRABUMULIH TAHUN 2024\nBAB I PENDAHULUAN\nBAB II PERENCANAAN DAN PERJANJIAN "
        "KINERJA\nBAB III AKUNTABILITAS KINERJA\nA. Capaian Kinerja Organisasi\nB. Realisasi Anggaran\nBAB IV "
        "PENUTUP\nLampiran\nPerencanaan Program dan Anggaran (6709)\n"
        "No\tIndikator Kinerja Utama\tKinerja Tahun 2023\t\t\tKinerja Tahun 2024\t\t\tAnggaran Tahun 2024\t\t\n"
        "\t\tTarget (%)\tRealisasi (%)\t%\tTarget (%)\tRealisasi (%)\t%\tPagu (Rp)\tRealisasi (Rp)\t%\n"
        "1\tPersentase rencana tepat waktu\t95\t95\t100\t95\t95\t100\t551.587.000\t496.589.508\t90,03\n");
    const auto checked = run_kinerja("check " + lkj + " --json");
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    const std::string db = dir + "/kantor.db";
    const auto imported = run_kinerja("import " + lkj + " --db " + db + " --satker kpu-kota-prabumulih");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto exported = run_kinerja("export --db " + db + " --out " + dir + "/all.json");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    std::ifstream in(dir + "/all.json");
    const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(all.find("Perencanaan Program dan Anggaran (6709)"), std::string::npos);
    EXPECT_NE(all.find("Persentase rencana tepat waktu"), std::string::npos);

    // Without the title, last year's figure has no objective to stand under: said, not stored.
    std::string untitled = read_file(lkj);
    untitled.erase(untitled.find("Perencanaan Program dan Anggaran (6709)\n"), 40);
    const auto bare = check_json(write_text(dir, "lkj-tanpa-judul.txt", untitled));
    EXPECT_TRUE(has_finding(bare, "previous-year-unplaced", 11)) << bj::serialize(bare);
    const std::string db2 = dir + "/kantor2.db";
    const auto stored =
        run_kinerja("import " + dir + "/lkj-tanpa-judul.txt --db " + db2 + " --satker kpu-kota-prabumulih");
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    ASSERT_EQ(run_kinerja("export --db " + db2 + " --out " + dir + "/all2.json").exit_code, 0);
    EXPECT_EQ(read_file(dir + "/all2.json").find("Persentase rencana tepat waktu"), std::string::npos);
}

} // namespace
} // namespace kinerja::test
