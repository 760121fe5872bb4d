#pragma once
// A real `kinerja serve` in a child process on a free port, and a minimal HTTP/1.1 client for it.
#include <map>
#include <string>
#include <vector>

namespace kinerja::test {

struct HttpResult {
    int status = 0;
    std::map<std::string, std::vector<std::string>> headers; // names in lower case
    std::string body;
    std::string header(const std::string& name) const;
    std::string cookie(const std::string& name) const; // from Set-Cookie
};

class ServerProcess {
public:
    // Starts `kinerja serve --db DB --port 0 EXTRA` and waits for its "berjalan" line.
    ServerProcess(const std::string& db, const std::string& extra_args = {});
    ~ServerProcess();
    int port() const { return m_port; }
    int pid() const { return m_pid; }
    // SIGKILL, as a crash or an out-of-memory kill would end it: nothing is flushed or closed.
    void kill_hard();
    HttpResult request(const std::string& method, const std::string& target, const std::string& body = {},
                       const std::map<std::string, std::string>& headers = {}) const;

private:
    int m_pid = -1;
    int m_port = 0;
};

// A browser-like client: keeps cookies, logs in through the form.
class Browser {
public:
    explicit Browser(const ServerProcess& s) : m_server(s) {}
    HttpResult get(const std::string& target);
    HttpResult post_form(const std::string& target, const std::map<std::string, std::string>& fields);
    // A multipart form with the session's CSRF token added, and one file part `file_field` (if named).
    HttpResult post_multipart(const std::string& target, const std::map<std::string, std::string>& fields,
                              const std::string& file_field = {}, const std::string& filename = {},
                              const std::string& data = {});
    bool login(const std::string& login, const std::string& password = "kinerja-demo");
    // The CSRF token of the session, read from the last page.
    std::string csrf() const { return m_csrf; }
    std::string cookie_header() const;

private:
    void remember(const HttpResult& r);
    const ServerProcess& m_server;
    std::map<std::string, std::string> m_cookies;
    std::string m_csrf;
};

std::string form_encode(const std::map<std::string, std::string>& fields);

// Reading pages as a user's eyes would: the id of the indicator whose row on the monthly form mentions
// `text`; the value of the form field `name`; the id of the evidence whose link starts with `filename`.
// Each is "" when the page has none.
std::string indicator_id(const std::string& page, const std::string& text);
std::string field_value(const std::string& page, const std::string& name);
std::string evidence_id(const std::string& page, const std::string& filename);
// A multipart/form-data body: the text fields, then a file part `file_field` when it is named.
std::string multipart_body(const std::string& boundary, const std::map<std::string, std::string>& fields,
                           const std::string& file_field = {}, const std::string& filename = {},
                           const std::string& data = {});

} // namespace kinerja::test
