#include "app/reports.h"

#include <algorithm>

#include "app/report_builder.h"
#include "app/scope.h"
#include "core/messages.h"

namespace kinerja::app {
namespace {

Result<OfficeInfo> office_for(Repository& repo, const std::string& code, const Actor* actor) {
    if (actor) return office_in_scope(repo, *actor, code);
    auto office = repo.find_office(code);
    if (!office) return tl::unexpected(office.error());
    if (!*office) return fail(ErrorCode::not_found, message(Msg::office_unknown, {{"office", code}}), "--satker");
    return **office;
}

bool has_data(const OfficeYear& d) {
    return !d.objectives.empty() || !d.budgets.empty() || !d.agreements.empty() || !d.plans.empty() ||
           !d.action_plans.empty();
}

// The agreements a PK report prints: all (the office's first), one sub-unit's, or the office's own.
Result<std::vector<PkSelection>> select_agreements(const OfficeYear& d, const ReportRequest& req) {
    std::vector<PkSelection> out;
    std::vector<const AgreementData*> chosen;
    for (const auto& ag : d.agreements) {
        if (ag.kind == "cited" || ag.versions.empty()) continue;
        const bool office_own = ag.unit_name.empty();
        if (req.unit.empty() || (req.unit == "satker" && office_own) || (!office_own && ag.unit_name == req.unit))
            chosen.push_back(&ag);
    }
    std::stable_sort(chosen.begin(), chosen.end(), [](const AgreementData* a, const AgreementData* b) {
        return a->unit_name.empty() > b->unit_name.empty();
    });
    if (chosen.empty()) {
        if (req.unit.empty() || req.unit == "satker")
            return fail(ErrorCode::not_found,
                        "Perjanjian Kinerja " + d.office.name + " tahun " + std::to_string(d.year) + " belum tercatat",
                        "pk");
        std::string units;
        for (const auto& ag : d.agreements)
            if (!ag.unit_name.empty()) units += (units.empty() ? "" : ", ") + ag.unit_name;
        return fail(ErrorCode::not_found,
                    "Tidak ada PK untuk unit '" + req.unit + "'" + (units.empty() ? "" : "; unit yang ada: " + units),
                    "--unit");
    }
    for (const AgreementData* ag : chosen) {
        const AgreementVersionData* v = nullptr;
        if (req.version == 0)
            v = ag->latest();
        else
            for (const auto& x : ag->versions)
                if (x.version_no == req.version) v = &x;
        if (!v)
            return fail(ErrorCode::not_found,
                        "PK " + (ag->unit_name.empty() ? d.office.name : ag->unit_name) + " tidak memiliki versi " +
                            std::to_string(req.version) + " (versi terakhir " +
                            std::to_string(ag->latest()->version_no) + ")",
                        "--version");
        out.push_back({ag, v});
    }
    return out;
}

} // namespace

Result<PreparedReport> prepare_report(Repository& repo, const ReportRequest& req, const Actor* actor) {
    if (std::find(std::begin(report_kinds), std::end(report_kinds), req.kind) == std::end(report_kinds))
        return fail(ErrorCode::invalid_input,
                    req.kind == "lke"
                        ? "Laporan LKE belum tersedia: lembar kerja evaluasi dibuat bersama fitur "
                          "evaluasi AKIP"
                        : "Jenis laporan '" + req.kind + "' tidak dikenal; pilih lkj, pk, rkt atau renaksi",
                    "KIND");
    auto office = office_for(repo, req.office_code, actor);
    if (!office) return tl::unexpected(office.error());
    auto data = repo.load_office_year(*office, req.year);
    if (!data) return tl::unexpected(data.error());
    if (!has_data(*data))
        return fail(ErrorCode::not_found,
                    "Tidak ada data " + office->name + " untuk tahun " + std::to_string(req.year) +
                        " (indikator, anggaran, RKT, PK maupun Rencana Aksi)",
                    "--year");

    PreparedReport out;
    for (auto& f : check_office_year(*data))
        if (concerns(f, req.kind)) out.errors.push_back(std::move(f));
    if (!out.errors.empty() && !req.force) {
        out.refused = true;
        return out;
    }

    if (req.kind == "lkj") {
        auto previous = repo.load_office_year(*office, req.year - 1);
        if (!previous) return tl::unexpected(previous.error());
        auto obstacles = repo.obstacles(office->id, req.year);
        if (!obstacles) return tl::unexpected(obstacles.error());
        auto narratives = repo.narratives(office->id, req.year);
        if (!narratives) return tl::unexpected(narratives.error());
        LkjSource src;
        src.data = &*data;
        src.previous = previous->objectives.empty() ? nullptr : &*previous;
        src.obstacles = std::move(*obstacles);
        src.narratives = std::move(*narratives);
        src.rounding = req.rounding;
        out.document = build_lkj(src);
    } else if (req.kind == "pk") {
        auto selected = select_agreements(*data, req);
        if (!selected) return tl::unexpected(selected.error());
        out.document = build_pk(*data, *selected);
    } else if (req.kind == "rkt") {
        if (data->plans.empty())
            return fail(ErrorCode::not_found,
                        "RKT " + office->name + " tahun " + std::to_string(req.year) + " belum tercatat", "rkt");
        out.document = build_rkt(*data);
    } else {
        if (data->action_plans.empty())
            return fail(ErrorCode::not_found,
                        "Rencana Aksi " + office->name + " tahun " + std::to_string(req.year) + " belum tercatat",
                        "renaksi");
        out.document = build_renaksi(*data);
    }
    if (!out.errors.empty()) {
        out.document.draft = true;
        append_findings_blocks(out.document.blocks, out.errors);
    }
    return out;
}

bool concerns(const Finding& f, const std::string& kind) {
    return f.severity == Severity::error && (kind == "lkj" || f.document.empty() || f.document == kind);
}

Result<std::vector<ReportStatus>> report_statuses(Repository& repo, const Actor& actor, const std::string& office_code,
                                                  int year) {
    auto office = office_for(repo, office_code, &actor);
    if (!office) return tl::unexpected(office.error());
    auto data = repo.load_office_year(*office, year);
    if (!data) return tl::unexpected(data.error());
    const std::vector<Finding> findings = check_office_year(*data);
    bool any_pk = false;
    for (const auto& ag : data->agreements)
        any_pk = any_pk || (ag.kind != "cited" && !ag.versions.empty());
    const std::string y = std::to_string(year);
    std::vector<ReportStatus> out = {
        {"lkj", "Laporan Kinerja (LKj)", has_data(*data) ? "" : "Belum ada data tahun " + y, {}},
        {"pk", "Perjanjian Kinerja (PK) kantor dan subbagian", any_pk ? "" : "PK tahun " + y + " belum tercatat", {}},
        {"rkt", "Rencana Kinerja Tahunan (RKT)", data->plans.empty() ? "RKT tahun " + y + " belum tercatat" : "", {}},
        {"renaksi",
         "Rencana Aksi",
         data->action_plans.empty() ? "Rencana Aksi tahun " + y + " belum tercatat" : "",
         {}},
    };
    for (auto& s : out)
        for (const auto& f : findings)
            if (concerns(f, s.kind)) s.errors.push_back(f);
    return out;
}

Result<std::vector<NarrativeForm>> narrative_forms(Repository& repo, const Actor& actor, const std::string& office_code,
                                                   int year) {
    auto office = office_for(repo, office_code, &actor);
    if (!office) return tl::unexpected(office.error());
    auto data = repo.load_office_year(*office, year);
    if (!data) return tl::unexpected(data.error());
    auto stored = repo.narratives(office->id, year);
    if (!stored) return tl::unexpected(stored.error());
    std::vector<NarrativeForm> out;
    for (const auto& s : narrative_sections(*data)) {
        NarrativeForm f{s.key, s.title, s.hint, "", 0, 0};
        for (const auto& r : *stored)
            if (r.section == s.key) {
                f.text = r.text;
                f.from_year = r.year;
                f.version = r.version;
            }
        out.push_back(std::move(f));
    }
    return out;
}

Result<NarrativeSaveResult> save_narratives(Repository& repo, const Actor& actor, const std::string& office_code,
                                            int year, const std::vector<NarrativeEdit>& edits,
                                            const std::string& now_iso) {
    auto office = office_for(repo, office_code, &actor);
    if (!office) return tl::unexpected(office.error());
    if (!can_plan(actor, *office))
        return fail(ErrorCode::forbidden, "Hanya perencana atau pimpinan satker yang dapat menulis narasi LKj",
                    "narasi");
    auto data = repo.load_office_year(*office, year);
    if (!data) return tl::unexpected(data.error());
    auto stored = repo.narratives(office->id, year);
    if (!stored) return tl::unexpected(stored.error());
    std::map<std::string, std::string> current;
    for (const auto& r : *stored)
        current[r.section] = r.text;
    std::vector<std::string> known;
    for (const auto& s : narrative_sections(*data))
        known.push_back(s.key);
    NarrativeSaveResult out;
    std::vector<NarrativeWrite> writes;
    for (const auto& e : edits) {
        if (std::find(known.begin(), known.end(), e.key) == known.end()) {
            out.problems[e.key] = "Bagian narasi '" + e.key + "' tidak dikenal";
            continue;
        }
        if (e.text == current[e.key]) continue;
        // Counted in characters, not bytes: Indonesian text is mostly ASCII, but quotes and dashes are not.
        std::size_t chars = 0;
        for (unsigned char c : e.text)
            if ((c & 0xC0) != 0x80) ++chars;
        if (chars > narrative_max_chars)
            out.problems[e.key] = "Teks terlalu panjang: " + std::to_string(chars) + " karakter, paling banyak " +
                                  std::to_string(narrative_max_chars);
        writes.push_back({e.key, e.text, e.expected_version});
    }
    if (!out.problems.empty() || writes.empty()) return out;
    auto saved = repo.write_narratives(office->id, year, writes, actor.login, now_iso);
    if (!saved) return tl::unexpected(saved.error());
    out.saved = *saved;
    return out;
}

} // namespace kinerja::app
