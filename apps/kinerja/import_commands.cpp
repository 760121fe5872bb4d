// `kinerja parse`, `kinerja check FILE...` and `kinerja import`: read documents, show what was
// understood and what is wrong in them, and store them only when asked (contracts.md).
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/import/document_check.h"
#include "adapters/import/document_import.h"
#include "adapters/import/parse_json.h"
#include "adapters/import/source_text.h"
#include "adapters/import/understand/understand.h"
#include "apps/kinerja/commands.h"
#include "apps/kinerja/stores.h"
#include "core/utf8.h"

namespace kinerja::cli {
namespace {

namespace bj = boost::json;

Result<import::Understood> read_and_understand(const std::string& file, const std::string& type) {
    auto source = import::read_source_file(file);
    if (!source) return tl::unexpected(source.error());
    return import::understand(*source, type);
}

struct Counts {
    int errors = 0, warnings = 0, infos = 0;
};

Counts count(const std::vector<Finding>& findings) {
    Counts c;
    for (const auto& f : findings)
        (f.severity == Severity::error ? c.errors : f.severity == Severity::warning ? c.warnings : c.infos)++;
    return c;
}

void print_findings(const std::vector<Finding>& findings) {
    for (const auto& f : findings)
        std::cout << fmt::format("[{}] {} — {}{}\n", severity_code(f.severity), f.id, f.message,
                                 f.where.empty() ? "" : " (" + f.where + ")");
}

std::size_t array_size(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? v->as_array().size() : 0;
}

// `db`: an existing database, or a new file created for the import (removed again on failure).
Result<import::ImportOutcome> import_into(const std::string& db, const import::Understood& doc,
                                          const std::string& satker, bool accept_findings) {
    const bool created = access(db.c_str(), F_OK) != 0;
    auto repo = sqlite::SqliteRepository::open(db, created);
    if (!repo) return tl::unexpected(repo.error());
    auto out = import::store(**repo, scratch_store(), doc, satker, accept_findings, "cli");
    // A database made for this import and left empty (refused or failed) is not left behind.
    if (created && (!out || out->refused)) {
        repo->reset();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::remove((db + suffix).c_str());
    }
    return out;
}

} // namespace

int parse_file(const std::string& file, const std::string& type, bool as_json) {
    auto doc = read_and_understand(file, type);
    if (!doc) return report_error(doc.error());
    auto findings = import::check_documents({&*doc}, scratch_store());
    if (!findings) return report_error(findings.error());
    const auto parsed = import::parse_json(*doc, *findings);
    if (as_json) {
        std::cout << bj::serialize(parsed) << "\n";
        return 0;
    }
    const auto& d = parsed.at("document").as_object();
    std::size_t indicators = 0;
    for (const auto& o : parsed.at("objectives").as_array())
        indicators += o.as_object().at("indicators").as_array().size();
    const Counts c = count(*findings);
    std::cout << fmt::format("{}: dokumen {} {}{}\n", file, std::string(d.at("type").as_string()),
                             d.at("agency").is_string() ? std::string(d.at("agency").as_string())
                                                        : "(satker tidak dikenali)",
                             d.at("year").is_int64() ? fmt::format(" tahun {}", d.at("year").as_int64()) : "");
    std::cout << fmt::format(
        "{} sasaran, {} indikator, {} perjanjian kinerja; temuan: {} galat, {} peringatan, {} info\n",
        array_size(parsed, "objectives"), indicators, array_size(parsed, "agreements"), c.errors, c.warnings, c.infos);
    print_findings(*findings);
    return 0;
}

int check_files(const std::vector<std::string>& files, bool as_json) {
    std::vector<import::Understood> docs;
    docs.reserve(files.size());
    for (const auto& file : files) {
        auto doc = read_and_understand(file, "auto");
        if (!doc) return report_error(doc.error());
        docs.push_back(std::move(*doc));
    }
    std::vector<const import::Understood*> pointers;
    for (const auto& d : docs)
        pointers.push_back(&d);
    auto findings = import::check_documents(pointers, scratch_store());
    if (!findings) return report_error(findings.error());
    if (as_json) {
        bj::object root;
        root["schema"] = "kinerja.check/1";
        bj::array names;
        for (const auto& f : files)
            names.push_back(bj::value(f));
        root["files"] = std::move(names);
        bj::array list;
        for (const auto& f : *findings)
            list.push_back(import::finding_json(f));
        root["findings"] = std::move(list);
        std::cout << bj::serialize(root) << "\n";
        return 0;
    }
    const Counts c = count(*findings);
    std::cout << fmt::format("Temuan konsistensi {} dokumen: {} galat, {} peringatan, {} info\n", files.size(),
                             c.errors, c.warnings, c.infos);
    print_findings(*findings);
    return 0;
}

int import_file(const ImportOptions& o) {
    // A new office takes this code: the lowercase slug every other command and address uses.
    if (o.satker.empty() || o.satker.size() > 100 ||
        o.satker.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        return report_error({ErrorCode::invalid_input,
                             "Kode satker '" + (is_valid_utf8(o.satker) ? o.satker : std::string("?")) +
                                 "' tidak sah: pakai huruf kecil, angka dan tanda hubung, mis. kpu-kota-prabumulih",
                             "--satker"});
    auto doc = read_and_understand(o.file, o.type);
    if (!doc) return report_error(doc.error());
    if (doc->facts.type == "unknown")
        return report_error(
            {ErrorCode::invalid_input,
             "Jenis dokumen " + o.file +
                 " tidak dikenali (bukan IKU, Renstra, RKT, PK, Rencana Aksi atau LKj); tidak ada yang disimpan. "
                 "Sebutkan jenisnya dengan --type",
             o.file});
    auto outcome = import_into(o.db, *doc, o.satker, o.accept_findings);
    if (!outcome) return report_error(outcome.error());
    const Counts c = count(outcome->findings);
    if (outcome->refused) {
        std::cerr << fmt::format("kinerja: {} tidak diimpor: {} galat ditemukan; tidak ada yang disimpan. Perbaiki "
                                 "dokumennya, atau pakai --accept-findings untuk menyimpannya apa adanya.\n",
                                 o.file, c.errors);
        for (const auto& f : outcome->findings)
            if (f.severity == Severity::error)
                std::cerr << fmt::format("[error] {} — {} ({})\n", f.id, f.message, f.where);
        return 1;
    }
    if (outcome->unchanged) {
        std::cout << fmt::format("{} sudah pernah diimpor ke {}; tidak ada perubahan.\n", o.file, o.satker);
        return 0;
    }
    std::cout << fmt::format("{} diimpor ke {}: {} baris disimpan; temuan: {} galat, {} peringatan, {} info.\n", o.file,
                             o.satker, outcome->rows, c.errors, c.warnings, c.infos);
    return 0;
}

} // namespace kinerja::cli
