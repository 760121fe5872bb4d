// A zip file is taken for a DOCX or XLSX by what it holds: the main part the package's relationships
// name (or word/document.xml, xl/workbook.xml when they are missing) and that part's root element.
// Whatever else a zip is (OpenDocument, a presentation, an archive of files) gets a message saying so.
#include "adapters/import/read/office_package.h"

#include <fmt/format.h>

#include "adapters/import/read/read_common.h"
#include "adapters/import/read/readers.h"

namespace kinerja::import::read {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Part names in relationship targets are URIs: "%20" is a space.
std::string percent_decoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

} // namespace

std::string resolve_part(std::string_view source_part, std::string_view target) {
    std::string path;
    if (target.starts_with('/')) {
        path = percent_decoded(target.substr(1));
    } else {
        const std::size_t slash = source_part.rfind('/');
        path = std::string(slash == std::string_view::npos ? std::string_view{} : source_part.substr(0, slash + 1)) +
               percent_decoded(target);
    }
    // Remove "." and ".." segments; ".." above the package root stays at the root.
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& seg : segments) {
        if (!out.empty()) out.push_back('/');
        out += seg;
    }
    return out;
}

Result<std::vector<Relationship>> read_relationships(ZipArchive& zip, std::string_view part, const ReadLimits& limits) {
    std::string rels_path;
    if (part.empty()) {
        rels_path = "_rels/.rels";
    } else {
        const std::size_t slash = part.rfind('/');
        const std::string_view dir = slash == std::string_view::npos ? std::string_view{} : part.substr(0, slash + 1);
        const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
        rels_path = fmt::format("{}_rels/{}.rels", dir, file);
    }
    std::vector<Relationship> out;
    if (!zip.contains(rels_path)) return out;
    auto data = zip.read(rels_path);
    if (!data) return tl::unexpected(data.error());
    auto xml = XmlPart::parse(zip.name(), rels_path, std::move(*data), limits);
    if (!xml) return tl::unexpected(xml.error());
    for (pugi::xml_node r = xml->root().first_child(); r; r = r.next_sibling()) {
        if (!is(r, "Relationship")) continue;
        Relationship rel;
        rel.id = attribute(r, "Id").value();
        const std::string_view type = attribute(r, "Type").value();
        const std::size_t slash = type.rfind('/');
        rel.type = std::string(slash == std::string_view::npos ? type : type.substr(slash + 1));
        if (std::string_view(attribute(r, "TargetMode").value()) != "External")
            rel.target = resolve_part(part, attribute(r, "Target").value());
        out.push_back(std::move(rel));
    }
    return out;
}

Result<SourceText> read_office_package(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    auto zip = ZipArchive::open(name, bytes, limits);
    if (!zip) return tl::unexpected(zip.error());

    if (zip->contains("mimetype")) {
        auto mime = zip->read("mimetype");
        if (mime && mime->starts_with("application/vnd.oasis.opendocument"))
            return invalid(name, fmt::format("Berkas {} berformat OpenDocument (.odt/.ods) yang belum didukung; "
                                             "simpan sebagai .docx atau .xlsx",
                                             name));
    }

    std::string main_part;
    auto rels = read_relationships(*zip, "", limits);
    if (!rels) return tl::unexpected(rels.error());
    for (const Relationship& r : *rels)
        if (r.type == "officeDocument" && !r.target.empty() && zip->contains(r.target)) {
            main_part = r.target;
            break;
        }
    if (main_part.empty()) {
        for (const char* candidate : {"word/document.xml", "xl/workbook.xml"})
            if (zip->contains(candidate)) {
                main_part = candidate;
                break;
            }
    }
    const auto not_office = [&] {
        return invalid(name, fmt::format("Berkas {} adalah arsip zip, tetapi bukan dokumen Word (.docx) atau Excel "
                                         "(.xlsx): tidak ada word/document.xml atau xl/workbook.xml",
                                         name));
    };
    if (main_part.empty()) return not_office();

    auto data = zip->read(main_part);
    if (!data) return tl::unexpected(data.error());
    auto xml = XmlPart::parse(name, main_part, std::move(*data), limits);
    if (!xml) return tl::unexpected(xml.error());
    const std::string_view root = local_name(xml->root().name());
    if (root == "document") return read_docx(*zip, main_part, std::move(*xml), limits);
    if (root == "workbook") return read_xlsx(*zip, main_part, std::move(*xml), limits);
    return not_office();
}

} // namespace kinerja::import::read
