#pragma once
// One XML part of an Office package, parsed with pugixml under the depth limit. pugixml builds its
// tree without recursion but does not limit nesting, so the depth is checked twice: a scan of the
// bytes refuses a deep document before pugixml allocates its tree, and the parsed tree is measured
// without recursion afterwards, so that the readers' own walks never meet more than max_xml_depth
// levels whatever the scan made of odd markup.
#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "adapters/import/source_text.h"

namespace kinerja::import::read {

class XmlPart {
public:
    // `file` and `member` name the part in messages ("lkj.docx", "word/document.xml").
    static Result<XmlPart> parse(std::string_view file, std::string_view member, std::string data,
                                 const ReadLimits& limits);
    pugi::xml_node root() const { return state_->doc.document_element(); }

private:
    struct State {
        std::string data; // pugixml parses in place: its strings point into this buffer
        pugi::xml_document doc;
    };
    std::unique_ptr<State> state_;
};

// What a part's bytes would build: the greatest element nesting (0 for no element) and the elements
// and attributes in it. The scan stops early once the depth passes `stop_depth` or the nodes pass
// `stop_nodes`.
struct XmlShape {
    int depth = 0;
    std::size_t nodes = 0;
};
XmlShape scan_xml(std::string_view xml, int stop_depth, std::size_t stop_nodes);
inline int scan_xml_depth(std::string_view xml, int stop) {
    return scan_xml(xml, stop, static_cast<std::size_t>(-1)).depth;
}

// "w:p" -> "p": the readers match elements by local name, as producers choose their own prefixes.
std::string_view local_name(const char* qualified);
inline bool is(pugi::xml_node n, std::string_view local) {
    return n.type() == pugi::node_element && local_name(n.name()) == local;
}
// The first attribute with this local name ("w:val", "val"), or an empty attribute.
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view local);
// The first child element with this local name.
pugi::xml_node child(pugi::xml_node n, std::string_view local);
// The character data directly inside an element (text and CDATA children).
std::string text_of(pugi::xml_node n);

// A preorder walk of the descendants of `root` without recursion; `visit` returns whether to
// descend into the node it was given.
enum class Visit { into, skip };
template <typename F> void walk(pugi::xml_node root, F&& visit) {
    pugi::xml_node n = root.first_child();
    while (n) {
        if (visit(n) == Visit::into && n.first_child()) {
            n = n.first_child();
            continue;
        }
        for (;;) {
            if (n == root) return;
            if (pugi::xml_node next = n.next_sibling()) {
                n = next;
                break;
            }
            n = n.parent();
        }
    }
}

} // namespace kinerja::import::read
