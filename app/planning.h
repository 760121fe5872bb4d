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

// Yearly targets (text as the planner writes it, "95%", "5 keg", "WTP") and the months of the action
// plan's activities. Problems are per field ("target_<id>"); nothing is stored when there is one.
struct TargetEdit {
    std::int64_t indicator_id = 0;
    std::string text;
    std::int64_t expected_version = 0;
};
struct MonthsEdit {
    std::int64_t item_id = 0;
    int months = 0;
    std::int64_t expected_version = 0;
};

Result<std::vector<TargetRecord>> targets_for(Repository& repo, const Actor& actor, const std::string& office_code,
                                              int year);
Result<std::map<std::string, std::string>> save_targets(Repository& repo, const Actor& actor,
                                                        const std::string& office_code, int year,
                                                        const std::vector<TargetEdit>& edits,
                                                        const std::string& now_iso);
Result<int> save_action_months(Repository& repo, const Actor& actor, const std::string& office_code,
                               const std::vector<MonthsEdit>& edits, const std::string& now_iso);

} // namespace kinerja::app
