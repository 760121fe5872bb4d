// The XLSX renderer: the package read back with libzip (sheets, real numbers, number formats,
// charts, frozen header, draft header), then opened the way a user would, by LibreOffice headless
// (PDF and one CSV per sheet). The files stay in build/report-artifacts/xlsx/.
#include <gtest/gtest.h>
#include <zip.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

namespace {

namespace fs = std::filesystem;
namespace rpt = kinerja::app::report;
using kinerja::ErrorCode;
using kinerja::report_out::render_xlsx;
using kinerja::testing::pct_cell;
using kinerja::testing::rupiah_cell;
using kinerja::testing::sample_document;
using kinerja::testing::text_cell;

constexpr const char* temp_prefix = "kinerja-xlsx-"; // the renderer's mkstemp name

fs::path artifacts_dir() {
    fs::path dir = fs::path(KINERJA_ARTIFACTS_DIR) / "xlsx";
    fs::create_directories(dir);
    return dir;
}

// Through a temporary name and a rename, so that test processes running in parallel (ctest -j)
// never see each other's half-written files.
void write_artifact(const fs::path& path, const std::string& bytes) {
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    fs::rename(tmp, path);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string xml_unescape(std::string s) {
    static const std::pair<std::string, std::string> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
            s.replace(at, from.size(), to);
    return s;
}

// Every part of an XLSX package, read from memory with libzip.
class Package {
public:
    explicit Package(const std::string& bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) return;
        zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
        if (!za) {
            zip_source_free(src);
            zip_error_fini(&err);
            return;
        }
        const zip_int64_t n = zip_get_num_entries(za, 0);
        for (zip_int64_t i = 0; i < n; ++i) {
            const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
            zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
            if (!name || !f) continue;
            std::string data;
            char buf[65536];
            for (zip_int64_t got; (got = zip_fread(f, buf, sizeof buf)) > 0;)
                data.append(buf, static_cast<std::size_t>(got));
            zip_fclose(f);
            parts_[name] = std::move(data);
        }
        zip_close(za);
        zip_error_fini(&err);
        valid_ = true;
    }

    bool valid() const { return valid_; }
    bool has(const std::string& name) const { return parts_.contains(name); }
    std::string part(const std::string& name) const {
        auto it = parts_.find(name);
        return it == parts_.end() ? std::string() : it->second;
    }
    std::vector<std::string> names_matching(const std::regex& re) const {
        std::vector<std::string> out;
        for (const auto& [name, data] : parts_)
            if (std::regex_match(name, re)) out.push_back(name);
        return out;
    }

    // Sheet names in workbook order.
    std::vector<std::string> sheets() const {
        std::vector<std::string> out;
        const std::string wb = part("xl/workbook.xml");
        static const std::regex sheet(R"re(<sheet name="([^"]*)")re");
        for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet); it != std::sregex_iterator(); ++it)
            out.push_back(xml_unescape((*it)[1]));
        return out;
    }

    // The worksheet part of a sheet, found through the workbook relationships.
    std::string sheet(const std::string& name) const {
        const std::string wb = part("xl/workbook.xml");
        static const std::regex sheet(R"re(<sheet name="([^"]*)"[^>]*r:id="([^"]*)")re");
        for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet); it != std::sregex_iterator(); ++it) {
            if (xml_unescape((*it)[1]) != name) continue;
            const std::string rels = part("xl/_rels/workbook.xml.rels");
            const std::regex rel("<Relationship Id=\"" + (*it)[2].str() + "\"[^>]*Target=\"([^\"]*)\"");
            std::smatch m;
            if (std::regex_search(rels, m, rel)) return part("xl/" + m[1].str());
        }
        return {};
    }

private:
    std::map<std::string, std::string> parts_;
    bool valid_ = false;
};

