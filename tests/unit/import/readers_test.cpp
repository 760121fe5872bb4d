// The document readers (adapters/import/source_text.h) on real files: text in the encodings offices
// use, DOCX and XLSX written here with libzip and written by LibreOffice, PDFs written by LibreOffice
// and read back through pdftotext, and every bad input of the issue (empty, binary, no text layer,
// password, corrupt, zip bomb, 200 MB, 100.000 rows, deeply nested XML).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "adapters/import/read/child_process.h"
#include "adapters/import/read/docx_numbering.h"
#include "adapters/import/read/readers.h"
#include "adapters/import/read/xlsx_number_format.h"
#include "adapters/import/read/xml_text.h"
#include "adapters/import/source_text.h"
#include "tests/support/hostile_pdf.h"
#include "tests/support/shared_documents.h"
#include "tests/unit/import/allocation_meter.h"
#include "tests/unit/import/reader_fixtures.h"

namespace {

namespace fs = std::filesystem;
using kinerja::ErrorCode;
using kinerja::Result;
using kinerja::import::read_source_bytes;
using kinerja::import::read_source_file;
using kinerja::import::ReadLimits;
using kinerja::import::SourceText;
using kinerja::testing::AllocationMeter;
using kinerja::testing::make_docx;
using kinerja::testing::make_xlsx;
using kinerja::testing::make_zip;
using kinerja::testing::make_zip_of_zeros;
using kinerja::testing::SheetXml;
using kinerja::testing::TempDir;
using kinerja::testing::write_file;
using Lines = std::vector<std::string>;

// The lines, or the error's message in the failure output.
Lines lines_of(const Result<SourceText>& r) {
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? r->lines : Lines{};
}

// The read failed with this code and the message holds every one of `parts`.
void expect_error(const Result<SourceText>& r, ErrorCode code, const std::vector<std::string>& parts) {
    ASSERT_FALSE(r.has_value()) << "read succeeded with " << r->lines.size() << " lines";
    EXPECT_EQ(static_cast<int>(r.error().code), static_cast<int>(code)) << r.error().message;
    for (const std::string& part : parts)
        EXPECT_NE(r.error().message.find(part), std::string::npos) << "'" << part << "' not in: " << r.error().message;
}

// Memory promises are checked with an AllocationMeter (allocation_meter.h); speed is measured in
// bench/import_bench.cpp. Only a child's time limit is a matter of time, and is checked as such.
double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---------------------------------------------------------------- text

TEST(TextReader, KeepsLinesAsWritten) {
    const auto r = read_source_bytes("rkt.txt", "RENCANA KINERJA\n\n1\tMeningkatnya\t94,44%\n  <p>Sasaran</p>\n");
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->format, "text");
    EXPECT_EQ(r->name, "rkt.txt");
    EXPECT_EQ(r->lines, (Lines{"RENCANA KINERJA", "", "1\tMeningkatnya\t94,44%", "  <p>Sasaran</p>"}));
}

TEST(TextReader, StripsBomAndEndsLinesAtCrLfAndCr) {
    EXPECT_EQ(lines_of(read_source_bytes("a.txt", "\xEF\xBB\xBFSatu\r\nDua\rTiga\r\n\r\n")),
              (Lines{"Satu", "Dua", "Tiga"}));
}

TEST(TextReader, ReadsWindows1252WhenNotUtf8) {
    // "Capaian – “baik” 94,44% é" as Notepad on Indonesian Windows saves it.
    const auto r = read_source_bytes("lkj.txt", "Capaian \x96 \x93"
                                                "baik\x94 94,44% \xE9\n");
    EXPECT_EQ(lines_of(r), (Lines{"Capaian \xE2\x80\x93 \xE2\x80\x9C"
                                  "baik\xE2\x80\x9D 94,44% \xC3\xA9"}));
}

TEST(TextReader, RefusesBytesNeitherUtf8NorWindows1252) {
    expect_error(read_source_bytes("x.txt", "Target \x81 tahun 2024\n"), ErrorCode::invalid_input,
                 {"x.txt", "Windows-1252", "0x81", "baris 1"});
}

TEST(TextReader, ReadsUtf16WithByteOrderMark) {
    const std::string le("\xFF\xFE"
                         "A\0"
                         "\xE9\0"
                         "\n\0"
                         "B\0",
                         10);
    EXPECT_EQ(lines_of(read_source_bytes("u.txt", le)), (Lines{"A\xC3\xA9", "B"}));
    const std::string be("\xFE\xFF\0"
                         "A\0\n\0"
                         "B",
                         8);
    EXPECT_EQ(lines_of(read_source_bytes("u.txt", be)), (Lines{"A", "B"}));
}

TEST(TextReader, FormFeedIsAnEmptyLine) {
    EXPECT_EQ(lines_of(read_source_bytes("p.txt", "halaman 1\n\fhalaman 2\fhalaman 3\n\f")),
              (Lines{"halaman 1", "", "halaman 2", "", "halaman 3"}));
}

TEST(TextReader, EmptyFileAndOnlyWhitespace) {
    expect_error(read_source_bytes("kosong.txt", ""), ErrorCode::invalid_input, {"Berkas kosong.txt kosong"});
    expect_error(read_source_bytes("spasi.txt", " \r\n\t\n  \n"), ErrorCode::invalid_input,
                 {"Berkas spasi.txt kosong"});
    TempDir dir;
    write_file(dir / "nol.txt", "");
    expect_error(read_source_file((dir / "nol.txt").string()), ErrorCode::invalid_input, {"nol.txt", "kosong"});
}

TEST(TextReader, BinaryFileIsRefused) {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
    expect_error(read_source_bytes("foto.txt", png), ErrorCode::invalid_input,
                 {"Berkas foto.txt bukan dokumen teks (berisi data biner)"});
    std::string controls(200, 'a');
    for (std::size_t i = 0; i < controls.size(); i += 4)
        controls[i] = '\x01';
    expect_error(read_source_bytes("ctl.txt", controls), ErrorCode::invalid_input, {"berisi data biner"});
}

TEST(TextReader, OldOfficeRtfAndOpenDocumentSaySo) {
    expect_error(read_source_bytes("rkt.rtf", "{\\rtf1\\ansi Halo}"), ErrorCode::invalid_input, {"RTF", ".docx"});
    std::string doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    doc += std::string(504, '\0') + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
    expect_error(read_source_bytes("lama.doc", doc), ErrorCode::invalid_input, {"lama.doc", "Word lama (.doc)"});
    const std::string odt =
        make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<a/>"}});
    expect_error(read_source_bytes("rkt.odt", odt), ErrorCode::invalid_input, {"OpenDocument"});
}

