#pragma once
// Planning documents that change: a performance agreement (PK) is revised by adding a version; the
// old version stays as it was signed, and the revision records its reason (a, b or c of
// PermenPANRB 53/2014: official replaced; strategy changed; priorities changed) and date.
#include <cstdint>
#include <map>
#include <string>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

struct AgreementRevision {
    std::int64_t agreement_id = 0;
    int expected_version = 0;                    // the latest version the form showed
    std::string reason_code, reason, date;       // date as YYYY-MM-DD
    std::map<std::int64_t, std::string> targets; // item id of the latest version → new target text
};

// Problems are per field ("alasan", "tanggal", "target_<id>"); nothing is stored when there is one.
struct RevisionResult {
    int new_version = 0;
    std::map<std::string, std::string> problems;
};

Result<RevisionResult> revise_agreement(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                        const AgreementRevision& revision, const std::string& now_iso);

} // namespace kinerja::app
