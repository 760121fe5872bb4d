#pragma once
// What every reader (text, DOCX, XLSX, PDF) turns a file into: lines of UTF-8 text, in reading order.
// A table row is one line whose cells are separated by '\t' (DOCX and XLSX tables, tab-separated
// text); PDF text keeps pdftotext's column alignment with spaces, as some documents arrive that way.
// The understanding step (understand.h) reads only this, so it does not care where the lines came from.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace kinerja::import {

// Every reader stops at these and says which one it hit; nothing is read past them.
struct ReadLimits {
    std::size_t max_file_bytes = 50u << 20;       // the file itself (200 MB is refused before reading)
    std::size_t max_text_bytes = 50u << 20;       // text produced (PDF output, XML text, zip entries)
    std::size_t max_lines = 500'000;              // lines (table rows) in the result
    std::size_t max_line_bytes = 1u << 20;        // one line
    std::size_t max_zip_entry_bytes = 100u << 20; // one uncompressed zip member
    std::size_t max_zip_ratio = 200;              // uncompressed / compressed of one member (zip bombs)
    std::size_t max_zip_entries = 10'000;
    std::size_t max_zip_total_bytes = 200u << 20; // all members read from one package together
    int max_xml_depth = 256;
    // Elements and attributes of one XML part, counted before it is parsed: pugixml keeps ~64 bytes per
    // node, so a small zip of 99 MB of tiny elements would take over 1 GB. A 50-page LKj has ~150.000, a
    // sheet of 100.000 rows × 5 cells ~2.500.000 (the web import allows fewer).
    std::size_t max_xml_nodes = 4'000'000;
    std::size_t max_cells = 2'000'000; // XLSX cells over all sheets
    int pdf_timeout_seconds = 60;
    std::size_t max_pdf_pages = 2000; // read up to one page more, to say that there are more
    std::size_t pdf_memory_bytes = 1024u << 20;
};

struct SourceText {
    std::string name;   // file name as given, for messages ("lkj-2024.txt")
    std::string format; // "text", "docx", "xlsx", "pdf"
    std::vector<std::string> lines;
};

// Reads a file, choosing the reader by its content (zip: DOCX or XLSX by its members; "%PDF-": PDF;
// else UTF-8 text). Errors are ErrorCode::invalid_input (an Indonesian message naming the file and
// the problem: empty, binary, corrupt, password-protected, no text layer...), too_large (a limit), or io.
Result<SourceText> read_source_file(const std::string& path, const ReadLimits& limits = {});
// The same for bytes already in memory (uploads); `name` is used in messages and to pick nothing else.
Result<SourceText> read_source_bytes(std::string_view name, std::string_view bytes, const ReadLimits& limits = {});

} // namespace kinerja::import