TEST(TextReader, LimitsNameTheLimitAndTheFile) {
    ReadLimits limits;
    limits.max_lines = 3;
    expect_error(read_source_bytes("banyak.txt", "1\n2\n3\n4\n", limits), ErrorCode::too_large,
                 {"banyak.txt", "jumlah baris", "3 baris"});
    limits = {};
    limits.max_line_bytes = 10;
    expect_error(read_source_bytes("lebar.txt", "pendek\nbaris yang terlalu panjang\n", limits), ErrorCode::too_large,
                 {"lebar.txt", "panjang baris (baris 2)", "10 byte"});
    limits = {};
    limits.max_file_bytes = 5;
    expect_error(read_source_bytes("besar.txt", "123456", limits), ErrorCode::too_large,
                 {"Berkas besar.txt terlalu besar: 6 byte, batas 5 byte"});
}

TEST(TextReader, HundredThousandRowTable) {
    std::string text = "No\tIndikator\tTarget\tRealisasi\tCapaian\n";
    for (int i = 1; i <= 100'000; ++i)
        text += std::to_string(i) + "\tPersentase layanan " + std::to_string(i) + "\t100%\t94,44%\t94,44%\n";
    const AllocationMeter meter;
    const auto r = read_source_bytes("besar.txt", text);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->lines.size(), 100'001u);
    EXPECT_EQ(r->lines.back(), "100000\tPersentase layanan 100000\t100%\t94,44%\t94,44%");
    // Memory bounded by a small multiple of the input (issue 6): the lines and their strings.
    std::cout << "100.000 text rows (" << text.size() << " byte): peak " << meter.peak() << " byte\n";
    EXPECT_LT(meter.peak(), 4 * text.size());
}

TEST(TextReader, SeedsReadLineForLine) {
    const fs::path seeds = fs::path(KINERJA_SOURCE_DIR) / ".." / "shared" / "seeds";
    KINERJA_SKIP_WITHOUT_SHARED(seeds.string());
    int files = 0;
    for (const auto& entry : fs::directory_iterator(seeds)) {
        const std::string bytes = kinerja::testing::read_file(entry.path());
        std::size_t newlines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
        const auto r = read_source_file(entry.path().string());
        ASSERT_TRUE(r) << entry.path() << ": " << r.error().message;
        EXPECT_EQ(r->format, "text");
        // The same lines but for the empty ones at the end.
        EXPECT_LE(r->lines.size(), newlines + 1) << entry.path();
        EXPECT_GE(r->lines.size() + 5, newlines) << entry.path();
        ++files;
    }
    EXPECT_EQ(files, 5);
}

// ---------------------------------------------------------------- files

TEST(SourceFile, TwoHundredMegabytesRefusedBeforeReading) {
    TempDir dir;
    const fs::path path = dir / "besar.pdf";
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, 200 << 20), 0); // sparse: nothing is written
    ::close(fd);
    const AllocationMeter meter;
    expect_error(read_source_file(path.string()), ErrorCode::too_large,
                 {path.string(), "terlalu besar: 209.715.200 byte, batas 52.428.800 byte"});
    EXPECT_LT(meter.peak(), 64u << 10); // the size was enough: nothing of the file was read
}

TEST(SourceFile, MissingFileAndDirectory) {
    TempDir dir;
    expect_error(read_source_file((dir / "tidak-ada.txt").string()), ErrorCode::io, {"tidak ditemukan"});
    expect_error(read_source_file(dir.path().string()), ErrorCode::io, {"bukan berkas biasa"});
}

TEST(SourceFile, FileAndBytesReadTheSame) {
    TempDir dir;
    const std::string docx = make_docx("<w:p><w:r><w:t>Satu</w:t></w:r></w:p>");
    write_file(dir / "a.docx", docx);
    const auto from_file = read_source_file((dir / "a.docx").string());
    const auto from_bytes = read_source_bytes("a.docx", docx);
    ASSERT_TRUE(from_file && from_bytes);
    EXPECT_EQ(from_file->lines, from_bytes->lines);
    EXPECT_EQ(from_file->format, "docx");
}

// ---------------------------------------------------------------- DOCX

std::string p(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}
std::string tc(const std::string& inner, const std::string& props = {}) {
    return "<w:tc>" + (props.empty() ? std::string() : "<w:tcPr>" + props + "</w:tcPr>") + inner + "</w:tc>";
}

TEST(DocxReader, ParagraphsAndTableRows) {
    const std::string body =
        p("LAPORAN KINERJA 2024") +
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        "<w:r><w:t>Nama</w:t></w:r><w:r><w:tab/><w:t>: Budi</w:t></w:r><w:r><w:br/><w:t>Jabatan</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" +
        tc(p("No")) + tc(p("Sasaran")) + tc(p("Target")) +
        "</w:tr>"
        "<w:tr>" +
        tc(p("1")) + tc(p("Meningkatnya") + p("kualitas") + "<w:p/>") + tc(p("94,44%")) +
        "</w:tr>"
        "<w:tr>" +
        tc(p("Jumlah"), "<w:gridSpan w:val=\"2\"/>") + tc(p("100")) +
        "</w:tr>"
        "<w:tr>" +
        tc(p("2"), "<w:vMerge w:val=\"restart\"/>") + tc(p("a")) + tc(p("b")) +
        "</w:tr>"
        "<w:tr>" +
        tc(p("2"), "<w:vMerge/>") + tc(p("c")) + tc(p("d")) +
        "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" +
        tc(p("x")) + tc(p("y")) +
        "</w:tr>"
        "<w:tr>" +
        tc(p("n") + "<w:tbl><w:tr>" + tc(p("dalam")) + tc(p("tabel")) + "</w:tr></w:tbl>") +
        tc("<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r></w:p>") + tc(p("")) +
        "</w:tr>"
        "</w:tbl>" +
        p("Penutup") + "<w:p/><w:sectPr/>";
    EXPECT_EQ(lines_of(read_source_bytes("lkj.docx", make_docx(body))),
              (Lines{"LAPORAN KINERJA 2024", "Nama\t: Budi", "Jabatan", "", "No\tSasaran\tTarget",
                     "1\tMeningkatnya kualitas\t94,44%", "Jumlah\t\t100", "2\ta\tb", "\tc\td", "\tx\ty",
                     "n dalam tabel\tA B C\t", "Penutup"}));
}

