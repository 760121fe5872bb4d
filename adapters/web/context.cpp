#include "adapters/web/context.h"

#include <chrono>
#include <ctime>
#include <stdexcept>

#include "adapters/files/evidence_folder.h"

namespace kinerja::web {

WebContext::WebContext(RepositoryFactory factory, WebOptions options)
    : m_factory(std::move(factory)), m_options(std::move(options)),
      m_evidence(std::make_unique<files::EvidenceFolder>(m_options.evidence_dir)) {}

WebContext::~WebContext() = default;

std::int64_t WebContext::now() const {
    if (m_options.now) return m_options.now();
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

app::Repository& WebContext::repo() {
    thread_local std::map<const WebContext*, std::unique_ptr<app::Repository>> per_thread;
    auto& r = per_thread[this];
    if (!r) {
        auto made = m_factory();
        if (!made) throw std::runtime_error(made.error().message);
        r = std::move(*made);
    }
    return *r;
}

bool WebContext::start_import(std::int64_t user_id) {
    std::lock_guard lock(m_importing_mutex);
    return m_importing.insert(user_id).second;
}

void WebContext::end_import(std::int64_t user_id) {
    std::lock_guard lock(m_importing_mutex);
    m_importing.erase(user_id);
}

std::string RequestContext::now_iso() const {
    const std::time_t t = static_cast<std::time_t>(now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

const std::string& RequestContext::param(const std::string& name) const {
    static const std::string none;
    auto it = params.find(name);
    return it == params.end() ? none : it->second;
}

std::map<std::string, std::string> RequestContext::query_or_form() const {
    return request.method == "POST" && request.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0
               ? request.form()
               : request.query_params();
}

bool RequestContext::is_multipart() const {
    return request.header("content-type").rfind("multipart/form-data", 0) == 0;
}

} // namespace kinerja::web
