#pragma once
// The readers behind read_source_file/read_source_bytes (read_source.cpp picks one by the content).
// Each takes the file's name for messages and returns the lines of the SourceText contract.
#include <string>
#include <string_view>
#include <vector>

#include "adapters/import/source_text.h"

namespace kinerja::import::read {

// UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 when the file is not UTF-8.
Result<SourceText> read_text(std::string_view name, std::string_view bytes, const ReadLimits& limits);

// A zip package: DOCX or XLSX by its main part (office_package.cpp).
Result<SourceText> read_office_package(std::string_view name, std::string_view bytes, const ReadLimits& limits);

// A PDF in memory (written to a temporary file for pdftotext) or on disk.
Result<SourceText> read_pdf_bytes(std::string_view name, std::string_view bytes, const ReadLimits& limits);
Result<SourceText> read_pdf_file(std::string_view name, const std::string& path, const ReadLimits& limits);

// pdftotext's output to lines: a form feed (page break) becomes an empty line; a text without a
// single letter is a scan without a text layer. Apart from the child process this is all of the PDF
// reader, and the part the PDF fuzz target exercises most.
Result<std::vector<std::string>> pdf_text_lines(std::string_view name, std::string_view text, const ReadLimits& limits);

// An old binary Office file (Word/Excel 97-2003) or an encrypted OOXML package: both are OLE
// compound files. The answer is always an error; the message says which it is.
tl::unexpected<Error> refuse_compound_file(std::string_view name, std::string_view bytes);

} // namespace kinerja::import::read
