#pragma once
// Files built into the binary (migrations, demo data), so the program needs nothing beside it.
#include <span>
#include <string_view>

namespace kinerja::platform {

struct EmbeddedFile {
    std::string_view path; // relative to the folder it was embedded from
    std::string_view data;
};

std::span<const EmbeddedFile> sqlite_migrations();
std::span<const EmbeddedFile> demo_data();
// The seed documents as offices wrote them (data/seeds/*.txt): `kinerja demo` reads them with the importer.
std::span<const EmbeddedFile> seed_documents();
// web/templates/*.mustache and web/static/* with the npm assets, paths relative to web/.
std::span<const EmbeddedFile> web_files();

} // namespace kinerja::platform
