#include "apps/kinerja/stores.h"

#include "adapters/db/sqlite/sqlite_repository.h"

namespace kinerja::cli {

app::RepositoryFactory scratch_store() {
    return []() -> Result<std::unique_ptr<app::Repository>> {
        auto repo = sqlite::SqliteRepository::open(":memory:", true);
        if (!repo) return tl::unexpected(repo.error());
        return std::unique_ptr<app::Repository>(std::move(*repo));
    };
}

} // namespace kinerja::cli