// Sets TMPDIR to a fresh directory of this process for the renderer's temporary file, restores it after.
class PrivateTmpdir {
public:
    explicit PrivateTmpdir(const std::string& tag) {
        dir_ = artifacts_dir() / ("tmp-" + tag + "-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        ::setenv("TMPDIR", dir_.c_str(), 1);
    }
    ~PrivateTmpdir() {
        if (old_)
            ::setenv("TMPDIR", old_->c_str(), 1);
        else
            ::unsetenv("TMPDIR");
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    const fs::path& dir() const { return dir_; }
    int count(const std::string& prefix = "") const {
        int n = 0;
        for (const auto& e : fs::directory_iterator(dir_))
            if (e.path().filename().string().starts_with(prefix)) ++n;
        return n;
    }

private:
    fs::path dir_;
    std::optional<std::string> old_;
};

std::string render_ok(const rpt::Document& doc) {
    auto r = render_xlsx(doc);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message + " (" + r.error().where + ")");
    return r ? *r : std::string();
}

// A numeric cell (no t="s" attribute) holding exactly `value`.
::testing::AssertionResult has_number_cell(const std::string& sheet_xml, const std::string& value) {
    const std::regex re(R"re(<c r="[A-Z]+[0-9]+"( s="[0-9]+")?><v>)re" +
                        std::regex_replace(value, std::regex(R"(\.)"), R"(\.)") + "</v></c>");
    if (std::regex_search(sheet_xml, re)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "no numeric cell <v>" << value << "</v>";
}

// ---- the package --------------------------------------------------------------------------------

class XlsxRenderer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plain_ = new std::string(render_ok(sample_document()));
        draft_ = new std::string(render_ok(sample_document(true)));
        write_artifact(artifacts_dir() / "lkj.xlsx", *plain_);
        write_artifact(artifacts_dir() / "lkj-draft.xlsx", *draft_);
    }
    static void TearDownTestSuite() {
        delete plain_;
        delete draft_;
        plain_ = draft_ = nullptr;
    }
    static Package plain() { return Package(*plain_); }
    static Package draft() { return Package(*draft_); }

    static std::string* plain_;
    static std::string* draft_;
};
std::string* XlsxRenderer::plain_ = nullptr;
std::string* XlsxRenderer::draft_ = nullptr;

const std::vector<std::string> sample_sheets = {"Info", "Pengukuran", "Anggaran", "Grafik 3.1 Capaian per Sasaran",
                                                "Grafik 3.2 Capaian dan"};

TEST_F(XlsxRenderer, IsAZipPackageWithTheWorkbookParts) {
    ASSERT_EQ(plain_->substr(0, 2), "PK");
    const Package p = plain();
    ASSERT_TRUE(p.valid());
    for (const char* part :
         {"[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml"})
        EXPECT_TRUE(p.has(part)) << part;
}

TEST_F(XlsxRenderer, ListsInfoTableAndChartSheetsInOrder) {
    EXPECT_EQ(plain().sheets(), sample_sheets);
    EXPECT_EQ(draft().sheets(), sample_sheets);
}

TEST_F(XlsxRenderer, StoresNumbersAsNumbers) {
    const Package p = plain();
    const std::string pengukuran = p.sheet("Pengukuran");
    const std::string anggaran = p.sheet("Anggaran");
    ASSERT_FALSE(pengukuran.empty());
    ASSERT_FALSE(anggaran.empty());
    EXPECT_TRUE(has_number_cell(pengukuran, "94.44"));
    EXPECT_TRUE(has_number_cell(anggaran, "41579911818"));
    EXPECT_TRUE(has_number_cell(anggaran, "41661103000"));
    EXPECT_TRUE(has_number_cell(anggaran, "99.81"));
    // The total row "Rata-rata" spans A:D and its number sits in E, after the group row and 120 rows.
    EXPECT_NE(pengukuran.find(R"(<mergeCell ref="A124:D124"/>)"), std::string::npos);
    EXPECT_TRUE(std::regex_search(pengukuran, std::regex(R"re(<c r="E124" s="[0-9]+"><v>94.44</v></c>)re")));
    // The Indonesian printed forms are not stored: the cells hold numbers.
    const std::string strings = p.part("xl/sharedStrings.xml");
    EXPECT_EQ(strings.find("94,44"), std::string::npos);
    EXPECT_EQ(strings.find("41.579.911.818"), std::string::npos);
}

