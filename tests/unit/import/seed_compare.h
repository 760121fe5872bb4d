#pragma once
// Compares what the importer understood with a hand transcription in the same kinerja.seed/1 form
// (data/demo/*.json for the seeds, tests/import/expected/*.json for the samples). Every transcribed
// item carries the line it starts on, so items are matched by (array path, line) and their scalar
// fields compared; the counts are the accuracy figures of issue 6 (found / present).
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "adapters/import/source_text.h"
#include "tests/support/shared_documents.h"

namespace kinerja::import::testing {

struct Comparison {
    int expected_items = 0, found_items = 0;   // objects with a "line" in the transcription / found at that line
    int expected_fields = 0, equal_fields = 0; // their scalar fields / equal in the importer's output
    std::vector<std::string> differences;      // "agreements/items line 1617: target '95%' != '95'"
    bool exact() const { return found_items == expected_items && equal_fields == expected_fields; }
};

// `section`: a top-level key ("measurement", "budgets", "agreements") or "" for the whole document.
// `ignore`: field names not compared (e.g. fields the importer does not produce yet).
Comparison compare_seed(const boost::json::value& expected, const boost::json::value& actual,
                        const std::string& section, const std::vector<std::string>& ignore = {});

std::string describe(const Comparison& c); // "items 12/12, fields 60/61" + the first differences

// The seed/1 document `understand` makes of `text` read as `type` ({} and a test failure when it
// refuses the text).
boost::json::value understood_seed(const SourceText& text, std::string_view type);

// Files of the repository and of ../shared.
SourceText text_file(const std::string& path); // split at '\n' (no reader: the understanding alone)
boost::json::value json_file(const std::string& path);
std::string seeds_dir();   // .../shared/seeds
std::string samples_dir(); // .../shared/samples/jabar-2016
std::string repo_dir();

} // namespace kinerja::import::testing
