#pragma once
// The evidence port (app/evidence.h) over the folder store: what the web application is given.
#include "adapters/files/evidence_store.h"
#include "app/evidence.h"

namespace kinerja::files {

class EvidenceFolder final : public app::EvidenceFiles {
public:
    explicit EvidenceFolder(std::string dir) : m_store(std::move(dir)) {}
    Result<std::string> put(std::string_view bytes) override { return m_store.put(bytes); }
    Result<std::optional<std::string>> read(const std::string& sha256) override { return m_store.read(sha256); }
    const EvidenceStore& store() const { return m_store; }

private:
    EvidenceStore m_store;
};

} // namespace kinerja::files