TEST(DocxReader, RevisionsFieldsContentControlsAndTextBoxes) {
    const std::string body =
        "<w:p><w:r><w:t>Target </w:t></w:r><w:del><w:r><w:delText>90</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>95</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>persen</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>"
        "<w:sdt><w:sdtPr><w:alias w:val=\"judul\"/></w:sdtPr><w:sdtContent>" +
        p("Dalam kontrol") +
        "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>Jangkar</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        "<wps:txbx><w:txbxContent>" +
        p("Dalam kotak") +
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent>" +
        p("Dalam kotak") +
        "</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>";
    EXPECT_EQ(lines_of(read_source_bytes("x.docx", make_docx(body))),
              (Lines{"Target 95 persen-x", "Dalam kontrol", "Jangkar", "Dalam kotak"}));
}

TEST(DocxReader, EmptyDocument) {
    expect_error(read_source_bytes("kosong.docx", make_docx("<w:p/><w:sectPr/>")), ErrorCode::invalid_input,
                 {"kosong.docx", "kosong"});
}

TEST(DocxReader, EncryptedMemberIsPasswordProtected) {
    const std::string docx =
        make_zip({{"_rels/.rels", "<Relationships/>"},
                  {"word/document.xml", kinerja::testing::docx_document_xml(p("rahasia")), "kata-sandi"}});
    expect_error(read_source_bytes("rahasia.docx", docx), ErrorCode::invalid_input,
                 {"rahasia.docx", "dilindungi kata sandi", "word/document.xml"});
}

TEST(DocxReader, EncryptedOfficeDocumentIsPasswordProtected) {
    // Word and Excel store a password-protected DOCX/XLSX as an OLE compound file holding an
    // "EncryptedPackage" stream; the header and the directory entry are enough to know it.
    std::string file("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    file.resize(1024, '\0');
    const std::string name("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    file.replace(512, name.size(), name);
    expect_error(read_source_bytes("rahasia.xlsx", file), ErrorCode::invalid_input,
                 {"rahasia.xlsx", "dilindungi kata sandi"});
}

TEST(DocxReader, TruncatedZipIsCorrupt) {
    const std::string docx = make_docx(p("Satu") + p("Dua"));
    expect_error(read_source_bytes("potong.docx", docx.substr(0, docx.size() / 2)), ErrorCode::invalid_input,
                 {"Berkas potong.docx rusak"});
    // The central directory intact but a member's data damaged: the CRC check catches it.
    std::string damaged =
        make_zip({{"_rels/.rels", "<Relationships/>"},
                  {"word/document.xml", kinerja::testing::docx_document_xml(std::string(5000, ' ') + p("Satu"))}});
    const std::size_t at = damaged.find("word/document.xml") + 40;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x55);
    damaged[at + 1] = static_cast<char>(damaged[at + 1] ^ 0x55);
    expect_error(read_source_bytes("rusak.docx", damaged), ErrorCode::invalid_input, {"rusak.docx", "rusak"});
}

TEST(DocxReader, ZipWithoutDocumentIsNotOffice) {
    expect_error(read_source_bytes("arsip.docx", make_zip({{"foto.txt", "bukan dokumen"}})), ErrorCode::invalid_input,
                 {"arsip.docx", "bukan dokumen Word (.docx) atau Excel (.xlsx)"});
    expect_error(read_source_bytes("pptx.docx", make_zip({{"word/document.xml", "<presentation/>"}})),
                 ErrorCode::invalid_input, {"bukan dokumen Word"});
}

TEST(DocxReader, MalformedXmlNamesThePart) {
    expect_error(read_source_bytes("xml.docx", make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}})),
                 ErrorCode::invalid_input, {"xml.docx", "word/document.xml", "tidak sah"});
}

TEST(DocxReader, ZipBombIsRefusedBeforeInflating) {
    // 200 MB of zeros in 200 KB: over the member size and the ratio; refused from the sizes the
    // archive declares, so this takes no time.
    const std::string bomb = make_zip_of_zeros("word/document.xml", 200u << 20);
    ASSERT_LT(bomb.size(), 1u << 20);
    AllocationMeter meter;
    expect_error(read_source_bytes("bom.docx", bomb), ErrorCode::too_large,
                 {"word/document.xml", "bom.docx", "terlalu besar setelah dibuka: 209.715.200 byte"});
    EXPECT_LT(meter.peak(), 2 * bomb.size()); // nothing inflated: at most a copy of the archive

    // 20 MB, under the member size: the ratio refuses it.
    const std::string ratio = make_zip_of_zeros("word/document.xml", 20u << 20);
    meter = AllocationMeter();
    expect_error(read_source_bytes("rasio.docx", ratio), ErrorCode::too_large,
                 {"rasio.docx", "word/document.xml", "bom zip", "batas 200:1"});
    EXPECT_LT(meter.peak(), 2 * ratio.size());
}

TEST(DocxReader, ZipBombWithForgedSizesStopsAtTheDeclaredSize) {
    // The archive claims 1 MB for a member that inflates to 20 MB: the ratio looks harmless, and the
    // inflating must stop after 1 MB.
    std::string bomb = make_zip_of_zeros("word/document.xml", 20u << 20);
    const std::uint32_t forged = 1u << 20;
    int patched = 0;
    for (const std::string& sig : {std::string("PK\x03\x04", 4), std::string("PK\x01\x02", 4)}) {
        const std::size_t at = bomb.find(sig);
        ASSERT_NE(at, std::string::npos);
        const std::size_t field = at + (sig[2] == '\x03' ? 22 : 24); // uncompressed size
        for (int i = 0; i < 4; ++i)
            bomb[field + static_cast<std::size_t>(i)] = static_cast<char>((forged >> (8 * i)) & 0xFF);
        ++patched;
    }
    ASSERT_EQ(patched, 2);
    const AllocationMeter meter;
    expect_error(read_source_bytes("palsu.docx", bomb), ErrorCode::invalid_input, {"palsu.docx", "rusak"});
    // The declared megabyte and a copy of the archive, not the 20 MB the member really holds.
    EXPECT_LT(meter.peak(), (3u << 20) + 2 * bomb.size());
}

