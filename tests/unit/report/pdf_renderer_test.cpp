// The PDF is checked the way a reader meets it: poppler's pdftotext, pdfinfo, pdffonts and pdftoppm
// read the file written to KINERJA_ARTIFACTS_DIR (the PNG pages stay there to be looked at).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <cairo.h>

#include "adapters/report/chart_draw.h"
#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

namespace {

namespace fs = std::filesystem;
namespace report_out = kinerja::report_out;
namespace sample = kinerja::testing;
namespace rep = kinerja::app::report;

fs::path artifacts() {
    fs::path dir = fs::path(KINERJA_ARTIFACTS_DIR) / "pdf";
    fs::create_directories(dir);
    return dir;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
        out.append(buf.data(), n);
    pclose(pipe);
    return out;
}

fs::path write_pdf(const rep::Document& doc, const std::string& name) {
    auto pdf = report_out::render_pdf(doc);
    EXPECT_TRUE(pdf.has_value()) << (pdf ? "" : pdf.error().message);
    const fs::path path = artifacts() / (name + ".pdf");
    std::ofstream(path, std::ios::binary) << (pdf ? *pdf : std::string());
    return path;
}

// Runs of spaces collapse to one, so justified and column-laid text compares by words.
std::string squeeze(const std::string& s) {
    return std::regex_replace(s, std::regex(" +"), " ");
}

std::vector<std::string> pages_of(const std::string& text) {
    std::vector<std::string> pages;
    std::string page;
    std::istringstream in(text);
    while (std::getline(in, page, '\f'))
        pages.push_back(page);
    if (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) pages.pop_back();
    return pages;
}

int page_count(const fs::path& pdf) {
    std::smatch m;
    const std::string info = run("pdfinfo '" + pdf.string() + "'");
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

struct Rendered {
    fs::path path;
    std::string text; // pdftotext -layout, pages separated by \f
    std::vector<std::string> pages;
};

const Rendered& rendered(bool draft) {
    static std::map<bool, Rendered> cache;
    auto it = cache.find(draft);
    if (it != cache.end()) return it->second;
    Rendered r;
    r.path = write_pdf(sample::sample_document(draft), draft ? "sample-draft" : "sample");
    r.text = run("pdftotext -layout '" + r.path.string() + "' -");
    r.pages = pages_of(r.text);
    return cache.emplace(draft, std::move(r)).first->second;
}

TEST(PdfRenderer, PrintsTheFiguresAndTextLiterally) {
    const std::string text = squeeze(rendered(false).text);
    for (const char* expected : {"94,44", "Sangat Berhasil", "41.579.911.818", "Marta Dinata", "Yasrin Abidin",
                                 "NIP. 19830729 200902 1 004", "<b>tanda</b> & \"kutip\"", "Halaman 1 dari",
                                 "Kata Pengantar belum diisi.", "Tabel 3.1 Pengukuran Kinerja Tahun 2024",
                                 "Skala LAN (4 kategori)", "Grafik 3.2 Capaian dan Penyerapan Anggaran per Kegiatan",
                                 "Contoh, 25 Januari 2024", "PIHAK KEDUA", "PIHAK PERTAMA"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST(PdfRenderer, NumbersEveryPageOutOfTheTotal) {
    const Rendered& r = rendered(false);
    const int pages = page_count(r.path);
    ASSERT_GT(pages, 5); // a 50.000-character paragraph and a 120-row table
    ASSERT_EQ(static_cast<int>(r.pages.size()), pages);
    for (int i = 0; i < pages; ++i)
        EXPECT_NE(squeeze(r.pages[i]).find("Halaman " + std::to_string(i + 1) + " dari " + std::to_string(pages)),
                  std::string::npos)
            << "page " << i + 1;
}

TEST(PdfRenderer, RepeatsTheTableHeaderOnEveryPageTheTableSpans) {
    int with_header = 0;
    for (const std::string& page : rendered(false).pages)
        if (page.find("Indikator Kinerja") != std::string::npos) ++with_header;
    EXPECT_GE(with_header, 2);
}

TEST(PdfRenderer, ContentsGiveThePageWhereTheHeadingIs) {
    const auto& pages = rendered(false).pages;
    int toc = -1;
    for (size_t i = 0; i < pages.size(); ++i)
        if (pages[i].find("DAFTAR ISI") != std::string::npos) toc = static_cast<int>(i);
    ASSERT_GE(toc, 0);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(pages[toc], m, std::regex(R"(BAB I PENDAHULUAN\s+(\d+))")));
    const int listed = std::stoi(m[1]);
    int actual = 0;
    for (size_t i = 0; i < pages.size() && actual == 0; ++i)
        if (static_cast<int>(i) != toc && pages[i].find("BAB I PENDAHULUAN") != std::string::npos)
            actual = static_cast<int>(i) + 1;
    EXPECT_EQ(listed, actual);
    ASSERT_TRUE(std::regex_search(pages[toc], m, std::regex(R"(LAMPIRAN\s+(\d+))")));
    EXPECT_NE(pages[std::stoi(m[1]) - 1].find("LAMPIRAN"), std::string::npos);
}

TEST(PdfRenderer, DraftCarriesTheWatermarkOnEveryPage) {
    const Rendered& draft = rendered(true);
    ASSERT_EQ(static_cast<int>(draft.pages.size()), page_count(draft.path));
    for (size_t i = 0; i < draft.pages.size(); ++i)
        EXPECT_NE(draft.pages[i].find("DRAFT"), std::string::npos) << "page " << i + 1;
    EXPECT_EQ(rendered(false).text.find("DRAFT"), std::string::npos);
}

TEST(PdfRenderer, EmbedsNotoFonts) {
    const std::string fonts = run("pdffonts '" + rendered(false).path.string() + "'");
    // name  type  encoding  emb sub uni object ID
    EXPECT_TRUE(std::regex_search(fonts, std::regex(R"(NotoSans\S*\s.*\syes\s+yes\s+yes)"))) << fonts;
    EXPECT_TRUE(std::regex_search(fonts, std::regex(R"(NotoSerif\S*\s.*\syes\s+yes\s+yes)"))) << fonts;
}

TEST(PdfRenderer, IsA4WithTheTitle) {
    const std::string info = run("pdfinfo '" + rendered(false).path.string() + "'");
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595(\.28)? x 84[12](\.89)? pts)"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Title:\s+Laporan Kinerja KPU Kota Contoh Tahun 2024\n)")))
        << info;
}

