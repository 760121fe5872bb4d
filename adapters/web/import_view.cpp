#include "adapters/web/import_view.h"

#include "adapters/import/document_check.h"
#include "core/text.h"

namespace kinerja::web::import_view {
namespace {

namespace bj = boost::json;
using kainjow::mustache::list;

constexpr std::string_view k_fix_prefix = "fix.";

// The values a person may correct before storing: statements, figures and units. Names, codes and
// line numbers stay as read, so a corrected document is still the same document.
const std::set<std::string, std::less<>> k_editable = {"name",    "indicator",           "target", "actual",
                                                       "unit",    "achievement_printed", "budget", "amount",
                                                       "ceiling", "percent_printed"};

struct Column {
    const char* key;
    const char* label;
};

std::string type_label(const std::string& kind) {
    const auto* k = import::document_kind(kind);
    return k ? std::string(k->label) : "tidak dikenali";
}

const char* severity_label(Severity s) {
    return s == Severity::error ? "galat" : s == Severity::warning ? "peringatan" : "info";
}

std::string cell_text(const bj::value* v) {
    if (!v || v->is_null()) return {};
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return bj::serialize(*v);
}

std::string str(const bj::object& o, std::string_view key) {
    return cell_text(o.if_contains(key));
}

const bj::object* object_at(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_object() ? &v->as_object() : nullptr;
}

const bj::array* array_at(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? &v->as_array() : nullptr;
}

// The input name of one editable value: `fix.<path of the rows>.<row index>.<key>`.
std::string field_name(const std::string& rows_path, std::size_t row, std::string_view key) {
    return std::string(k_fix_prefix) + rows_path + "." + std::to_string(row) + "." + std::string(key);
}

// The value at `path` ("measurement.objectives.0.indicators.2.actual"): the path walks objects by key
// and arrays by index. Null when the seed has no such value; with `create`, a row's key the reader
// left out (the preview draws an input for every column of a row) is made, as null.
bj::value* value_at(bj::object& seed, const std::string& path, bool create = false) {
    bj::value* at = nullptr;
    bj::object* holder = &seed;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        const std::string p = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (holder) {
            at = holder->if_contains(p);
            if (!at && create && dot == std::string::npos) at = &holder->emplace(p, nullptr).first->value();
        } else if (at && at->is_array() && !p.empty() && p.size() <= 6 &&
                   p.find_first_not_of("0123456789") == std::string::npos && std::stoul(p) < at->as_array().size()) {
            at = &at->as_array()[std::stoul(p)];
        } else {
            return nullptr;
        }
        if (!at || dot == std::string::npos) return at;
        holder = at->is_object() ? &at->as_object() : nullptr;
        start = dot + 1;
    }
}

// Applies the form's `fix.<path>` fields to the seed. `drawn` holds the fields the preview rendered
// for this document; any other `fix.` field is refused whole (nothing applied), so a form can only
// change the values a person saw. An empty field means the document gives no value (null).
Result<std::vector<Correction>> apply_corrections_to(bj::object& seed, const std::map<std::string, std::string>& form,
                                                     const std::set<std::string>& drawn) {
    for (const auto& [field, typed] : form) {
        if (field.rfind(k_fix_prefix, 0) != 0) continue;
        if (!drawn.contains(field))
            return fail(ErrorCode::invalid_input,
                        "Koreksi '" + field.substr(k_fix_prefix.size()) +
                            "' ditolak: nilai itu tidak tampil di pratinjau dokumen ini. Hanya nilai di tabel "
                            "pratinjau yang dapat dikoreksi; tidak ada koreksi yang diterapkan",
                        field);
        if (typed.size() > 2000)
            return fail(ErrorCode::invalid_input,
                        "Koreksi '" + field.substr(k_fix_prefix.size()) +
                            "' ditolak: lebih dari 2000 karakter; tidak ada koreksi yang diterapkan",
                        field);
    }
    std::vector<Correction> changed;
    for (const auto& [field, typed] : form) {
        if (field.rfind(k_fix_prefix, 0) != 0) continue;
        bj::value* target = value_at(seed, field.substr(k_fix_prefix.size()), true);
        if (!target)
            return fail(ErrorCode::invalid_input,
                        "Koreksi '" + field.substr(k_fix_prefix.size()) +
                            "' ditolak: baris itu tidak ada dalam dokumen; tidak ada koreksi yang diterapkan",
                        field);
        const std::string value(kinerja::trim(typed));
        const std::string before = cell_text(target);
        if (before == value) continue;
        *target = value.empty() ? bj::value(nullptr) : bj::value(value);
        changed.push_back({field.substr(k_fix_prefix.size()), before, value});
    }
    return changed;
}

// A table of one section of the document: its rows, each value an input named by its path when it
// may be corrected, and the findings of the row's line beside it.
class Preview {
public:
    Preview(const std::vector<Finding>& findings) {
        for (const auto& f : findings)
            if (f.line > 0) m_by_line[f.line].push_back(&f);
    }