TEST(DocxReader, TooManyMembers) {
    std::vector<kinerja::testing::ZipMember> members;
    for (int i = 0; i < 30; ++i)
        members.push_back({"m" + std::to_string(i), "x"});
    ReadLimits limits;
    limits.max_zip_entries = 20;
    expect_error(read_source_bytes("banyak.docx", make_zip(members), limits), ErrorCode::too_large,
                 {"banyak.docx", "terlalu banyak anggota zip: 30, batas 20"});
}

TEST(DocxReader, DeeplyNestedXmlIsRefused) {
    std::string deep;
    for (int i = 0; i < 100'000; ++i)
        deep += "<w:sdt><w:sdtContent>";
    deep += p("dalam");
    for (int i = 0; i < 100'000; ++i)
        deep += "</w:sdtContent></w:sdt>";
    // Repeated tags compress far past the zip ratio limit, which would refuse these files first;
    // raised here so that the depth limit is what is tested.
    ReadLimits lax;
    lax.max_zip_ratio = 100'000;
    expect_error(read_source_bytes("dalam.docx", make_docx(deep), lax), ErrorCode::too_large,
                 {"word/document.xml", "dalam.docx", "bersarang terlalu dalam", "256"});
    expect_error(read_source_bytes("dalam.docx", make_docx(deep)), ErrorCode::too_large, {"bom zip"});
    // Unclosed elements nest as deep for pugixml as closed ones.
    std::string open_only = kinerja::testing::docx_document_xml("");
    open_only.resize(open_only.find("</w:body>"));
    for (int i = 0; i < 100'000; ++i)
        open_only += "<a>";
    expect_error(read_source_bytes("buka.docx", make_zip({{"word/document.xml", open_only}}), lax),
                 ErrorCode::too_large, {"bersarang terlalu dalam"});
    // Just under the limit is fine.
    std::string ok;
    for (int i = 0; i < 250; ++i)
        ok += "<w:sdt><w:sdtContent>";
    ok += p("cukup");
    for (int i = 0; i < 250; ++i)
        ok += "</w:sdtContent></w:sdt>";
    lax.max_xml_depth = 1000;
    EXPECT_EQ(lines_of(read_source_bytes("cukup.docx", make_docx(ok), lax)), (Lines{"cukup"}));
}

TEST(XmlDepth, ScanAndTreeAgree) {
    using kinerja::import::read::scan_xml_depth;
    EXPECT_EQ(scan_xml_depth("<a><b/><c><d x='>'>t</d></c></a>", 100), 3);
    EXPECT_EQ(scan_xml_depth(
                  "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e '<'>]><!-- <x><y> --><a><![CDATA[<b><c>]]></a>", 100),
              1);
    EXPECT_EQ(scan_xml_depth("<a><a><a><a>", 2), 3); // stops counting past the limit
}

TEST(DocxReader, LibreOfficeDocument) {
    ASSERT_TRUE(kinerja::testing::have_program("soffice")) << "LibreOffice is not installed: run make deps";
    TempDir dir;
    write_file(dir / "rkt.html", R"(<html><head><meta charset="utf-8"></head><body>
<p>RENCANA KINERJA TAHUNAN 2024</p>
<p>Sekretariat KPU Kota Prabumulih</p>
<table border="1">
<tr><td>No</td><td>Sasaran</td><td>Indikator</td><td>Target</td></tr>
<tr><td>1</td><td>Meningkatnya kualitas layanan</td><td>Persentase layanan</td><td>94,44%</td></tr>
<tr><td colspan="2">Jumlah</td><td>Anggaran</td><td>Rp 20.518.557.000</td></tr>
</table>
<p>Prabumulih, 25 Januari 2024</p>
</body></html>)");
    const fs::path docx =
        kinerja::testing::libreoffice_convert(dir / "rkt.html", "docx:MS Word 2007 XML", ".docx", "HTML (StarWriter)");
    ASSERT_FALSE(docx.empty()) << "soffice failed: " << kinerja::testing::read_file(dir / "soffice.log");
    const auto r = read_source_file(docx.string());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->format, "docx");
    const Lines& lines = r->lines;
    const auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    EXPECT_TRUE(has("RENCANA KINERJA TAHUNAN 2024"));
    EXPECT_TRUE(has("No\tSasaran\tIndikator\tTarget"));
    EXPECT_TRUE(has("1\tMeningkatnya kualitas layanan\tPersentase layanan\t94,44%"));
    EXPECT_TRUE(has("Jumlah\t\tAnggaran\tRp 20.518.557.000")) << ::testing::PrintToString(lines);
    EXPECT_TRUE(has("Prabumulih, 25 Januari 2024"));
}

// Word's automatic list numbers: LibreOffice writes an HTML <ol> as a numbered list (numbering.xml),
// so the numbers are nowhere in the text and the reader must count them.
TEST(DocxReader, AutomaticListNumbersAreWritten) {
    ASSERT_TRUE(kinerja::testing::have_program("soffice")) << "LibreOffice is not installed: run make deps";
    TempDir dir;
    write_file(dir / "pk.html", R"(<html><head><meta charset="utf-8"></head><body>
<p>PERJANJIAN KINERJA TAHUN 2024</p>
<ol><li>Perencanaan Program dan Anggaran (6709)</li><li>Pembentukan Badan Adhoc (6867)</li><li>Masa Kampanye Pemilu (6870)</li></ol>
<ol type="a"><li>Persentase pelantikan PPK</li><li>Persentase pembentukan PPS</li></ol>
</body></html>)");
    const fs::path docx =
        kinerja::testing::libreoffice_convert(dir / "pk.html", "docx:MS Word 2007 XML", ".docx", "HTML (StarWriter)");
    ASSERT_FALSE(docx.empty()) << "soffice failed: " << kinerja::testing::read_file(dir / "soffice.log");
    const auto r = read_source_file(docx.string());
    ASSERT_TRUE(r) << r.error().message;
    const Lines& lines = r->lines;
    const auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    EXPECT_TRUE(has("1. Perencanaan Program dan Anggaran (6709)")) << ::testing::PrintToString(lines);
    EXPECT_TRUE(has("2. Pembentukan Badan Adhoc (6867)"));
    EXPECT_TRUE(has("3. Masa Kampanye Pemilu (6870)"));
    EXPECT_TRUE(has("a. Persentase pelantikan PPK"));
    EXPECT_TRUE(has("b. Persentase pembentukan PPS"));
}

// A DOCX whose document refers to this word/numbering.xml.
std::string numbered_docx(const std::string& body, const std::string& numbering) {
    return make_docx(
        body,
        {{"word/_rels/document.xml.rels",
          R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
          R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
          R"(</Relationships>)"},
         {"word/numbering.xml", numbering}});
}

// Levels, a list restarted at another number, bullets, and a numbered paragraph in a table cell.
TEST(DocxReader, ListLevelsOverridesAndBullets) {
    const std::string w = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
    const auto level = [](int ilvl, const std::string& format, const std::string& text, int start = 1) {
        return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
               "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
    };
    const std::string numbering =
        "<?xml version=\"1.0\"?><w:numbering " + w + ">" + "<w:abstractNum w:abstractNumId=\"0\">" +
        level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "%3)") +
        "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" + level(0, "bullet", "\xE2\x80\xA2") +
        "</w:abstractNum>" +
        R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
        R"(<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>)"
        R"(<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>)";
    const auto p = [](int num, int ilvl, const std::string& text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
               std::to_string(num) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    };
    const std::string body = p(1, 0, "Pendahuluan") + p(1, 1, "Latar belakang") + p(1, 1, "Maksud") +
                             p(1, 2, "pertama") + p(1, 2, "kedua") + p(1, 0, "Perencanaan") + p(1, 1, "Renstra") +
                             p(2, 0, "Akuntabilitas") + p(3, 0, "butir") + "<w:tbl><w:tr><w:tc>" + p(1, 1, "Capaian") +
                             "</w:tc><w:tc><w:p><w:r><w:t>94,44%</w:t>"
                             "</w:r></w:p></w:tc></w:tr></w:tbl>";
    const std::string docx = numbered_docx(body, numbering);
    EXPECT_EQ(lines_of(read_source_bytes("bab.docx", docx)),
              (Lines{"I. Pendahuluan", "I.1 Latar belakang", "I.2 Maksud", "a) pertama", "b) kedua", "II. Perencanaan",
                     "II.1 Renstra", "IV. Akuntabilitas", "butir", "II.2 Capaian\t94,44%"}));
}

// A list may start at 0 (Word allows it) and count on; an absurd start is bounded, not an overflow.
TEST(DocxReader, ListStartingAtZeroCountsOnAndHugeStartsAreBounded) {
    const std::string w = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
    const std::string numbering =
        "<?xml version=\"1.0\"?><w:numbering " + w + ">" +
        R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="0"/><w:numFmt w:val="decimal"/>)"
        R"(<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
        R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="decimal"/>)"
        R"(<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
        R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
        "</w:numbering>";
    const auto p = [](int num, const std::string& text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) +
               "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    };
    const std::string docx = numbered_docx(p(1, "nol") + p(1, "satu") + p(2, "besar") + p(2, "lagi"), numbering);
    EXPECT_EQ(lines_of(read_source_bytes("nol.docx", docx)),
              (Lines{"0. nol", "1. satu", "1000000. besar", "1000001. lagi"}));
}

