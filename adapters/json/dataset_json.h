#pragma once
// `kinerja export` / `kinerja load`: the whole database as one JSON document (schema kinerja.export/1).
// Deterministic: tables in schema order, rows by id, one row per line; export → load → export is byte-identical.
#include <string>
#include <string_view>

#include "app/dataset.h"
#include "core/error.h"

namespace kinerja::json {

std::string dataset_to_json(const app::Dataset& d);
// Checks the document against `shape` (the tables and columns of the database): a missing table,
// column or field is an error that names it. Limits: 256 MiB, depth 32.
Result<app::Dataset> dataset_from_json(std::string_view text, const app::Dataset& shape, std::string_view file_name);

} // namespace kinerja::json
