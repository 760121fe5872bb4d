#pragma once
// Our own request and response: the rest of the program never sees a Beast type.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja::http {

struct Request {
    std::string method;                         // "GET", "POST", ...
    std::string path;                           // decoded path without the query
    std::string query;                          // raw query string
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;
    std::string remote; // peer address

    std::string header(std::string_view name) const; // "" when absent; name in lower case
    std::string cookie(std::string_view name) const;
    std::map<std::string, std::string> query_params() const;
    // application/x-www-form-urlencoded body
    std::map<std::string, std::string> form() const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool body_is_gzip = false; // set by whoever compressed it

    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

using Handler = std::function<Response(const Request&)>;

// Bounds of parse_urlencoded. The server already refuses a body or query with more fields; these are the
// second guard for anything parsed by other paths (a million tiny fields cost ~143 MB as a std::map).
inline constexpr std::size_t k_max_form_fields = 10'000;
inline constexpr std::size_t k_max_field_name = 256; // bytes, decoded

std::string url_decode(std::string_view s, bool plus_is_space);
std::string url_encode(std::string_view s);
// Reads at most k_max_form_fields pairs and skips a pair whose name is longer than k_max_field_name.
std::map<std::string, std::string> parse_urlencoded(std::string_view s);

} // namespace kinerja::http
