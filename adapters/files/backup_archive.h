#pragma once
// A backup of an office's whole state as one zip archive (schema kinerja.backup/1):
//
//   manifest.json               {"schema": "kinerja.backup/1", "created_at", "schema_version",
//                                "database": "kinerja.db", "evidence": [{"sha256", "size"}, ...]}
//   kinerja.db                  the database snapshot, one self-contained SQLite file (deflated)
//   evidence/<aa>/<sha256>      each evidence file the snapshot refers to (stored)
//
// This module knows zip and the files; what a database is and which evidence it needs is asked of
// the caller (the SQLite adapter), so libzip and sqlite3 each stay in their own adapter.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "adapters/files/evidence_store.h"
#include "core/error.h"

namespace kinerja::files {

inline constexpr const char* backup_schema = "kinerja.backup/1";

struct BackupSummary {
    std::size_t evidence_files = 0;
    std::uint64_t evidence_bytes = 0;
    std::string created_at; // UTC, ISO 8601, as the manifest says
};

// Writes the archive of `database_file` (a snapshot no one else writes) and the evidence files named by
// `evidence` from `store`, through a temporary file beside `out` renamed at the end, so a failed backup
// leaves no file. An evidence file that is missing fails the backup, naming the file.
Result<BackupSummary> write_backup_archive(const std::string& out, const std::string& database_file, int schema_version,
                                           const EvidenceStore& store, const std::vector<std::string>& evidence);

// Limits on what a restored archive may hold; a bigger archive is refused before anything is inflated
// past them (the sizes declared in the archive are checked, and the reading stops at them if they lie).
struct RestoreLimits {
    std::uint64_t max_members = 2'000'000;
    std::uint64_t max_manifest_bytes = 256ull << 20;
    std::uint64_t max_database_bytes = 64ull << 30;
    std::uint64_t max_evidence_bytes = 1ull << 30; // one evidence file
    std::uint64_t max_total_bytes = 256ull << 30;  // everything inflated
};

// Checks a database file unpacked from an archive; returns the evidence hashes its rows refer to.
using DatabaseVerifier = std::function<Result<std::vector<std::string>>(const std::string& database_file)>;

// Puts the archive back as `database_path` and `evidence_dir`. Both must be free: no database file (nor
// its -wal, -shm or -journal) and an evidence folder that is absent or empty; otherwise conflict. The
// archive is unpacked to `<database_path>.restoring` and `<evidence_dir>.restoring`, checked (every
// evidence member's SHA-256 is its name, the manifest and the members agree, `verify` accepts the
// database and every hash it returns has its file), then renamed into place. On any failure the
// temporaries are removed and nothing is left. A damaged or foreign archive is invalid_input.
Result<BackupSummary> restore_backup_archive(const std::string& archive, const std::string& database_path,
                                             const std::string& evidence_dir, const DatabaseVerifier& verify,
                                             const RestoreLimits& limits = {});

} // namespace kinerja::files