    void section(const std::string& title, const bj::array* rows, const std::string& path,
                 const std::vector<Column>& columns, const std::string& context_label = {},
                 const std::string& context = {}) {
        if (!rows || rows->empty()) return;
        Data s;
        s.set("title", title);
        list heads;
        if (!context_label.empty()) heads.push_back(Data("label", std::string(context_label)));
        for (const auto& c : columns)
            heads.push_back(Data("label", std::string(c.label)));
        s.set("heads", heads);
        list out;
        for (std::size_t i = 0; i < rows->size(); ++i) {
            if (!(*rows)[i].is_object()) continue;
            const auto& row = (*rows)[i].as_object();
            Data rd;
            list cells;
            if (!context_label.empty()) cells.push_back(Data("value", std::string(context)));
            for (const auto& c : columns) {
                Data cd;
                cd.set("value", str(row, c.key));
                cd.set("label", c.label);
                if (k_editable.contains(std::string_view(c.key))) cd.set("field", field_name(path, i, c.key));
                cells.push_back(cd);
            }
            rd.set("cells", cells);
            const std::string line = str(row, "line");
            rd.set("line", line);
            if (!line.empty() && m_anchored.insert(line).second) rd.set("anchor", "baris-" + line);
            if (auto it = m_by_line.find(std::atoi(line.c_str())); !line.empty() && it != m_by_line.end()) {
                list notes;
                for (const auto* f : it->second) {
                    Data nd;
                    nd.set("severity", severity_label(f->severity));
                    nd.set("severity_class", std::string(severity_code(f->severity)));
                    nd.set("message", f->message);
                    notes.push_back(nd);
                }
                rd.set("notes", notes);
                rd.set("flagged", true);
            }
            out.push_back(rd);
        }
        s.set("rows", out);
        m_sections.push_back(s);
    }

    bool has_anchor(int line) const { return m_anchored.contains(std::to_string(line)); }
    const list& sections() const { return m_sections; }

private:
    std::map<int, std::vector<const Finding*>> m_by_line;
    std::set<std::string> m_anchored;
    list m_sections;
};

// The names of the inputs a Preview of the same seed renders, without rendering: what a form may correct.
class DrawnFields {
public:
    void section(const std::string&, const bj::array* rows, const std::string& path, const std::vector<Column>& columns,
                 const std::string& = {}, const std::string& = {}) {
        if (!rows) return;
        for (std::size_t i = 0; i < rows->size(); ++i)
            if ((*rows)[i].is_object())
                for (const auto& c : columns)
                    if (k_editable.contains(std::string_view(c.key))) m_names.insert(field_name(path, i, c.key));
    }
    const std::set<std::string>& names() const { return m_names; }

private:
    std::set<std::string> m_names;
};

// The sections of the preview, in the document's order; `Sink` is a Preview or DrawnFields, so the
// fields accepted are exactly the fields shown.
template <class Sink> void add_sections(Sink& p, const bj::object& seed) {
    if (const auto* m = object_at(seed, "measurement"))
        if (const auto* objectives = array_at(*m, "objectives"))
            for (std::size_t o = 0; o < objectives->size(); ++o) {
                if (!(*objectives)[o].is_object()) continue;
                const auto& obj = (*objectives)[o].as_object();
                p.section("Pengukuran kinerja", array_at(obj, "indicators"),
                          "measurement.objectives." + std::to_string(o) + ".indicators",
                          {{"name", "Indikator"},
                           {"target", "Target"},
                           {"actual", "Realisasi"},
                           {"unit", "Satuan"},
                           {"achievement_printed", "Capaian tertulis (%)"}},
                          "Sasaran", str(obj, "number") + " " + str(obj, "name"));
            }
    if (const auto* rkt = array_at(seed, "rkt"))
        for (std::size_t k = 0; k < rkt->size(); ++k)
            if ((*rkt)[k].is_object())
                p.section("Rencana Kinerja Tahunan", array_at((*rkt)[k].as_object(), "rows"),
                          "rkt." + std::to_string(k) + ".rows",
                          {{"objective", "Sasaran"},
                           {"indicator", "Indikator"},
                           {"target", "Target"},
                           {"unit", "Satuan"},
                           {"activity", "Kegiatan"},
                           {"budget", "Anggaran (Rp)"}});
    if (const auto* agreements = array_at(seed, "agreements"))
        for (std::size_t k = 0; k < agreements->size(); ++k) {
            if (!(*agreements)[k].is_object()) continue;
            const auto& pk = (*agreements)[k].as_object();
            const std::string base = "agreements." + std::to_string(k);
            p.section("Perjanjian Kinerja " + str(pk, "unit"), array_at(pk, "items"), base + ".items",
                      {{"objective", "Sasaran"}, {"indicator", "Indikator"}, {"target", "Target"}});
            p.section("Anggaran Perjanjian Kinerja " + str(pk, "unit"), array_at(pk, "budgets"), base + ".budgets",
                      {{"name", "Program / kegiatan"}, {"amount", "Jumlah (Rp)"}});
        }
    if (const auto* plan = object_at(seed, "action_plan"))
        if (const auto* objectives = array_at(*plan, "objectives"))
            for (std::size_t o = 0; o < objectives->size(); ++o) {
                if (!(*objectives)[o].is_object()) continue;
                const auto& obj = (*objectives)[o].as_object();
                p.section("Rencana Aksi", array_at(obj, "items"),
                          "action_plan.objectives." + std::to_string(o) + ".items",
                          {{"indicator", "Indikator"},
                           {"target", "Target"},
                           {"activity", "Kegiatan"},
                           {"month_ticks", "Bulan"},
                           {"executor", "Pelaksana"}},
                          "Sasaran", str(obj, "number") + " " + str(obj, "name"));
            }
    p.section("Anggaran", array_at(seed, "budgets"), "budgets",
              {{"code", "Kode"},
               {"name", "Kegiatan"},
               {"ceiling", "Pagu (Rp)"},
               {"actual", "Realisasi (Rp)"},
               {"percent_printed", "Persen tertulis"}});
    p.section("Capaian tahun lalu", array_at(seed, "previous_year"), "previous_year",
              {{"indicator", "Indikator"},
               {"target", "Target"},
               {"actual", "Realisasi"},
               {"unit", "Satuan"},
               {"achievement_printed", "Capaian tertulis (%)"}});
    if (const auto* renstra = object_at(seed, "renstra"))
        p.section("Sasaran Renstra", array_at(*renstra, "objectives"), "renstra.objectives",
                  {{"number", "No."}, {"name", "Sasaran"}});
}

bool is_known_type(const std::string& t) {
    return t == "auto" || import::document_kind(t) != nullptr;
}

list type_options(const std::string& chosen) {
    list out;
    auto option = [&](const std::string& value, const std::string& label) {
        Data d;
        d.set("value", value);
        d.set("label", label);
        if (chosen == value) d.set("selected", true);
        out.push_back(d);
    };
    option("auto", "Kenali otomatis");
    for (const auto& k : import::document_kinds)
        option(std::string(k.code), std::string(k.label));
    return out;
}

} // namespace

