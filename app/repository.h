#pragma once
// The storage port. Narrow on purpose: a PostgreSQL adapter implements the same few calls, and
// neither core nor app changes. Every write is one transaction.
#include <optional>
#include <string>

#include "app/dataset.h"
#include "core/error.h"
#include "core/rupiah.h"
#include <map>
#include <vector>

#include "core/office_tree.h"
#include "core/office_year.h"

namespace kinerja::app {

struct AuditRecord {
    std::string actor;  // login or "system"
    std::string action; // "demo", "load", "user-add"
    std::string entity;
    std::string after; // JSON summary
};

struct NewUser {
    std::string login, password_hash, role, office_code, unit_name;
};

struct ActualWrite {
    std::int64_t indicator_id = 0;
    std::string value_text, value_canonical, note;
    std::int64_t expected_version = 0; // 0: there must be no entry yet
};

struct StatusWrite {
    std::int64_t office_id = 0;
    std::optional<std::int64_t> unit_id;
    int year = 0, month = 0;
    std::string status, comment;
    std::int64_t expected_version = 0; // 0: no row yet
};

struct EvidenceRecord {
    std::int64_t id = 0, office_id = 0, actual_id = 0, size = 0;
    std::string filename, sha256, mime, uploaded_by, uploaded_at;
    std::optional<std::int64_t> owner_unit_id; // of the indicator the evidence supports (read, not written)
};

// One indicator of a month's sheet, with its entry for the month when there is one.
struct SheetRowRecord {
    std::int64_t indicator_id = 0;
    std::string objective, statement, unit, target_text;
    std::optional<std::int64_t> owner_unit_id;
    std::string owner_unit;
    std::optional<std::int64_t> actual_id;
    std::string value_text, note, author, recorded_at;
    std::int64_t version = 0; // 0: no entry yet
    std::string correction;   // the reason, when the value was entered as a correction of a locked month
    std::vector<EvidenceRecord> evidence;
};

// The month of a sub-unit (or, with no unit, the office's lock).
struct StatusRecord {
    std::optional<std::int64_t> unit_id;
    std::string unit_name, status, comment, changed_by, changed_at;
    std::int64_t version = 0; // 0: no row yet
};

// A budget line of the year with what was spent before this month and in it.
struct BudgetMonthRecord {
    std::int64_t line_id = 0;
    std::string code, name, ceiling_text, source;
    std::optional<Rupiah> ceiling;
    Rupiah spent_other_months;
    std::string amount_text;  // this month, as written
    std::int64_t version = 0; // 0: nothing entered this month
    std::string correction;   // the reason, when this month's amount was a correction of a locked month
};

struct SpendingWrite {
    std::int64_t line_id = 0;
    std::string amount_text;
    Rupiah amount;
    std::int64_t expected_version = 0;
};

struct ObstacleRecord {
    std::int64_t id = 0;
    std::string number, aspect, obstacle, remark, remedy;
};

// A narrative section of the LKj as the report uses it: the text of the latest year at or before the
// report's year. `version` is that of this year's row (0: none yet; the text came from `year`).
struct NarrativeRecord {
    std::string section, text;
    int year = 0;
    std::int64_t version = 0;
};

struct NarrativeWrite {
    std::string section, text;
    std::int64_t expected_version = 0; // of this year's row; 0: there must be none yet
};

// An indicator whose target for a year a planner sets: with this year's target and last year's.
struct TargetRecord {
    std::int64_t indicator_id = 0;
    std::string objective, statement, unit, target_text, previous_target;
    std::int64_t version = 0; // 0: no target for the year yet
};

struct TargetWrite {
    std::int64_t indicator_id = 0;
    std::string target_text, value_canonical, unit;
    std::int64_t expected_version = 0;
};

struct ActionMonthsWrite {
    std::int64_t item_id = 0;
    int months = 0; // bit m-1 = month m
    std::int64_t expected_version = 0;
};

struct AuditRow {
    std::int64_t id = 0;
    std::string at, actor, action, entity, before, after;
    std::optional<std::int64_t> entity_id;
};

struct AuditFilter {
    std::string actor, action, entity, from, to; // empty: any; from/to are ISO dates
    int limit = 200;
};

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

struct UserRecord {
    std::int64_t id = 0;
    std::string login, password_hash, role;
    std::optional<std::int64_t> office_id, unit_id;
    std::string office_code, office_name, unit_name;
};

struct SessionRecord {
    std::int64_t id = 0, user_id = 0;
    std::string csrf_token, kind;
    std::int64_t created_at = 0, last_seen_at = 0; // unix seconds
};

// Failed logins are counted per login name, also for names that do not exist (else the lock would tell
// which exist); the table is bounded so that failures with made-up names cannot grow it without end.
constexpr int k_login_failures_kept = 10'000;

struct LoginFailure {
    int failures = 0;
    std::int64_t last_failure_at = 0, locked_until = 0;
};

class Repository {
public:
    virtual ~Repository() = default;