TEST(PdfRenderer, LandscapeDocumentHasLandscapePages) {
    auto doc = sample::sample_document(false, 10);
    doc.landscape = true;
    const std::string info = run("pdfinfo '" + write_pdf(doc, "landscape").string() + "'");
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+84[12](\.89)? x 595(\.28)? pts)"))) << info;
}

// pdfinfo's "Page N size" lines: true where page N is landscape.
std::vector<bool> landscape_pages(const fs::path& pdf) {
    std::vector<bool> out;
    const std::string info = run("pdfinfo -f 1 -l 9999 '" + pdf.string() + "'");
    const std::regex size(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+))");
    for (auto it = std::sregex_iterator(info.begin(), info.end(), size); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1]) > std::stod((*it)[2]));
    return out;
}

TEST(PdfRenderer, WideTableGetsLandscapePages) {
    auto doc = sample::sample_document(false, 10);
    for (auto& b : doc.blocks)
        if (auto* t = std::get_if<rep::Table>(&b); t && t->id == "pengukuran") t->landscape_hint = true;
    const fs::path path = write_pdf(doc, "wide-table");
    const auto landscape = landscape_pages(path);
    const auto pages = pages_of(run("pdftotext -layout '" + path.string() + "' -"));
    ASSERT_EQ(landscape.size(), pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
        const bool wide = pages[i].find("Tabel 3.1") != std::string::npos;
        const bool narrow = pages[i].find("Tabel 3.2") != std::string::npos;
        const bool heading = pages[i].find("A. Pengukuran Capaian Kinerja") != std::string::npos;
        EXPECT_TRUE(!wide || landscape[i]) << "page " << i + 1;
        EXPECT_TRUE(!heading || i == 1 || landscape[i]) << "page " << i + 1; // page 2 is the contents
        EXPECT_TRUE(!narrow || !landscape[i]) << "page " << i + 1;
    }
    EXPECT_FALSE(landscape.front());
}

TEST(PdfRenderer, PagesConvertToPictures) {
    const fs::path dir = artifacts();
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png" && e.path().filename().string().rfind("sample-", 0) == 0)
            fs::remove(e.path());
    for (bool draft : {false, true}) {
        const std::string prefix = (dir / (draft ? "sample-draft" : "sample")).string();
        run("pdftoppm -png -r 50 '" + rendered(draft).path.string() + "' '" + prefix + "'");
    }
    int pictures = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png" && e.path().filename().string().rfind("sample-", 0) == 0) {
            EXPECT_GT(fs::file_size(e.path()), 1000u) << e.path();
            ++pictures;
        }
    EXPECT_EQ(pictures, page_count(rendered(false).path) + page_count(rendered(true).path));
}

