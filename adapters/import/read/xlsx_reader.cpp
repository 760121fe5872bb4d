// XLSX: the sheets in the workbook's order, an empty line between sheets. A row is a line of cells
// joined by '\t', each cell in its column by its reference (A1, AB12) with empty cells for the gaps
// and no empty cells at the end; empty rows inside a sheet become one empty line however many there
// are, and a sheet's leading and trailing empty rows none. Shared and inline strings are their text
// (rich-text runs joined, phonetic runs left out, tabs and line breaks as spaces); numbers, percents
// and dates are printed by xlsx_number_format; booleans as TRUE/FALSE; errors as written (#REF!).
// A formula cell is its cached value.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>

#include "adapters/import/read/office_package.h"
#include "adapters/import/read/read_common.h"
#include "adapters/import/read/xlsx_number_format.h"
#include "core/date.h"

namespace kinerja::import::read {
namespace {

constexpr int max_column = 16384; // XFD

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// OOXML writes characters XML cannot carry as _xHHHH_ ("_x000D_" for a carriage return); tabs and
// line breaks become spaces because a cell is one field of one line.
std::string cell_string(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            int cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int h = hex_digit(s[i + k]);
                ok = ok && h >= 0;
                cp = cp * 16 + std::max(h, 0);
            }
            if (ok) {
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
                append_utf8(out, static_cast<char32_t>(cp));
                i += 6;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

// The text of a shared string item or an inline string: <t>, or the <t> of its runs <r>; the
// phonetic guide (<rPh>) is not part of what the cell shows.
std::string string_item_text(pugi::xml_node si) {
    std::string raw;
    walk(si, [&](pugi::xml_node n) {
        if (n.type() != pugi::node_element) return Visit::skip;
        const std::string_view local = local_name(n.name());
        if (local == "rPh" || local == "phoneticPr" || local == "rPr") return Visit::skip;
        if (local == "t") {
            raw += text_of(n);
            return Visit::skip;
        }
        return Visit::into;
    });
    return cell_string(raw);
}

// "AB12" -> column 28 (1-based); 0 when the reference is not one.
int column_of(std::string_view ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size(); ++i) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + (c - 'A' + 1);
        if (col > max_column) return 0;
    }
    if (i == 0 || i == ref.size()) return 0;
    for (; i < ref.size(); ++i)
        if (ref[i] < '0' || ref[i] > '9') return 0;
    return col;
}

long number_attribute(pugi::xml_node n, std::string_view local, long fallback) {
    const std::string_view v = attribute(n, local).value();
    long out = fallback;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    return r.ec == std::errc{} && r.ptr == v.data() + v.size() ? out : fallback;
}

bool true_attribute(pugi::xml_node n, std::string_view local) {
    const std::string_view v = attribute(n, local).value();
    return v == "1" || v == "true";
}

// How many elements named `local` the bytes hold, counted before parsing so that a sheet with
// more cells than the limit is refused before pugixml builds a tree of them.
std::size_t count_elements(std::string_view xml, std::string_view local) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < xml.size();) {
        const void* lt = std::memchr(xml.data() + i, '<', xml.size() - i);
        if (lt == nullptr) break;
        i = static_cast<std::size_t>(static_cast<const char*>(lt) - xml.data()) + 1;
        std::size_t end = i;
        while (end < xml.size() && xml[end] != ' ' && xml[end] != '>' && xml[end] != '/' && xml[end] != '\t' &&
               xml[end] != '\n' && xml[end] != '\r')
            ++end;
        std::string_view tag = xml.substr(i, end - i);
        if (const std::size_t colon = tag.find(':'); colon != std::string_view::npos) tag.remove_prefix(colon + 1);
        if (tag == local) ++count;
        i = end;
    }
    return count;
}

class XlsxReader {
public:
    XlsxReader(ZipArchive& zip, const ReadLimits& limits) : zip_(zip), limits_(limits), sink_(zip.name(), limits) {}

