#include "adapters/web/errors.h"

#include <cstdio>

#include "platform/tokens.h"

namespace kinerja::web {

int status_of(const Error& e) {
    switch (e.code) {
    case ErrorCode::invalid_input:
        return 422;
    case ErrorCode::not_found:
        return 404;
    case ErrorCode::conflict:
        return 409;
    case ErrorCode::unauthenticated:
        return 401;
    case ErrorCode::forbidden:
        return 403;
    case ErrorCode::too_many:
        return 429;
    case ErrorCode::too_large:
        return 413;
    case ErrorCode::unsupported:
        return 422;
    case ErrorCode::io:
    case ErrorCode::internal:
        return 500;
    }
    return 500;
}

std::string server_failure(const std::string& detail) {
    const std::string id = platform::random_token().substr(0, 10);
    std::fprintf(stderr, "kinerja: kesalahan server [%s]: %s\n", id.c_str(), detail.c_str());
    return "Terjadi kesalahan pada server (kode " + id +
           "); tidak ada yang disimpan. Coba lagi; bila berulang, sampaikan kode ini kepada administrator.";
}

std::string shown_message(const Error& e) {
    return status_of(e) >= 500 ? server_failure(e.message + (e.where.empty() ? "" : " [" + e.where + "]")) : e.message;
}

} // namespace kinerja::web
