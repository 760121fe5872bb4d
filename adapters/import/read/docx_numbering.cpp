#include "adapters/import/read/docx_numbering.h"

#include <algorithm>
#include <charconv>

#include "adapters/import/read/office_package.h"
#include "adapters/import/read/xml_text.h"

namespace kinerja::import::read {
namespace {

int int_attribute(pugi::xml_node n, std::string_view local, int fallback) {
    const std::string_view v = attribute(n, local).value();
    int out = fallback;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    return r.ec == std::errc{} ? out : fallback;
}

std::string roman(int n) {
    static constexpr std::pair<int, const char*> digits[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string out;
    for (const auto& [value, text] : digits)
        for (; n >= value; n -= value)
            out += text;
    return out;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

} // namespace

std::string list_number(int n, const std::string& format) {
    if (n < 0) n = 0;
    if (format == "lowerLetter" || format == "upperLetter") {
        if (n == 0) return "";
        // Word writes 27 as "aa", 53 as "aaa": the letter repeated, not a base-26 number.
        const std::string letters(static_cast<std::size_t>(std::min((n - 1) / 26 + 1, 16)),
                                  static_cast<char>('a' + (n - 1) % 26));
        return format == "upperLetter" ? upper(letters) : letters;
    }
    if (format == "lowerRoman" || format == "upperRoman") {
        if (n == 0 || n > 3999) return std::to_string(n);
        return format == "upperRoman" ? upper(roman(n)) : roman(n);
    }
    if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    return std::to_string(n); // decimal and the formats not rendered here (ordinal words, CJK)
}

Result<DocxNumbering> DocxNumbering::load(ZipArchive& zip, const std::string& document_part, const ReadLimits& limits) {
    DocxNumbering out;
    std::string part;
    auto rels = read_relationships(zip, document_part, limits);
    if (!rels) return tl::unexpected(rels.error());
    for (const Relationship& r : *rels)
        if (r.type == "numbering" && !r.target.empty()) part = r.target;
    if (part.empty() || !zip.contains(part)) return out;
    auto data = zip.read(part);
    if (!data) return tl::unexpected(data.error());
    auto xml = XmlPart::parse(zip.name(), part, std::move(*data), limits);
    if (!xml) return tl::unexpected(xml.error());

    const auto read_levels = [](pugi::xml_node parent, std::array<Level, level_count>& into) {
        for (pugi::xml_node lvl = parent.first_child(); lvl; lvl = lvl.next_sibling()) {
            if (!is(lvl, "lvl")) continue;
            const int ilvl = int_attribute(lvl, "ilvl", -1);
            if (ilvl < 0 || ilvl >= level_count) continue;
            Level& l = into[static_cast<std::size_t>(ilvl)];
            if (pugi::xml_node f = child(lvl, "numFmt")) l.format = attribute(f, "val").value();
            if (pugi::xml_node t = child(lvl, "lvlText")) l.text = attribute(t, "val").value();
            // Bounded, so that counting on from it cannot overflow.
            if (pugi::xml_node s = child(lvl, "start")) l.start = std::clamp(int_attribute(s, "val", 1), 0, 1'000'000);
        }
    };
    std::map<std::string, std::array<Level, level_count>> abstracts;
    for (pugi::xml_node n = xml->root().first_child(); n; n = n.next_sibling())
        if (is(n, "abstractNum")) read_levels(n, abstracts[attribute(n, "abstractNumId").value()]);
    for (pugi::xml_node n = xml->root().first_child(); n; n = n.next_sibling()) {
        if (!is(n, "num")) continue;
        const int id = int_attribute(n, "numId", -1);
        const auto abstract = abstracts.find(attribute(child(n, "abstractNumId"), "val").value());
        if (id < 0 || abstract == abstracts.end()) continue;
        List list;
        list.levels = abstract->second;
        // A list may restart a level at another number, or redefine the level outright.
        for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
            if (!is(o, "lvlOverride")) continue;
            const int ilvl = int_attribute(o, "ilvl", -1);
            if (ilvl < 0 || ilvl >= level_count) continue;
            if (child(o, "lvl")) {
                std::array<Level, level_count> redefined = list.levels;
                read_levels(o, redefined);
                list.levels[static_cast<std::size_t>(ilvl)] = redefined[static_cast<std::size_t>(ilvl)];
            }
            if (pugi::xml_node s = child(o, "startOverride"))
                list.levels[static_cast<std::size_t>(ilvl)].start =
                    std::clamp(int_attribute(s, "val", 1), 0, 1'000'000);
        }
        out.lists_[id] = list;
    }
    return out;
}

std::string DocxNumbering::next(int num_id, int level) {
    auto it = lists_.find(num_id);
    if (it == lists_.end() || level < 0 || level >= level_count) return {};
    List& list = it->second;
    const auto at = static_cast<std::size_t>(level);
    // A level counts on from its start; the levels below it start again.
    list.counters[at] = list.started[at] ? list.counters[at] + 1 : list.levels[at].start;
    list.started[at] = true;
    for (std::size_t deeper = at + 1; deeper < level_count; ++deeper)
        list.started[deeper] = false;
    const Level& l = list.levels[at];
    if (l.format == "bullet" || l.format == "none") return {};
    std::string label;
    for (std::size_t i = 0; i < l.text.size(); ++i) {
        const char c = l.text[i];
        if (c == '%' && i + 1 < l.text.size() && l.text[i + 1] >= '1' && l.text[i + 1] <= '9') {
            const auto ref = static_cast<std::size_t>(l.text[i + 1] - '1');
            // A level above that has not been counted yet prints its start, as Word does.
            const int n = list.started[ref] ? list.counters[ref] : list.levels[ref].start;
            label += list_number(n, list.levels[ref].format);
            ++i;
        } else {
            label.push_back(c);
        }
    }
    return label;
}

} // namespace kinerja::import::read
