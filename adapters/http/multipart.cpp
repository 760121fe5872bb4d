#include "adapters/http/multipart.h"

namespace kinerja::http {
namespace {

// The value of `key="..."` (or key=token) in a header line.
std::string param(std::string_view header, std::string_view key) {
    const std::string k = std::string(key) + "=";
    std::size_t pos = 0;
    while ((pos = header.find(k, pos)) != std::string_view::npos) {
        if (pos == 0 || header[pos - 1] == ' ' || header[pos - 1] == ';') break;
        pos += k.size();
    }
    if (pos == std::string_view::npos) return {};
    pos += k.size();
    if (pos < header.size() && header[pos] == '"') {
        const auto end = header.find('"', pos + 1);
        return end == std::string_view::npos ? std::string() : std::string(header.substr(pos + 1, end - pos - 1));
    }
    const auto end = header.find(';', pos);
    return std::string(header.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
}

} // namespace

std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body) {
    if (content_type.rfind("multipart/form-data", 0) != 0) return std::nullopt;
    const std::string boundary = param(content_type, "boundary");
    if (boundary.empty() || boundary.size() > 200) return std::nullopt;
    const std::string delim = "--" + boundary;
    std::vector<Part> parts;
    std::size_t pos = body.find(delim);
    if (pos == std::string_view::npos) return std::nullopt;
    while (true) {
        pos += delim.size();
        if (body.substr(pos, 2) == "--") return parts; // closing delimiter
        if (body.substr(pos, 2) != "\r\n") return std::nullopt;
        pos += 2;
        const auto head_end = body.find("\r\n\r\n", pos);
        if (head_end == std::string_view::npos || head_end - pos > 8192) return std::nullopt;
        const std::string_view head = body.substr(pos, head_end - pos);
        Part p;
        std::size_t line_start = 0;
        while (line_start <= head.size()) {
            const auto line_end = head.find("\r\n", line_start);
            const std::string_view line = head.substr(
                line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
            std::string lower(line.substr(0, line.find(':')));
            for (auto& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "content-disposition") {
                p.name = param(line, "name");
                p.filename = param(line, "filename");
            } else if (lower == "content-type") {
                const auto colon = line.find(':');
                p.content_type = std::string(line.substr(colon + 1));
                while (!p.content_type.empty() && p.content_type.front() == ' ')
                    p.content_type.erase(p.content_type.begin());
            }
            if (line_end == std::string_view::npos) break;
            line_start = line_end + 2;
        }
        const std::size_t data_start = head_end + 4;
        const auto next = body.find("\r\n" + delim, data_start);
        if (next == std::string_view::npos) return std::nullopt;
        p.data = body.substr(data_start, next - data_start);
        parts.push_back(std::move(p));
        if (parts.size() > 20) return std::nullopt;
        pos = next + 2;
    }
}

} // namespace kinerja::http
