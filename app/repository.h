#pragma once
// The storage port. Narrow on purpose: a PostgreSQL adapter implements the same few calls, and
// neither core nor app changes. Every write is one transaction.
#include <optional>
#include <string>

#include "app/dataset.h"
#include "core/error.h"
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
    // For roll-ups over many offices: the office tree, and the measurement inputs (objectives,
    // indicators, actuals, budgets; no documents) of every office for a year.
    virtual Result<std::vector<OfficeNode>> office_tree() = 0;
    virtual Result<std::map<std::int64_t, OfficeYear>> load_all_offices_year(int year) = 0;

    virtual Result<std::int64_t> add_user(const NewUser& user, const AuditRecord& audit) = 0;
    // A consistent copy while others write (the server may be running).
    virtual Result<void> backup_to(const std::string& path) = 0;
};

} // namespace kinerja::app
