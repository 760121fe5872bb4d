#pragma once
// Random tokens for sessions and CSRF, and their hashes: the database only ever sees the hash.
#include <string>
#include <string_view>

namespace kinerja::platform {

std::string random_token();                 // 32 random bytes, URL-safe base64 (43 characters)
std::string token_hash(std::string_view t); // SHA-256, hex
bool constant_time_equal(std::string_view a, std::string_view b);

} // namespace kinerja::platform
