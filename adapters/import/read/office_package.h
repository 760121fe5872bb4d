#pragma once
// Office Open XML packages (DOCX, XLSX): the parts and relationships both formats share, and the
// two readers office_package.cpp hands a package to once it knows which one it is.
#include <string>
#include <string_view>
#include <vector>

#include "adapters/import/read/xml_text.h"
#include "adapters/import/read/zip_archive.h"
#include "adapters/import/source_text.h"

namespace kinerja::import::read {

struct Relationship {
    std::string id;
    std::string type;   // the last segment of the type URI: "officeDocument", "worksheet", "sharedStrings"
    std::string target; // the part name inside the package ("xl/worksheets/sheet1.xml"); empty when external
};

// "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute.
std::string resolve_part(std::string_view source_part, std::string_view target);
// The relationships of a part (from "xl/_rels/workbook.xml.rels"); none when the package has no such
// file. Pass "" for the package's own relationships (_rels/.rels).
Result<std::vector<Relationship>> read_relationships(ZipArchive& zip, std::string_view part, const ReadLimits& limits);

Result<SourceText> read_docx(ZipArchive& zip, const std::string& main_part, XmlPart document, const ReadLimits& limits);
Result<SourceText> read_xlsx(ZipArchive& zip, const std::string& main_part, XmlPart workbook, const ReadLimits& limits);

} // namespace kinerja::import::read
