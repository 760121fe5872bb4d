#pragma once
// Users, their sessions and failed logins (app/auth.cpp; `kinerja user add`). Sessions live in the
// store so that several app servers share them.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "app/ports/audit_trail.h"
#include "core/error.h"

namespace kinerja::app {

struct NewUser {
    std::string login, password_hash, role, office_code, unit_name;
};

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

class UserStore {
public:
    virtual ~UserStore() = default;

    // Not found when the office or its sub-unit is unknown; conflict when the login exists.
    virtual Result<std::int64_t> add_user(const NewUser& user, const AuditRecord& audit) = 0;
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