    // Tables and columns of the current schema, with no rows: the shape `export` and `load` use.
    virtual Result<Dataset> empty_dataset() = 0;
    virtual Result<bool> is_empty() = 0;
    virtual Result<Dataset> dump() = 0;
    // Stores a whole dataset into an empty database, ids as given; nothing is written on failure.
    virtual Result<void> restore(const Dataset& data, const AuditRecord& audit) = 0;

    virtual Result<std::optional<OfficeInfo>> find_office(const std::string& code) = 0;
    virtual Result<OfficeYear> load_office_year(const OfficeInfo& office, int year) = 0;
    // Years for which the office has targets, actuals or plans, newest first.
    virtual Result<std::vector<int>> office_years(std::int64_t office_id) = 0;
    // For roll-ups over many offices: the office tree, and the measurement inputs (objectives,
    // indicators, actuals, budgets; no documents) of every office for a year.
    virtual Result<std::vector<OfficeNode>> office_tree() = 0;
    virtual Result<std::map<std::int64_t, OfficeYear>> load_all_offices_year(int year) = 0;

    // Stores the rows of one understood document: a dataset the seed loader built, with its own ids
    // and exactly one office row, whose code names the office (created when it does not exist).
    // Units, budget codes, objectives (same code, else same name) and indicators (same statement)
    // already stored are reused; a target or actual already stored with another text is a conflict
    // and nothing is written. The same document (same hash) again changes nothing.
    virtual Result<ImportResult> import_document(const Dataset& rows, const ImportedDocument& doc,
                                                 const AuditRecord& audit) = 0;
    virtual Result<std::int64_t> add_user(const NewUser& user, const AuditRecord& audit) = 0;
    // A consistent copy while others write (the server may be running).
    virtual Result<void> backup_to(const std::string& path) = 0;
    // Before a server starts: the store can be written (a write lock is taken and released) and its
    // structure is sound (SQLite: PRAGMA quick_check), so that no server runs on a database where
    // every write would fail. The message says what is wrong and what to do.
    virtual Result<void> verify_ready_to_serve() = 0;