TEST(PdfRenderer, EmptyDocumentIsOneValidPage) {
    const fs::path path = write_pdf(rep::Document{}, "empty");
    EXPECT_EQ(page_count(path), 1);
    EXPECT_NE(run("pdftotext '" + path.string() + "' -").find("Halaman 1 dari 1"), std::string::npos);
}

TEST(PdfRenderer, HugeCellIsSplitAcrossPages) {
    rep::Document doc;
    doc.title = "Sel panjang";
    rep::Table t;
    t.widths = {1, 4};
    t.header.push_back(rep::Row{{sample::text_cell("No"), sample::text_cell("Uraian")}});
    std::string huge;
    while (huge.size() < 5000)
        huge += "uraian sangat panjang ";
    huge += "AKHIR-SEL";
    t.body.push_back(rep::Row{{sample::text_cell("1"), sample::text_cell(huge)}});
    // Words too long for a narrow column break between characters instead of overflowing.
    t.body.push_back(rep::Row{{sample::text_cell(std::string(3000, '9')), sample::text_cell("akhir")}});
    doc.blocks.push_back(t);
    const fs::path path = write_pdf(doc, "huge-cell");
    EXPECT_GE(page_count(path), 2);
    const std::string text = run("pdftotext '" + path.string() + "' -");
    EXPECT_NE(text.find("AKHIR-SEL"), std::string::npos);
    EXPECT_NE(text.find("akhir"), std::string::npos);
}

TEST(PdfRenderer, OddInputsStillRender) {
    rep::Document doc;
    doc.title = "Judul \xff rusak"; // an invalid byte must not stop the file
    doc.blocks.push_back(rep::Heading{7, "Tingkat tak dikenal\nbaris kedua", true});
    doc.blocks.push_back(rep::PageBreak{});
    doc.blocks.push_back(rep::PageBreak{});
    doc.blocks.push_back(rep::Paragraph{"", rep::ParagraphStyle::body});
    doc.blocks.push_back(rep::Paragraph{"teks \xc3 rusak", rep::ParagraphStyle::note});
    rep::Table t;
    t.widths = {0, -3};
    t.body.push_back(rep::Row{});
    t.body.push_back(rep::Row{{sample::text_cell("lebar", 9), sample::text_cell("lebih")}});
    doc.blocks.push_back(t);
    doc.blocks.push_back(rep::Table{});
    doc.blocks.push_back(rep::Chart{});
    doc.blocks.push_back(rep::Signatures{});
    doc.blocks.push_back(rep::Signatures{"Kota, 1 Januari 2024", {rep::Signature{"", "Kepala,", "Nama", ""}}});
    doc.blocks.push_back(rep::TableOfContents{});
    const fs::path path = write_pdf(doc, "odd");
    EXPECT_GE(page_count(path), 2);
    const std::string text = squeeze(run("pdftotext -layout '" + path.string() + "' -"));
    EXPECT_NE(text.find("lebar"), std::string::npos);
    EXPECT_NE(text.find("Tingkat tak dikenal baris kedua"), std::string::npos); // in the contents, on one line
}

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* in = static_cast<std::string_view*>(closure);
    if (in->size() < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(in->data(), length, data);
    in->remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
}

TEST(ChartDraw, PngHasTheAskedSize) {
    const auto doc = sample::sample_document();
    int charts = 0;
    for (const auto& b : doc.blocks)
        if (const auto* c = std::get_if<rep::Chart>(&b)) {
            const std::string png = report_out::chart_png(*c, 1200, 600);
            ASSERT_GT(png.size(), 1000u);
            std::ofstream(artifacts() / (c->id + ".png"), std::ios::binary) << png;
            std::string_view in(png);
            cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_bytes, &in);
            ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
            EXPECT_EQ(cairo_image_surface_get_width(s), 1200);
            EXPECT_EQ(cairo_image_surface_get_height(s), 600);
            cairo_surface_destroy(s);
            ++charts;
        }
    EXPECT_EQ(charts, 2);
}

TEST(ChartDraw, OddChartsStillDraw) {
    rep::Chart empty;
    EXPECT_GT(report_out::chart_png(empty, 300, 200).size(), 100u);
    rep::Chart missing;
    missing.categories = {"Sasaran dengan nama yang sangat panjang sekali untuk satu kelompok", "B"};
    missing.series.push_back(rep::ChartSeries{"Capaian", {std::nullopt, 250.0}, {"-"}}); // one label short
    missing.reference_line = 100;
    const std::string png = report_out::chart_png(missing, 600, 300);
    EXPECT_GT(png.size(), 1000u);
    std::ofstream(artifacts() / "chart-odd.png", std::ios::binary) << png;
    EXPECT_TRUE(report_out::chart_png(missing, 0, 10).empty());
}

} // namespace
