#include "adapters/import/document_import.h"

#include "adapters/import/document_check.h"
#include "adapters/import/understand/values.h"
#include "adapters/json/seed_reader.h"
#include "platform/tokens.h"

namespace kinerja::import {
namespace bj = boost::json;

namespace {

bool has_errors(const std::vector<Finding>& findings) {
    for (const auto& f : findings)
        if (f.severity == Severity::error) return true;
    return false;
}

} // namespace

std::optional<Finding> other_office_finding(const Understood& doc, const std::string& satker,
                                            const std::optional<OfficeInfo>& office) {
    // The document names its office; storing it into another one is an error a person must accept.
    const std::string named = doc.facts.agency;
    const bool same_office =
        named.empty() || office_code(named) == satker || (office && fold(office->name) == fold(named));
    if (same_office) return std::nullopt;
    return Finding{"document-other-office",
                   Severity::error,
                   "Dokumen ini milik " + named + ", bukan satker " + satker +
                       (office ? " (" + office->name + ")" : ""),
                   std::string(doc.seed.at("source").as_string()),
                   0,
                   ""};
}

Result<ImportOutcome> store(app::Repository& repo, const app::RepositoryFactory& scratch, const Understood& doc,
                            const std::string& satker, bool accept_findings, const std::string& actor,
                            const bj::array& corrections) {
    ImportOutcome out;
    auto findings = check_documents({&doc}, scratch);
    if (!findings) return tl::unexpected(findings.error());
    out.findings = std::move(*findings);

    auto office = repo.find_office(satker);
    if (!office) return tl::unexpected(office.error());
    if (auto other = other_office_finding(doc, satker, *office)) out.findings.insert(out.findings.begin(), *other);
    if (has_errors(out.findings) && !accept_findings) {
        out.refused = true;
        return out;
    }

    // The loader builds the document's rows exactly as for the demo, inside the target office.
    bj::object seed = doc.seed;
    seed["office"].as_object()["code"] = satker;
    Understood placed = doc;
    placed.seed = seed;
    const std::string& named = doc.facts.agency;
    const std::string name = *office ? (*office)->name : (named.empty() ? satker : named);
    const std::string offices_text = bj::serialize(offices_of({&placed}, satker, name));
    const std::string seed_text = bj::serialize(seed);
    auto rows = repo.empty_dataset();
    if (!rows) return tl::unexpected(rows.error());
    const std::string source = std::string(seed.at("source").as_string());
    if (auto r = json::read_seeds({"offices", offices_text}, {{source, seed_text}}, *rows); !r)
        return tl::unexpected(r.error());
    app::ImportedDocument record{source, platform::token_hash(seed_text), doc.facts.type, doc.facts.year.value_or(0)};
    bj::object summary_fields{{"source", source}, {"kind", doc.facts.type}, {"satker", satker}};
    if (!corrections.empty()) summary_fields["corrections"] = corrections;
    const std::string summary = bj::serialize(summary_fields);
    auto stored = repo.import_document(*rows, record, {actor, "import", "office", summary});
    if (!stored) return tl::unexpected(stored.error());
    out.unchanged = stored->unchanged;
    out.rows = stored->rows;
    return out;
}

} // namespace kinerja::import
