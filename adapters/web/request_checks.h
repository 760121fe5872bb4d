#pragma once
// Checks every request passes before a handler sees it: its text is valid UTF-8 (stored text is served
// again in pages and in JSON, which must stay valid).
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/multipart.h"

namespace kinerja::web {

// The name of the first field whose text is not valid UTF-8 ("alamat" for the path, a query or form
// field's name, "nama berkas" for an upload's file name), or nullopt when all are. File contents are
// not text and not checked; `parts` is the multipart body when there is one.
std::optional<std::string> field_with_invalid_utf8(const http::Request& r,
                                                   const std::optional<std::vector<http::Part>>& parts);

} // namespace kinerja::web
