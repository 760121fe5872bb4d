#pragma once
// The evidence files on disk: `<dir>/<first 2 hex>/<sha256>`, one file per content. The one owner of
// that layout, for the web application, `kinerja backup` and `kinerja restore`.
//
// A file is written so that an acknowledged upload survives a crash: a temporary file in the final
// directory, locked with flock while it is written, fsynced, renamed to its hash, then the directory
// fsynced. A writer that is killed leaves its temporary file unlocked, which is how
// remove_orphan_temporaries() tells it from one still being written (by this or another process).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja::files {

class EvidenceStore {
public:
    explicit EvidenceStore(std::string dir) : m_dir(std::move(dir)) {}

    // Where the evidence of a database lives: `<parent of db>/evidence`, or `evidence` for a bare file name.
    static std::string evidence_dir_for(const std::string& db_path);
    // True for a name the store can hold: 64 lowercase hexadecimal digits.
    static bool valid_sha256(std::string_view sha);
    // The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    static std::string sha256_hex(std::string_view bytes);

    const std::string& dir() const { return m_dir; }

    // Stores `bytes` durably under its hash and returns the hash; a content already there is not written again.
    Result<std::string> put(std::string_view bytes) const;
    // The file's bytes, or nullopt when the store has none under `sha`; a malformed `sha` is invalid_input.
    Result<std::optional<std::string>> read(const std::string& sha) const;
    bool exists(const std::string& sha) const;
    // Its size in bytes, or nullopt when absent (or `sha` is malformed).
    std::optional<std::uint64_t> size_of(const std::string& sha) const;
    // The path the file of `sha` has (or would have); `sha` must be valid.
    std::string path_of(const std::string& sha) const;

    // Removes the temporary files of writers that are gone (killed mid-upload); a temporary file a live
    // writer holds locked is kept. Returns how many were removed.
    std::size_t remove_orphan_temporaries() const;

private:
    std::string m_dir;
};

} // namespace kinerja::files