TEST(DocxReader, ListNumberFormats) {
    using kinerja::import::read::list_number;
    EXPECT_EQ(list_number(4, "upperRoman"), "IV");
    EXPECT_EQ(list_number(1994, "lowerRoman"), "mcmxciv");
    EXPECT_EQ(list_number(2, "lowerLetter"), "b");
    EXPECT_EQ(list_number(27, "upperLetter"), "AA");
    EXPECT_EQ(list_number(7, "decimalZero"), "07");
    EXPECT_EQ(list_number(12, "decimal"), "12");
}

// ---------------------------------------------------------------- XLSX

std::string cell(const std::string& ref, const std::string& value, const std::string& attrs = {}) {
    return "<c r=\"" + ref + "\"" + attrs + "><v>" + value + "</v></c>";
}

// cellXfs: 0 General, 1 #,##0, 2 0.00, 3 0.00% (built-in 10), 4 d-mmm-yy (built-in 15),
// 5 custom "0.0%", 6 custom d mmmm yyyy, 7 custom accounting, 8 0% (built-in 9), 9 h:mm, 10 "00" codes,
// 11 #,##0.00 "hari" (literal text with d in it)
const std::string styles =
    R"(<numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="[$-421]d\ mmmm\ yyyy;@"/>)"
    R"x(<numFmt numFmtId="166" formatCode="_(&quot;Rp&quot;* #,##0_);_(&quot;Rp&quot;* \(#,##0\);_(&quot;Rp&quot;* &quot;-&quot;_);_(@_)"/>)x"
    R"(<numFmt numFmtId="167" formatCode="00"/><numFmt numFmtId="168" formatCode="#,##0.00 &quot;hari&quot;"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="2"/><xf numFmtId="10"/><xf numFmtId="15"/>)"
    R"(<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="9"/><xf numFmtId="20"/>)"
    R"(<xf numFmtId="167"/><xf numFmtId="168"/></cellXfs>)";

TEST(XlsxReader, CellsInTheirColumnsSheetsInWorkbookOrder) {
    const std::string shared =
        "<si><t>Sasaran</t></si><si><r><t>Meningkatnya </t></r><r><rPr><b/></rPr><t>kualitas</t></r>"
        "<rPh><t>ふりがな</t></rPh></si><si><t>baris&#10;dua\tkolom_x000D_</t></si>";
    const std::vector<SheetXml> sheets = {
        {"IKU", "<row r=\"1\">" + cell("A1", "0", " t=\"s\"") + cell("C1", "1", " t=\"s\"") +
                    "</row>"
                    "<row r=\"2\">" +
                    cell("B2", "2", " t=\"s\"") +
                    "<c r=\"D2\" s=\"1\"/><c r=\"E2\"><v></v></c></row>"
                    "<row r=\"3\"/><row r=\"4\"><c r=\"A4\" s=\"2\"/></row>"
                    "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>sebaris</t></is></c>" +
                    cell("B7", "TRUE", " t=\"str\"") + cell("C7", "1", " t=\"b\"") + cell("D7", "#REF!", " t=\"e\"") +
                    "</row><row r=\"9\"/><row r=\"10\"/>"},
        {"Kosong", ""},
        {"Angka", "<row>" + cell("A1", "20518557000", " s=\"1\"") + cell("B1", "94.44", " s=\"2\"") +
                      cell("C1", "0.9444", " s=\"3\"") + cell("D1", "45316", " s=\"4\"") +
                      "</row>"
                      "<row>" +
                      cell("A2", "20518557000") + cell("B2", "0.30000000000000004") + cell("C2", "1.5E+3") +
                      cell("D2", "2024") + cell("E2", "-1234.5", " s=\"1\"") +
                      "</row>"
                      "<row>" +
                      cell("A3", "0.94449999", " s=\"5\"") + cell("B3", "45657", " s=\"6\"") +
                      cell("C3", "1183500000", " s=\"7\"") + cell("D3", "0.9999", " s=\"8\"") +
                      cell("E3", "0.5625", " s=\"9\"") + cell("F3", "7", " s=\"10\"") + cell("G3", "1.5", " s=\"11\"") +
                      "</row>"
                      "<row>" +
                      cell("A4", "2.5E-3", " s=\"2\"") + cell("B4", "-0.001", " s=\"2\"") +
                      cell("C4", "4.4444444444444402E-2") + cell("D4", "1E+25") + cell("E4", "60", " s=\"4\"") +
                      cell("F4", "tidak angka", " s=\"1\"") + "</row>"},
    };
    const auto r = read_source_bytes("iku.xlsx", make_xlsx(sheets, shared, styles));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->format, "xlsx");
    EXPECT_EQ(r->lines, (Lines{
                            "Sasaran\t\tMeningkatnya kualitas",
                            "\tbaris dua kolom ",
                            "",
                            "sebaris\tTRUE\tTRUE\t#REF!",
                            "",
                            "20.518.557.000\t94,44\t94,44%\t25 Januari 2024",
                            "20.518.557.000\t0,3\t1500\t2024\t-1.235",
                            "94,4%\t31 Desember 2024\t1.183.500.000\t100%\t13:30\t07\t1,50",
                            "0,00\t0,00\t0,0444444444444444\t1E+25\t29 Februari 1900\ttidak angka",
                        }));
}