TEST_F(XlsxRenderer, DefinesTheNumberFormats) {
    const std::string styles = plain().part("xl/styles.xml");
    std::smatch thousands, decimals;
    ASSERT_TRUE(
        std::regex_search(styles, thousands, std::regex(R"re(<numFmt numFmtId="([0-9]+)" formatCode="#,##0"/>)re")))
        << styles;
    ASSERT_TRUE(
        std::regex_search(styles, decimals, std::regex(R"re(<numFmt numFmtId="([0-9]+)" formatCode="0.00"/>)re")));
    // ...and cell formats use them.
    EXPECT_NE(styles.find("<xf numFmtId=\"" + thousands[1].str() + "\" "), std::string::npos);
    EXPECT_NE(styles.find("<xf numFmtId=\"" + decimals[1].str() + "\" "), std::string::npos);
}

TEST_F(XlsxRenderer, KeepsTextLiterally) {
    const std::string strings = xml_unescape(plain().part("xl/sharedStrings.xml"));
    for (const char* s : {"Indikator Kinerja", "Sangat Berhasil", "Tabel 3.1 Pengukuran Kinerja Tahun 2024",
                          "Sasaran 1. Meningkatnya kualitas layanan", "Laporan Kinerja KPU Kota Contoh Tahun 2024",
                          "KPU Kota Contoh", "Skala LAN (4 kategori): x \xE2\x89\xA5 85 Sangat Berhasil."})
        EXPECT_NE(strings.find(s), std::string::npos) << s;
    // Paragraphs and signatures belong to the DOCX/PDF only.
    EXPECT_EQ(strings.find("Marta Dinata"), std::string::npos);
    EXPECT_EQ(strings.find("Kalimat panjang"), std::string::npos);
}

TEST_F(XlsxRenderer, MarkupCharactersComeOutLiterally) {
    rpt::Document d;
    d.title = "Uji <b>tanda</b> & \"kutip\"";
    rpt::Table t;
    t.id = "uji";
    t.caption = "Tabel <i>miring</i> & 'apostrof'";
    t.sheet_name = "Uji";
    t.widths = {1, 1};
    t.header.push_back(rpt::Row{{text_cell("A&B"), text_cell("<C>")}, rpt::RowStyle::normal});
    t.body.push_back(
        rpt::Row{{text_cell("Teks dengan <b>tanda</b> & \"kutip\""), text_cell("]]> &amp;")}, rpt::RowStyle::normal});
    d.blocks.push_back(t);
    const std::string bytes = render_ok(d);
    const Package p(bytes);
    ASSERT_TRUE(p.valid());
    const std::string strings = xml_unescape(p.part("xl/sharedStrings.xml"));
    for (const char* s : {"Uji <b>tanda</b> & \"kutip\"", "Tabel <i>miring</i> & 'apostrof'", "A&B", "<C>",
                          "Teks dengan <b>tanda</b> & \"kutip\"", "]]> &amp;"})
        EXPECT_NE(strings.find(s), std::string::npos) << s;
    EXPECT_NE(xml_unescape(p.part("docProps/core.xml")).find("<dc:title>Uji <b>tanda</b> & \"kutip\"</dc:title>"),
              std::string::npos);
}

TEST_F(XlsxRenderer, HasOneNativeColumnChartPerChartBlock) {
    const Package p = plain();
    const auto charts = p.names_matching(std::regex(R"(xl/charts/chart[0-9]+\.xml)"));
    ASSERT_EQ(charts.size(), 2u);
    const std::string c1 = xml_unescape(p.part("xl/charts/chart1.xml"));
    const std::string c2 = xml_unescape(p.part("xl/charts/chart2.xml"));
    EXPECT_NE(c1.find("<c:barDir val=\"col\"/>"), std::string::npos);
    EXPECT_NE(c1.find("Grafik 3.1 Capaian per Sasaran"), std::string::npos);
    EXPECT_NE(c2.find("Grafik 3.2 Capaian dan Penyerapan Anggaran per Kegiatan"), std::string::npos);
    // Series named from the header cells and drawn from the data on the chart's own sheet.
    EXPECT_NE(c1.find("'Grafik 3.1 Capaian per Sasaran'!$B$1"), std::string::npos) << c1;
    EXPECT_NE(c1.find("'Grafik 3.1 Capaian per Sasaran'!$A$2:$A$4"), std::string::npos);
    EXPECT_NE(c1.find("'Grafik 3.1 Capaian per Sasaran'!$B$2:$B$4"), std::string::npos);
    EXPECT_NE(c2.find("'Grafik 3.2 Capaian dan'!$C$2:$C$4"), std::string::npos);
    EXPECT_NE(c2.find("Penyerapan anggaran (%)"), std::string::npos);
    EXPECT_EQ(c1.find("Penyerapan anggaran (%)"), std::string::npos);

    const std::string data = p.sheet("Grafik 3.1 Capaian per Sasaran");
    EXPECT_TRUE(has_number_cell(data, "94.44"));
    EXPECT_TRUE(has_number_cell(data, "100"));
    // The missing value of "Sasaran 3" is an empty cell, not a zero or a "-".
    EXPECT_TRUE(std::regex_search(data, std::regex(R"re(<c r="B4" s="[0-9]+"/>)re"))) << data;
    EXPECT_NE(data.find("<drawing "), std::string::npos);
    EXPECT_EQ(p.sheet("Pengukuran").find("<drawing "), std::string::npos);
}

TEST_F(XlsxRenderer, FreezesAndRepeatsTheHeader) {
    const Package p = plain();
    const std::string pengukuran = p.sheet("Pengukuran");
    // Caption in row 1, header in row 2: the body scrolls from row 3.
    EXPECT_TRUE(std::regex_search(pengukuran, std::regex(R"re(<pane [^>]*topLeftCell="A3"[^>]*state="frozen")re")))
        << pengukuran.substr(0, 1500);
    EXPECT_NE(pengukuran.find(R"(<mergeCell ref="A1:F1"/>)"), std::string::npos); // the caption
    EXPECT_NE(pengukuran.find(R"(<mergeCell ref="A3:F3"/>)"), std::string::npos); // the group row
    const std::string wb = p.part("xl/workbook.xml");
    EXPECT_NE(wb.find(R"(<definedName name="_xlnm.Print_Titles" localSheetId="1">Pengukuran!$2:$2</definedName>)"),
              std::string::npos)
        << wb;
    EXPECT_NE(wb.find(R"(<definedName name="_xlnm.Print_Titles" localSheetId="2">Anggaran!$2:$2</definedName>)"),
              std::string::npos);
    const Package d = draft();
    EXPECT_TRUE(
        std::regex_search(d.sheet("Pengukuran"), std::regex(R"re(<pane [^>]*topLeftCell="A4"[^>]*state="frozen")re")));
    EXPECT_NE(d.part("xl/workbook.xml").find(">Pengukuran!$3:$3</definedName>"), std::string::npos);
}

TEST_F(XlsxRenderer, PrintsOnA4OnePageWideWithPageNumbers) {
    const Package p = plain();
    for (const std::string& name : sample_sheets) {
        const std::string s = p.sheet(name);
        EXPECT_NE(s.find("paperSize=\"9\""), std::string::npos) << name;
        EXPECT_NE(s.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos) << name;
        EXPECT_NE(s.find("fitToHeight=\"0\""), std::string::npos) << name;
        EXPECT_NE(s.find("<oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter>"), std::string::npos) << name;
        EXPECT_EQ(s.find("<oddHeader>"), std::string::npos) << name;
    }
    EXPECT_EQ(p.sheet("Pengukuran").find("orientation=\"landscape\""), std::string::npos);
    EXPECT_NE(p.sheet("Grafik 3.1 Capaian per Sasaran").find("orientation=\"landscape\""), std::string::npos);

    rpt::Document wide = sample_document();
    wide.landscape = true;
    const Package w(render_ok(wide));
    EXPECT_NE(w.sheet("Pengukuran").find("orientation=\"landscape\""), std::string::npos);
}

TEST_F(XlsxRenderer, ScalesColumnWidthsFromTheTable) {
    const std::string s = plain().sheet("Pengukuran");
    std::vector<double> widths;
    static const std::regex col(R"re(<col min="([0-9]+)" max="([0-9]+)" width="([0-9.]+)")re");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), col); it != std::sregex_iterator(); ++it)
        widths.push_back(std::stod((*it)[3]));
    ASSERT_EQ(widths.size(), 6u);
    double total = 0;
    for (double w : widths)
        total += w;
    EXPECT_GT(total, 90);
    EXPECT_LT(total, 115);
    EXPECT_GT(widths[1], 5 * widths[0]); // 6 : 1 in Table::widths
}

