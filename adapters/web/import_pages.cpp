#include "adapters/web/import_pages.h"

#include <boost/json.hpp>
#include <set>

#include "adapters/http/multipart.h"
#include "adapters/import/document_check.h"
#include "adapters/import/document_import.h"
#include "adapters/import/source_text.h"
#include "adapters/import/understand/understand.h"
#include "adapters/web/errors.h"
#include "adapters/web/import_view.h"
#include "adapters/web/templates.h"
#include "app/scope.h"
#include "core/text.h"
#include "platform/tokens.h"

namespace kinerja::web {
namespace {

namespace bj = boost::json;
using import_view::apply_corrections;
using import_view::Correction;
using import_view::drawn_fields;
using import_view::is_type;
using import_view::Page;

// A failure the page cannot show a form for: its status and message (errors.h), in the error template.
ImportView failure(const Error& e) {
    Data d;
    d.set("heading", status_of(e) == 404 ? "Tidak ditemukan" : "Tidak dapat diproses");
    d.set("message", shown_message(e));
    return {status_of(e), "Impor dokumen", render("error", d), {}};
}

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
    if (!id) return failure(id.error());
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
    if (!draft) return failure(draft.error());
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
    auto corrections = apply_corrections(doc->seed, f, drawn_fields(doc->seed));
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
    auto office = app::office_in_scope(repo, a, code);
    if (!office) return failure(office.error());
    if (!app::can_plan(a, *office)) {
        Data d;
        d.set("heading", "Tidak diizinkan");
        d.set("message", "Impor dokumen hanya untuk perencana, pimpinan dan administrator satker ini");
        return {403, "Tidak diizinkan", render("error", d, settings.dev_assets), {}};
    }
    const Page pg{a, *office, settings};
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
