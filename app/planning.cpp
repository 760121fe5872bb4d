#include "app/planning.h"

#include "app/scope.h"
#include "core/date.h"
#include "core/quantity.h"

namespace kinerja::app {

Result<RevisionResult> revise_agreement(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                        const AgreementRevision& rev, const std::string& now_iso) {
    auto office = office_in_scope(repo, actor, office_code);
    if (!office) return tl::unexpected(office.error());
    if (!can_plan(actor, *office))
        return fail(ErrorCode::forbidden, "Hanya perencana atau pimpinan satker yang dapat merevisi PK", "pk");
    auto data = repo.load_office_year(*office, year);
    if (!data) return tl::unexpected(data.error());
    const AgreementData* ag = nullptr;
    for (const auto& a : data->agreements)
        if (a.id == rev.agreement_id) ag = &a;
    if (!ag || !ag->latest()) return fail(ErrorCode::not_found, "PK tidak ditemukan", "pk");
    if (ag->kind != "signed")
        return fail(ErrorCode::invalid_input,
                    "Kutipan PK dalam laporan tidak dapat direvisi; revisi PK yang ditandatangani", "pk");
    if (ag->latest()->version_no != rev.expected_version)
        return fail(ErrorCode::conflict,
                    "PK ini sudah direvisi orang lain (versi " + std::to_string(ag->latest()->version_no) +
                        "); muat ulang halaman, isian Anda tetap di formulir",
                    "versi");
    RevisionResult out;
    if (rev.reason_code != "a" && rev.reason_code != "b" && rev.reason_code != "c")
        out.problems["alasan_kode"] = "Pilih alasan revisi a, b atau c";
    if (rev.reason.empty()) out.problems["alasan"] = "Uraikan alasan revisi";
    auto date = parse_iso_date(rev.date);
    if (!date)
        out.problems["tanggal"] = "Tanggal revisi tidak sah (YYYY-MM-DD)";
    else if (ag->latest()->date && *date < *ag->latest()->date)
        out.problems["tanggal"] =
            "Tanggal revisi sebelum tanggal versi terakhir (" + ag->latest()->date->indonesian() + ")";
    // Every target in the form must be an item of this agreement's latest version (another PK's item,
    // of this office or another, is refused, not silently left out).
    for (const auto& [item_id, text] : rev.targets) {
        bool known = false;
        for (const auto& item : ag->latest()->items)
            known |= item.id == item_id;
        if (!known)
            out.problems["target_" + std::to_string(item_id)] =
                "Butir " + std::to_string(item_id) + " tidak ada pada PK ini; muat ulang halaman";
    }
    bool changed = false;
    for (const auto& item : ag->latest()->items) {
        auto it = rev.targets.find(item.id);
        if (it == rev.targets.end() || it->second == item.target_text) continue;
        if (auto q = parse_quantity(it->second); !q)
            out.problems["target_" + std::to_string(item.id)] = q.error().message;
        changed = true;
    }
    if (!changed && out.problems.empty()) out.problems["target"] = "Tidak ada target yang berubah; revisi tidak dibuat";
    if (!out.problems.empty()) return out;
    auto no =
        repo.add_agreement_revision(rev.agreement_id, rev.expected_version, rev.reason_code, rev.reason, date->iso(),
                                    date->indonesian(), rev.targets, actor.login, now_iso, office->id);
    if (!no) return tl::unexpected(no.error());
    out.new_version = *no;
    return out;
}

namespace {
Result<OfficeInfo> planning_office(Repository& repo, const Actor& actor, const std::string& code, bool for_change) {
    auto office = office_in_scope(repo, actor, code);
    if (!office) return office;
    if (for_change && !can_plan(actor, *office))
        return fail(ErrorCode::forbidden, "Hanya perencana atau pimpinan satker yang mengubah rencana", code);
    return office;
}
} // namespace

Result<std::vector<TargetRecord>> targets_for(Repository& repo, const Actor& actor, const std::string& office_code,
                                              int year) {
    auto office = planning_office(repo, actor, office_code, false);
    if (!office) return tl::unexpected(office.error());
    return repo.target_rows(office->id, year);
}

Result<std::map<std::string, std::string>> save_targets(Repository& repo, const Actor& actor,
                                                        const std::string& office_code, int year,
                                                        const std::vector<TargetEdit>& edits,
                                                        const std::string& now_iso) {
    auto office = planning_office(repo, actor, office_code, true);
    if (!office) return tl::unexpected(office.error());
    auto rows = repo.target_rows(office->id, year);
    if (!rows) return tl::unexpected(rows.error());
    std::map<std::string, std::string> problems;
    std::vector<TargetWrite> writes;
    for (const auto& e : edits) {
        const TargetRecord* row = nullptr;
        for (const auto& r : *rows)
            if (r.indicator_id == e.indicator_id) row = &r;
        if (!row)
            return fail(ErrorCode::not_found, "Indikator tidak ada pada daftar target tahun ini",
                        std::to_string(e.indicator_id));
        std::string text = e.text;
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        while (!text.empty() && text.front() == ' ')
            text.erase(text.begin());
        if (text == row->target_text && e.expected_version == row->version) continue;
        const std::string key = "target_" + std::to_string(e.indicator_id);
        if (text.empty()) {
            if (row->version > 0) problems[key] = "Target yang sudah ditetapkan tidak dapat dikosongkan";
            continue;
        }
        auto q = parse_quantity(text, row->unit);
        if (!q) {
            problems[key] = q.error().message;
            continue;
        }
        writes.push_back(
            {e.indicator_id, text, q->value ? q->value->canonical() : std::string(), q->unit, e.expected_version});
    }
    if (!problems.empty() || writes.empty()) return problems;
    auto saved = repo.write_targets(office->id, year, writes, actor.login, now_iso);
    if (!saved) {
        if (saved.error().code != ErrorCode::conflict) return tl::unexpected(saved.error());
        problems["target_" + saved.error().where] = saved.error().message;
        problems["conflict"] = "1";
    }
    return problems;
}

Result<int> save_action_months(Repository& repo, const Actor& actor, const std::string& office_code,
                               const std::vector<MonthsEdit>& edits, const std::string& now_iso) {
    auto office = planning_office(repo, actor, office_code, true);
    if (!office) return tl::unexpected(office.error());
    std::vector<ActionMonthsWrite> writes;
    for (const auto& e : edits) {
        if (e.months < 0 || e.months > 0xFFF)
            return fail(ErrorCode::invalid_input, "Bulan tidak sah", std::to_string(e.item_id));
        writes.push_back({e.item_id, e.months, e.expected_version});
    }
    if (writes.empty()) return 0;
    return repo.write_action_months(office->id, writes, actor.login, now_iso);
}

} // namespace kinerja::app