    Result<SourceText> read(const std::string& main_part, const XmlPart& workbook) {
        const pugi::xml_node root = workbook.root();
        date1904_ = true_attribute(child(root, "workbookPr"), "date1904");

        auto rels = read_relationships(zip_, main_part, limits_);
        if (!rels) return tl::unexpected(rels.error());
        std::map<std::string, std::string> sheet_parts;
        std::string shared_strings_part;
        std::string styles_part;
        for (const Relationship& r : *rels) {
            if (r.type == "worksheet") sheet_parts[r.id] = r.target;
            if (r.type == "sharedStrings") shared_strings_part = r.target;
            if (r.type == "styles") styles_part = r.target;
        }
        if (shared_strings_part.empty() && zip_.contains("xl/sharedStrings.xml"))
            shared_strings_part = "xl/sharedStrings.xml";
        if (styles_part.empty() && zip_.contains("xl/styles.xml")) styles_part = "xl/styles.xml";

        if (!styles_part.empty() && zip_.contains(styles_part))
            if (auto r = read_styles(styles_part); !r) return tl::unexpected(r.error());
        if (!shared_strings_part.empty() && zip_.contains(shared_strings_part))
            if (auto r = read_shared_strings(shared_strings_part); !r) return tl::unexpected(r.error());

        for (pugi::xml_node sheet = child(child(root, "sheets"), "sheet"); sheet; sheet = sheet.next_sibling()) {
            if (!is(sheet, "sheet")) continue;
            const auto part = sheet_parts.find(attribute(sheet, "id").value());
            // Chart sheets and dialog sheets have no cells: their relationship is of another type.
            if (part == sheet_parts.end()) continue;
            if (auto r = read_sheet(sheet.attribute("name").value(), part->second); !r)
                return tl::unexpected(r.error());
        }
        sink_.trim_trailing_empty();
        if (sink_.blank()) return invalid(name(), fmt::format("Berkas {} kosong: buku kerja Excel tanpa isi", name()));
        return SourceText{name(), "xlsx", sink_.take()};
    }

private:
    const std::string& name() const { return zip_.name(); }

    Result<XmlPart> part(const std::string& path) {
        auto data = zip_.read(path);
        if (!data) return tl::unexpected(data.error());
        return XmlPart::parse(name(), path, std::move(*data), limits_);
    }

    Result<void> read_styles(const std::string& path) {
        auto xml = part(path);
        if (!xml) return tl::unexpected(xml.error());
        std::map<long, CellFormat> custom;
        for (pugi::xml_node f = child(child(xml->root(), "numFmts"), "numFmt"); f; f = f.next_sibling())
            if (is(f, "numFmt"))
                custom[number_attribute(f, "numFmtId", -1)] = classify_format(attribute(f, "formatCode").value());
        for (pugi::xml_node xf = child(child(xml->root(), "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
            if (!is(xf, "xf")) continue;
            const long id = number_attribute(xf, "numFmtId", 0);
            const auto c = custom.find(id);
            formats_.push_back(c != custom.end() ? c->second
                                                 : builtin_format(static_cast<int>(std::clamp(id, 0L, 1000L))));
        }
        return {};
    }

    Result<void> read_shared_strings(const std::string& path) {
        auto xml = part(path);
        if (!xml) return tl::unexpected(xml.error());
        for (pugi::xml_node si = xml->root().first_child(); si; si = si.next_sibling())
            if (is(si, "si")) shared_.push_back(string_item_text(si));
        return {};
    }

    // The attributes and children of a <c> a cell needs, found in one pass each (the loop runs once
    // per cell of the workbook).
    struct Cell {
        std::string_view ref;
        std::string_view type;
        long style = 0;
        pugi::xml_node v;
        pugi::xml_node is;
    };
    static Cell parts_of(pugi::xml_node c) {
        Cell cell;
        for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view n = local_name(a.name());
            if (n == "r") {
                cell.ref = a.value();
            } else if (n == "t") {
                cell.type = a.value();
            } else if (n == "s") {
                const std::string_view v = a.value();
                long s = 0;
                const auto r = std::from_chars(v.data(), v.data() + v.size(), s);
                if (r.ec == std::errc{} && r.ptr == v.data() + v.size()) cell.style = s;
            }
        }
        for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
            if (k.type() != pugi::node_element) continue;
            const std::string_view n = local_name(k.name());
            if (n == "v" && !cell.v) cell.v = k;
            if (n == "is" && !cell.is) cell.is = k;
        }
        return cell;
    }

