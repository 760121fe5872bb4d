#pragma once
// The three renderers of a report::Document. Each returns the whole file as bytes, or an error with
// an Indonesian message; none writes anywhere else (a temporary file of libxlsxwriter is removed).
#include <string>
#include <string_view>

#include "app/report_model.h"
#include "core/error.h"

namespace kinerja::report_out {

// Word: real headings (Heading1..3 styles), real tables with a repeated header row, a TOC field that
// Word/LibreOffice update, charts as PNG pictures, the draft watermark in the page header.
Result<std::string> render_docx(const app::report::Document& doc);
// PDF through cairo and pango: A4, embedded Noto fonts, searchable text, table headers repeated on
// every page, "Halaman n dari m" page numbers, vector charts, the draft watermark on every page.
Result<std::string> render_pdf(const app::report::Document& doc);
// Excel through libxlsxwriter: one sheet per table with number formats, charts on their own sheets.
Result<std::string> render_xlsx(const app::report::Document& doc);

// The renderer of a format name ("docx", "pdf", "xlsx"), and the file's media type.
inline Result<std::string> render(const app::report::Document& doc, std::string_view format) {
    if (format == "docx") return render_docx(doc);
    if (format == "pdf") return render_pdf(doc);
    if (format == "xlsx") return render_xlsx(doc);
    return fail(ErrorCode::invalid_input,
                "Format '" + std::string(format) + "' tidak dikenal; pilih docx, pdf atau xlsx", "--format");
}
inline std::string_view media_type(std::string_view format) {
    if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return "application/pdf";
}

} // namespace kinerja::report_out