TEST_F(XlsxRenderer, InfoSheetCarriesTitleOfficeAndYear) {
    const Package p = plain();
    const std::string info = p.sheet("Info");
    EXPECT_TRUE(has_number_cell(info, "2024"));
    EXPECT_NE(info.find("<hyperlink ref=\"A6\" location=\"'Pengukuran'!A1\""), std::string::npos) << info;
    EXPECT_NE(p.part("docProps/core.xml").find("<dc:title>Laporan Kinerja KPU Kota Contoh Tahun 2024</dc:title>"),
              std::string::npos);
    EXPECT_NE(p.part("docProps/app.xml").find("<Company>KPU Kota Contoh</Company>"), std::string::npos);
}

TEST_F(XlsxRenderer, DraftIsMarkedOnEverySheet) {
    const std::string mark = rpt::draft_watermark;
    const Package d = draft();
    for (const std::string& name : sample_sheets) {
        const std::string s = xml_unescape(d.sheet(name));
        EXPECT_NE(s.find("<oddHeader>&C&KC00000&\"Noto Sans,Bold\"" + mark + "</oddHeader>"), std::string::npos)
            << name << "\n"
            << s.substr(s.find("<headerFooter"), 300);
    }
    const std::string strings = xml_unescape(d.part("xl/sharedStrings.xml"));
    EXPECT_NE(strings.find(mark), std::string::npos);
    // A1 of the Info sheet and of each table sheet, in a bold red font; the caption moves to row 2.
    for (const char* name : {"Info", "Pengukuran", "Anggaran"})
        EXPECT_TRUE(std::regex_search(d.sheet(name), std::regex(R"re(<c r="A1" s="[0-9]+" t="s"><v>0</v></c>)re")))
            << name;
    EXPECT_NE(d.sheet("Pengukuran").find(R"(<mergeCell ref="A2:F2"/>)"), std::string::npos);
    EXPECT_NE(d.part("xl/styles.xml").find(R"(<b/><sz val="14"/><color rgb="FFC00000"/>)"), std::string::npos)
        << d.part("xl/styles.xml");

    const Package p = plain();
    EXPECT_EQ(p.part("xl/sharedStrings.xml").find("DRAFT"), std::string::npos);
    for (const std::string& name : sample_sheets)
        EXPECT_EQ(p.sheet(name).find("DRAFT"), std::string::npos) << name;
}

