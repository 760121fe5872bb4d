#pragma once
// multipart/form-data, for evidence uploads. Limits: 20 parts, 8 KiB of headers per part; the
// body size itself is limited by the server before this runs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::http {

struct Part {
    std::string name, filename, content_type;
    std::string_view data; // points into the request body
};

// nullopt when the body is not well-formed multipart for this Content-Type.
std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body);

} // namespace kinerja::http
