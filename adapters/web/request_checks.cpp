#include "adapters/web/request_checks.h"

#include "core/utf8.h"

namespace kinerja::web {
namespace {

// A field name that is itself not UTF-8 is shown by its position, not echoed.
std::string name_of(const std::string& key) {
    return is_valid_utf8(key) ? key : std::string("(nama kolom tidak terbaca)");
}

std::optional<std::string> check_pairs(const std::map<std::string, std::string>& fields) {
    for (const auto& [key, value] : fields)
        if (!is_valid_utf8(key) || !is_valid_utf8(value)) return name_of(key);
    return std::nullopt;
}

} // namespace

std::optional<std::string> field_with_invalid_utf8(const http::Request& r,
                                                   const std::optional<std::vector<http::Part>>& parts) {
    if (!is_valid_utf8(r.path)) return std::string("alamat");
    if (auto bad = check_pairs(r.query_params())) return bad;
    if (r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0)
        if (auto bad = check_pairs(r.form())) return bad;
    if (parts)
        for (const auto& p : *parts) {
            if (!is_valid_utf8(p.name)) return name_of(p.name);
            if (!is_valid_utf8(p.filename)) return std::string("nama berkas");
            if (p.filename.empty() && !is_valid_utf8(p.data)) return p.name;
        }
    return std::nullopt;
}

} // namespace kinerja::web
