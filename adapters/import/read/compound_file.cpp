// OLE compound files (D0 CF 11 E0): Word 97-2003 and Excel 97-2003 documents, and also every
// password-protected DOCX/XLSX, which Office stores encrypted as an "EncryptedPackage" stream inside
// such a file. Neither can be read; the message tells the user which one they have and what to do.
#include <fmt/format.h>

#include "adapters/import/read/read_common.h"
#include "adapters/import/read/readers.h"

namespace kinerja::import::read {
namespace {

// Directory entries hold stream names in UTF-16LE.
bool has_stream_name(std::string_view bytes, std::string_view ascii) {
    std::string utf16;
    for (const char c : ascii) {
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    return bytes.find(utf16) != std::string_view::npos;
}

} // namespace

tl::unexpected<Error> refuse_compound_file(std::string_view name, std::string_view bytes) {
    if (has_stream_name(bytes, "EncryptedPackage"))
        return invalid(name, fmt::format("Berkas {} adalah dokumen Office yang dilindungi kata sandi; buka kunci "
                                         "dokumen lalu simpan ulang tanpa kata sandi",
                                         name));
    const char* kind = has_stream_name(bytes, "WordDocument") ? "Word lama (.doc)"
                       : has_stream_name(bytes, "Workbook") || has_stream_name(bytes, "Book")
                           ? "Excel lama (.xls)"
                           : "Office lama (.doc/.xls)";
    return invalid(
        name, fmt::format("Berkas {} berformat {} yang belum didukung; simpan sebagai .docx atau .xlsx", name, kind));
}

} // namespace kinerja::import::read
