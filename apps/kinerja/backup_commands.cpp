// `kinerja backup` and `kinerja restore`: a database and its evidence files as one archive
// (adapters/files/backup_archive.h), taken consistently while the server writes.
#include <cctype>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/db/sqlite/sqlite_snapshot.h"
#include "adapters/files/backup_archive.h"
#include "adapters/files/evidence_store.h"
#include "apps/kinerja/commands.h"

namespace kinerja::cli {
namespace {

bool ends_with_ci(const std::string& s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

std::string megabytes(std::uint64_t bytes) {
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// The snapshot is ours alone until it is removed: only SQLite and then libzip read it.
struct Snapshot {
    std::string path;
    ~Snapshot() {
        for (const char* suffix : {"", "-journal", "-wal", "-shm", ".tmp"})
            std::remove((path + suffix).c_str());
    }
};

} // namespace

int backup(const std::string& db, const std::string& out) {
    // A backup used to be a copy of the database alone; one restored from it lost every evidence file.
    // A name that promises a database is refused rather than given an archive under it.
    for (std::string_view ext : {".db", ".sqlite", ".sqlite3"})
        if (ends_with_ci(out, ext))
            return report_error({ErrorCode::invalid_input,
                                 "Cadangan berupa satu arsip .zip berisi basis data dan berkas bukti, bukan salinan "
                                 "basis data saja; pakai nama berakhiran .zip, mis. --out " +
                                     out.substr(0, out.size() - ext.size()) + ".zip (pulihkan dengan kinerja restore)",
                                 "--out"});
    Snapshot snapshot{out + ".snapshot-" + std::to_string(::getpid())};
    {
        // The online backup API copies one read snapshot of the live database through SQLite, so the
        // server's connections and locks are never disturbed.
        auto repo = sqlite::SqliteRepository::open(db, false);
        if (!repo) return report_error(repo.error());
        if (auto r = (*repo)->backup_to(snapshot.path); !r) return report_error(r.error());
    }
    // The evidence to carry is what that snapshot refers to: an evidence file is written and fsynced
    // before its row commits and is never deleted, so every row of the snapshot has its file.
    auto facts = sqlite::seal_snapshot(snapshot.path);
    if (!facts) return report_error(facts.error());
    const files::EvidenceStore store(files::EvidenceStore::evidence_dir_for(db));
    auto written =
        files::write_backup_archive(out, snapshot.path, facts->schema_version, store, facts->evidence_sha256);
    if (!written) return report_error(written.error());
    std::cout << fmt::format("Cadangan ditulis: {} (basis data dan {} berkas bukti, {})\n", out,
                             written->evidence_files, megabytes(written->evidence_bytes));
    return 0;
}

int restore(const std::string& file, const std::string& db) {
    const std::string evidence = files::EvidenceStore::evidence_dir_for(db);
    auto restored = files::restore_backup_archive(file, db, evidence,
                                                  [](const std::string& unpacked) -> Result<std::vector<std::string>> {
                                                      auto facts = sqlite::verify_database_file(unpacked);
                                                      if (!facts) return tl::unexpected(facts.error());
                                                      return std::move(facts->evidence_sha256);
                                                  });
    if (!restored) return report_error(restored.error());
    std::cout << fmt::format("Cadangan {} dipulihkan: basis data {}, {} berkas bukti di {}\n",
                             restored->created_at.empty() ? file : file + " (" + restored->created_at + ")", db,
                             restored->evidence_files, evidence);
    return 0;
}

} // namespace kinerja::cli