TEST(XlsxReader, Date1904System) {
    const auto r = read_source_bytes(
        "mac.xlsx", make_xlsx({{"S", "<row>" + cell("A1", "43854", " s=\"4\"") + "</row>"}}, {}, styles, true));
    EXPECT_EQ(lines_of(r), (Lines{"25 Januari 2024"}));
}

TEST(XlsxReader, SharedStringOutOfRangeIsCorrupt) {
    expect_error(read_source_bytes("x.xlsx", make_xlsx({{"Data", "<row>" + cell("B3", "5", " t=\"s\"") + "</row>"}},
                                                       "<si><t>a</t></si>")),
                 ErrorCode::invalid_input, {"x.xlsx", "B3", "Data", "5"});
}

TEST(XlsxReader, TruncatedAndIncomplete) {
    const std::string xlsx = make_xlsx({{"Data", "<row>" + cell("A1", "1") + "</row>"}});
    expect_error(read_source_bytes("potong.xlsx", xlsx.substr(0, xlsx.size() - 30)), ErrorCode::invalid_input,
                 {"Berkas potong.xlsx rusak"});
    // The workbook names a sheet whose part is missing.
    const std::string no_sheet = make_zip(
        {{"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>)"},
         {"xl/_rels/workbook.xml.rels", R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" )"
                                        R"(Target="worksheets/sheet1.xml"/></Relationships>)"}});
    expect_error(read_source_bytes("lembar.xlsx", no_sheet), ErrorCode::invalid_input,
                 {"lembar.xlsx", "lembar Data", "xl/worksheets/sheet1.xml", "tidak ada"});
}