// ---- sheet names, edge cases, temporary files -------------------------------------------------

rpt::Table small_table(std::string sheet_name, std::string id) {
    rpt::Table t;
    t.id = std::move(id);
    t.sheet_name = std::move(sheet_name);
    t.caption = "Tabel";
    t.widths = {1};
    t.body.push_back(rpt::Row{{text_cell("isi")}, rpt::RowStyle::normal});
    return t;
}

TEST(XlsxSheetNames, AreSanitizedShortenedAndUnique) {
    rpt::Document d;
    d.title = "Nama lembar";
    d.blocks.push_back(small_table("Capaian 2023/2024: [Final]*?", "a"));
    d.blocks.push_back(small_table("Info", "b"));
    d.blocks.push_back(small_table("pengukuran", "c"));
    d.blocks.push_back(small_table("pengukuran", "d"));
    d.blocks.push_back(small_table("PENGUKURAN", "e"));
    d.blocks.push_back(small_table("", "anggaran"));
    d.blocks.push_back(small_table("", ""));
    d.blocks.push_back(small_table("Rencana Aksi Tahunan Kantor Wilayah Sumatera", "f"));
    d.blocks.push_back(small_table("Rencana Aksi Tahunan Kantor Wilayah Jawa", "g"));
    d.blocks.push_back(small_table("'Kutip'", "h"));
    d.blocks.push_back(small_table("Capaian \xE2\x80\x94 Triwulan", "i"));
    d.blocks.push_back(small_table("???", "[]"));
    rpt::Chart c;
    c.id = "grafik-x";
    c.categories = {"A"};
    c.series.push_back(rpt::ChartSeries{"S", {1.0}, {"1,00"}});
    d.blocks.push_back(c);
    const Package p(render_ok(d));
    ASSERT_TRUE(p.valid());
    const std::vector<std::string> expected = {"Info",
                                               "Capaian 2023-2024- Final",
                                               "Info (2)",
                                               "pengukuran",
                                               "pengukuran (2)",
                                               "PENGUKURAN (3)",
                                               "anggaran",
                                               "Tabel 7",
                                               "Rencana Aksi Tahunan Kantor",
                                               "Rencana Aksi Tahunan Kantor (2)",
                                               "Kutip",
                                               "Capaian \xE2\x80\x94 Triwulan",
                                               "Tabel 12",
                                               "grafik-x"};
    EXPECT_EQ(p.sheets(), expected);
    EXPECT_EQ(p.names_matching(std::regex(R"(xl/charts/chart[0-9]+\.xml)")).size(), 1u);
}

