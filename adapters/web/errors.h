#pragma once
// How an error reaches a person: its HTTP status, and the text a page may show. A failure of the
// server (a database or file that could not be read or written, a bug) is written to the log with a
// short code; the page shows only that code, never the database's own words.
#include <string>

#include "core/error.h"

namespace kinerja::web {

int status_of(const Error& e);
// The error's message when it is about the user's input or rights; for a failure of the server, a
// sentence with a code that is also in the log beside the real message.
std::string shown_message(const Error& e);
// Logs `detail` under a new short code and returns the sentence a page shows for it.
std::string server_failure(const std::string& detail);

} // namespace kinerja::web
