#include "adapters/import/document_check.h"

#include <algorithm>
#include <set>

#include "adapters/json/seed_reader.h"

namespace kinerja::import {
namespace bj = boost::json;
namespace {

constexpr std::string_view k_unknown_office = "satker-tidak-dikenali";

std::string str(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

int severity_rank(Severity s) {
    return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2;
}

} // namespace

bj::object offices_of(const std::vector<const Understood*>& documents, const std::string& code_override,
                      const std::string& name_override) {
    bj::array offices;
    std::set<std::string> seen;
    for (const auto* doc : documents) {
        const auto* office = doc->seed.if_contains("office");
        const bj::object empty;
        const auto& o = office && office->is_object() ? office->as_object() : empty;
        std::string code = code_override.empty() ? str(o, "code") : code_override;
        std::string name = name_override.empty() ? str(o, "name") : name_override;
        if (code.empty()) code = std::string(k_unknown_office);
        if (name.empty()) name = "(satker tidak dikenali)";
        if (!seen.insert(code).second) continue;
        std::string level = str(o, "level");
        if (level.empty()) level = "regency";
        offices.push_back(bj::object{{"code", code},
                                     {"name", name},
                                     {"level", level},
                                     {"parent", nullptr},
                                     {"place", o.if_contains("place") ? o.at("place") : nullptr}});
    }
    return bj::object{{"schema", "kinerja.offices/1"}, {"offices", std::move(offices)}};
}

Result<std::vector<Finding>> check_documents(const std::vector<const Understood*>& documents,
                                             const app::RepositoryFactory& scratch) {
    std::vector<Finding> findings;
    for (const auto* doc : documents)
        findings.insert(findings.end(), doc->findings.begin(), doc->findings.end());

    // Every document goes into the office it names (or the stand-in office), as the loader would store it.
    std::vector<bj::object> seeds;
    std::set<std::pair<std::string, std::int64_t>> office_years;
    std::set<std::string> named_offices;
    for (const auto* doc : documents) {
        bj::object seed = doc->seed;
        auto& office = seed["office"].as_object();
        if (str(office, "code").empty()) office["code"] = std::string(k_unknown_office);
        const auto* year = seed.if_contains("year");
        office_years.insert({str(office, "code"), year && year->is_int64() ? year->as_int64() : 0});
        if (str(office, "code") != k_unknown_office) named_offices.insert(str(office, "code"));
        seeds.push_back(std::move(seed));
    }
    if (named_offices.size() > 1) {
        std::string list;
        for (const auto& c : named_offices)
            list += (list.empty() ? "" : ", ") + c;
        findings.push_back(Finding{"documents-of-different-offices", Severity::warning,
                                   "Dokumen yang diperiksa bersama berasal dari satker berbeda: " + list +
                                       "; masing-masing diperiksa terhadap dokumen satkernya sendiri",
                                   "", 0, ""});
    }

    auto repo = scratch();
    if (!repo) return tl::unexpected(repo.error());
    auto dataset = (*repo)->empty_dataset();
    if (!dataset) return tl::unexpected(dataset.error());
    const std::string offices_text = bj::serialize(offices_of(documents));
    // SeedFile holds views: the names and texts live here until the loader is done.
    std::vector<std::string> texts, names;
    for (const auto& s : seeds) {
        texts.push_back(bj::serialize(s));
        names.push_back(str(s, "source"));
    }
    std::vector<json::SeedFile> files;
    for (std::size_t i = 0; i < texts.size(); ++i)
        files.push_back({names[i], texts[i]});
    if (auto r = json::read_seeds({"offices", offices_text}, files, *dataset); !r) return tl::unexpected(r.error());
    if (auto r = (*repo)->restore(*dataset, {"system", "check", "documents", "{}"}); !r)
        return tl::unexpected(r.error());

    for (const auto& [code, year] : office_years) {
        auto office = (*repo)->find_office(code);
        if (!office) return tl::unexpected(office.error());
        if (!*office || year <= 0) continue;
        auto data = (*repo)->load_office_year(**office, static_cast<int>(year));
        if (!data) return tl::unexpected(data.error());
        auto found = check_office_year(*data);
        findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (severity_rank(a.severity) != severity_rank(b.severity))
            return severity_rank(a.severity) < severity_rank(b.severity);
        const auto file_a = a.where.substr(0, a.where.find(':')), file_b = b.where.substr(0, b.where.find(':'));
        if (file_a != file_b) return file_a < file_b;
        return a.line < b.line;
    });
    return findings;
}

} // namespace kinerja::import