    // Monthly work. Rows of the month for the office (and its sub-units' statuses); writes check the
    // expected versions inside their transaction and refuse a stale one with ErrorCode::conflict
    // naming the indicator id in `where`.
    virtual Result<std::vector<SheetRowRecord>> month_rows(std::int64_t office_id, int year, int month) = 0;
    virtual Result<std::vector<StatusRecord>> month_statuses(std::int64_t office_id, int year, int month) = 0;
    virtual Result<int> write_actuals(std::int64_t office_id, int year, int month,
                                      const std::vector<ActualWrite>& writes, const std::string& author,
                                      const std::string& at, const std::string& action, const std::string& reason) = 0;
    virtual Result<void> write_status(const StatusWrite& w, const std::string& author, const std::string& at) = 0;
    // Refused with ErrorCode::too_large when the office's evidence would exceed `office_quota_bytes`
    // (the sum of the sizes of its uploads), checked inside the write transaction.
    virtual Result<std::int64_t> add_evidence(const EvidenceRecord& e, std::int64_t office_quota_bytes) = 0;
    virtual Result<std::int64_t> evidence_bytes(std::int64_t office_id) = 0;
    virtual Result<std::optional<EvidenceRecord>> find_evidence(std::int64_t id) = 0;
    // Web import drafts: working state kept in the database so that any app server can run the next
    // step. Saving deletes the drafts created more than k_import_draft_lifetime before this one and the
    // user's oldest beyond k_import_drafts_per_user (this one counted). Not part of export.
    virtual Result<std::int64_t> save_import_draft(const ImportDraft& d) = 0;
    virtual Result<std::optional<ImportDraft>> load_import_draft(std::int64_t id) = 0;
    virtual Result<std::vector<AuditRow>> audit_log(std::int64_t office_id, const AuditFilter& filter) = 0;
    virtual Result<std::vector<BudgetMonthRecord>> budget_month(std::int64_t office_id, int year, int month) = 0;
    // Conflict (where = line id) on a stale version or a locked month unless action is "correction".
    virtual Result<int> write_spending(std::int64_t office_id, int year, int month,
                                       const std::vector<SpendingWrite>& writes, const std::string& author,
                                       const std::string& at, const std::string& action, const std::string& reason) = 0;
    virtual Result<std::vector<ObstacleRecord>> obstacles(std::int64_t office_id, int year) = 0;
    virtual Result<std::int64_t> add_obstacle(std::int64_t office_id, int year, const ObstacleRecord& o,
                                              const std::string& author, const std::string& at) = 0;
    // Indicators of the office to set targets for in `year`: those with a target this year or last
    // year, or under a Renstra covering the year.
    virtual Result<std::vector<TargetRecord>> target_rows(std::int64_t office_id, int year) = 0;
    virtual Result<int> write_targets(std::int64_t office_id, int year, const std::vector<TargetWrite>& writes,
                                      const std::string& author, const std::string& at) = 0;
    virtual Result<int> write_action_months(std::int64_t office_id, const std::vector<ActionMonthsWrite>& writes,
                                            const std::string& author, const std::string& at) = 0;
    // A new version of an agreement: the latest version's parties, items and budgets copied, the given
    // item targets changed. Conflict when the latest version is not `expected_version`.
    virtual Result<int> add_agreement_revision(std::int64_t agreement_id, int expected_version,
                                               const std::string& reason_code, const std::string& reason,
                                               const std::string& date_iso, const std::string& date_text,
                                               const std::map<std::int64_t, std::string>& targets,
                                               const std::string& author, const std::string& at,
                                               std::int64_t office_id) = 0;

    // LKj narrative sections, by section key. Writes are refused with ErrorCode::conflict (where =
    // section) when this year's row is not at the expected version.
    virtual Result<std::vector<NarrativeRecord>> narratives(std::int64_t office_id, int year) = 0;
    virtual Result<int> write_narratives(std::int64_t office_id, int year, const std::vector<NarrativeWrite>& writes,
                                         const std::string& author, const std::string& at) = 0;

    // Raised by every write of data (not of sessions): a page cached at one value is still true.
    virtual Result<std::int64_t> data_generation() = 0;

    // Users and sessions. Sessions live in the database so that several app servers share them.
    virtual Result<std::optional<UserRecord>> find_user(const std::string& login) = 0;
    virtual Result<std::optional<LoginFailure>> login_failure(const std::string& login) = 0;
    // Also forgets failures older than a day whose lock is over, and the oldest beyond k_login_failures_kept.
    virtual Result<void> record_login_failure(const std::string& login, const LoginFailure& f) = 0;
    virtual Result<void> clear_login_failures(const std::string& login) = 0;
    virtual Result<std::int64_t> create_session(const std::string& token_hash, std::int64_t user_id,
                                                const std::string& csrf, const std::string& kind, std::int64_t now) = 0;
    virtual Result<std::optional<std::pair<SessionRecord, UserRecord>>> find_session(const std::string& token_hash) = 0;
    virtual Result<void> touch_session(std::int64_t session_id, std::int64_t now) = 0;
    virtual Result<void> delete_session(std::int64_t session_id) = 0;
    // A new password hash; every other session of the user ends.
    virtual Result<void> set_password(std::int64_t user_id, const std::string& hash, std::int64_t keep_session_id,
                                      const AuditRecord& audit) = 0;
};

} // namespace kinerja::app
