// `kinerja report` as a user runs it: the files are opened the way a user opens them (pdftotext and
// pdftoppm for PDF, LibreOffice headless for DOCX and XLSX) and their numbers compared with
// `kinerja measure`. PNG pages and converted files stay in build/report-artifacts/cli/.
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <regex>
#include <unistd.h>
#include <zip.h>

#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

namespace fs = std::filesystem;
namespace bj = boost::json;

const std::string office = "--satker kpu-kota-prabumulih --year 2024";

std::string artifacts() {
    const std::string dir = KINERJA_ARTIFACTS_DIR "/cli";
    fs::create_directories(dir);
    return dir;
}

std::string shell(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
        out.append(buf, n);
    pclose(p);
    return out;
}

std::string pdf_text(const std::string& pdf) {
    return shell("pdftotext -layout '" + pdf + "' - 2>/dev/null");
}

// LibreOffice headless converts like a user opening and saving the file; a private profile per call
// keeps parallel test runs apart. Returns the converted file's path, empty on failure.
std::string libreoffice_convert(const std::string& file, const std::string& to, const std::string& outdir) {
    const std::string profile = temp_dir() + "/lo-profile";
    const std::string cmd = "soffice --headless -env:UserInstallation=file://" + profile + " --convert-to " + to +
                            " --outdir '" + outdir + "' '" + file + "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return "";
    const std::string stem = fs::path(file).stem().string();
    const std::string ext = to.substr(0, to.find(':'));
    const std::string out = outdir + "/" + stem + "." + ext;
    return file_exists(out) ? out : "";
}

std::string zip_entry(const std::string& file, const std::string& name) {
    int err = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
    if (!z) return "";
    std::string out;
    if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
        char buf[8192];
        for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;)
            out.append(buf, static_cast<std::size_t>(n));
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

