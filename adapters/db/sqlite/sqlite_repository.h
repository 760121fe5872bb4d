#pragma once
// The embedded storage: one SQLite file, WAL, foreign keys on, numbered migrations carried in the binary.
// One class implements every port of app/repository.h, over one connection; its members live in one
// file per port (named beside each group below), the shared pieces in sqlite_support.h (transactions),
// sqlite_audit.h (audit entries) and sqlite_versioned.h (the versioned write).
#include <memory>
#include <string>

#include "app/repository.h"

namespace kinerja::sqlite {

class Connection;

class SqliteRepository final : public app::Repository {
public:
    // Opens the database, creating it when `create`, and brings its schema up to date.
    // A file that is not a database, or one of a newer schema than this program knows, is refused.
    static Result<std::unique_ptr<SqliteRepository>> open(const std::string& path, bool create);
    ~SqliteRepository() override;

    static int schema_version(); // the number of embedded migrations

    // app::DatasetStore: sqlite_datasets.cpp, import_document in sqlite_import.cpp.
    Result<app::Dataset> empty_dataset() override;
    Result<bool> is_empty() override;
    Result<app::Dataset> dump() override;
    Result<void> restore(const app::Dataset& data, const app::AuditRecord& audit) override;
    Result<app::ImportResult> import_document(const app::Dataset& rows, const app::ImportedDocument& doc,
                                              const app::AuditRecord& audit) override;
    Result<std::int64_t> save_import_draft(const app::ImportDraft& d) override;
    Result<std::optional<app::ImportDraft>> load_import_draft(std::int64_t id) override;
    Result<void> backup_to(const std::string& path) override;
    Result<void> verify_ready_to_serve() override;

    // app::OfficeReads: sqlite_office_reads.cpp, load_office_year in sqlite_office_year.cpp.
    Result<std::optional<OfficeInfo>> find_office(const std::string& code) override;
    Result<OfficeYear> load_office_year(const OfficeInfo& office, int year) override;
    Result<std::vector<int>> office_years(std::int64_t office_id) override;
    Result<std::vector<OfficeNode>> office_tree() override;
    Result<std::map<std::int64_t, OfficeYear>> load_all_offices_year(int year) override;
    Result<std::int64_t> data_generation() override;

    // app::MonthlyWorkStore: sqlite_monthly_work.cpp, evidence rows in sqlite_evidence.cpp.
    Result<std::vector<app::SheetRowRecord>> month_rows(std::int64_t office_id, int year, int month) override;
    Result<std::vector<app::StatusRecord>> month_statuses(std::int64_t office_id, int year, int month) override;
    Result<int> write_actuals(std::int64_t office_id, int year, int month, const std::vector<app::ActualWrite>& writes,
                              const std::string& author, const std::string& at, const std::string& action,
                              const std::string& reason) override;
    Result<void> write_status(const app::StatusWrite& w, const std::string& author, const std::string& at) override;
    Result<std::int64_t> add_evidence(const app::EvidenceRecord& e, std::int64_t office_quota_bytes) override;
    Result<std::int64_t> evidence_bytes(std::int64_t office_id) override;
    Result<std::optional<app::EvidenceRecord>> find_evidence(std::int64_t id) override;
    Result<std::vector<app::BudgetMonthRecord>> budget_month(std::int64_t office_id, int year, int month) override;
    Result<int> write_spending(std::int64_t office_id, int year, int month,
                               const std::vector<app::SpendingWrite>& writes, const std::string& author,
                               const std::string& at, const std::string& action, const std::string& reason) override;
    Result<std::vector<app::ObstacleRecord>> obstacles(std::int64_t office_id, int year) override;
    Result<std::int64_t> add_obstacle(std::int64_t office_id, int year, const app::ObstacleRecord& o,
                                      const std::string& author, const std::string& at) override;

    // app::PlanningStore: sqlite_planning.cpp.
    Result<std::vector<app::TargetRecord>> target_rows(std::int64_t office_id, int year) override;
    Result<int> write_targets(std::int64_t office_id, int year, const std::vector<app::TargetWrite>& writes,
                              const std::string& author, const std::string& at) override;
    Result<int> write_action_months(std::int64_t office_id, const std::vector<app::ActionMonthsWrite>& writes,
                                    const std::string& author, const std::string& at) override;
    Result<int> add_agreement_revision(std::int64_t agreement_id, int expected_version, const std::string& reason_code,
                                       const std::string& reason, const std::string& date_iso,
                                       const std::string& date_text, const std::map<std::int64_t, std::string>& targets,
                                       const std::string& author, const std::string& at,
                                       std::int64_t office_id) override;
    Result<std::vector<app::NarrativeRecord>> narratives(std::int64_t office_id, int year) override;
    Result<int> write_narratives(std::int64_t office_id, int year, const std::vector<app::NarrativeWrite>& writes,
                                 const std::string& author, const std::string& at) override;

    // app::UserStore: sqlite_users.cpp.
    Result<std::int64_t> add_user(const app::NewUser& user, const app::AuditRecord& audit) override;
    Result<std::optional<app::UserRecord>> find_user(const std::string& login) override;
    Result<std::optional<app::LoginFailure>> login_failure(const std::string& login) override;
    Result<void> record_login_failure(const std::string& login, const app::LoginFailure& f) override;
    Result<void> clear_login_failures(const std::string& login) override;
    Result<std::int64_t> create_session(const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                                        const std::string& kind, std::int64_t now) override;
    Result<std::optional<std::pair<app::SessionRecord, app::UserRecord>>>
    find_session(const std::string& token_hash) override;
    Result<void> touch_session(std::int64_t session_id, std::int64_t now) override;
    Result<void> delete_session(std::int64_t session_id) override;
    Result<void> set_password(std::int64_t user_id, const std::string& hash, std::int64_t keep_session_id,
                              const app::AuditRecord& audit) override;

    // app::AuditTrail: sqlite_audit.cpp.
    Result<std::vector<app::AuditRow>> audit_log(std::int64_t office_id, const app::AuditFilter& filter) override;

private:
    explicit SqliteRepository(std::unique_ptr<Connection> c, std::string path);
    Result<void> migrate();
    std::unique_ptr<Connection> m_conn;
    std::string m_path;
};

} // namespace kinerja::sqlite