TEST(XlsxReader, RepeatedSharedStringStopsAtTheLineLimit) {
    // 20.000 cells of one row repeating a 100 KB string: 2 GB of line, refused after 1 MB of it.
    std::string row = "<row>";
    for (int i = 0; i < 20'000; ++i)
        row += "<c t=\"s\"><v>0</v></c>";
    row += "</row>";
    ReadLimits lax; // the repeated cells compress past the zip ratio limit, which is not tested here
    lax.max_zip_ratio = 100'000;
    const std::string xlsx = make_xlsx({{"S", row}}, "<si><t>" + std::string(100'000, 'x') + "</t></si>");
    const AllocationMeter meter;
    expect_error(read_source_bytes("ulang.xlsx", xlsx, lax), ErrorCode::too_large,
                 {"ulang.xlsx", "panjang baris (baris 1 lembar S)", "1.048.576 byte"});
    // The sheet's XML inflated, its parse, and the line up to its limit: megabytes, not the 2 GB.
    std::cout << "repeated shared string (" << xlsx.size() << " byte): peak " << meter.peak() << " byte\n";
    EXPECT_LT(meter.peak(), 4u << 20);
}

TEST(XlsxReader, EmptyWorkbook) {
    expect_error(read_source_bytes("kosong.xlsx", make_xlsx({{"Sheet1", "<row r=\"1\"/>"}})), ErrorCode::invalid_input,
                 {"kosong.xlsx", "kosong"});
}

std::string hundred_thousand_rows() {
    std::string rows;
    rows.reserve(12u << 20);
    for (int i = 1; i <= 100'000; ++i) {
        const std::string n = std::to_string(i);
        rows += "<row r=\"" + n + "\">" + cell("A" + n, n) + "<c r=\"B" + n + "\" t=\"inlineStr\"><is><t>Indikator " +
                n + "</t></is></c>" + cell("C" + n, "1000000", " s=\"1\"") + cell("D" + n, "0.9444", " s=\"3\"") +
                cell("E" + n, "45316", " s=\"4\"") + "</row>";
    }
    return rows;
}

TEST(XlsxReader, HundredThousandRows) {
    const std::string xlsx = make_xlsx({{"Besar", hundred_thousand_rows()}}, {}, styles);
    const AllocationMeter meter;
    const auto r = read_source_bytes("besar.xlsx", xlsx);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->lines.size(), 100'000u);
    // General numbers are grouped from five digits on (xlsx_number_format.h).
    EXPECT_EQ(r->lines[99'999], "100.000\tIndikator 100000\t1.000.000\t94,44%\t25 Januari 2024");
    // The sheet inflated and parsed (pugixml keeps a DOM) and the lines: a small multiple of the
    // inflated sheet, whatever the compression ratio of the archive.
    const std::size_t sheet = hundred_thousand_rows().size();
    std::cout << "100.000 XLSX rows (" << xlsx.size() << " byte, sheet " << sheet << " byte): peak " << meter.peak()
              << " byte\n";
    EXPECT_LT(meter.peak(), 6 * sheet);
}

TEST(DocxReader, AMillionTinyElementsAreRefusedBeforeTheirTreeIsBuilt) {
    // Small to send, large to parse: pugixml would keep ~64 bytes for each element and attribute of
    // these 30-byte paragraphs; the ids vary, as real ones do, so no compression-ratio check stops it.
    std::string body;
    body.reserve(20u << 20);
    std::uint32_t id = 12345;
    for (int i = 0; i < 600'000; ++i) {
        id = id * 1103515245u + 12345u;
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08X", id);
        body += std::string("<w:p w:rsidR=\"") + hex + "\"/>";
    }
    const std::string docx = make_docx(body);
    ReadLimits limits;
    limits.max_xml_nodes = 1'000'000;
    const AllocationMeter meter;
    expect_error(read_source_bytes("bom.docx", docx, limits), ErrorCode::too_large,
                 {"bom.docx", "word/document.xml", "1.000.000", "elemen dan atribut XML"});
    // The part's bytes were read (and copied once); no tree of 1,2 million nodes was made.
    EXPECT_LT(meter.peak(), 4 * body.size()) << "peak " << meter.peak();
}

TEST(XlsxReader, CellLimit) {
    ReadLimits limits;
    limits.max_cells = 1000;
    expect_error(read_source_bytes("besar.xlsx", make_xlsx({{"Besar", hundred_thousand_rows()}}, {}, styles), limits),
                 ErrorCode::too_large, {"besar.xlsx", "jumlah sel", "1.000 sel"});
}

TEST(XlsxReader, DeeplyNestedSharedStrings) {
    std::string si = "<si>";
    for (int i = 0; i < 100'000; ++i)
        si += "<r>";
    si += "<t>x</t>";
    for (int i = 0; i < 100'000; ++i)
        si += "</r>";
    si += "</si>";
    ReadLimits lax; // as in DocxReader.DeeplyNestedXmlIsRefused
    lax.max_zip_ratio = 100'000;
    expect_error(
        read_source_bytes("dalam.xlsx", make_xlsx({{"S", "<row>" + cell("A1", "0", " t=\"s\"") + "</row>"}}, si), lax),
        ErrorCode::too_large, {"xl/sharedStrings.xml", "dalam.xlsx", "bersarang terlalu dalam"});
}

TEST(XlsxReader, LibreOfficeWorkbook) {
    ASSERT_TRUE(kinerja::testing::have_program("soffice")) << "LibreOffice is not installed: run make deps";
    TempDir dir;
    write_file(dir / "anggaran.csv", "Uraian,Pagu,Capaian,Tanggal\n"
                                     "Belanja pegawai,20518557000,94.44%,2024-01-25\n"
                                     "Belanja barang,1234.5,100%,2024-12-31\n"
                                     ",,,\n"
                                     "Jumlah,20518558234.5,,\n");
    const fs::path xlsx = kinerja::testing::libreoffice_convert(dir / "anggaran.csv", "xlsx:Calc MS Excel 2007 XML",
                                                                ".xlsx", "CSV:44,34,76,1");
    ASSERT_FALSE(xlsx.empty()) << "soffice failed: " << kinerja::testing::read_file(dir / "soffice.log");
    EXPECT_EQ(lines_of(read_source_file(xlsx.string())),
              (Lines{"Uraian\tPagu\tCapaian\tTanggal", "Belanja pegawai\t20.518.557.000\t94,44%\t25 Januari 2024",
                     "Belanja barang\t1234,5\t100,00%\t31 Desember 2024", "", "Jumlah\t20.518.558.234,5"}));
}

TEST(NumberFormat, DecimalArithmeticOnTheText) {
    using kinerja::import::read::builtin_format;
    using kinerja::import::read::classify_format;
    using kinerja::import::read::format_number;
    const auto fmt = [](const char* v, const char* code) { return format_number(v, classify_format(code), false); };
    EXPECT_EQ(fmt("20518557000", "#,##0"), "20.518.557.000");
    EXPECT_EQ(fmt("20518557000", "0"), "20518557000");
    EXPECT_EQ(fmt("20518557000", "General"), "20.518.557.000");
    EXPECT_EQ(fmt("2024", "General"), "2024");
    EXPECT_EQ(fmt("94.44", "General"), "94,44");
    EXPECT_EQ(fmt("0.9444", "0.00%"), "94,44%");
    EXPECT_EQ(fmt("0.9444", "0%"), "94%");
    EXPECT_EQ(fmt("0.99995", "0.00%"), "100,00%");
    EXPECT_EQ(fmt("9.995", "0.00"), "10,00");
    EXPECT_EQ(fmt("-9.995", "0.00"), "-10,00");
    EXPECT_EQ(fmt("0.125", "0.0#"), "0,13");
    EXPECT_EQ(fmt("0.1", "0.0#"), "0,1");
    EXPECT_EQ(fmt("1.5E+3", "General"), "1500");
    EXPECT_EQ(fmt("1.5e-3", "General"), "0,0015");
    EXPECT_EQ(fmt("1E+400", "General"), "1E+400"); // not a number a cell holds: the text as it is
    EXPECT_EQ(fmt("12345678901234567890", "General"), "12.345.678.901.234.600.000");
    EXPECT_EQ(fmt("0.1", "0.00E+00"), "0,1");
    EXPECT_EQ(fmt("5", "@"), "5");
    EXPECT_EQ(fmt("45316.75", "dd/mm/yyyy hh:mm"), "25 Januari 2024 18:00");
    EXPECT_EQ(fmt("1.5", "[h]:mm:ss"), "36:00:00");
    EXPECT_EQ(fmt("3000000", "dd/mm/yyyy"), "3.000.000");
    EXPECT_EQ(fmt("1", "d mmmm yyyy"), "1 Januari 1900");
    EXPECT_EQ(fmt("61", "d mmmm yyyy"), "1 Maret 1900");
    EXPECT_EQ(format_number("45292", builtin_format(14), false), "1 Januari 2024");
    EXPECT_EQ(format_number("0.9444", builtin_format(10), false), "94,44%");
    EXPECT_EQ(format_number("0", builtin_format(4), false), "0,00");
}

// ---------------------------------------------------------------- PDF

TEST(PdfReader, LibreOfficePdfTextComesBack) {
    ASSERT_TRUE(kinerja::testing::have_program("soffice")) << "LibreOffice is not installed: run make deps";
    ASSERT_TRUE(kinerja::testing::have_program("pdftotext")) << "poppler-utils is not installed: run make deps";
    TempDir dir;
    std::string text;
    for (int i = 1; i <= 120; ++i) // two pages
        text += "Baris " + std::to_string(i) + "\tIndikator kinerja " + std::to_string(i) + "\t94,44%\n";
    write_file(dir / "panjang.txt", text);
    const fs::path pdf = kinerja::testing::libreoffice_convert(dir / "panjang.txt", "pdf", ".pdf");
    ASSERT_FALSE(pdf.empty()) << "soffice failed: " << kinerja::testing::read_file(dir / "soffice.log");

    const auto r = read_source_file(pdf.string());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->format, "pdf");
    ASSERT_FALSE(r->lines.empty());
    EXPECT_EQ(r->lines.front().substr(0, 7), "Baris 1");
    EXPECT_NE(r->lines.front().find("Indikator kinerja 1"), std::string::npos);
    EXPECT_NE(r->lines.back().find("Baris 120"), std::string::npos);
    // pdftotext -layout keeps the columns apart with spaces; the page break is one empty line.
    EXPECT_NE(r->lines.front().find("   "), std::string::npos) << r->lines.front();
    EXPECT_EQ(std::count(r->lines.begin(), r->lines.end(), std::string()), 1);

    const auto bytes = read_source_bytes("panjang.pdf", kinerja::testing::read_file(pdf));
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_EQ(bytes->lines, r->lines);
}

TEST(PdfReader, NoTextLayer) {
    expect_error(read_source_bytes("pindaian.pdf", kinerja::testing::make_pdf_without_text()), ErrorCode::invalid_input,
                 {"PDF pindaian.pdf tidak memiliki lapisan teks (hasil pindaian?); jalankan OCR terlebih dahulu"});
}

TEST(PdfReader, PasswordProtected) {
    ASSERT_TRUE(kinerja::testing::have_program("qpdf")) << "qpdf is not installed: run make deps";
    TempDir dir;
    write_file(dir / "polos.pdf", kinerja::testing::make_pdf_without_text());
    ASSERT_EQ(std::system(("qpdf --encrypt rahasia pemilik 256 -- '" + (dir / "polos.pdf").string() + "' '" +
                           (dir / "terkunci.pdf").string() + "'")
                              .c_str()),
              0);
    expect_error(read_source_file((dir / "terkunci.pdf").string()), ErrorCode::invalid_input,
                 {"terkunci.pdf", "dilindungi kata sandi"});
}

TEST(PdfReader, CorruptPdf) {
    expect_error(read_source_bytes("rusak.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
                 ErrorCode::invalid_input, {"PDF rusak.pdf rusak atau tidak dapat dibaca: "});
}

TEST(PdfReader, OutputLimit) {
    ReadLimits limits;
    limits.max_text_bytes = 100;
    TempDir dir;
    write_file(dir / "a.txt", std::string(40, 'x') + "\n" + std::string(40, 'y') + "\n" + std::string(40, 'z') + "\n");
    const fs::path pdf = kinerja::testing::libreoffice_convert(dir / "a.txt", "pdf", ".pdf");
    ASSERT_FALSE(pdf.empty());
    expect_error(read_source_file(pdf.string(), limits), ErrorCode::too_large, {"a.pdf", "ukuran teks", "100 byte"});
}

TEST(PdfReader, PageLimit) {
    // One page more than allowed is refused, saying so, rather than read in part.
    ReadLimits limits;
    limits.max_pdf_pages = 5;
    const auto five = lines_of(read_source_bytes("lima.pdf", kinerja::testing::pdf_with_pages(5), limits));
    ASSERT_FALSE(five.empty());
    EXPECT_EQ(five.front(), "Halaman 1");
    expect_error(read_source_bytes("enam.pdf", kinerja::testing::pdf_with_pages(6), limits), ErrorCode::too_large,
                 {"enam.pdf", "jumlah halaman", "5 halaman"});
}

TEST(PdfReader, TimeLimitStopsAPdfThatNeverEnds) {
    // A form drawing another form ten times, nine levels deep: pdftotext would run for hours.
    ReadLimits limits;
    limits.pdf_timeout_seconds = 2;
    const auto started = std::chrono::steady_clock::now();
    expect_error(read_source_bytes("lambat.pdf", kinerja::testing::pdf_that_takes_forever(), limits),
                 ErrorCode::too_large, {"lambat.pdf", "terlalu lama", "2 detik"});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(PdfReader, PageBreaksAndLetters) {
    using kinerja::import::read::pdf_text_lines;
    const auto lines = pdf_text_lines("x.pdf", "Judul\n  kolom   kolom\n\fHalaman 2\n\f", ReadLimits{});
    ASSERT_TRUE(lines) << lines.error().message;
    EXPECT_EQ(*lines, (Lines{"Judul", "  kolom   kolom", "", "Halaman 2"}));
    EXPECT_FALSE(pdf_text_lines("x.pdf", "\f\f  12  \n\f", ReadLimits{}));
    EXPECT_TRUE(pdf_text_lines("x.pdf", "\xC3\xA9\n", ReadLimits{}));
}

TEST(ChildProcess, LimitsKillTheChild) {
    using kinerja::import::read::ChildLimits;
    using kinerja::import::read::ChildResult;
    using kinerja::import::read::run_child;
    ChildLimits limits;
    limits.timeout_seconds = 1;
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(run_child({"sleep", "30"}, limits).end, ChildResult::End::timed_out);
    EXPECT_LT(seconds_since(start), 5.0);

    limits.max_stdout = 1000;
    limits.timeout_seconds = 10;
    EXPECT_EQ(run_child({"yes"}, limits).end, ChildResult::End::output_too_large);

    const ChildResult ok = run_child({"sh", "-c", "echo keluar; echo galat >&2; exit 3"}, limits);
    EXPECT_EQ(ok.end, ChildResult::End::exited);
    EXPECT_EQ(ok.exit_code, 3);
    EXPECT_EQ(ok.out, "keluar\n");
    EXPECT_EQ(ok.err, "galat\n");

    EXPECT_EQ(run_child({"kinerja-tidak-ada-program"}, limits).end, ChildResult::End::not_started);

    // The address space limit holds in the child: 64 MB is not enough for a 256 MB allocation.
    limits.memory_bytes = 64u << 20;
    const ChildResult big = run_child({"python3", "-c", "x = bytearray(256 * 1024 * 1024)"}, limits);
    EXPECT_TRUE(big.end != ChildResult::End::exited || big.exit_code != 0) << big.err;
}

} // namespace
