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

// The kinds of document the importer reads, in the order a person meets them, with the name the UI
// and messages use. The one list: the CLI's --type, the web form's choice and the readers follow it.
struct DocumentKind {
    std::string_view code, label;
};
inline constexpr DocumentKind document_kinds[] = {{"iku", "Indikator Kinerja Utama (IKU)"},
                                                  {"renstra", "Rencana Strategis (Renstra)"},
                                                  {"rkt", "Rencana Kinerja Tahunan (RKT)"},
                                                  {"pk", "Perjanjian Kinerja (PK)"},
                                                  {"renaksi", "Rencana Aksi"},
                                                  {"lkj", "Laporan Kinerja (LKj)"}};
// The kind of that code, nullptr when there is none.
const DocumentKind* document_kind(std::string_view code);

struct Understood {
    DocumentFacts facts;
    boost::json::object seed; // kinerja.seed/1
    std::vector<Finding> findings;
};

// type: "auto" or a code of document_kinds. A document of another kind than asked is an
// invalid_input error naming what it looks like.
Result<Understood> understand(const SourceText& source, std::string_view type = "auto");

DocumentFacts document_facts(const std::vector<Line>& lines);

} // namespace kinerja::import
