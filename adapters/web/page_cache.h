#pragma once
// Rendered pages and JSON that many people read the same (dashboards, the measurement API), kept
// while the data generation they were made at is current: every write of data raises the counter in
// the database, so every server of a deployment sees a change at once. Bounded in size.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "adapters/web/compress.h"

namespace kinerja::web {

class PageCache {
public:
    struct Entry {
        std::int64_t generation = -1;
        std::string body, title;
        DeflatePiece body_z; // compressed once, spliced into every response (pages only)
    };
    // The entry under `key` when it was made at `generation`.
    std::optional<Entry> get(const std::string& key, std::int64_t generation);
    void put(const std::string& key, Entry entry);

    // Keys are made of validated parts only (an office, a year, a role's rights), so the number of
    // entries is bounded by offices × years × roles; this is the last guard.
    static constexpr std::size_t k_max_entries = 5000;

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace kinerja::web
