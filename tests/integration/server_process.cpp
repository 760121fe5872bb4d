#include "tests/integration/server_process.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <regex>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "adapters/http/http_types.h"

namespace kinerja::test {

std::string HttpResult::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() || it->second.empty() ? std::string() : it->second.front();
}

std::string HttpResult::cookie(const std::string& name) const {
    auto it = headers.find("set-cookie");
    if (it == headers.end()) return {};
    for (const auto& c : it->second)
        if (c.rfind(name + "=", 0) == 0) return c.substr(name.size() + 1, c.find(';') - name.size() - 1);
    return {};
}

ServerProcess::ServerProcess(const std::string& db, const std::string& extra_args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    m_pid = fork();
    if (m_pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        const std::string cmd = std::string("exec ") + KINERJA_BIN + " serve --db " + db + " --port 0 " + extra_args;
        execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n')
        line.push_back(c);
    close(out[0]);
    std::smatch m;
    if (!std::regex_search(line, m, std::regex(R"(127\.0\.0\.1:(\d+))")))
        throw std::runtime_error("server did not start: " + line);
    m_port = std::stoi(m[1]);
}

ServerProcess::~ServerProcess() {
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
}

void ServerProcess::kill_hard() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGKILL);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

HttpResult ServerProcess::request(const std::string& method, const std::string& target, const std::string& body,
                                  const std::map<std::string, std::string>& headers) const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(m_port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        throw std::runtime_error("connect failed");
    }
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers)
        req += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    std::size_t sent = 0;
    while (sent < req.size()) {
        const auto n = send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break; // the server may answer (413) before reading everything
        sent += static_cast<std::size_t>(n);
    }
    shutdown(fd, SHUT_WR);
    std::string raw;
    char buf[16384];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
        raw.append(buf, static_cast<std::size_t>(n));
    close(fd);
    HttpResult r;
    const auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) return r;
    std::string head = raw.substr(0, head_end);
    r.body = raw.substr(head_end + 4);
    std::size_t pos = head.find("\r\n");
    r.status = std::stoi(head.substr(9, 3));
    while (pos != std::string::npos && pos < head.size()) {
        const auto next = head.find("\r\n", pos + 2);
        const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& ch : name)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            r.headers[name].push_back(line.substr(colon + 2));
        }
        pos = next;
    }
    return r;
}

std::string form_encode(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [k, v] : fields)
        out += (out.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    return out;
}

void Browser::remember(const HttpResult& r) {
    auto it = r.headers.find("set-cookie");
    if (it != r.headers.end())
        for (const auto& c : it->second) {
            const auto eq = c.find('=');
            const std::string name = c.substr(0, eq), value = c.substr(eq + 1, c.find(';') - eq - 1);
            if (c.find("Max-Age=0") != std::string::npos)
                m_cookies.erase(name);
            else
                m_cookies[name] = value;
        }
    std::smatch m;
    if (std::regex_search(r.body, m, std::regex(R"|(name="csrf" value="([^"]+)")|"))) m_csrf = m[1];
}

std::string Browser::cookie_header() const {
    std::string cookies;
    for (const auto& [k, v] : m_cookies)
        cookies += (cookies.empty() ? "" : "; ") + k + "=" + v;
    return cookies;
}

HttpResult Browser::get(const std::string& target) {
    std::string cookies;
    for (const auto& [k, v] : m_cookies)
        cookies += (cookies.empty() ? "" : "; ") + k + "=" + v;
    auto r = m_server.request("GET", target, {},
                              cookies.empty() ? std::map<std::string, std::string>{}
                                              : std::map<std::string, std::string>{{"Cookie", cookies}});
    remember(r);
    return r;
}

HttpResult Browser::post_form(const std::string& target, const std::map<std::string, std::string>& fields) {
    std::string cookies;
    for (const auto& [k, v] : m_cookies)
        cookies += (cookies.empty() ? "" : "; ") + k + "=" + v;
    std::map<std::string, std::string> headers{{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!cookies.empty()) headers["Cookie"] = cookies;
    auto r = m_server.request("POST", target, form_encode(fields), headers);
    remember(r);
    return r;
}

std::string indicator_id(const std::string& page, const std::string& text) {
    const auto at = page.find(text);
    if (at == std::string::npos) return {};
    const auto row = page.rfind("<tr id=\"ind-", at);
    if (row == std::string::npos) return {};
    return page.substr(row + 12, page.find('"', row + 12) - row - 12);
}

std::string field_value(const std::string& page, const std::string& name) {
    std::smatch m;
    if (std::regex_search(page, m, std::regex("name=\"" + name + "\" value=\"([^\"]*)\""))) return m[1];
    return {};
}

std::string evidence_id(const std::string& page, const std::string& filename) {
    const auto at = page.find("\">" + filename);
    if (at == std::string::npos) return {};
    const auto href = page.rfind("href=\"/bukti/", at);
    return href == std::string::npos ? std::string() : page.substr(href + 13, at - href - 13);
}

std::string multipart_body(const std::string& boundary, const std::map<std::string, std::string>& fields,
                           const std::string& file_field, const std::string& filename, const std::string& data) {
    std::string body;
    for (const auto& [k, v] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    if (!file_field.empty())
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" +
                filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

HttpResult Browser::post_multipart(const std::string& target, const std::map<std::string, std::string>& fields,
                                   const std::string& file_field, const std::string& filename,
                                   const std::string& data) {
    const std::string boundary = "kinerjaUjiBatas7d1f";
    auto with_token = fields;
    with_token["csrf"] = m_csrf;
    auto r =
        m_server.request("POST", target, multipart_body(boundary, with_token, file_field, filename, data),
                         {{"Cookie", cookie_header()}, {"Content-Type", "multipart/form-data; boundary=" + boundary}});
    remember(r);
    return r;
}

bool Browser::login(const std::string& login, const std::string& password) {
    get("/masuk");
    const auto r = post_form("/masuk", {{"csrf", m_csrf}, {"login", login}, {"password", password}});
    if (r.status != 303) return false;
    // Home redirects to the actor's page, which carries the session's CSRF token.
    const auto home = get(get("/").header("location"));
    return home.status == 200;
}

} // namespace kinerja::test
