#pragma once
// Reads the hand transcription of the seed documents (data/demo/*.json, format kinerja.seed/1, see
// data/demo/FORMAT.md) into a dataset. Numbers stay as written beside their parsed value, which is
// NULL when the text is malformed, so the consistency checks can report what the documents got wrong.
#include <string_view>
#include <vector>

#include "app/dataset.h"
#include "core/error.h"

namespace kinerja::json {

struct SeedFile {
    std::string_view name; // for messages
    std::string_view text; // JSON
};

// `offices` is data/demo/offices.json; `documents` the seed transcriptions. Fills `into`, which
// holds the tables of the schema and no rows.
Result<void> read_seeds(const SeedFile& offices, const std::vector<SeedFile>& documents, app::Dataset& into);

} // namespace kinerja::json
