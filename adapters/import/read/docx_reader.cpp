// DOCX: word/document.xml in reading order. A paragraph outside tables is a line (a manual line
// break starts a new one, a tab stays '\t'); a table row is a line of cells joined by '\t', a cell
// being its paragraphs joined by a space. gridBefore/gridSpan add empty cells so that the columns of
// merged rows stay aligned with the header; a vertically merged continuation cell is empty. Text in a
// nested table is flattened into its cell; text boxes follow the paragraph that anchors them.
// Automatic list numbers (numbering.xml) are written before their paragraph's text, as printed.
// Headers, footers, footnotes and comments are other parts and are not read: page headers repeat.
// Deleted revisions are left out, inserted ones kept (the document as it now reads).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "adapters/import/read/docx_numbering.h"
#include "adapters/import/read/office_package.h"
#include "adapters/import/read/read_common.h"

namespace kinerja::import::read {
namespace {

// Word allows 63 columns; a larger span is nonsense and would only multiply empty cells.
constexpr int max_grid_span = 64;
// Text boxes inside text boxes: deeper ones are flattened into their paragraph's line, so the
// reader's own recursion stays shallow whatever the document nests.
constexpr int max_text_box_nesting = 8;

// Elements whose content is not document text: properties, deleted revisions, field instructions,
// the fallback copy of an alternate content block (the choice is read instead).
bool skipped(std::string_view local) {
    // properties, with tab stops and other markup that is not text
    static constexpr std::string_view properties[] = {"pPr",    "rPr",   "tblPr",    "trPr",   "tcPr",
                                                      "sectPr", "sdtPr", "sdtEndPr", "tblGrid"};
    // revisions and fields as they were, not as they read; the other copy of alternate content
    static constexpr std::string_view hidden[] = {"del",          "moveFrom", "instrText",         "delText",
                                                  "delInstrText", "Fallback", "footnoteReference", "endnoteReference"};
    return std::find(std::begin(properties), std::end(properties), local) != std::end(properties) ||
           std::find(std::begin(hidden), std::end(hidden), local) != std::end(hidden);
}

int int_attribute(pugi::xml_node n, std::string_view local, int fallback) {
    const std::string_view v = attribute(n, local).value();
    int out = fallback;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    return r.ec == std::errc{} ? out : fallback;
}

class DocxReader {
public:
    DocxReader(std::string_view name, const ReadLimits& limits, DocxNumbering numbering)
        : sink_(name, limits), numbering_(std::move(numbering)) {}

    Result<void> blocks(pugi::xml_node container, int text_box_level) {
        Result<void> result;
        walk(container, [&](pugi::xml_node n) {
            if (!result || n.type() != pugi::node_element) return Visit::skip;
            const std::string_view local = local_name(n.name());
            if (local == "p") {
                result = paragraph(n, text_box_level);
                return Visit::skip;
            }
            if (local == "tbl") {
                result = table(n);
                return Visit::skip;
            }
            return skipped(local) ? Visit::skip : Visit::into;
        });
        return result;
    }

    LineSink& sink() { return sink_; }

private:
    // "1. " for a paragraph of a numbered list, counted in reading order as Word counts it.
    std::string list_label(pugi::xml_node p) {
        const pugi::xml_node num = child(child(p, "pPr"), "numPr");
        if (!num) return {};
        const std::string label =
            numbering_.next(int_attribute(child(num, "numId"), "val", -1), int_attribute(child(num, "ilvl"), "val", 0));
        return label.empty() ? label : label + " ";
    }

    Result<void> paragraph(pugi::xml_node p, int text_box_level) {
        std::string line = list_label(p);
        std::vector<pugi::xml_node> text_boxes;
        Result<void> result;
        walk(p, [&](pugi::xml_node n) {
            if (!result || n.type() != pugi::node_element) return Visit::skip;
            const std::string_view local = local_name(n.name());
            if (local == "t") {
                line += text_of(n);
            } else if (local == "tab" || local == "ptab") {
                line.push_back('\t');
            } else if (local == "br" || local == "cr") {
                result = sink_.add(line);
                line.clear();
            } else if (local == "noBreakHyphen") {
                line.push_back('-');
            } else if (local == "txbxContent" && text_box_level < max_text_box_nesting) {
                text_boxes.push_back(n);
                return Visit::skip;
            } else if (skipped(local)) {
                return Visit::skip;
            }
            return Visit::into;
        });
        if (!result) return result;
        if (auto r = sink_.add(line); !r) return r;
        for (pugi::xml_node box : text_boxes)
            if (auto r = blocks(box, text_box_level + 1); !r) return r;
        return {};
    }

