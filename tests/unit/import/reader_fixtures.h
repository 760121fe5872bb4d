#pragma once
// Files for the reader tests, made in the test: zip packages written with libzip (DOCX and XLSX with
// our own XML, encrypted members, a streamed zip bomb), a hand-written PDF without text, and
// LibreOffice (headless) and qpdf for the files a real producer writes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kinerja::testing {

struct ZipMember {
    std::string name;
    std::string data;
    const char* password = nullptr; // AES-256 when set
};
std::string make_zip(const std::vector<ZipMember>& members);
// One member of `size` zero bytes, deflated from a streaming source (never held in memory).
std::string make_zip_of_zeros(const std::string& member, std::uint64_t size, const std::vector<ZipMember>& others = {});

// A minimal DOCX whose word/document.xml has this body content (w: prefix declared), with `parts`
// beside it (word/numbering.xml and the document's relationships, say).
std::string make_docx(const std::string& body_xml, const std::vector<ZipMember>& parts = {});
std::string docx_document_xml(const std::string& body_xml);

struct SheetXml {
    std::string name;
    std::string rows; // the content of <sheetData>
};
// A minimal XLSX: the sheets in this order (stored as sheetN.xml in reverse, so the order must come
// from the workbook), optional shared strings (<si> elements) and cellXfs/numFmts (styles content).
std::string make_xlsx(const std::vector<SheetXml>& sheets, const std::string& shared_si = {},
                      const std::string& styles_inner = {}, bool date1904 = false);

// A one-page PDF that draws a rectangle and has no text; correct cross-reference table.
std::string make_pdf_without_text();

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);
bool have_program(const std::string& name);
// Runs LibreOffice headless with a profile of its own: `soffice --convert-to <to> [--infilter=<filter>]
// <input> --outdir <dir of input>`; returns the converted file's path, or "" (log beside the input).
std::filesystem::path libreoffice_convert(const std::filesystem::path& input, const std::string& to,
                                          const std::string& extension, const std::string& infilter = {});

} // namespace kinerja::testing
