#include "adapters/web/import_pages.h"

#include <boost/json.hpp>
#include <set>

#include "adapters/http/multipart.h"
#include "adapters/import/document_check.h"
#include "adapters/import/document_import.h"
#include "adapters/import/source_text.h"
#include "adapters/import/understand/understand.h"
#include "adapters/web/errors.h"
#include "adapters/web/templates.h"
#include "core/text.h"
#include "platform/tokens.h"

namespace kinerja::web {
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

// One accepted correction, as the audit record keeps it.
struct Correction {
    std::string field, before, after;
};

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
Result<std::vector<Correction>> apply_corrections(bj::object& seed, const std::map<std::string, std::string>& form,
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
        const std::string value(trim(typed));
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

bool is_type(const std::string& t) {
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

struct Page {
    const app::Actor& actor;
    const OfficeInfo& office;
    const ImportSettings& settings;

    Data base() const {
        Data d;
        d.set("csrf", actor.csrf_token);
        d.set("office_code", office.code);
        d.set("office_name", office.name);
        return d;
    }

    ImportView upload_form(int status, const std::string& error, const std::string& type = "auto") const {
        Data d = base();
        d.set("upload", true);
        d.set("types", type_options(type));
        d.set("max_size", std::to_string(settings.max_bytes >> 20) + " MB");
        if (!error.empty()) d.set("error", error);
        return {status, "Impor dokumen", render("import", d, settings.dev_assets), {}};
    }

    ImportView preview(int status, const app::ImportDraft& draft, const std::string& type,
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
};

ImportView not_found(const std::string& message) {
    Data d;
    d.set("heading", "Tidak ditemukan");
    d.set("message", message);
    return {404, "Tidak ditemukan", render("error", d), {}};
}

// A document that cannot be read is the user's to fix (422, whatever the limit or defect); only a
// failure of the server itself is a 500.
int refusal_status(const Error& e) {
    return status_of(e) >= 500 ? 500 : 422;
}

// Reads and understands the draft's bytes as the CLI reads a file; the error message names the file.
Result<import::Understood> understand_bytes(const std::string& name, const std::string& bytes, const std::string& type,
                                            const ImportSettings& settings) {
    // A server reads documents from anyone with a planner's login, two at a time: tighter limits than
    // the command line's, so that two hostile files together stay within a few hundred MB and a minute.
    import::ReadLimits limits;
    limits.max_file_bytes = settings.max_bytes;
    limits.max_zip_entry_bytes = 32u << 20;
    limits.max_zip_total_bytes = 64u << 20;
    limits.max_text_bytes = 32u << 20;
    limits.max_xml_nodes = 1'000'000;
    limits.max_pdf_pages = 500;
    limits.pdf_timeout_seconds = settings.pdf_seconds;
    limits.pdf_memory_bytes = 512u << 20;
    auto source = import::read_source_bytes(name, bytes, limits);
    if (!source) return tl::unexpected(source.error());
    auto doc = import::understand(*source, type);
    if (!doc) return doc;
    if (doc->facts.type == "unknown")
        return fail(ErrorCode::invalid_input,
                    "Jenis dokumen " + name +
                        " tidak dikenali (bukan IKU, RKT, PK, Rencana Aksi atau LKj); tidak ada yang disimpan. "
                        "Pilih jenisnya lalu unggah lagi",
                    name);
    return doc;
}

// The checks of the one document, and whether it names another office. Storing checks again (store()
// reads the office itself), so the preview needs nothing from the repository, only a scratch store.
Result<std::vector<Finding>> findings_of(const import::Understood& doc, const Page& pg) {
    auto findings = import::check_documents({&doc}, pg.settings.scratch_store);
    if (!findings) return findings;
    if (auto other = import::other_office_finding(doc, pg.office.code, pg.office))
        findings->insert(findings->begin(), *other);
    return findings;
}

ImportView upload(app::Repository& repo, const Page& pg, const std::optional<std::vector<http::Part>>& parts) {
    if (!parts) return pg.upload_form(422, "Unggahan tidak terbaca (bukan multipart/form-data)");
    std::string type = "auto";
    const http::Part* file = nullptr;
    for (const auto& part : *parts) {
        if (part.name == "berkas") file = &part;
        if (part.name == "jenis") type = std::string(part.data);
    }
    if (!is_type(type)) return pg.upload_form(422, "Jenis dokumen '" + type + "' tidak dikenal");
    if (!file || file->filename.empty()) return pg.upload_form(422, "Pilih berkas dokumen yang akan diimpor", type);
    const auto slash = file->filename.find_last_of("/\\");
    const std::string name = slash == std::string::npos ? file->filename : file->filename.substr(slash + 1);
    if (file->data.empty())
        return pg.upload_form(422, "Berkas '" + name + "' kosong; tidak ada yang dapat diimpor", type);
    if (file->data.size() > pg.settings.max_bytes)
        return pg.upload_form(422,
                              "Berkas '" + name + "' lebih besar dari batas " +
                                  std::to_string(pg.settings.max_bytes >> 20) +
                                  " MB; pecah dokumennya atau simpan tanpa gambar lalu unggah lagi",
                              type);
    const std::string bytes(file->data);
    auto doc = understand_bytes(name, bytes, type, pg.settings);
    if (!doc) return pg.upload_form(refusal_status(doc.error()), shown_message(doc.error()), type);
    auto findings = findings_of(*doc, pg);
    if (!findings) return pg.upload_form(refusal_status(findings.error()), shown_message(findings.error()), type);
    // Only a document that could be read and checked becomes a draft: a failed upload leaves no row.
    app::ImportDraft draft{0,    pg.office.id, pg.actor.user_id, pg.settings.now, name, platform::token_hash(bytes),
                           bytes};
    auto id = repo.save_import_draft(draft);
    if (!id) throw std::runtime_error(id.error().message);
    draft.id = *id;
    return pg.preview(200, draft, type, *doc, *findings, 0, {});
}

// The corrections for the import's audit record: what each value was as read and what it became
// (null: no value).
bj::array audit_corrections(const std::vector<Correction>& corrections) {
    auto text_or_null = [](const std::string& s) { return s.empty() ? bj::value(nullptr) : bj::value(s); };
    bj::array out;
    for (const auto& c : corrections)
        out.push_back(
            bj::object{{"field", c.field}, {"before", text_or_null(c.before)}, {"after", text_or_null(c.after)}});
    return out;
}

ImportView recheck_or_store(app::Repository& repo, const Page& pg, const http::Request& r) {
    const auto f = r.form();
    auto field = [&](const char* k) { return f.count(k) ? f.at(k) : std::string(); };
    const std::string id_text = field("draft");
    if (id_text.empty() || id_text.size() > 15 || id_text.find_first_not_of("0123456789") != std::string::npos)
        return not_found("Draf impor tidak ditemukan; unggah dokumennya lagi");
    auto draft = repo.load_import_draft(std::stoll(id_text));
    if (!draft) throw std::runtime_error(draft.error().message);
    // Another user's or office's draft looks exactly like an absent one, even to a colleague of the office.
    if (!*draft || (*draft)->office_id != pg.office.id || (*draft)->user_id != pg.actor.user_id)
        return not_found("Draf impor tidak ditemukan; unggah dokumennya lagi");
    std::string type = field("jenis");
    if (!is_type(type)) type = "auto";
    // Past its lifetime a draft is gone, even when no later upload has deleted its row yet.
    if (pg.settings.now - (*draft)->created_at > app::k_import_draft_lifetime)
        return pg.upload_form(410,
                              "Draf impor '" + (*draft)->file_name +
                                  "' sudah lebih dari sehari dan tidak berlaku lagi; tidak ada yang disimpan. "
                                  "Unggah dokumennya lagi",
                              type);
    auto doc = understand_bytes((*draft)->file_name, (*draft)->bytes, type, pg.settings);
    if (!doc) return pg.upload_form(refusal_status(doc.error()), shown_message(doc.error()), type);
    DrawnFields drawn;
    add_sections(drawn, doc->seed);
    auto corrections = apply_corrections(doc->seed, f, drawn.names());
    if (!corrections) {
        auto findings = findings_of(*doc, pg);
        return pg.preview(422, **draft, type, *doc, findings ? *findings : std::vector<Finding>{}, 0,
                          corrections.error().message);
    }
    const int corrected = static_cast<int>(corrections->size());
    if (field("aksi") == "simpan") {
        auto stored = import::store(repo, pg.settings.scratch_store, *doc, pg.office.code, field("paksa") == "1",
                                    pg.actor.login, audit_corrections(*corrections));
        if (!stored) {
            auto findings = findings_of(*doc, pg);
            const int status = stored.error().code == ErrorCode::conflict ? 409 : 422;
            return pg.preview(status, **draft, type, *doc, findings ? *findings : std::vector<Finding>{}, corrected,
                              "Tidak disimpan: " + shown_message(stored.error()));
        }
        if (stored->refused) {
            int errors = 0;
            for (const auto& fi : stored->findings)
                errors += fi.severity == Severity::error;
            return pg.preview(422, **draft, type, *doc, stored->findings, corrected,
                              "Tidak disimpan: dokumen masih berisi " + std::to_string(errors) +
                                  " galat. Perbaiki nilainya lalu periksa ulang, atau centang \"simpan walaupun ada "
                                  "galat\" untuk menyimpannya apa adanya.");
        }
        return {303,
                {},
                {},
                "/kantor/" + pg.office.code +
                    (stored->unchanged ? std::string("?impor=sama")
                                       : "?impor=disimpan&baris=" + std::to_string(stored->rows))};
    }
    auto findings = findings_of(*doc, pg);
    if (!findings) return pg.upload_form(refusal_status(findings.error()), shown_message(findings.error()), type);
    return pg.preview(200, **draft, type, *doc, *findings, corrected, {});
}

} // namespace

ImportView import_step(app::Repository& repo, const app::Actor& a, const std::string& code, const http::Request& r,
                       const std::optional<std::vector<http::Part>>& parts, const ImportSettings& settings) {
    auto office = repo.find_office(code);
    if (!office) throw std::runtime_error(office.error().message);
    if (!*office || !app::can_view(a, **office))
        return not_found("Satker '" + code + "' tidak ditemukan atau di luar wewenang Anda");
    if (!app::can_plan(a, **office)) {
        Data d;
        d.set("heading", "Tidak diizinkan");
        d.set("message", "Impor dokumen hanya untuk perencana, pimpinan dan administrator satker ini");
        return {403, "Tidak diizinkan", render("error", d, settings.dev_assets), {}};
    }
    const Page pg{a, **office, settings};
    if (r.method != "POST") return pg.upload_form(200, {});
    if (r.header("content-type").rfind("multipart/form-data", 0) == 0) return upload(repo, pg, parts);
    return recheck_or_store(repo, pg, r);
}

std::string import_done_message(const std::map<std::string, std::string>& query) {
    const auto it = query.find("impor");
    if (it == query.end()) return {};
    if (it->second == "sama") return "Dokumen ini sudah pernah diimpor, tidak ada perubahan.";
    if (it->second != "disimpan") return {};
    const auto rows = query.find("baris");
    const bool counted = rows != query.end() && !rows->second.empty() && rows->second.size() < 10 &&
                         rows->second.find_first_not_of("0123456789") == std::string::npos;
    return counted ? "Dokumen diimpor: " + rows->second + " baris tersimpan." : "Dokumen diimpor.";
}

} // namespace kinerja::web
