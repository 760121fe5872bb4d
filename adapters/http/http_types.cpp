#include "adapters/http/http_types.h"

#include <cctype>

namespace kinerja::http {

std::string Request::header(std::string_view name) const {
    auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string() : it->second;
}

std::string Request::cookie(std::string_view name) const {
    const std::string all = header("cookie");
    std::size_t pos = 0;
    while (pos < all.size()) {
        while (pos < all.size() && (all[pos] == ' ' || all[pos] == ';'))
            ++pos;
        const auto eq = all.find('=', pos);
        const auto end = all.find(';', pos);
        if (eq == std::string::npos || (end != std::string::npos && eq > end)) break;
        if (std::string_view(all).substr(pos, eq - pos) == name)
            return all.substr(eq + 1, end == std::string::npos ? std::string::npos : end - eq - 1);
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return {};
}

std::map<std::string, std::string> Request::query_params() const {
    return parse_urlencoded(query);
}
std::map<std::string, std::string> Request::form() const {
    return parse_urlencoded(body);
}

std::string url_decode(std::string_view s, bool plus_is_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+' && plus_is_space) {
            out.push_back(' ');
        } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::map<std::string, std::string> parse_urlencoded(std::string_view s) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    std::size_t pairs = 0;
    while (pos <= s.size() && !s.empty() && pairs < k_max_form_fields) {
        const auto amp = s.find('&', pos);
        const std::string_view pair = s.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        if (!pair.empty()) {
            ++pairs;
            const auto eq = pair.find('=');
            const std::string_view raw_key = pair.substr(0, eq);
            // Decoding at most shrinks a name to a third: a longer raw name cannot fit and is not even decoded.
            if (raw_key.size() <= 3 * k_max_field_name) {
                std::string key = url_decode(raw_key, true);
                if (key.size() <= k_max_field_name) {
                    std::string value =
                        eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1), true);
                    out.emplace(std::move(key), std::move(value)); // the first value of a repeated key wins
                }
            }
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    return out;
}

} // namespace kinerja::http