// The achievements `kinerja measure --format json` prints, in table order: each objective's
// indicators then the objective's roll-up, and the office's roll-up last. Canonical ("94.44").
std::vector<std::string> measured_sequence(const std::string& db) {
    const auto r = run_kinerja("measure --db " + db + " " + office + " --format json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> out;
    const bj::value v = bj::parse(r.out);
    auto text_of = [](const bj::value& x) { return x.is_string() ? std::string(x.as_string()) : std::string("-"); };
    for (const auto& o : v.at("objectives").as_array()) {
        for (const auto& i : o.at("indicators").as_array())
            out.push_back(text_of(i.at("achievement")));
        out.push_back(text_of(o.at("achievement")));
    }
    out.push_back(text_of(v.at("achievement")));
    return out;
}

TEST(Report, RefusesOverErrorFindingsAndWritesNothing) {
    const std::string db = demo_database();
    const std::string out = temp_dir() + "/lkj.pdf";
    const auto r = run_kinerja("report lkj --db " + db + " " + office + " --format pdf --out " + out);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("20 galat"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--force"), std::string::npos);
    EXPECT_NE(r.err.find("budget-over-ceiling"), std::string::npos);
    EXPECT_FALSE(file_exists(out));
    // The RKT of Prabumulih has no error of its own: it is printed without --force, and not as a draft.
    const std::string rkt = temp_dir() + "/rkt.pdf";
    const auto ok = run_kinerja("report rkt --db " + db + " " + office + " --out " + rkt);
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(pdf_text(rkt).find("DRAFT"), std::string::npos);
}

TEST(Report, LkjPdfCarriesTheMeasuredFiguresAndTheDraftMarkOnEveryPage) {
    const std::string db = demo_database();
    const std::string pdf = artifacts() + "/lkj-2024-prabumulih.pdf";
    const auto r = run_kinerja("report lkj --db " + db + " " + office + " --format pdf --force --out " + pdf);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("DRAF"), std::string::npos);
    const std::string text = pdf_text(pdf);
    for (const char* t : {"LAPORAN KINERJA",
                          "DAFTAR ISI",
                          "BAB I PENDAHULUAN",
                          "BAB III AKUNTABILITAS KINERJA",
                          "94,44",
                          "94,74",
                          "93,75",
                          "98,15",
                          "99,58",
                          "Sangat Berhasil",
                          "41.579.911.818",
                          "41.661.103.000",
                          "99,81",
                          "Yasrin Abidin",
                          "Marta Dinata",
                          "Abdul Aziz",
                          "NIP. 19830729 200902 1 004",
                          "Target tidak tercapai",
                          "Kata Pengantar belum",
                          "DAFTAR TEMUAN",
                          "Tidak Berhasil",
                          "LAMPIRAN",
                          "Halaman 1 dari"})
        EXPECT_NE(text.find(t), std::string::npos) << t;
    // Every page is marked.
    std::size_t pages = 0, marked = 0, start = 0;
    while (start < text.size()) {
        auto end = text.find('\f', start);
        if (end == std::string::npos) end = text.size();
        const std::string page = text.substr(start, end - start);
        if (page.find_first_not_of(" \n") != std::string::npos) {
            ++pages;
            if (page.find("DRAFT") != std::string::npos) ++marked;
        }
        start = end + 1;
    }
    EXPECT_GT(pages, 10u);
    EXPECT_EQ(marked, pages);
    // Rounding by truncation is a report option, as in the seed (90/95 printed 94,73).
    const std::string trunc = temp_dir() + "/t.pdf";
    ASSERT_EQ(
        run_kinerja("report lkj --db " + db + " " + office + " --force --rounding truncate --out " + trunc).exit_code,
        0);
    EXPECT_NE(pdf_text(trunc).find("94,73"), std::string::npos);
    // The pages as pictures, kept as test artifacts.
    const std::string png = artifacts() + "/lkj-page";
    shell("pdftoppm -png -r 40 -f 1 -l 6 '" + pdf + "' '" + png + "'");
    EXPECT_TRUE(file_exists(png + "-01.png") || file_exists(png + "-1.png"));
}

TEST(Report, LkjXlsxMeasurementEqualsKinerjaMeasure) {
    const std::string db = demo_database();
    const std::string xlsx = artifacts() + "/lkj-2024-prabumulih.xlsx";
    ASSERT_EQ(run_kinerja("report lkj --db " + db + " " + office + " --force --out " + xlsx).exit_code, 0);
    // Find the sheet named "Pengukuran Kinerja" and read its numeric cells of the achievement column (E).
    const std::string workbook = zip_entry(xlsx, "xl/workbook.xml");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(workbook, m, std::regex(R"|(<sheet name="Pengukuran Kinerja" sheetId="(\d+)")|")))
        << workbook.substr(0, 2000);
    const std::string sheet = zip_entry(xlsx, "xl/worksheets/sheet" + std::string(m[1]) + ".xml");
    ASSERT_FALSE(sheet.empty());
    std::vector<std::string> in_report;
    const std::regex cell(R"|(<c r="E(\d+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>)|");
    for (std::sregex_iterator it(sheet.begin(), sheet.end(), cell), end; it != end; ++it)
        if ((*it)[2].str().find("t=\"s\"") == std::string::npos) in_report.push_back((*it)[3]);
    // A cell without achievement is text ("tidak dapat dihitung"); measure prints null for it.
    std::vector<std::string> measured;
    for (const auto& s : measured_sequence(db))
        if (s != "-") measured.push_back(s);
    ASSERT_FALSE(measured.empty());
    // Excel stores doubles (94.74 may be written 94.739999999999995): compare at the printed 2 decimals.
    auto two_decimals = [](const std::string& s) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", std::stod(s));
        return std::string(buf);
    };
    std::vector<std::string> normalized;
    for (const auto& s : in_report)
        normalized.push_back(two_decimals(s));
    std::vector<std::string> expected;
    for (const auto& s : measured)
        expected.push_back(two_decimals(s));
    EXPECT_EQ(normalized, expected);
    // The DOCX and the PDF print the same figures, the Indonesian way ("94,44").
    const std::string docx = temp_dir() + "/lkj.docx", pdf = temp_dir() + "/lkj.pdf";
    ASSERT_EQ(run_kinerja("report lkj --db " + db + " " + office + " --force --out " + docx).exit_code, 0);
    ASSERT_EQ(run_kinerja("report lkj --db " + db + " " + office + " --force --out " + pdf).exit_code, 0);
    const std::string word = zip_entry(docx, "word/document.xml"), text = pdf_text(pdf);
    for (std::string e : expected) {
        e[e.find('.')] = ',';
        EXPECT_NE(word.find(">" + e + "<"), std::string::npos) << e;
        EXPECT_NE(text.find(e), std::string::npos) << e;
    }
    // LibreOffice opens the workbook.
    EXPECT_FALSE(libreoffice_convert(xlsx, "pdf", artifacts()).empty());
}

TEST(Report, PkDocxOpensInLibreOfficeWithBothPartiesAndTheBudgetTotal) {
    const std::string db = demo_database();
    const std::string docx = artifacts() + "/pk-2024-prabumulih.docx";
    const auto refused = run_kinerja("report pk --db " + db + " " + office + " --out " + docx);
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("cascade-budget-mismatch"), std::string::npos);
    EXPECT_EQ(refused.err.find("malformed-number"), std::string::npos) << "the action plan's errors do not stop the PK";
    ASSERT_EQ(run_kinerja("report pk --db " + db + " " + office + " --force --out " + docx).exit_code, 0);
    const std::string xml = zip_entry(docx, "word/document.xml");
    EXPECT_NE(xml.find("w:tblHeader"), std::string::npos);
    const std::string pdf = libreoffice_convert(docx, "pdf", artifacts());
    ASSERT_FALSE(pdf.empty());
    const std::string text = pdf_text(pdf);
    for (const char* t : {"PIHAK KEDUA", "PIHAK PERTAMA", "Yasrin Abidin", "Marta Dinata", "20.518.557.000",
                          "Prabumulih, 25 Januari 2024", "Abdul Aziz", "19830729 200902 1 004", "KRO"})
        EXPECT_NE(text.find(t), std::string::npos) << t;
    // One sub-unit's agreement alone, and an unknown one named with the ones that exist.
    const std::string one = temp_dir() + "/pk-unit.pdf";
    ASSERT_EQ(run_kinerja("report pk --db " + db + " " + office +
                          " --force --unit 'Subbagian Perencanaan, Data dan Informasi' --out " + one)
                  .exit_code,
              0);
    const std::string unit_text = pdf_text(one);
    EXPECT_NE(unit_text.find("Abdul Aziz"), std::string::npos);
    EXPECT_EQ(unit_text.find("Marta Dinata"), std::string::npos);
    const auto unknown = run_kinerja("report pk --db " + db + " " + office + " --force --unit 'Bagian X' --out " + one);
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("Subbagian Perencanaan"), std::string::npos) << unknown.err;
    const auto version = run_kinerja("report pk --db " + db + " " + office + " --force --version 3 --out " + one);
    EXPECT_EQ(version.exit_code, 1);
    EXPECT_NE(version.err.find("versi 3"), std::string::npos) << version.err;
}

