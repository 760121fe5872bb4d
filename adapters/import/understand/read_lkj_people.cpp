// The office's units and people an LKj names: the numbered list of its Subbagian (BAB I), the tables
// of commissioners and staff (a "Nama" and a "Jabatan" column), and the parties of the attached PKs.
// Run after the agreements are read: a PK gives a person's NIP and unit, and a unit the list lacks.
#include <cctype>
#include <map>

#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

// "1. Subbagian Keuangan, Umum dan Logistik" standing alone on its line -> the unit's name.
std::string listed_unit(const Line& line) {
    std::string number, name;
    if (!numbered_item(line.text, number, name)) return {};
    // A heading, not a sentence that starts with the unit ("Subbagian … mempunyai tugas …").
    if (!starts_with_folded(name, "subbagian ") || name.size() > 90 || name.back() == '.') return {};
    return name;
}

struct PersonColumns {
    int number = -1, name = -1, position = -1;
};

// A table whose header names "Nama" (or "Nama Pegawai") and "Jabatan".
PersonColumns person_columns(const Doc& doc, const Table& t) {
    PersonColumns c;
    if (t.head.empty()) return c;
    const Line& head = doc.at(t.head.front());
    for (std::size_t k = 0; k < head.cells.size(); ++k) {
        const std::string f = fold(head.cells[k]);
        if (f == "no" || f == "no.") c.number = static_cast<int>(k);
        if (f == "nama" || f == "nama pegawai") c.name = static_cast<int>(k);
        if (f == "jabatan") c.position = static_cast<int>(k);
    }
    return c;
}

std::string key_of(const bj::object& person) {
    auto text = [&](const char* k) {
        const auto& v = person.at(k);
        return v.is_string() ? fold(v.as_string()) : std::string();
    };
    return text("name") + "|" + text("position");
}

class People {
public:
    explicit People(bj::array& out) : m_out(out) {}

    // A person named twice with the same position is one person: the mention with the NIP is kept.
    void add(bj::object person) {
        const std::string key = key_of(person);
        if (const auto it = m_at.find(key); it != m_at.end()) {
            auto& known = m_out[it->second].as_object();
            if (known.at("nip").is_null() && !person.at("nip").is_null()) known = std::move(person);
            return;
        }
        m_at[key] = m_out.size();
        m_out.push_back(std::move(person));
    }

private:
    bj::array& m_out;
    std::map<std::string, std::size_t> m_at;
};

bj::object person(const std::string& name, const std::string& position, const bj::value& nip, const bj::value& unit,
                  int line) {
    return bj::object{
        {"name", name}, {"nip", nip}, {"position", text_or_null(position)}, {"unit", unit}, {"line", line}};
}

void read_person_table(const Doc& doc, const Table& t, People& people) {
    const PersonColumns c = person_columns(doc, t);
    if (c.name < 0 || c.position < 0) return;
    std::string name, position;
    int line = 0;
    auto flush = [&] {
        if (!name.empty()) people.add(person(name, position, nullptr, nullptr, line));
        name.clear();
        position.clear();
    };
    for (const auto r : t.rows) {
        const Line& row = doc.at(r);
        const std::string& n = cell(row, c.name);
        const std::string& p = cell(row, c.position);
        if (n.empty() && (c.number < 0 || cell(row, c.number).empty())) {
            // A position wrapped onto the next row (often across a page break).
            if (!name.empty() && !p.empty()) position += " " + p;
            continue;
        }
        flush();
        name = n;
        position = p;
        line = row.number;
    }
    flush();
}

// The line an item of another section stands on; 0 when it has none.
int line_of(const bj::object& item) {
    const auto* line = item.if_contains("line");
    return line && line->is_int64() ? static_cast<int>(line->as_int64()) : 0;
}

void add_party(const bj::value* party, const bj::value& unit, People& people) {
    if (!party || !party->is_object()) return;
    const auto& p = party->as_object();
    const auto* name = p.if_contains("name");
    if (!name || !name->is_string() || name->as_string().empty()) return;
    const auto* position = p.if_contains("position");
    people.add(person(std::string(name->as_string()),
                      position && position->is_string() ? std::string(position->as_string()) : std::string(),
                      p.contains("nip") ? p.at("nip") : bj::value(nullptr), unit, line_of(p)));
}

} // namespace

void read_units_and_people(Doc& doc, const std::vector<Table>& tables) {
    bj::array units, people_out;
    std::map<std::string, bool> unit_seen;
    auto add_unit = [&](const std::string& name, int line) {
        if (name.empty() || unit_seen[fold(name)]) return;
        unit_seen[fold(name)] = true;
        units.push_back(bj::object{{"name", name}, {"line", line}});
    };
    for (std::size_t i = 0; i < doc.lampiran && i < doc.size(); ++i)
        add_unit(listed_unit(doc.at(i)), doc.at(i).number);

    People people(people_out);
    for (const auto& t : tables)
        if (t.first < doc.lampiran) read_person_table(doc, t, people);
    if (const auto* agreements = doc.ctx.seed.if_contains("agreements"))
        for (const auto& a : agreements->as_array()) {
            const auto& o = a.as_object();
            const bj::value unit = o.contains("unit") ? o.at("unit") : bj::value(nullptr);
            if (unit.is_string()) add_unit(std::string(unit.as_string()), line_of(o));
            // The first party signs for the agreement's unit; the second is the superior.
            add_party(o.if_contains("first_party"), unit, people);
            add_party(o.if_contains("second_party"), nullptr, people);
        }
    if (!units.empty()) doc.ctx.seed["units"] = std::move(units);
    if (!people_out.empty()) doc.ctx.seed["people"] = std::move(people_out);
}

} // namespace kinerja::import::lkj
