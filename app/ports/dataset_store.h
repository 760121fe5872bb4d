#pragma once
// The store as a whole: the neutral dataset of `export`, `load` and `demo`, documents stored by the
// importer and the drafts of the web import, backups and the check before a server starts.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "app/dataset.h"
#include "app/ports/audit_trail.h"
#include "core/error.h"

namespace kinerja::app {

// A document stored by the importer (kinerja import): its file name and the hash of its text.
struct ImportedDocument {
    std::string source, sha256, kind;
    int year = 0;
};
struct ImportResult {
    bool unchanged = false; // the same document was imported into this office before
    std::size_t rows = 0;   // rows written
};

// A document uploaded for import in the web application and not yet stored (the bytes as uploaded).
struct ImportDraft {
    std::int64_t id = 0, office_id = 0, user_id = 0, created_at = 0; // unix seconds
    std::string file_name, sha256, bytes;
};
// A draft is working state for one sitting: after a day it is gone (not loaded, deleted on the next
// upload), and a user keeps at most this many, the oldest deleted to make room for a new upload (an
// upload is never refused for the quota: a person who leaves previews open loses only the stale ones).
constexpr std::int64_t k_import_draft_lifetime = 24 * 60 * 60; // seconds
constexpr int k_import_drafts_per_user = 20;

class DatasetStore {
public:
    virtual ~DatasetStore() = default;

    // Tables and columns of the current schema, with no rows: the shape `export` and `load` use.
    virtual Result<Dataset> empty_dataset() = 0;
    virtual Result<bool> is_empty() = 0;
    virtual Result<Dataset> dump() = 0;
    // Stores a whole dataset into an empty database, ids as given; nothing is written on failure.
    virtual Result<void> restore(const Dataset& data, const AuditRecord& audit) = 0;

    // Stores the rows of one understood document: a dataset the seed loader built, with its own ids
    // and exactly one office row, whose code names the office (created when it does not exist).
    // Units, budget codes, objectives (same code, else same name) and indicators (same statement)
    // already stored are reused; a target or actual already stored with another text is a conflict
    // and nothing is written. The same document (same hash) again changes nothing.
    virtual Result<ImportResult> import_document(const Dataset& rows, const ImportedDocument& doc,
                                                 const AuditRecord& audit) = 0;

    // Web import drafts: working state kept in the database so that any app server can run the next
    // step. Saving deletes the drafts created more than k_import_draft_lifetime before this one and the
    // user's oldest beyond k_import_drafts_per_user (this one counted). Not part of export.
    virtual Result<std::int64_t> save_import_draft(const ImportDraft& d) = 0;
    virtual Result<std::optional<ImportDraft>> load_import_draft(std::int64_t id) = 0;

    // A consistent copy while others write (the server may be running).
    virtual Result<void> backup_to(const std::string& path) = 0;
    // Before a server starts: the store can be written (a write lock is taken and released) and its
    // structure is sound (SQLite: PRAGMA quick_check), so that no server runs on a database where
    // every write would fail. The message says what is wrong and what to do.
    virtual Result<void> verify_ready_to_serve() = 0;
};

} // namespace kinerja::app
