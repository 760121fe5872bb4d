#pragma once
// Database files that are not the live database: the snapshot `kinerja backup` takes and the file
// `kinerja restore` unpacks. Opened only through SQLite, like every database file.
#include <string>
#include <vector>

#include "core/error.h"

namespace kinerja::sqlite {

struct DatabaseFacts {
    int schema_version = 0;                   // PRAGMA user_version: the migrations applied
    std::vector<std::string> evidence_sha256; // every evidence file its rows refer to, once each
};

// Makes a fresh backup snapshot one self-contained file (a rollback journal instead of WAL, so it is read
// without -wal or -shm) and says what it holds. Only for a file nobody else has open.
Result<DatabaseFacts> seal_snapshot(const std::string& path);

// Checks a database file unpacked by a restore: a SQLite database that passes PRAGMA integrity_check,
// with a Kinerja schema this program knows. Anything else is invalid_input (unsupported when newer).
Result<DatabaseFacts> verify_database_file(const std::string& path);

} // namespace kinerja::sqlite
