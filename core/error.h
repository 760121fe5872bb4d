#pragma once
// Expected failures travel as values: a code, a message for people (Indonesian) and where it happened.
#include <string>
#include <tl/expected.hpp>

namespace kinerja {

enum class ErrorCode {
    invalid_input,   // malformed number, date, code: the user's input is wrong
    not_found,       // unknown office, indicator, year
    conflict,        // stale edit, duplicate, locked period
    unsupported,     // newer schema, unknown format
    unauthenticated, // no session, expired session, wrong password
    forbidden,       // outside the caller's role or scope, missing CSRF token
    too_many,        // locked out after failed logins
    too_large,       // an upload over the limit
    io,              // file or database could not be read or written
    internal,        // a bug: should never reach a user
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message; // Indonesian, for people
    std::string where;   // file:line, field, office code...
};

template <typename T> using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string where = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(where)});
}

} // namespace kinerja
