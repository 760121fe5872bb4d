// The XLSX reader. An input that is a zip ("PK") is read as it is. Any other input is split at
// "-----8<-----" lines into sheet1.xml, sharedStrings.xml, styles.xml and (if given) workbook.xml,
// packed into a valid XLSX, so that the fuzzer works on cells, strings and number formats.
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with("PK")) {
        kinerja::fuzz::read("fuzz.xlsx", input);
        return 0;
    }
    std::vector<std::string> parts = kinerja::fuzz::split_parts(input);
    parts.resize(4);
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    const std::string workbook =
        !parts[3].empty()
            ? parts[3]
            : R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
              R"(<sheets><sheet name="S1" sheetId="1" r:id="rId1"/><sheet name="S2" sheetId="2" r:id="rId1"/></sheets></workbook>)";
    std::vector<std::pair<std::string, std::string>> members = {
        {"_rels/.rels", R"(<Relationships><Relationship Id="r" Type=")" + rel +
                            R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml", workbook},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships><Relationship Id="rId1" Type=")" + rel + R"(worksheet" Target="worksheets/sheet1.xml"/>)" +
             R"(<Relationship Id="rId2" Type=")" + rel + R"(sharedStrings" Target="sharedStrings.xml"/>)" +
             R"(<Relationship Id="rId3" Type=")" + rel + R"(styles" Target="/xl/styles.xml"/></Relationships>)"},
        {"xl/worksheets/sheet1.xml", parts[0]},
    };
    if (!parts[1].empty()) members.emplace_back("xl/sharedStrings.xml", parts[1]);
    if (!parts[2].empty()) members.emplace_back("xl/styles.xml", parts[2]);
    kinerja::fuzz::read("fuzz.xlsx", kinerja::fuzz::zip_of(members));
    return 0;
}
