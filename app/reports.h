#pragma once
// The report use case: load what a report needs, run the consistency checks, refuse over error
// findings unless forced (then the document is a draft), and build the report::Document. The
// command line and the web application both call this; the renderers only lay the result out.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/report_model.h"
#include "app/repository.h"
#include "core/checks.h"

namespace kinerja::app {

inline constexpr const char* report_kinds[] = {"lkj", "pk", "rkt", "renaksi"};

struct ReportRequest {
    std::string kind; // lkj, pk, rkt, renaksi
    std::string office_code;
    int year = 0;
    bool force = false;
    std::string unit; // pk: one sub-unit's agreement by name; "satker" the office's own; empty: all
    int version = 0;  // pk: an earlier version; 0 the latest
    Rounding rounding = Rounding::half_up;
};

struct PreparedReport {
    report::Document document;   // empty (no blocks) when refused
    std::vector<Finding> errors; // the error findings concerning this report
    bool refused = false;        // errors and not forced
};

// The actor's scope is checked when one is given (the web); the command line passes none.
Result<PreparedReport> prepare_report(Repository& repo, const ReportRequest& request, const Actor* actor = nullptr);

// Does an error finding stop this kind of report? The LKj contains everything; the others their own
// document's findings and those that concern every document.
bool concerns(const Finding& f, const std::string& kind);

// What the reports page shows: for each kind whether there is data, and its error findings.
struct ReportStatus {
    std::string kind, title;
    std::string missing; // why it cannot be made; empty when it can
    std::vector<Finding> errors;
};
Result<std::vector<ReportStatus>> report_statuses(Repository& repo, const Actor& actor, const std::string& office_code,
                                                  int year);

// The narrative sections of the LKj with their current text, and saving them (planner, head, admin).
inline constexpr std::size_t narrative_max_chars = 20000;
struct NarrativeForm {
    std::string key, title, hint, text;
    int from_year = 0;        // the year the text was written in (an earlier one carries over)
    std::int64_t version = 0; // of this year's row
};
Result<std::vector<NarrativeForm>> narrative_forms(Repository& repo, const Actor& actor, const std::string& office_code,
                                                   int year);
struct NarrativeEdit {
    std::string key, text;
    std::int64_t expected_version = 0;
};
// Only the sections whose text differs from the current one are written (a text carried over from an
// earlier year and left as it is stays there). Problems per section key; nothing is stored when there
// is one.
struct NarrativeSaveResult {
    int saved = 0;
    std::map<std::string, std::string> problems;
};
Result<NarrativeSaveResult> save_narratives(Repository& repo, const Actor& actor, const std::string& office_code,
                                            int year, const std::vector<NarrativeEdit>& edits,
                                            const std::string& now_iso);

} // namespace kinerja::app
