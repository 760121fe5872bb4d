#pragma once
// Logging in and out, sessions with idle and absolute expiry, back-off after failed logins, and
// password changes. Passwords are Argon2id (platform/password.h); tokens are stored hashed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/actor.h"
#include "app/repository.h"

namespace kinerja::app {

struct AuthSettings {
    std::int64_t idle_seconds = 30 * 60;       // a session unused this long ends
    std::int64_t absolute_seconds = 12 * 3600; // and every session ends this long after login
    int free_failures = 5;                     // failed logins before the account waits
    std::int64_t first_lock_seconds = 30;      // then 30 s, 60 s, 120 s, ... up to max_lock_seconds
    std::int64_t max_lock_seconds = 3600;
    std::int64_t touch_every_seconds = 60; // last_seen is written at most this often
};

// Longest login name and password accepted; longer ones are refused before any database work or
// hashing (a login form is the one page anyone may post to).
constexpr std::size_t k_max_login_bytes = 100;
constexpr std::size_t k_max_password_bytes = 1024;

struct LoginResult {
    std::string token; // give to the client once; only its hash is stored
    Actor actor;
};

// Takes as long for a login that does not exist as for a wrong password (an Argon2id verification
// either way), so the time of an answer does not tell which logins exist.
// Makes the hash that unknown logins are verified against, so the first one is not slower; call at start.
void prepare_login();
Result<LoginResult> login(Repository& repo, const AuthSettings& s, const std::string& login,
                          const std::string& password, const std::string& kind, std::int64_t now);
// The actor behind a token, or unauthenticated (unknown, idle too long, too old).
Result<Actor> resolve_session(Repository& repo, const AuthSettings& s, const std::string& token, std::int64_t now);
Result<void> logout(Repository& repo, const Actor& actor);
Result<void> change_password(Repository& repo, const Actor& actor, const std::string& current, const std::string& next);

} // namespace kinerja::app
