#pragma once
// The concrete stores the commands wire into the adapters above them: the importer, the checker and
// the web application take a repository (or a factory of one) and never open a database themselves.
#include "app/repository.h"

namespace kinerja::cli {

// An empty SQLite database in memory with the current schema: the scratch store the document checks
// load documents into (kinerja check, parse, import, and the web import).
app::RepositoryFactory scratch_store();

} // namespace kinerja::cli