TEST(XlsxEdgeCases, EmptyDocumentHasTheInfoSheet) {
    rpt::Document d;
    d.title = "Dokumen kosong";
    d.office = "KPU Kota Contoh";
    d.year = 2024;
    const std::string bytes = render_ok(d);
    write_artifact(artifacts_dir() / "empty.xlsx", bytes);
    const Package p(bytes);
    ASSERT_TRUE(p.valid());
    EXPECT_EQ(p.sheets(), std::vector<std::string>{"Info"});
    EXPECT_NE(xml_unescape(p.part("xl/sharedStrings.xml")).find("Dokumen kosong"), std::string::npos);
    EXPECT_TRUE(has_number_cell(p.sheet("Info"), "2024"));

    const Package blank(render_ok(rpt::Document{}));
    ASSERT_TRUE(blank.valid());
    EXPECT_EQ(blank.sheets(), std::vector<std::string>{"Info"});
}

TEST(XlsxEdgeCases, OddCellsAndChartsStillMakeAWorkbook) {
    rpt::Document d;
    d.title = "Sel aneh";
    d.draft = true;
    rpt::Table t;
    t.sheet_name = "Aneh";
    t.widths = {}; // no widths: equal columns
    t.header.push_back(rpt::Row{{text_cell("Kelompok", 3)}, rpt::RowStyle::normal});
    rpt::Cell bad = pct_cell("?", "bukan angka"); // not a number: kept as its text
    rpt::Cell spanned = rupiah_cell("1.000", "1000");
    spanned.span = 2;
    rpt::Cell invalid_utf8 = text_cell(std::string("rusak \xC3 \xFF akhir"));
    rpt::Cell huge = text_cell(std::string(40000, 'x'));
    t.body.push_back(rpt::Row{{bad, spanned}, rpt::RowStyle::total});
    t.body.push_back(rpt::Row{{invalid_utf8}, rpt::RowStyle::group}); // short row: padded with blanks
    t.body.push_back(rpt::Row{{huge, text_cell("=SUM(A1)"), text_cell("")}, rpt::RowStyle::normal});
    t.note = "Baris satu\nBaris dua\nBaris tiga";
    d.blocks.push_back(t);
    rpt::Chart empty;
    empty.caption = "=Grafik tanpa data";
    d.blocks.push_back(empty);
    rpt::Chart ragged;
    ragged.caption = "=Grafik pendek";
    ragged.value_axis = "=%";
    ragged.categories = {"A", "B", "C"};
    ragged.series.push_back(rpt::ChartSeries{"=S1", {1.0}, {"1,00"}});
    d.blocks.push_back(ragged);
    const std::string bytes = render_ok(d);
    write_artifact(artifacts_dir() / "odd.xlsx", bytes);
    const Package p(bytes);
    ASSERT_TRUE(p.valid());
    // "=" is allowed in a sheet name.
    EXPECT_EQ(p.sheets(), (std::vector<std::string>{"Info", "Aneh", "=Grafik tanpa data", "=Grafik pendek"}));
    const std::string sheet = p.sheet("Aneh");
    EXPECT_NE(sheet.find(R"(<mergeCell ref="B3:C3"/>)"), std::string::npos);
    EXPECT_TRUE(std::regex_search(sheet, std::regex(R"re(<c r="B3" s="[0-9]+"><v>1000</v></c>)re")));
    EXPECT_TRUE(std::regex_search(sheet, std::regex(R"re(<c r="C4" s="[0-9]+"/>)re"))); // padding
    EXPECT_EQ(sheet.find("<f>"), std::string::npos);                                    // "=SUM" stays text
    const std::string strings = xml_unescape(p.part("xl/sharedStrings.xml"));
    EXPECT_EQ(strings.find("bukan angka"), std::string::npos) << "the number field is never shown";
    EXPECT_NE(strings.find(">?<"), std::string::npos);
    EXPECT_NE(strings.find("rusak \xEF\xBF\xBD \xEF\xBF\xBD akhir"), std::string::npos);
    EXPECT_NE(strings.find(std::string(32766, 'x') + "\xE2\x80\xA6"), std::string::npos);
    EXPECT_NE(strings.find("=SUM(A1)"), std::string::npos);
    // Only the chart with data is drawn; chart texts starting with "=" are not formulas.
    ASSERT_EQ(p.names_matching(std::regex(R"(xl/charts/chart[0-9]+\.xml)")).size(), 1u);
    const std::string chart = xml_unescape(p.part("xl/charts/chart1.xml"));
    EXPECT_NE(chart.find(" =Grafik pendek"), std::string::npos);
}

