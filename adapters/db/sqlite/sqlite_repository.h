#pragma once
// The embedded storage: one SQLite file, WAL, foreign keys on, numbered migrations carried in the binary.
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

    Result<app::Dataset> empty_dataset() override;
    Result<bool> is_empty() override;
    Result<app::Dataset> dump() override;
    Result<void> restore(const app::Dataset& data, const app::AuditRecord& audit) override;
    Result<std::optional<OfficeInfo>> find_office(const std::string& code) override;
    Result<OfficeYear> load_office_year(const OfficeInfo& office, int year) override;
    Result<std::int64_t> add_user(const app::NewUser& user, const app::AuditRecord& audit) override;
    Result<void> backup_to(const std::string& path) override;
    Result<std::vector<OfficeNode>> office_tree() override;
    Result<std::map<std::int64_t, OfficeYear>> load_all_offices_year(int year) override;

private:
    explicit SqliteRepository(std::unique_ptr<Connection> c, std::string path);
    Result<void> migrate();
    std::unique_ptr<Connection> m_conn;
    std::string m_path;
};

} // namespace kinerja::sqlite
