#include "adapters/import/read/xml_text.h"

#include <fmt/format.h>

#include <cstring>

#include "adapters/import/read/read_common.h"

namespace kinerja::import::read {
namespace {

// Position after the first `end` at or after `from`, or npos.
std::size_t skip_past(std::string_view xml, std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    return at == std::string_view::npos ? at : at + end.size();
}

// Greatest element depth of the parsed tree (the document element is 1), measured without recursion.
int tree_depth(pugi::xml_node root, int stop) {
    int depth = 0; // of n below root
    int deepest = 0;
    pugi::xml_node n = root;
    for (;;) {
        if (pugi::xml_node first = n.first_child()) {
            n = first;
            ++depth;
        } else {
            while (n != root && !n.next_sibling()) {
                n = n.parent();
                --depth;
            }
            if (n == root) return deepest;
            n = n.next_sibling();
        }
        if (n.type() == pugi::node_element && depth > deepest) {
            deepest = depth;
            if (deepest > stop) return deepest;
        }
    }
}

} // namespace

XmlShape scan_xml(std::string_view xml, int stop, std::size_t stop_nodes) {
    int depth = 0;
    int deepest = 0;
    std::size_t nodes = 0;
    std::size_t i = 0;
    while (i < xml.size()) {
        const void* lt = std::memchr(xml.data() + i, '<', xml.size() - i);
        if (lt == nullptr) break;
        i = static_cast<std::size_t>(static_cast<const char*>(lt) - xml.data());
        const std::string_view rest = xml.substr(i);
        if (rest.starts_with("<?")) {
            i = skip_past(xml, i + 2, "?>");
        } else if (rest.starts_with("<!--")) {
            i = skip_past(xml, i + 4, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            i = skip_past(xml, i + 9, "]]>");
        } else if (rest.starts_with("<!")) {
            // A DOCTYPE, possibly with an internal subset in brackets holding '>' characters.
            int brackets = 0;
            ++i;
            while (i < xml.size() && !(xml[i] == '>' && brackets == 0)) {
                if (xml[i] == '[') ++brackets;
                if (xml[i] == ']' && brackets > 0) --brackets;
                ++i;
            }
            if (i < xml.size()) ++i;
        } else if (rest.starts_with("</")) {
            if (depth > 0) --depth;
            i = skip_past(xml, i + 2, ">");
        } else {
            // A start tag; '>' inside a quoted attribute value does not end it.
            char quote = 0;
            std::size_t j = i + 1;
            for (; j < xml.size(); ++j) {
                const char c = xml[j];
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    ++nodes; // an attribute's value
                } else if (c == '>') {
                    break;
                }
            }
            if (j >= xml.size()) break;
            if (++nodes > stop_nodes) return {deepest, nodes};
            if (xml[j - 1] != '/' && ++depth > deepest) {
                deepest = depth;
                if (deepest > stop) return {deepest, nodes};
            }
            i = j + 1;
        }
        if (i == std::string_view::npos) break;
    }
    return {deepest, nodes};
}

Result<XmlPart> XmlPart::parse(std::string_view file, std::string_view member, std::string data,
                               const ReadLimits& limits) {
    const std::string where = fmt::format("{}:{}", file, member);
    const auto too_deep = [&] {
        return fail(ErrorCode::too_large,
                    fmt::format("Bagian {} dalam berkas {} bersarang terlalu dalam: lebih dari {} tingkat elemen "
                                "XML (batas {})",
                                member, file, limits.max_xml_depth, limits.max_xml_depth),
                    where);
    };
    const XmlShape shape = scan_xml(data, limits.max_xml_depth, limits.max_xml_nodes);
    if (shape.depth > limits.max_xml_depth) return too_deep();
    if (shape.nodes > limits.max_xml_nodes)
        return fail(ErrorCode::too_large,
                    fmt::format("Bagian {} dalam berkas {} terlalu besar untuk dibaca: lebih dari {} elemen dan "
                                "atribut XML (batas {}); simpan ulang dokumennya tanpa bagian yang tidak perlu atau "
                                "pecah menjadi beberapa berkas",
                                member, file, group_thousands(limits.max_xml_nodes),
                                group_thousands(limits.max_xml_nodes)),
                    where);

    XmlPart part;
    part.state_ = std::make_unique<State>();
    part.state_->data = std::move(data);
    std::string& buffer = part.state_->data;
    const pugi::xml_parse_result r =
        part.state_->doc.load_buffer_inplace(buffer.data(), buffer.size(),
                                             // Keep a run that is only a space (<w:t xml:space="preserve"> </w:t>).
                                             pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (r.status == pugi::status_out_of_memory)
        return fail(ErrorCode::too_large,
                    fmt::format("Bagian {} dalam berkas {} tidak dapat dibaca: memori tidak cukup", member, file),
                    where);
    if (!r)
        return invalid(file,
                       fmt::format("Berkas {} rusak: XML bagian {} tidak sah ({} pada byte {})", file, member,
                                   r.description(),
                                   group_thousands(static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(r.offset, 0)))),
                       where);
    if (!part.root())
        return invalid(file, fmt::format("Berkas {} rusak: bagian {} tidak berisi elemen XML", file, member), where);
    if (tree_depth(part.state_->doc, limits.max_xml_depth) > limits.max_xml_depth) return too_deep();
    return part;
}

std::string_view local_name(const char* qualified) {
    std::string_view n(qualified);
    const std::size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_attribute attribute(pugi::xml_node n, std::string_view local) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == local) return a;
    return {};
}

pugi::xml_node child(pugi::xml_node n, std::string_view local) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (is(c, local)) return c;
    return {};
}

std::string text_of(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

} // namespace kinerja::import::read