    Result<void> table(pugi::xml_node tbl) {
        Result<void> result;
        walk(tbl, [&](pugi::xml_node n) {
            if (!result || n.type() != pugi::node_element) return Visit::skip;
            const std::string_view local = local_name(n.name());
            if (local == "tr") {
                result = row(n);
                return Visit::skip;
            }
            return skipped(local) ? Visit::skip : Visit::into;
        });
        return result;
    }

    Result<void> row(pugi::xml_node tr) {
        std::string line;
        bool first = true;
        const auto add_cell = [&](std::string_view text) {
            if (!first) line.push_back('\t');
            first = false;
            line += text;
        };
        const int before =
            std::clamp(int_attribute(child(child(tr, "trPr"), "gridBefore"), "val", 0), 0, max_grid_span);
        for (int i = 0; i < before; ++i)
            add_cell({});
        walk(tr, [&](pugi::xml_node n) {
            if (n.type() != pugi::node_element) return Visit::skip;
            const std::string_view local = local_name(n.name());
            if (local == "tc") {
                const pugi::xml_node props = child(n, "tcPr");
                const pugi::xml_node merge = child(props, "vMerge");
                const bool continuation = merge && std::string_view(attribute(merge, "val").value()) != "restart";
                add_cell(continuation ? std::string() : cell_text(n));
                const int span = std::clamp(int_attribute(child(props, "gridSpan"), "val", 1), 1, max_grid_span);
                for (int i = 1; i < span; ++i)
                    add_cell({});
                return Visit::skip;
            }
            return skipped(local) ? Visit::skip : Visit::into;
        });
        return sink_.add(line);
    }

    // The cell's paragraphs joined by a space, tabs and line breaks as spaces (the line's own
    // separators are '\t' between cells and the end of the row), nested tables flattened.
    std::string cell_text(pugi::xml_node tc) {
        std::string out;
        bool gap = false;
        walk(tc, [&](pugi::xml_node n) {
            if (n.type() != pugi::node_element) return Visit::skip;
            const std::string_view local = local_name(n.name());
            if (local == "t") {
                std::string text = text_of(n);
                if (text.empty()) return Visit::skip;
                if (gap && !out.empty() && out.back() != ' ' && text.front() != ' ') out.push_back(' ');
                gap = false;
                std::replace(text.begin(), text.end(), '\t', ' ');
                out += text;
            } else if (local == "p") {
                gap = true;
                if (std::string label = list_label(n); !label.empty()) {
                    if (!out.empty() && out.back() != ' ') out.push_back(' ');
                    label.pop_back(); // the gap gives the space after it
                    out += label;
                }
            } else if (local == "tc" || local == "tab" || local == "ptab" || local == "br" || local == "cr") {
                gap = true;
            } else if (local == "noBreakHyphen") {
                out.push_back('-');
            } else if (skipped(local)) {
                return Visit::skip;
            }
            return Visit::into;
        });
        return out;
    }

    LineSink sink_;
    DocxNumbering numbering_;
};

} // namespace

Result<SourceText> read_docx(ZipArchive& zip, const std::string& main_part, XmlPart document,
                             const ReadLimits& limits) {
    const std::string& name = zip.name();
    const pugi::xml_node body = child(document.root(), "body");
    if (!body)
        return invalid(name,
                       fmt::format("Berkas {} rusak: bagian {} tidak berisi badan dokumen (w:body)", name, main_part));
    auto numbering = DocxNumbering::load(zip, main_part, limits);
    if (!numbering) return tl::unexpected(numbering.error());
    DocxReader reader(name, limits, std::move(*numbering));
    if (auto r = reader.blocks(body, 0); !r) return tl::unexpected(r.error());
    LineSink& sink = reader.sink();
    sink.trim_trailing_empty();
    if (sink.blank()) return invalid(name, fmt::format("Berkas {} kosong: dokumen Word tanpa teks", name));
    return SourceText{name, "docx", sink.take()};
}

} // namespace kinerja::import::read