Data Page::base() const {
    Data d;
    d.set("csrf", actor.csrf_token);
    d.set("office_code", office.code);
    d.set("office_name", office.name);
    return d;
}

ImportView Page::upload_form(int status, const std::string& error, const std::string& type) const {
    Data d = base();
    d.set("upload", true);
    d.set("types", type_options(type));
    d.set("max_size", std::to_string(settings.max_bytes >> 20) + " MB");
    if (!error.empty()) d.set("error", error);
    return {status, "Impor dokumen", render("import", d, settings.dev_assets), {}};
}

ImportView Page::preview(int status, const app::ImportDraft& draft, const std::string& type,
                         const import::Understood& doc, const std::vector<Finding>& findings, int corrections,
                         const std::string& error) const {
    Data d = base();
    d.set("draft", std::to_string(draft.id));
    d.set("file_name", draft.file_name);
    d.set("type", type);
    d.set("types", type_options(type));
    const auto& seed = doc.seed;
    d.set("kind", type_label(str(seed, "kind")));
    const bj::object empty;
    const auto* named = object_at(seed, "office");
    const std::string agency = str(named ? *named : empty, "name");
    d.set("agency", agency.empty() ? std::string("(tidak disebut)") : agency);
    d.set("year", str(seed, "year").empty() ? std::string("(tidak disebut)") : str(seed, "year"));
    d.set("place", str(named ? *named : empty, "place").empty() ? std::string("(tidak disebut)")
                                                                : str(named ? *named : empty, "place"));
    d.set("date", str(seed, "date_text").empty() ? std::string("(tidak disebut)") : str(seed, "date_text"));
    Preview p(findings);
    add_sections(p, seed);
    d.set("sections", p.sections());
    int errors = 0, warnings = 0;
    list items;
    for (const auto& f : findings) {
        if (f.severity == Severity::error) ++errors;
        if (f.severity == Severity::warning) ++warnings;
        Data fd;
        fd.set("severity", severity_label(f.severity));
        fd.set("severity_class", std::string(severity_code(f.severity)));
        fd.set("id", f.id);
        fd.set("message", f.message);
        fd.set("where", f.where.empty() ? std::string("dokumen") : f.where);
        if (f.line > 0 && p.has_anchor(f.line)) fd.set("anchor", "baris-" + std::to_string(f.line));
        items.push_back(fd);
    }
    d.set("findings", items);
    d.set("finding_errors", std::to_string(errors));
    d.set("finding_warnings", std::to_string(warnings));
    if (errors > 0) d.set("has_errors", true);
    if (corrections > 0) d.set("corrections", std::to_string(corrections));
    if (!error.empty()) d.set("error", error);
    return {status, "Pratinjau impor " + draft.file_name, render("import", d, settings.dev_assets), {}};
}

std::set<std::string> drawn_fields(const boost::json::object& seed) {
    DrawnFields drawn;
    add_sections(drawn, seed);
    return drawn.names();
}

Result<std::vector<Correction>> apply_corrections(boost::json::object& seed,
                                                  const std::map<std::string, std::string>& form,
                                                  const std::set<std::string>& drawn) {
    return apply_corrections_to(seed, form, drawn);
}

bool is_type(const std::string& t) {
    return is_known_type(t);
}

} // namespace kinerja::web::import_view