TEST(Report, RktInBothLayoutsAndTheActionPlanGrid) {
    const std::string db = demo_database();
    const std::string kaltim = artifacts() + "/rkt-2024-kaltim.xlsx";
    const auto k = run_kinerja("report rkt --db " + db +
                               " --satker kpu-prov-kalimantan-timur --year 2024 --force --out " + kaltim);
    ASSERT_EQ(k.exit_code, 0) << k.err;
    EXPECT_NE(zip_entry(kaltim, "xl/sharedStrings.xml").find("Sasaran Strategis"), std::string::npos);
    EXPECT_FALSE(libreoffice_convert(kaltim, "pdf", artifacts()).empty());
    // OKU Selatan's RKT has '2.57.212.000': refused, then a draft that names it.
    const std::string oku = artifacts() + "/rkt-2024-oku-selatan.pdf";
    EXPECT_EQ(run_kinerja("report rkt --db " + db + " --satker kpu-kab-oku-selatan --year 2024 --out " + oku).exit_code,
              1);
    ASSERT_EQ(run_kinerja("report rkt --db " + db + " --satker kpu-kab-oku-selatan --year 2024 --force --out " + oku)
                  .exit_code,
              0);
    const std::string oku_text = pdf_text(oku);
    EXPECT_NE(oku_text.find("2.57.212.000"), std::string::npos);
    EXPECT_NE(oku_text.find("Pelaksana"), std::string::npos);
    // The action plan: landscape, B1–B12.
    const std::string renaksi = artifacts() + "/renaksi-2024-prabumulih.pdf";
    ASSERT_EQ(run_kinerja("report renaksi --db " + db + " " + office + " --force --out " + renaksi).exit_code, 0);
    const std::string info = shell("pdfinfo '" + renaksi + "'");
    EXPECT_NE(info.find("841.89 x 595.28"), std::string::npos) << info; // A4 landscape
    const std::string text = pdf_text(renaksi);
    for (const char* t : {"B1", "B12", "Perkiraan", "Pelaksana", "DRAFT"})
        EXPECT_NE(text.find(t), std::string::npos) << t;
    const std::string docx = artifacts() + "/renaksi-2024-prabumulih.docx";
    ASSERT_EQ(run_kinerja("report renaksi --db " + db + " " + office + " --force --out " + docx).exit_code, 0);
    EXPECT_NE(zip_entry(docx, "word/document.xml").find("w:orient=\"landscape\""), std::string::npos);
}

TEST(Report, BadRequestsAreRefusedWithAClearMessageAndNoFile) {
    const std::string db = demo_database();
    const std::string dir = temp_dir();
    auto run = [&](const std::string& args) { return run_kinerja("report " + args); };
    auto r = run("lkj --db " + db + " --satker kpu-kota-tidak-ada --year 2024 --out " + dir + "/a.pdf");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("tidak dikenal"), std::string::npos);
    r = run("lkj --db " + db + " --satker kpu-kota-prabumulih --year 2031 --out " + dir + "/a.pdf");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("Tidak ada data"), std::string::npos) << r.err;
    r = run("renaksi --db " + db + " --satker kpu-kab-mesuji --year 2024 --out " + dir + "/a.pdf");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("Rencana Aksi"), std::string::npos) << r.err;
    r = run("lke --db " + db + " " + office + " --out " + dir + "/a.pdf");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("LKE"), std::string::npos);
    r = run("laporan --db " + db + " " + office + " --out " + dir + "/a.pdf");
    EXPECT_EQ(r.exit_code, 2);
    r = run("rkt --db " + db + " " + office + " --out " + dir + "/a.txt");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--format"), std::string::npos);
    r = run("rkt --db " + db + " " + office + " --out " + dir + "/tidak-ada/a.pdf");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("tidak dapat ditulis"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(dir)) << "no file, no temporary left behind";
}

} // namespace
} // namespace kinerja::test
