#pragma once
// `kinerja import` and the web import: check an understood document, then store it into an office (new
// or existing) with the demo loader's mapping; nothing is stored when it has errors unless they are
// accepted. The caller gives the repository (apps/kinerja opens the database file).
#include <optional>
#include <string>
#include <vector>

#include "app/repository.h"

#include "adapters/import/understand/understand.h"
#include "core/checks.h"

namespace kinerja::import {

struct ImportOutcome {
    bool refused = false;   // error findings and not accepted: nothing stored
    bool unchanged = false; // imported before: nothing changed
    std::size_t rows = 0;
    std::vector<Finding> findings;
};

// The checks (in a store `scratch` opens), then the store into `repo`, through any repository (the CLI's
// file, the web application's connection): the same refusals (errors unless accepted, conflicts) and
// the same rows everywhere. `corrections`: the values a person changed before storing (the web
// import), kept in the import's audit record beside what was stored.
Result<ImportOutcome> store(app::Repository& repo, const app::RepositoryFactory& scratch, const Understood& doc,
                            const std::string& satker, bool accept_findings, const std::string& actor,
                            const boost::json::array& corrections = {});

// `document-other-office` when the document names another office than `satker` (office: the stored
// one, if any); store() adds it before deciding.
std::optional<Finding> other_office_finding(const Understood& doc, const std::string& satker,
                                            const std::optional<OfficeInfo>& office);

} // namespace kinerja::import
