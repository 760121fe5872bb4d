#include "adapters/import/demo_documents.h"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "adapters/import/read/readers.h"
#include "adapters/import/understand/understand.h"
#include "platform/embedded.h"

namespace kinerja::import {
namespace bj = boost::json;

namespace {

// The sections the importer reads as the transcription has them, by document kind (the golden tests
// in tests/unit/import/understand_*_test.cpp count them item by item). Not the IKU's table: its
// activity cells are centred vertically over their rows, so the rows printed above an activity's
// number belong to it or to the one before by meaning only (the transcription gives 4 of its
// objectives to the next activity); the importer keeps them with the activity above.
const std::map<std::string, std::set<std::string>>& imported_sections() {
    static const std::map<std::string, std::set<std::string>> sections{
        {"lkj",
         {"units", "people", "measurement", "budgets", "previous_year", "evaluations", "obstacles", "agreements", "rkt",
          "renstra"}},
        {"rkt", {"rkt"}},
        {"renaksi", {"action_plan"}},
        {"iku", {}},
    };
    return sections;
}

} // namespace

Result<std::string> through_importer(std::string_view seed_name, std::string_view seed_text,
                                     std::string_view transcription_text) {
    bj::object transcription = bj::parse(transcription_text).as_object();
    auto source = read::read_text(seed_name, seed_text, ReadLimits{});
    if (!source) return tl::unexpected(source.error());
    const std::string kind = std::string(transcription.at("kind").as_string());
    auto doc = understand(*source, kind);
    if (!doc) return tl::unexpected(doc.error());
    const auto sections = imported_sections().find(kind);
    if (sections == imported_sections().end())
        return tl::unexpected(
            Error{ErrorCode::internal, "Jenis dokumen demo '" + kind + "' tidak dikenal", std::string(seed_name)});
    for (const auto& section : sections->second) {
        if (auto it = doc->seed.find(section); it != doc->seed.end())
            transcription[section] = it->value();
        else
            transcription.erase(section);
    }
    return bj::serialize(transcription);
}

Result<DemoDocuments> demo_documents(DemoSource source) {
    std::map<std::string, const platform::EmbeddedFile*> seeds;
    for (const auto& f : platform::seed_documents())
        seeds[std::string(f.path)] = &f;
    DemoDocuments out;
    for (const auto& f : platform::demo_data()) {
        if (f.path == "offices.json") {
            out.offices = std::string(f.data);
            continue;
        }
        std::string json(f.data);
        if (source == DemoSource::importer) {
            const std::string seed_name = std::string(bj::parse(f.data).as_object().at("source").as_string());
            auto seed = seeds.find(seed_name);
            if (seed == seeds.end())
                return tl::unexpected(Error{ErrorCode::internal,
                                            "Dokumen seed " + seed_name + " tidak ada dalam program",
                                            std::string(f.path)});
            auto merged = through_importer(seed->second->path, seed->second->data, f.data);
            if (!merged) return tl::unexpected(merged.error());
            json = std::move(*merged);
        }
        out.documents.push_back({std::string(f.path), std::move(json)});
    }
    return out;
}

} // namespace kinerja::import
