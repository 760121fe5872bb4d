// The DOCX is checked twice: its XML as written (escaping, styles, fields, table structure) and the
// way a user meets it, opened by LibreOffice and printed to PDF (text, repeated header, watermark).
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

namespace {

namespace fs = std::filesystem;
namespace rep = kinerja::app::report;
using kinerja::report_out::render_docx;
using kinerja::testing::sample_document;

std::string render_ok(const rep::Document& doc) {
    auto bytes = render_docx(doc);
    if (!bytes) ADD_FAILURE() << bytes.error().message;
    return bytes ? *bytes : std::string();
}

// One member of the package, read back with libzip; nullopt when absent.
std::optional<std::string> zip_entry(const std::string& package, const char* name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(package.data(), package.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        ADD_FAILURE() << "not a zip archive";
        return std::nullopt;
    }
    std::optional<std::string> out;
    zip_stat_t st;
    if (zip_stat(archive, name, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        if (zip_file_t* f = zip_fopen(archive, name, 0)) {
            std::string data(st.size, '\0');
            if (zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size)) out = std::move(data);
            zip_fclose(f);
        }
    }
    zip_discard(archive); // also frees the source
    return out;
}

std::string part(const std::string& package, const char* name) {
    auto p = zip_entry(package, name);
    EXPECT_TRUE(p.has_value()) << name << " missing";
    return p.value_or("");
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const fs::path& p) {
    return "'" + p.string() + "'";
}

// pdftotext breaks table cells and justified lines where the layout does: compare with single spaces.
std::string squeezed(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

// --- the XML as written --------------------------------------------------------------------------

TEST(DocxRenderer, DocumentXmlCarriesTheModel) {
    const std::string package = render_ok(sample_document());
    const std::string xml = part(package, "word/document.xml");
    EXPECT_NE(xml.find("<w:tblHeader/>"), std::string::npos);
    EXPECT_NE(xml.find("<w:pStyle w:val=\"Heading1\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<w:pStyle w:val=\"Heading2\"/>"), std::string::npos);
    EXPECT_NE(xml.find("&lt;b&gt;tanda&lt;/b&gt; &amp; &quot;kutip&quot;"), std::string::npos);
    EXPECT_EQ(xml.find("<b>tanda"), std::string::npos);
    EXPECT_NE(xml.find("94,44"), std::string::npos);
    EXPECT_NE(xml.find("41.579.911.818"), std::string::npos);
    EXPECT_NE(xml.find("Marta Dinata"), std::string::npos);
    EXPECT_NE(xml.find("NIP. 19830729 200902 1 004"), std::string::npos);
    EXPECT_NE(xml.find("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText>"),
              std::string::npos);
    // The TOC shows the headings before any update, between "separate" and "end".
    const size_t separate = xml.find("w:fldCharType=\"separate\"");
    const size_t end = xml.find("w:fldCharType=\"end\"");
    ASSERT_NE(separate, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    const std::string toc = xml.substr(separate, end - separate);
    EXPECT_NE(toc.find("BAB I PENDAHULUAN"), std::string::npos);
    EXPECT_NE(toc.find("A. Pengukuran Capaian Kinerja"), std::string::npos);
    EXPECT_NE(toc.find("<w:pStyle w:val=\"TOC2\"/>"), std::string::npos);
    // Portrait A4, 2 cm margins; the footer is referenced, no header without a draft.
    EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
    EXPECT_NE(xml.find("w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\""), std::string::npos);
    EXPECT_NE(xml.find("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"), std::string::npos);
    EXPECT_EQ(xml.find("headerReference"), std::string::npos);
}

TEST(DocxRenderer, TableGridFollowsTheWidths) {
    const std::string xml = part(render_ok(sample_document()), "word/document.xml");
    // Widths 1:6:2:2:2:3 over 9638 twips of text width (A4 less 2 × 2 cm); the last column takes the rest.
    EXPECT_NE(xml.find("<w:tblGrid><w:gridCol w:w=\"602\"/><w:gridCol w:w=\"3614\"/><w:gridCol w:w=\"1204\"/>"
                       "<w:gridCol w:w=\"1204\"/><w:gridCol w:w=\"1204\"/><w:gridCol w:w=\"1810\"/></w:tblGrid>"),
              std::string::npos);
    // The objective row spans the table and is shaded; "Rata-rata" spans four columns.
    EXPECT_NE(xml.find("<w:gridSpan w:val=\"6\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<w:gridSpan w:val=\"4\"/>"), std::string::npos);
    // Percentages right-aligned, the total row bold.
    EXPECT_NE(xml.find("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">94,44</w:t>"),
              std::string::npos);
    EXPECT_NE(xml.find("<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Rata-rata</w:t>"), std::string::npos);
    // A page break is carried by the next paragraph, never an empty paragraph of its own.
    EXPECT_EQ(xml.find("w:type=\"page\""), std::string::npos);
    EXPECT_NE(xml.find("<w:pStyle w:val=\"TOCHeading\"/><w:pageBreakBefore/>"), std::string::npos);
}

TEST(DocxRenderer, StylesSettingsFooterAndProperties) {
    const std::string package = render_ok(sample_document());
    const std::string styles = part(package, "word/styles.xml");
    for (int level = 1; level <= 3; ++level) {
        const std::string id = "w:styleId=\"Heading" + std::to_string(level) + "\"><w:name w:val=\"heading " +
                               std::to_string(level) + "\"/>";
        EXPECT_NE(styles.find(id), std::string::npos) << id;
        EXPECT_NE(styles.find("<w:outlineLvl w:val=\"" + std::to_string(level - 1) + "\"/>"), std::string::npos);
    }
    EXPECT_NE(styles.find("w:styleId=\"Title\""), std::string::npos);
    EXPECT_NE(styles.find("w:styleId=\"Caption\""), std::string::npos);
    EXPECT_NE(styles.find("w:ascii=\"Noto Sans\""), std::string::npos);
    EXPECT_NE(styles.find("<w:sz w:val=\"22\"/>"), std::string::npos);
    EXPECT_NE(part(package, "word/settings.xml").find("<w:updateFields w:val=\"true\"/>"), std::string::npos);
    const std::string footer = part(package, "word/footer1.xml");
    EXPECT_NE(footer.find("Halaman "), std::string::npos);
    EXPECT_NE(footer.find("> PAGE <"), std::string::npos);
    EXPECT_NE(footer.find("> NUMPAGES <"), std::string::npos);
    EXPECT_NE(
        part(package, "docProps/core.xml").find("<dc:title>Laporan Kinerja KPU Kota Contoh Tahun 2024</dc:title>"),
        std::string::npos);
    EXPECT_NE(part(package, "[Content_Types].xml").find("/word/document.xml"), std::string::npos);
    EXPECT_FALSE(zip_entry(package, "word/header1.xml").has_value());

    const std::string draft = render_ok(sample_document(true));
    const std::string header = part(draft, "word/header1.xml");
    EXPECT_NE(header.find(std::string("string=\"") + rep::draft_watermark + "\""), std::string::npos);
    EXPECT_NE(header.find(std::string(">") + rep::draft_watermark + "</w:t>"), std::string::npos);
    EXPECT_NE(part(draft, "word/document.xml").find("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"),
              std::string::npos);
    EXPECT_NE(part(draft, "[Content_Types].xml").find("/word/header1.xml"), std::string::npos);
}

TEST(DocxRenderer, ChartIsAPictureOrItsNumbersAsText) {
    const std::string package = render_ok(sample_document());
    const std::string xml = part(package, "word/document.xml");
    EXPECT_NE(xml.find("Grafik 3.1 Capaian per Sasaran"), std::string::npos);
    EXPECT_NE(xml.find("Grafik 3.2 Capaian dan Penyerapan Anggaran per Kegiatan"), std::string::npos);
    if (auto png = zip_entry(package, "word/media/chart1.png")) {
        EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
        EXPECT_TRUE(zip_entry(package, "word/media/chart2.png").has_value());
        EXPECT_NE(xml.find("<a:blip r:embed=\"rIdChart2\"/>"), std::string::npos);
        EXPECT_NE(part(package, "word/_rels/document.xml.rels").find("Target=\"media/chart1.png\""), std::string::npos);
    } else { // chart_png gave nothing: the values stand as text
        EXPECT_EQ(xml.find("<w:drawing>"), std::string::npos);
        EXPECT_NE(xml.find("Sasaran 1: Capaian (%) 94,44; Penyerapan anggaran (%) 90,03"), std::string::npos);
        EXPECT_NE(xml.find("Sasaran 3: Capaian (%) -; Penyerapan anggaran (%) 100,68"), std::string::npos);
    }
}

TEST(DocxRenderer, TextIsEscapedAndCleaned) {
    rep::Document doc;
    doc.title = "Judul <x> & \"y\"";
    doc.blocks.push_back(rep::Paragraph{"baris satu\r\nbaris\x01 dua\tkolom \xFF akhir \xEF\xBF\xBE.", {}, false});
    doc.blocks.push_back(rep::Heading{3, "Tidak di daftar isi", false});
    const std::string package = render_ok(doc);
    const std::string xml = part(package, "word/document.xml");
    EXPECT_NE(xml.find("baris satu</w:t><w:br/><w:t xml:space=\"preserve\">baris dua</w:t><w:tab/>"),
              std::string::npos);
    EXPECT_NE(xml.find("kolom \xEF\xBF\xBD akhir \xEF\xBF\xBD."), std::string::npos);
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_EQ(xml.find('\r'), std::string::npos);
    EXPECT_NE(xml.find("<w:pStyle w:val=\"Heading3NoToc\"/>"), std::string::npos);
    EXPECT_NE(part(package, "docProps/core.xml").find("Judul &lt;x&gt; &amp; &quot;y&quot;"), std::string::npos);
}

TEST(DocxRenderer, CoverTitleAndASingleSigner) {
    rep::Document doc;
    doc.blocks.push_back(rep::Paragraph{"LAPORAN KINERJA", rep::ParagraphStyle::title, true});
    doc.blocks.push_back(rep::Signatures{"Contoh, 1 Februari 2025", {rep::Signature{"", "Sekretaris,", "Nama", ""}}});
    const std::string xml = part(render_ok(doc), "word/document.xml");
    // The cover title sits 22% of the text height (16838 - 2 × 1134 twips) down the page, as in the PDF.
    EXPECT_NE(xml.find("<w:pStyle w:val=\"Title\"/><w:spacing w:before=\"3205\"/>"), std::string::npos);
    // One signer: an empty left half, the signature on the right half.
    EXPECT_NE(xml.find("<w:tblGrid><w:gridCol w:w=\"4819\"/><w:gridCol w:w=\"4819\"/></w:tblGrid>"
                       "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"4819\" w:type=\"dxa\"/>"
                       "</w:tcPr><w:p/></w:tc>"),
              std::string::npos);
    EXPECT_NE(xml.find("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Contoh, 1 Februari 2025"),
              std::string::npos);
}

TEST(DocxRenderer, LandscapeDocumentHasALandscapeSection) {
    auto doc = sample_document(false, 3);
    doc.landscape = true;
    const std::string xml = part(render_ok(doc), "word/document.xml");
    EXPECT_NE(xml.find("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<w:tblW w:w=\"14570\" w:type=\"dxa\"/>"), std::string::npos);
}

TEST(DocxRenderer, EmptyDocumentIsStillADocument) {
    const std::string package = render_ok(rep::Document{});
    EXPECT_NE(part(package, "word/document.xml").find("<w:body><w:sectPr>"), std::string::npos);
}

// --- the file as LibreOffice prints it -----------------------------------------------------------

struct Printed {
    std::string package;
    fs::path docx, pdf;
    std::vector<std::string> pages; // pdftotext per page, whitespace squeezed
    std::string text;               // all pages
};

class DocxLibreOffice : public ::testing::Test {
protected:
    // One LibreOffice start for both documents: it takes seconds.
    static void SetUpTestSuite() {
        dir_ = fs::path(KINERJA_ARTIFACTS_DIR) / "docx";
        fs::create_directories(dir_);
        plain_ = prepare("laporan", sample_document());
        draft_ = prepare("laporan-draft", sample_document(true));
        const std::string profile = "/tmp/lo-docx-test-" + std::to_string(getpid());
        soffice_status_ = run("timeout 300 soffice --headless -env:UserInstallation=file://" + profile +
                              " --convert-to pdf --outdir " + quoted(dir_) + " " + quoted(plain_.docx) + " " +
                              quoted(draft_.docx) + " > " + quoted(dir_ / "soffice.log") + " 2>&1");
        std::error_code ignored;
        fs::remove_all(profile, ignored);
        for (Printed* p : {&plain_, &draft_})
            read_pdf(*p);
    }

    static Printed prepare(const std::string& name, const rep::Document& doc) {
        Printed p;
        p.package = render_ok(doc);
        p.docx = dir_ / (name + ".docx");
        p.pdf = dir_ / (name + ".pdf");
        write(p.docx, p.package);
        std::error_code ignored;
        fs::remove(p.pdf, ignored); // a PDF of an earlier run must not pass for this one
        for (const auto& e : fs::directory_iterator(dir_))
            if (e.path().filename().string().starts_with(name + "-") && e.path().extension() == ".png")
                fs::remove(e.path(), ignored);
        return p;
    }

    static void read_pdf(Printed& p) {
        if (!fs::exists(p.pdf)) return;
        fs::path txt = p.pdf;
        txt.replace_extension(".txt");
        if (run("pdftotext -enc UTF-8 " + quoted(p.pdf) + " " + quoted(txt)) != 0) return;
        const std::string raw = slurp(txt);
        size_t start = 0;
        for (size_t ff = raw.find('\f'); ff != std::string::npos; ff = raw.find('\f', start)) {
            p.pages.push_back(squeezed(raw.substr(start, ff - start)));
            start = ff + 1;
        }
        if (start < raw.size() && !squeezed(raw.substr(start)).empty()) p.pages.push_back(squeezed(raw.substr(start)));
        for (const auto& page : p.pages)
            p.text += page + "\n";
        fs::path stem = p.pdf;
        stem.replace_extension();
        run("pdftoppm -png -r 50 " + quoted(p.pdf) + " " + quoted(stem));
    }

    static void expect_converted(const Printed& p) {
        ASSERT_EQ(soffice_status_, 0) << "soffice failed, see " << (dir_ / "soffice.log");
        ASSERT_TRUE(fs::exists(p.pdf)) << p.pdf;
        ASSERT_FALSE(p.pages.empty()) << "pdftotext found no pages in " << p.pdf;
    }

    static inline fs::path dir_;
    static inline Printed plain_, draft_;
    static inline int soffice_status_ = -1;
};

TEST_F(DocxLibreOffice, PrintsTheTextLiterally) {
    for (const Printed* p : {&plain_, &draft_}) {
        expect_converted(*p);
        EXPECT_NE(p->text.find("94,44"), std::string::npos);
        EXPECT_NE(p->text.find("41.579.911.818"), std::string::npos);
        EXPECT_NE(p->text.find("Sangat Berhasil"), std::string::npos);
        EXPECT_NE(p->text.find("Yasrin Abidin"), std::string::npos);
        EXPECT_NE(p->text.find("NIP. 19830729 200902 1 004"), std::string::npos);
        EXPECT_NE(p->text.find("<b>tanda</b> & \"kutip\""), std::string::npos);
        EXPECT_NE(p->text.find("DAFTAR ISI"), std::string::npos);
        EXPECT_NE(p->text.find("Kata Pengantar belum diisi."), std::string::npos);
    }
}

TEST_F(DocxLibreOffice, TableHeaderRepeatsOnEveryPageOfTheTable) {
    expect_converted(plain_);
    int pages_with_header = 0;
    for (const auto& page : plain_.pages)
        pages_with_header += page.find("Indikator Kinerja") != std::string::npos;
    EXPECT_GE(pages_with_header, 2);
}

TEST_F(DocxLibreOffice, PagesAreNumbered) {
    expect_converted(plain_);
    const std::string total = std::to_string(plain_.pages.size());
    EXPECT_NE(plain_.pages.front().find("Halaman 1 dari " + total), std::string::npos) << plain_.pages.front();
    EXPECT_NE(plain_.pages.back().find("Halaman " + total + " dari " + total), std::string::npos);
}

TEST_F(DocxLibreOffice, DraftWatermarkOnEveryPage) {
    expect_converted(draft_);
    EXPECT_EQ(draft_.pages.size(), plain_.pages.size()); // the watermark does not push text around
    for (size_t i = 0; i < draft_.pages.size(); ++i)
        EXPECT_NE(draft_.pages[i].find("DRAFT"), std::string::npos) << "page " << i + 1;
    for (const auto& page : plain_.pages)
        EXPECT_EQ(page.find("DRAFT"), std::string::npos);
}

TEST_F(DocxLibreOffice, PagesRenderToPng) {
    for (const Printed* p : {&plain_, &draft_}) {
        expect_converted(*p);
        const std::string prefix = p->pdf.stem().string() + "-"; // pdftoppm pads the page number: -01, -001
        std::vector<fs::path> pngs;
        for (const auto& e : fs::directory_iterator(dir_)) {
            const std::string name = e.path().filename().string();
            if (name.starts_with(prefix) && name.find_first_not_of("0123456789", prefix.size()) == name.size() - 4 &&
                e.path().extension() == ".png")
                pngs.push_back(e.path());
        }
        EXPECT_EQ(pngs.size(), p->pages.size()) << prefix;
        for (const auto& png : pngs)
            EXPECT_EQ(slurp(png).substr(0, 4), "\x89PNG") << png;
    }
}

} // namespace
