// The DOCX reader. An input that is a zip ("PK") is read as it is: the zip layer and its limits.
// Any other input is taken for word/document.xml and packed into a valid DOCX first, so that most
// executions reach the XML reading instead of failing a CRC check.
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with("PK")) {
        kinerja::fuzz::read("fuzz.docx", input);
        return 0;
    }
    const std::string rels =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
    kinerja::fuzz::read("fuzz.docx",
                        kinerja::fuzz::zip_of({{"_rels/.rels", rels}, {"word/document.xml", std::string(input)}}));
    return 0;
}
