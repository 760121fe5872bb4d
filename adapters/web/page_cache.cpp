#include "adapters/web/page_cache.h"

namespace kinerja::web {

std::optional<PageCache::Entry> PageCache::get(const std::string& key, std::int64_t generation) {
    std::lock_guard lock(m_mutex);
    auto hit = m_entries.find(key);
    if (hit == m_entries.end() || hit->second.generation != generation) return std::nullopt;
    return hit->second;
}

void PageCache::put(const std::string& key, Entry entry) {
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= k_max_entries) m_entries.clear();
    m_entries[key] = std::move(entry);
}

} // namespace kinerja::web
