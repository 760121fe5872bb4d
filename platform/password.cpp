#include "platform/password.h"

#include <sodium.h>

namespace kinerja::platform {

Result<std::string> hash_password(std::string_view password) {
    if (sodium_init() < 0) return fail(ErrorCode::internal, "libsodium tidak dapat dipakai");
    if (password.size() < 8) return fail(ErrorCode::invalid_input, "Kata sandi minimal 8 karakter");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return fail(ErrorCode::internal, "Memori tidak cukup untuk membuat hash kata sandi");
    return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
    if (sodium_init() < 0) return false;
    const std::string h(hash);
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

} // namespace kinerja::platform
