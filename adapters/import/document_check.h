#pragma once
// `kinerja check FILE...` and the findings of `kinerja parse` / `kinerja import`: the documents are
// loaded, as they are, into a scratch store (an empty database in memory) with the demo loader, and
// the same rules as for stored data (core::check_office_year, domain.md §7) run over each office and
// year they hold. So a document is judged exactly as it would be once imported, with its own line
// numbers. The scratch store comes from the caller: the importer opens no database itself.
#include <vector>

#include "adapters/import/understand/understand.h"
#include "app/repository.h"
#include "core/checks.h"

namespace kinerja::import {

// The reading findings of each document, then the §7 findings per office and year (documents of the
// same office are checked together, which finds what contradicts across them). Findings are
// ordered by severity, then file and line. `scratch` opens a new, empty store for this one check.
Result<std::vector<Finding>> check_documents(const std::vector<const Understood*>& documents,
                                             const app::RepositoryFactory& scratch);

// The offices document (kinerja.offices/1) the loader needs: the office each document names, or one
// stand-in office "satker-tidak-dikenali" for a document that names none. `code_override` puts every document into that
// office.
boost::json::object offices_of(const std::vector<const Understood*>& documents, const std::string& code_override = {},
                               const std::string& name_override = {});

} // namespace kinerja::import
