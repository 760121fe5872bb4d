#include "tests/unit/import/seed_compare.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "adapters/import/understand/lines.h"
#include "adapters/import/understand/understand.h"

namespace kinerja::import::testing {
namespace bj = boost::json;
namespace {

using Key = std::pair<std::string, std::int64_t>; // array path, line

// An item and the line of the item it stands under (0: none), so an item found at its line but
// under another parent (an objective given to the wrong activity) counts as a wrong field.
struct Collected {
    const bj::object* item = nullptr;
    std::int64_t parent_line = 0;
};

void collect(const bj::value& v, const std::string& path, std::multimap<Key, Collected>& out,
             std::int64_t parent_line = 0) {
    if (v.is_array()) {
        for (const auto& item : v.as_array())
            collect(item, path, out, parent_line);
        return;
    }
    if (!v.is_object()) return;
    const auto& o = v.as_object();
    std::int64_t own_line = parent_line;
    if (const auto* line = o.if_contains("line"); line && line->is_int64()) {
        out.emplace(Key{path, line->as_int64()}, Collected{&o, parent_line});
        own_line = line->as_int64();
    }
    for (const auto& [k, child] : o)
        if (child.is_array() || child.is_object())
            collect(child, path.empty() ? std::string(k) : path + "/" + std::string(k), out, own_line);
}

std::string scalar(const bj::value& v) {
    if (v.is_string()) return clean_text(v.as_string());
    if (v.is_null()) return "null";
    return bj::serialize(v);
}

std::string label(const bj::object& o) {
    for (const char* k : {"name", "indicator", "title", "text", "aspect", "objective"})
        if (const auto* v = o.if_contains(k); v && v->is_string()) return std::string(v->as_string()).substr(0, 50);
    return {};
}

} // namespace

Comparison compare_seed(const bj::value& expected, const bj::value& actual, const std::string& section,
                        const std::vector<std::string>& ignore) {
    Comparison c;
    std::multimap<Key, Collected> want, got;
    const bj::value* e = &expected;
    const bj::value* a = &actual;
    static const bj::value null_value;
    if (!section.empty()) {
        e = expected.as_object().if_contains(section);
        a = actual.as_object().if_contains(section);
        if (!e) return c;
        if (!a) a = &null_value;
    }
    collect(*e, section, want);
    collect(*a, section, got);
    // Several items may start on one line (a cell of `<p>` fragments split into rows): the n-th
    // transcribed item of a line is compared with the n-th item the importer found there.
    std::map<Key, int> taken;
    for (const auto& [key, wanted] : want) {
        const bj::object* item = wanted.item;
        ++c.expected_items;
        auto found = got.end();
        const auto [first, last] = got.equal_range(key);
        int skip = taken[key]++;
        for (auto it = first; it != last; ++it)
            if (skip-- == 0) found = it;
        const std::string where = key.first + " line " + std::to_string(key.second);
        if (found == got.end()) {
            c.differences.push_back(where + ": missing (" + label(*item) + ")");
            for (const auto& [k, v] : *item)
                if (!v.is_array() && !v.is_object() && k != "line" &&
                    std::find(ignore.begin(), ignore.end(), std::string(k)) == ignore.end())
                    ++c.expected_fields;
            continue;
        }
        ++c.found_items;
        const bj::object& found_item = *found->second.item;
        if (wanted.parent_line > 0) {
            // The parent (the item it stands under) as a field: "under line 98".
            ++c.expected_fields;
            if (found->second.parent_line == wanted.parent_line)
                ++c.equal_fields;
            else
                c.differences.push_back(where + ": under line " + std::to_string(wanted.parent_line) +
                                        " != under line " + std::to_string(found->second.parent_line));
        }
        for (const auto& [k, v] : *item) {
            if (v.is_object() || k == "line") continue;
            if (std::find(ignore.begin(), ignore.end(), std::string(k)) != ignore.end()) continue;
            if (v.is_array()) {
                // Arrays of scalars (months) are fields; arrays of objects were collected above.
                if (!v.as_array().empty() && (v.as_array()[0].is_object())) continue;
            }
            ++c.expected_fields;
            const auto* other = found_item.if_contains(k);
            const std::string want_text = v.is_array() ? bj::serialize(v) : scalar(v);
            const std::string got_text = !other              ? "(absent)"
                                         : other->is_array() ? bj::serialize(*other)
                                                             : scalar(*other);
            if (want_text == got_text)
                ++c.equal_fields;
            else
                c.differences.push_back(where + ": " + std::string(k) + " '" + want_text + "' != '" + got_text + "'");
        }
    }
    return c;
}

bj::value understood_seed(const SourceText& text, std::string_view type) {
    auto u = understand(text, type);
    EXPECT_TRUE(u.has_value()) << text.name << ": " << (u ? "" : u.error().message);
    if (!u) return bj::object();
    return bj::value(std::move(u->seed));
}

std::string describe(const Comparison& c) {
    std::ostringstream s;
    s << "items " << c.found_items << "/" << c.expected_items << ", fields " << c.equal_fields << "/"
      << c.expected_fields;
    for (std::size_t i = 0; i < c.differences.size() && i < 40; ++i)
        s << "\n  " << c.differences[i];
    if (c.differences.size() > 40) s << "\n  … " << c.differences.size() - 40 << " more";
    return s.str();
}

SourceText text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    SourceText t;
    t.name = path.substr(path.rfind('/') + 1);
    t.format = "text";
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        t.lines.push_back(line);
    }
    return t;
}

bj::value json_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return bj::parse(s.str());
}

std::string repo_dir() {
    return KINERJA_SOURCE_DIR;
}
std::string seeds_dir() {
    return std::string(KINERJA_SOURCE_DIR) + "/../shared/seeds";
}
std::string samples_dir() {
    return std::string(KINERJA_SOURCE_DIR) + "/../shared/samples/jabar-2016";
}

} // namespace kinerja::import::testing
