// The PDF reader. pdftotext is a child process per input (tens of milliseconds), so most of the
// fuzzing goes to what our code does with its output: an input that does not start with "%PDF-"
// is taken for pdftotext's output and goes through the post-processing (page breaks, the text
// layer check, line limits, UTF-8 repair) directly. An input that starts with "%PDF-" is read the
// whole way: temporary file, child process with its limits, exit status and stderr mapping.
#include <string_view>

#include "adapters/import/read/readers.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with("%PDF-")) {
        kinerja::fuzz::read("fuzz.pdf", input);
        return 0;
    }
    static const kinerja::import::ReadLimits limits = kinerja::fuzz::small_limits();
    const auto lines = kinerja::import::read::pdf_text_lines("fuzz.pdf", input, limits);
    if (lines)
        for (const std::string& line : *lines)
            if (line.find_first_of("\n\r\f") != std::string::npos) __builtin_trap();
    return 0;
}
