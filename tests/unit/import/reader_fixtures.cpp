#include "tests/unit/import/reader_fixtures.h"

#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace kinerja::testing {
namespace {

namespace fs = std::filesystem;

struct Zeros {
    std::uint64_t size;
    std::uint64_t at = 0;
};

zip_int64_t zeros_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* z = static_cast<Zeros*>(state);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->at = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        const zip_uint64_t n = std::min<zip_uint64_t>(len, z->size - z->at);
        std::memset(data, 0, n);
        z->at += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = z->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: {
        auto* e = static_cast<int*>(data);
        e[0] = e[1] = 0;
        return 2 * sizeof(int);
    }
    case ZIP_SOURCE_FREE:
        delete z;
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        return -1;
    }
}

// Writes an archive into memory: `fill` adds the members to the open archive.
template <typename F> std::string zip_in_memory(F&& fill) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (out == nullptr) throw std::runtime_error("zip_source_buffer_create");
    zip_source_keep(out);
    zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    if (z == nullptr) throw std::runtime_error("zip_open_from_source");
    fill(z);
    if (zip_close(z) != 0) throw std::runtime_error(std::string("zip_close: ") + zip_strerror(z));
    std::string bytes;
    if (zip_source_open(out) != 0) throw std::runtime_error("zip_source_open");
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_source_read(out, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, static_cast<std::size_t>(n));
    zip_source_close(out);
    zip_source_free(out);
    return bytes;
}

void add_members(zip_t* z, const std::vector<ZipMember>& members) {
    for (const ZipMember& m : members) {
        zip_source_t* src = zip_source_buffer(z, m.data.data(), m.data.size(), 0);
        const zip_int64_t index = zip_file_add(z, m.name.c_str(), src, ZIP_FL_OVERWRITE);
        if (index < 0) throw std::runtime_error("zip_file_add " + m.name);
        if (m.password != nullptr &&
            zip_file_set_encryption(z, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, m.password) != 0)
            throw std::runtime_error(std::string("zip_file_set_encryption: ") + zip_strerror(z));
    }
}

const char* content_types_docx =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

std::string package_rels(const std::string& target) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target=")" +
           target + R"("/></Relationships>)";
}

} // namespace

std::string make_zip(const std::vector<ZipMember>& members) {
    return zip_in_memory([&](zip_t* z) { add_members(z, members); });
}

std::string make_zip_of_zeros(const std::string& member, std::uint64_t size, const std::vector<ZipMember>& others) {
    return zip_in_memory([&](zip_t* z) {
        add_members(z, others);
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* src = zip_source_function(z, zeros_source, new Zeros{size});
        if (src == nullptr || zip_file_add(z, member.c_str(), src, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("zip_file_add zeros");
    });
}

std::string docx_document_xml(const std::string& body_xml) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
           R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
           R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>)" +
           body_xml + "</w:body></w:document>";
}

std::string make_docx(const std::string& body_xml, const std::vector<ZipMember>& parts) {
    std::vector<ZipMember> members{{"[Content_Types].xml", content_types_docx},
                                   {"_rels/.rels", package_rels("word/document.xml")},
                                   {"word/document.xml", docx_document_xml(body_xml)}};
    members.insert(members.end(), parts.begin(), parts.end());
    return make_zip(members);
}

std::string make_xlsx(const std::vector<SheetXml>& sheets, const std::string& shared_si,
                      const std::string& styles_inner, bool date1904) {
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    const std::string rel_ns = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
    std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?><workbook )" + ns + " " + rel_ns + ">";
    if (date1904) workbook += R"(<workbookPr date1904="1"/>)";
    workbook += "<sheets>";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    std::vector<ZipMember> members = {{"_rels/.rels", package_rels("xl/workbook.xml")}};
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string id = "rId" + std::to_string(i + 1);
        const std::string file = "sheet" + std::to_string(sheets.size() - i) + ".xml";
        workbook += R"(<sheet name=")" + sheets[i].name + R"(" sheetId=")" + std::to_string(i + 1) + R"(" r:id=")" +
                    id + R"("/>)";
        rels +=
            R"(<Relationship Id=")" + id +
            R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/)" +
            file + R"("/>)";
        members.push_back({"xl/worksheets/" + file, R"(<?xml version="1.0" encoding="UTF-8"?><worksheet )" + ns +
                                                        "><sheetData>" + sheets[i].rows + "</sheetData></worksheet>"});
    }
    workbook += "</sheets></workbook>";
    if (!shared_si.empty()) {
        rels +=
            R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
        members.push_back({"xl/sharedStrings.xml",
                           R"(<?xml version="1.0" encoding="UTF-8"?><sst )" + ns + ">" + shared_si + "</sst>"});
    }
    if (!styles_inner.empty()) {
        rels +=
            R"(<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>)";
        members.push_back({"xl/styles.xml", R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet )" + ns + ">" +
                                                styles_inner + "</styleSheet>"});
    }
    rels += "</Relationships>";
    members.push_back({"xl/workbook.xml", workbook});
    members.push_back({"xl/_rels/workbook.xml.rels", rels});
    return make_zip(members);
}

std::string make_pdf_without_text() {
    const std::string content = "0 0 0 RG 2 w 100 100 300 400 re S\n";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

TempDir::TempDir() {
    std::string templ = (fs::temp_directory_path() / "kinerja-read-test-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp");
    path_ = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool have_program(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

fs::path libreoffice_convert(const fs::path& input, const std::string& to, const std::string& extension,
                             const std::string& infilter) {
    const fs::path dir = input.parent_path();
    // A profile of its own, removed with the directory: LibreOffice refuses to start twice on one
    // profile, and other tests (the report renderers) convert at the same time.
    const std::string profile = "file://" + (dir / ("lo-profile-" + std::to_string(::getpid()))).string();
    std::string cmd = "cd '" + dir.string() + "' && timeout 300 soffice --headless --norestore " +
                      "-env:UserInstallation=" + profile + " --convert-to '" + to + "' ";
    if (!infilter.empty()) cmd += "'--infilter=" + infilter + "' ";
    cmd += "--outdir . '" + input.filename().string() + "' >>soffice.log 2>&1";
    const int status = std::system(cmd.c_str());
    fs::path out = input;
    out.replace_extension(extension);
    return status == 0 && fs::exists(out) ? out : fs::path();
}

} // namespace kinerja::testing
