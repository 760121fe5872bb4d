#pragma once
// Evidence of a monthly actual (bukti dukung): who may attach and read it, the office's quota, and the
// files themselves behind a port (today a folder beside the database; a shared store for several app
// servers later).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

// Where evidence files live, by their SHA-256 (64 lowercase hex digits).
class EvidenceFiles {
public:
    virtual ~EvidenceFiles() = default;
    // Stores the bytes durably (on disk before this returns) and gives their SHA-256.
    virtual Result<std::string> put(std::string_view bytes) = 0;
    virtual Result<std::optional<std::string>> read(const std::string& sha256) = 0;
};

struct EvidenceLimits {
    std::int64_t max_file_bytes = 10 << 20;
    std::int64_t office_quota_bytes = std::int64_t{5} << 30; // all uploads of one office together
};

struct EvidenceUpload {
    int year = 0, month = 0;
    std::int64_t indicator_id = 0;
    std::string filename;   // as the browser sent it; a folder part is dropped
    std::string_view data;  // the file's bytes
    std::string media_type; // what the content was recognised as; empty: not an accepted kind of file
};

// Attaches a file to the month's actual of an indicator: the actor must be allowed to record it, the
// actual must exist, the month must not be locked, the file must be an accepted kind within the size
// limit and the office's quota. The file is stored before its row, so a row never names a missing file.
Result<std::int64_t> attach_evidence(Repository& repo, EvidenceFiles& files, const Actor& actor,
                                     const std::string& office_code, const EvidenceUpload& upload,
                                     const EvidenceLimits& limits, const std::string& now_iso);

struct EvidenceFile {
    EvidenceRecord record;
    std::string bytes;
};

// Evidence `id` with its bytes, when the actor may read it: an office in the actor's scope and, for an
// operator, an indicator of their own sub-unit. Anything else looks exactly like absent (not_found).
Result<EvidenceFile> open_evidence(Repository& repo, EvidenceFiles& files, const Actor& actor, std::int64_t id);

// "2,5 MB": sizes as the pages print them.
std::string human_size(std::int64_t bytes);

} // namespace kinerja::app
