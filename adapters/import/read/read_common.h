#pragma once
// What the readers share: the limit messages (one wording for every reader), the line collector that
// enforces the line limits, and UTF-8 helpers. Internal to adapters/import/read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/import/source_text.h"
#include "core/text.h"
#include "core/utf8.h" // utf8_sequence, is_valid_utf8, append_utf8

namespace kinerja::import::read {

// Figures in messages are written the way the users write them: group_thousands (core/text.h).

// "Berkas X terlalu besar: 209.715.200 byte, batas 52.428.800 byte".
tl::unexpected<Error> file_too_large(std::string_view name, std::uint64_t size, std::uint64_t limit);
// A limit on what a file produces: "Berkas X melebihi batas <what>: lebih dari <limit> <unit>".
tl::unexpected<Error> limit_exceeded(std::string_view name, std::string_view what, std::uint64_t limit,
                                     std::string_view unit, std::string_view where = {});
// Something wrong with the file itself (corrupt, not a document): ErrorCode::invalid_input.
tl::unexpected<Error> invalid(std::string_view name, std::string message, std::string_view where = {});

// Collects the lines of one file and stops at the limits. Whatever a reader hands in, a line that
// comes out is valid UTF-8 (an invalid byte becomes U+FFFD) and holds no '\n' or '\r' (they become
// spaces), so the understanding step can rely on the SourceText contract.
class LineSink {
public:
    LineSink(std::string_view name, const ReadLimits& limits) : name_(name), limits_(limits) {}

    Result<void> add(std::string_view line);
    // Adds a whole text: LF, CRLF and a lone CR end a line; a form feed (a page break) ends the line
    // and stands as an empty line. Shared by the text and PDF readers.
    Result<void> add_text(std::string_view text);
    std::size_t size() const { return lines_.size(); }
    bool empty() const { return lines_.empty(); }
    bool last_is_empty() const { return !lines_.empty() && lines_.back().empty(); }
    // No line holds more than spaces and tabs: a document without text.
    bool blank() const;
    // Removes empty lines at the end (a document's last page break, a sheet's empty rows).
    void trim_trailing_empty();
    std::vector<std::string> take() { return std::move(lines_); }

private:
    std::string name_;
    const ReadLimits& limits_;
    std::vector<std::string> lines_;
    std::size_t text_bytes_ = 0;
};

} // namespace kinerja::import::read
