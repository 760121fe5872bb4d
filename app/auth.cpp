#include "app/auth.h"

#include <algorithm>

#include "platform/password.h"
#include "platform/tokens.h"

namespace kinerja::app {
namespace {

Actor actor_of(const UserRecord& u) {
    Actor a;
    a.user_id = u.id;
    a.login = u.login;
    a.role = parse_role(u.role).value_or(Role::viewer);
    a.office_id = u.office_id;
    a.unit_id = u.unit_id;
    a.office_code = u.office_code;
    a.office_name = u.office_name;
    a.unit_name = u.unit_name;
    return a;
}

// The same message whether the login or the password is wrong: nothing tells which logins exist.
Error wrong_credentials() {
    return {ErrorCode::unauthenticated, "Nama pengguna atau kata sandi salah", "login"};
}

// Verified against when the login does not exist: made once, with the same Argon2id parameters as
// every stored hash, from a password no one knows.
const std::string& unknown_user_hash() {
    static const std::string hash = [] {
        auto h = platform::hash_password(platform::random_token());
        return h ? *h : std::string();
    }();
    return hash;
}

} // namespace

void prepare_login() {
    (void)unknown_user_hash();
}

Result<LoginResult> login(Repository& repo, const AuthSettings& s, const std::string& login,
                          const std::string& password, const std::string& kind, std::int64_t now) {
    if (login.empty() || password.empty())
        return fail(ErrorCode::invalid_input, "Nama pengguna dan kata sandi wajib diisi", "login");
    if (login.size() > k_max_login_bytes)
        return fail(ErrorCode::invalid_input,
                    "Nama pengguna terlalu panjang (maksimal " + std::to_string(k_max_login_bytes) + " karakter)",
                    "login");
    if (password.size() > k_max_password_bytes)
        return fail(ErrorCode::invalid_input,
                    "Kata sandi terlalu panjang (maksimal " + std::to_string(k_max_password_bytes) + " karakter)",
                    "password");
    auto failure = repo.login_failure(login);
    if (!failure) return tl::unexpected(failure.error());
    if (*failure && (*failure)->locked_until > now)
        return fail(ErrorCode::too_many,
                    "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam " +
                        std::to_string((*failure)->locked_until - now) + " detik",
                    std::to_string((*failure)->locked_until - now));
    auto user = repo.find_user(login);
    if (!user) return tl::unexpected(user.error());
    const bool verified = *user ? platform::verify_password((*user)->password_hash, password)
                                : (platform::verify_password(unknown_user_hash(), password), false);
    if (!verified) {
        LoginFailure f = failure->value_or(LoginFailure{});
        ++f.failures;
        f.last_failure_at = now;
        if (f.failures >= s.free_failures) {
            const int doublings = std::min(f.failures - s.free_failures, 20);
            f.locked_until = now + std::min(s.max_lock_seconds, s.first_lock_seconds << doublings);
        }
        if (auto r = repo.record_login_failure(login, f); !r) return tl::unexpected(r.error());
        return tl::unexpected(wrong_credentials());
    }
    if (*failure)
        if (auto r = repo.clear_login_failures(login); !r) return tl::unexpected(r.error());
    LoginResult out;
    out.token = platform::random_token();
    out.actor = actor_of(**user);
    out.actor.csrf_token = platform::random_token();
    auto id = repo.create_session(platform::token_hash(out.token), (*user)->id, out.actor.csrf_token, kind, now);
    if (!id) return tl::unexpected(id.error());
    out.actor.session_id = *id;
    return out;
}

Result<Actor> resolve_session(Repository& repo, const AuthSettings& s, const std::string& token, std::int64_t now) {
    auto expired = [] { return fail(ErrorCode::unauthenticated, "Sesi berakhir; silakan masuk kembali", "session"); };
    if (token.empty()) return fail(ErrorCode::unauthenticated, "Silakan masuk terlebih dahulu", "session");
    auto found = repo.find_session(platform::token_hash(token));
    if (!found) return tl::unexpected(found.error());
    if (!*found) return expired();
    const auto& [session, user] = **found;
    if (now - session.last_seen_at > s.idle_seconds || now - session.created_at >= s.absolute_seconds) {
        (void)repo.delete_session(session.id);
        return expired();
    }
    // Written at most once a minute, and often enough that a short idle limit never ends a session in use.
    const std::int64_t touch_every = std::min(s.touch_every_seconds, std::max<std::int64_t>(1, s.idle_seconds / 2));
    if (now - session.last_seen_at >= touch_every)
        if (auto r = repo.touch_session(session.id, now); !r) return tl::unexpected(r.error());
    Actor a = actor_of(user);
    a.session_id = session.id;
    a.csrf_token = session.csrf_token;
    return a;
}

Result<void> logout(Repository& repo, const Actor& actor) {
    return repo.delete_session(actor.session_id);
}

Result<void> change_password(Repository& repo, const Actor& actor, const std::string& current,
                             const std::string& next) {
    auto user = repo.find_user(actor.login);
    if (!user) return tl::unexpected(user.error());
    if (!*user || !platform::verify_password((*user)->password_hash, current))
        return fail(ErrorCode::invalid_input, "Kata sandi saat ini salah", "current");
    if (next == current) return fail(ErrorCode::invalid_input, "Kata sandi baru harus berbeda dari yang lama", "next");
    if (next.size() > k_max_password_bytes)
        return fail(ErrorCode::invalid_input,
                    "Kata sandi terlalu panjang (maksimal " + std::to_string(k_max_password_bytes) + " karakter)",
                    "next");
    auto hash = platform::hash_password(next);
    if (!hash) return fail(ErrorCode::invalid_input, hash.error().message, "next");
    return repo.set_password(
        actor.user_id, *hash, actor.session_id,
        {actor.login, "password-change", "app_user", "{\"user_id\": " + std::to_string(actor.user_id) + "}"});
}

} // namespace kinerja::app