    Result<std::string> cell_text(const Cell& cell, std::string_view sheet_name) {
        const std::string_view type = cell.type;
        const pugi::xml_node v = cell.v;
        if (type == "inlineStr") {
            if (cell.is) return string_item_text(cell.is);
            return cell_string(text_of(v));
        }
        if (!v) return std::string();
        const std::string value = text_of(v);
        if (type == "s") {
            std::size_t index = 0;
            const auto r = std::from_chars(value.data(), value.data() + value.size(), index);
            if (r.ec != std::errc{} || r.ptr != value.data() + value.size() || index >= shared_.size())
                return invalid(name(),
                               fmt::format("Berkas {} rusak: sel {} di lembar {} merujuk teks bersama nomor {} yang "
                                           "tidak ada",
                                           name(), cell.ref, sheet_name, value));
            return shared_[index];
        }
        if (type == "str" || type == "e") return cell_string(value);
        if (type == "b") return std::string(value == "1" || value == "true" ? "TRUE" : "FALSE");
        if (type == "d") {
            // An ISO 8601 date (strict OOXML): the date in the documents' form, the time dropped.
            if (auto date = parse_iso_date(std::string_view(value).substr(0, 10)); date) return date->indonesian();
            return cell_string(value);
        }
        const long style = cell.style;
        const CellFormat format = style >= 0 && static_cast<std::size_t>(style) < formats_.size()
                                      ? formats_[static_cast<std::size_t>(style)]
                                      : CellFormat{};
        return cell_string(format_number(value, format, date1904_));
    }

    Result<void> read_sheet(std::string_view sheet_name, const std::string& path) {
        if (!zip_.contains(path))
            return invalid(name(), fmt::format("Berkas {} rusak: lembar {} ({}) tidak ada", name(), sheet_name, path));
        auto data = zip_.read(path);
        if (!data) return tl::unexpected(data.error());
        const std::size_t cells_here = count_elements(*data, "c");
        if (cells_ + cells_here > limits_.max_cells)
            return limit_exceeded(name(), "jumlah sel", limits_.max_cells, "sel");
        auto xml = XmlPart::parse(name(), path, std::move(*data), limits_);
        if (!xml) return tl::unexpected(xml.error());

        bool sheet_started = false;
        bool gap = false; // empty rows since the last line of this sheet
        long last_row = 0;
        std::vector<std::pair<int, std::string>> cells;
        std::string line;
        for (pugi::xml_node row = child(child(xml->root(), "sheetData"), "row"); row; row = row.next_sibling()) {
            if (!is(row, "row")) continue;
            const long r = number_attribute(row, "r", last_row + 1);
            if (r > last_row + 1) gap = true;
            last_row = r;

            cells.clear();
            int next_col = 1;
            // A row's cells are checked against the line limit as they come: thousands of cells
            // repeating one long shared string must not be built into a line first.
            std::size_t row_bytes = 0;
            for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
                if (!is(c, "c")) continue;
                if (++cells_ > limits_.max_cells) return limit_exceeded(name(), "jumlah sel", limits_.max_cells, "sel");
                const Cell parts = parts_of(c);
                int col = column_of(parts.ref);
                if (col == 0) col = next_col;
                next_col = std::min(col + 1, max_column);
                auto text = cell_text(parts, sheet_name);
                if (!text) return tl::unexpected(text.error());
                if (text->empty()) continue;
                row_bytes += text->size() + 1;
                if (row_bytes > limits_.max_line_bytes)
                    return limit_exceeded(name(), fmt::format("panjang baris (baris {} lembar {})", r, sheet_name),
                                          limits_.max_line_bytes, "byte");
                cells.emplace_back(col, std::move(*text));
            }
            if (cells.empty()) {
                gap = true;
                continue;
            }
            std::stable_sort(cells.begin(), cells.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            line.clear();
            int last = 0; // column of the previous cell on the line
            for (auto& [c, text] : cells) {
                if (c <= last) continue; // a second cell in the same column: the first one stands
                line.append(static_cast<std::size_t>(c - last - (last == 0 ? 1 : 0)), '\t');
                line += text;
                last = c;
            }
            if (!sheet_started) {
                if (!sink_.empty())
                    if (auto e = sink_.add({}); !e) return e; // between sheets
                sheet_started = true;
            } else if (gap) {
                if (auto e = sink_.add({}); !e) return e;
            }
            gap = false;
            if (auto e = sink_.add(line); !e) return e;
        }
        return {};
    }

    ZipArchive& zip_;
    const ReadLimits& limits_;
    LineSink sink_;
    bool date1904_ = false;
    std::vector<CellFormat> formats_;
    std::vector<std::string> shared_;
    std::size_t cells_ = 0;
};

} // namespace

Result<SourceText> read_xlsx(ZipArchive& zip, const std::string& main_part, XmlPart workbook,
                             const ReadLimits& limits) {
    XlsxReader reader(zip, limits);
    return reader.read(main_part, workbook);
}

} // namespace kinerja::import::read