TEST(XlsxTempFile, IsRemovedAfterRendering) {
    PrivateTmpdir tmp("ok");
    ASSERT_EQ(tmp.count(temp_prefix), 0);
    for (bool draft : {false, true}) {
        auto r = render_xlsx(sample_document(draft));
        ASSERT_TRUE(r.has_value());
    }
    EXPECT_EQ(tmp.count(temp_prefix), 0);
    EXPECT_EQ(tmp.count(), 0) << "libxlsxwriter's own temporary files go there too";
}

TEST(XlsxTempFile, IsRemovedWhenLibxlsxwriterFails) {
    PrivateTmpdir tmp("fail");
    rpt::Document d = sample_document();
    rpt::Table wide;
    wide.sheet_name = "Terlalu lebar";
    rpt::Row row;
    row.cells.assign(16385, text_cell("x")); // one column past Excel's last (XFD)
    wide.body.push_back(row);
    d.blocks.push_back(wide);
    auto r = render_xlsx(d);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::internal);
    EXPECT_FALSE(r.error().message.empty());
    EXPECT_NE(r.error().where.find("Terlalu lebar"), std::string::npos) << r.error().where;
    EXPECT_EQ(tmp.count(temp_prefix), 0);
    EXPECT_EQ(tmp.count(), 0);
}

TEST(XlsxTempFile, MissingTempDirectoryIsAnIoError) {
    PrivateTmpdir tmp("missing");
    ::setenv("TMPDIR", (tmp.dir() / "tidak-ada").c_str(), 1);
    auto r = render_xlsx(sample_document());
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::io);
    EXPECT_FALSE(fs::exists(tmp.dir() / "tidak-ada"));
}

// ---- LibreOffice --------------------------------------------------------------------------------

bool have_tool(const char* name) {
    return std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0;
}

