#pragma once
// Passwords are stored as Argon2id hashes (libsodium); nothing else ever sees a password.
#include <string>
#include <string_view>

#include "core/error.h"

namespace kinerja::platform {

Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);

} // namespace kinerja::platform
