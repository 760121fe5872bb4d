#pragma once
// What `kinerja demo` loads: the seed documents themselves (data/seeds/*.txt, built into the binary)
// read by the importer, for every section the importer reads exactly as the hand transcription
// (data/demo/*.json) has it; the rest from the transcription: the office's code, level and parent
// (offices.json), the notes, the LKj's Renstra and RKT chapters, and the IKU's table (see
// imported_sections in demo_documents.cpp for why).
// tests/unit/import/demo_documents_test.cpp keeps both ways in agreement, row for row.
#include <string>
#include <vector>

#include "core/error.h"

namespace kinerja::import {

struct DemoDocument {
    std::string name; // the transcription's file name, for messages
    std::string json; // kinerja.seed/1
};

struct DemoDocuments {
    std::string offices; // kinerja.offices/1 (data/demo/offices.json)
    std::vector<DemoDocument> documents;
};

enum class DemoSource {
    importer,     // the seeds through the importer, the transcription for what it does not read
    transcription // the hand transcription alone (what the demo was before the importer)
};

Result<DemoDocuments> demo_documents(DemoSource source = DemoSource::importer);

// One transcription with the sections the importer reads taken from the seed text instead.
Result<std::string> through_importer(std::string_view seed_name, std::string_view seed_text,
                                     std::string_view transcription);

} // namespace kinerja::import