class XlsxLibreOffice : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have_tool("soffice")) return;
        work_ = new fs::path(artifacts_dir() / ("lo-" + std::to_string(::getpid())));
        fs::remove_all(*work_);
        fs::create_directories(*work_);
        write_artifact(*work_ / "lkj.xlsx", render_ok(sample_document()));
        write_artifact(*work_ / "lkj-draft.xlsx", render_ok(sample_document(true)));
        const std::string profile = "file:///tmp/lo-xlsx-test-" + std::to_string(::getpid());
        const std::string soffice = "cd '" + work_->string() +
                                    "' && timeout 300 soffice --headless --norestore -env:UserInstallation=" + profile +
                                    " ";
        pdf_status_ =
            std::system((soffice + "--convert-to pdf --outdir . lkj.xlsx lkj-draft.xlsx >lo-pdf.log 2>&1").c_str());
        // Filter options (LibreOffice 7.2+): comma, double quote, UTF-8, line 1, -, en-US, quote all
        // text cells, -, raw values (not as shown), no formulas, no trimming, every sheet (-1) to
        // <name>-<sheet>.csv. Quoting the texts leaves the numbers as the only unquoted fields.
        csv_status_ = std::system(
            (soffice + "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false,-1' "
                       "--outdir . lkj.xlsx >lo-csv.log 2>&1")
                .c_str());
        std::error_code ec;
        fs::remove_all("/tmp/lo-xlsx-test-" + std::to_string(::getpid()), ec);
    }
    static void TearDownTestSuite() {
        if (!work_) return;
        // Keep the converted files for people to look at, then drop the per-process directory.
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(*work_, ec))
            if (e.path().extension() != ".log") fs::rename(e.path(), artifacts_dir() / e.path().filename(), ec);
        fs::remove_all(*work_, ec);
        delete work_;
        work_ = nullptr;
    }
    void SetUp() override {
        ASSERT_NE(work_, nullptr) << "soffice (libreoffice-calc-nogui) is not installed: run make deps";
    }
    static std::string log(const char* name) { return read_file(*work_ / name); }

    static fs::path* work_;
    static int pdf_status_;
    static int csv_status_;
};
fs::path* XlsxLibreOffice::work_ = nullptr;
int XlsxLibreOffice::pdf_status_ = -1;
int XlsxLibreOffice::csv_status_ = -1;

TEST_F(XlsxLibreOffice, ConvertsToPdf) {
    ASSERT_EQ(pdf_status_, 0) << log("lo-pdf.log");
    for (const char* name : {"lkj.pdf", "lkj-draft.pdf"}) {
        const std::string pdf = read_file(*work_ / name);
        ASSERT_GT(pdf.size(), 1000u) << name << "\n" << log("lo-pdf.log");
        EXPECT_EQ(pdf.substr(0, 5), "%PDF-") << name;
    }
    ASSERT_TRUE(have_tool("pdftotext")) << "pdftotext (poppler-utils) is not installed: run make deps";
    const fs::path txt = *work_ / "lkj-draft.txt";
    ASSERT_EQ(
        std::system(
            ("pdftotext -enc UTF-8 '" + (*work_ / "lkj-draft.pdf").string() + "' '" + txt.string() + "'").c_str()),
        0);
    const std::string text = read_file(txt);
    fs::remove(txt);
    EXPECT_NE(text.find(rpt::draft_watermark), std::string::npos);
    EXPECT_NE(text.find("Halaman 1 dari"), std::string::npos);
    EXPECT_NE(text.find("Indikator Kinerja"), std::string::npos);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST_F(XlsxLibreOffice, CsvOfEachSheetHasTheNumbersAsNumbers) {
    ASSERT_EQ(csv_status_, 0) << log("lo-csv.log");
    const fs::path pengukuran = *work_ / "lkj-Pengukuran.csv";
    const fs::path anggaran = *work_ / "lkj-Anggaran.csv";
    ASSERT_TRUE(fs::exists(pengukuran)) << log("lo-csv.log");
    ASSERT_TRUE(fs::exists(anggaran)) << log("lo-csv.log");
    const auto p = lines_of(read_file(pengukuran));
    const auto a = lines_of(read_file(anggaran));
    EXPECT_TRUE(has_line(p, R"("1","Persentase layanan nomor 1","90%","85%",94.44,"Sangat Berhasil")"))
        << read_file(pengukuran).substr(0, 600);
    EXPECT_TRUE(has_line(p, R"("Rata-rata",,,,94.44,"Sangat Berhasil")"));
    EXPECT_TRUE(has_line(a, R"("Dukungan manajemen",41661103000,41579911818,99.81)")) << read_file(anggaran);
    EXPECT_TRUE(has_line(a, R"("Jumlah",41661103000,41579911818,99.81)"));
    // Neither sheet holds the other's numbers.
    EXPECT_EQ(read_file(pengukuran).find("41579911818"), std::string::npos);
    EXPECT_EQ(read_file(anggaran).find("94.44"), std::string::npos);
    const auto chart = lines_of(read_file(*work_ / "lkj-Grafik 3.1 Capaian per Sasaran.csv"));
    EXPECT_TRUE(has_line(chart, R"("Sasaran 3",)")) << "the missing value stays empty";
}

} // namespace
