#pragma once
// SourceText -> a kinerja.seed/1 document (data/demo/FORMAT.md) plus the findings only reading can
// give. `kinerja parse` prints it as kinerja.parse/1 (parse_json.h); `kinerja import` loads it with the
// same loader as the demo (adapters/json/seed_reader.h); `kinerja check` loads several into a
// scratch database and runs core::check_office_year over them.
#include <boost/json.hpp>
#include <string_view>
#include <vector>

#include "adapters/import/source_text.h"
#include "adapters/import/understand/context.h"
#include "core/checks.h"

namespace kinerja::import {

struct Understood {
    DocumentFacts facts;
    boost::json::object seed; // kinerja.seed/1
    std::vector<Finding> findings;
};

// type: "auto" or one of iku, renstra, rkt, pk, renaksi, lkj. A document of another kind than asked is an
// invalid_input error naming what it looks like.
Result<Understood> understand(const SourceText& source, std::string_view type = "auto");

DocumentFacts document_facts(const std::vector<Line>& lines);

} // namespace kinerja::import
