// The text reader through read_source_bytes: encodings, binary detection, line splitting, limits.
// An input the dispatcher would hand to pdftotext is left to fuzz_pdf_reader (one process each).
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.substr(0, 1100).find("%PDF-") != std::string_view::npos) return 0;
    kinerja::fuzz::read("fuzz.txt", input);
    return 0;
}
