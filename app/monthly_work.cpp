#include "app/monthly_work.h"

#include <array>
#include <set>

#include "app/scope.h"
#include "core/decimal.h"
#include "core/fiscal_year.h"
#include "core/messages.h"
#include "core/rupiah.h"
#include "core/text.h"

namespace kinerja::app {
namespace {

constexpr std::array<std::string_view, 5> status_codes = {"open", "submitted", "approved", "returned", "locked"};
constexpr std::array<std::string_view, 5> status_labels = {"Terbuka", "Diajukan", "Disetujui", "Dikembalikan",
                                                           "Dikunci"};

Result<void> check_month(int year, int month) {
    if (!valid_year(year)) return fail(ErrorCode::invalid_input, year_problem(std::to_string(year)), "tahun");
    if (month < 1 || month > 12)
        return fail(ErrorCode::invalid_input, message(Msg::month_invalid, {{"month", std::to_string(month)}}), "bulan");
    return {};
}

// A locked month changes only by a correction: made by those who may lock (the head; an administrator),
// always with a reason, and stored as a correction (the reason shows beside the value).
template <typename Sheet>
Result<void> may_change_month(const Actor& actor, const Sheet& sheet, const std::string& correction_reason) {
    if (!sheet.locked) return {};
    const std::string period = std::to_string(sheet.month) + "/" + std::to_string(sheet.year);
    if (!can_approve(actor, sheet.office))
        return fail(ErrorCode::forbidden,
                    "Bulan " + period +
                        " sudah dikunci; koreksi setelah dikunci hanya dapat dicatat oleh pimpinan satker, dengan "
                        "alasannya",
                    "koreksi");
    if (correction_reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return fail(ErrorCode::conflict,
                    "Bulan " + period +
                        " sudah dikunci; perubahan hanya dapat dicatat sebagai koreksi dengan alasannya",
                    "koreksi");
    if (correction_reason.size() > 2000)
        return fail(ErrorCode::invalid_input, "Alasan koreksi terlalu panjang (maksimal 2.000 karakter)", "koreksi");
    return {};
}

MonthStatus status_of(const std::vector<StatusRecord>& statuses, std::optional<std::int64_t> unit_id) {
    for (const auto& s : statuses)
        if (s.unit_id == unit_id) return parse_month_status(s.status).value_or(MonthStatus::open);
    return MonthStatus::open;
}

} // namespace

std::string_view month_status_code(MonthStatus s) {
    return status_codes[static_cast<std::size_t>(s)];
}
std::string_view month_status_label(MonthStatus s) {
    return status_labels[static_cast<std::size_t>(s)];
}
std::optional<MonthStatus> parse_month_status(std::string_view code) {
    for (std::size_t i = 0; i < status_codes.size(); ++i)
        if (status_codes[i] == code) return static_cast<MonthStatus>(i);
    return std::nullopt;
}

Result<MonthSheet> month_sheet(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                               int month) {
    if (auto ok = check_month(year, month); !ok) return tl::unexpected(ok.error());
    auto office = office_in_scope(repo, actor, office_code);
    if (!office) return tl::unexpected(office.error());
    auto rows = repo.month_rows(office->id, year, month);
    if (!rows) return tl::unexpected(rows.error());
    auto statuses = repo.month_statuses(office->id, year, month);
    if (!statuses) return tl::unexpected(statuses.error());
    MonthSheet sheet;
    sheet.office = *office;
    sheet.year = year;
    sheet.month = month;
    std::set<std::int64_t> seen_units;
    for (auto& r : *rows) {
        // An operator sees the indicators of their own sub-unit; everyone else in scope sees all.
        if (actor.role == Role::operator_ && r.owner_unit_id != actor.unit_id) continue;
        if (r.owner_unit_id && seen_units.insert(*r.owner_unit_id).second) {
            UnitMonth u;
            u.record.unit_id = r.owner_unit_id;
            u.record.unit_name = r.owner_unit;
            for (const auto& s : *statuses)
                if (s.unit_id == r.owner_unit_id) u.record = s;
            u.status = parse_month_status(u.record.status).value_or(MonthStatus::open);
            sheet.units.push_back(std::move(u));
        }
        sheet.rows.push_back(std::move(r));
    }
    sheet.locked = status_of(*statuses, std::nullopt) == MonthStatus::locked;
    return sheet;
}

bool can_change(const Actor& actor, const MonthSheet& sheet, std::optional<std::int64_t> unit_id) {
    return can_record(actor, sheet.office, unit_id) && (!sheet.locked || can_approve(actor, sheet.office));
}

Result<SaveResult> save_actuals(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                int month, const std::vector<ActualEdit>& edits, const std::string& correction_reason,
                                const std::string& now_iso) {
    auto sheet = month_sheet(repo, actor, office_code, year, month);
    if (!sheet) return tl::unexpected(sheet.error());
    auto statuses = repo.month_statuses(sheet->office.id, year, month);
    if (!statuses) return tl::unexpected(statuses.error());
    if (auto ok = may_change_month(actor, *sheet, correction_reason); !ok) return tl::unexpected(ok.error());
    SaveResult out;
    std::vector<ActualWrite> writes;
    for (const auto& e : edits) {
        const SheetRow* row = nullptr;
        for (const auto& r : sheet->rows)
            if (r.indicator_id == e.indicator_id) row = &r;
        if (!row)
            return fail(ErrorCode::not_found,
                        "Indikator " + std::to_string(e.indicator_id) + " tidak ada pada lembar bulan ini",
                        std::to_string(e.indicator_id));
        if (!can_record(actor, sheet->office, row->owner_unit_id))
            return fail(ErrorCode::forbidden,
                        "Anda tidak berwenang mengisi realisasi indikator '" + row->statement + "'",
                        std::to_string(e.indicator_id));
        const MonthStatus unit_status = status_of(*statuses, row->owner_unit_id);
        if (actor.role == Role::operator_ &&
            (unit_status == MonthStatus::submitted || unit_status == MonthStatus::approved))
            return fail(ErrorCode::conflict,
                        "Bulan ini sudah " + std::string(month_status_label(unit_status)) +
                            "; minta pimpinan mengembalikannya sebelum mengubah realisasi",
                        std::to_string(e.indicator_id));
        const std::string text(trim(e.value_text));
        if (text.empty()) {
            if (row->version > 0)
                out.problems.push_back(
                    {e.indicator_id, "Realisasi yang sudah tercatat tidak dapat dikosongkan", false});
            continue;
        }
        if (text == row->value_text && e.note == row->note && e.expected_version == row->version) continue; // unchanged
        auto value = parse_indonesian_decimal(text);
        if (!value) {
            out.problems.push_back({e.indicator_id, value.error().message, false});
            continue;
        }
        if (value->is_negative()) {
            out.problems.push_back({e.indicator_id, "Realisasi tidak boleh negatif", false});
            continue;
        }
        writes.push_back({e.indicator_id, text, value->canonical(), e.note, e.expected_version});
    }
    if (!out.problems.empty() || writes.empty()) return out;
    auto saved = repo.write_actuals(sheet->office.id, year, month, writes, actor.login, now_iso,
                                    sheet->locked ? "correction" : "record-actual", correction_reason);
    if (!saved) {
        if (saved.error().code != ErrorCode::conflict) return tl::unexpected(saved.error());
        const std::int64_t id = std::stoll(saved.error().where.empty() ? "0" : saved.error().where);
        out.problems.push_back({id, saved.error().message, true});
        return out;
    }
    out.saved = *saved;
    return out;
}

Result<void> change_month_status(Repository& repo, const Actor& actor, const std::string& office_code,
                                 std::optional<std::int64_t> unit_id, int year, int month, const std::string& action,
                                 const std::string& comment, std::int64_t expected_version,
                                 const std::string& now_iso) {
    auto sheet = month_sheet(repo, actor, office_code, year, month);
    if (!sheet) return tl::unexpected(sheet.error());
    auto statuses = repo.month_statuses(sheet->office.id, year, month);
    if (!statuses) return tl::unexpected(statuses.error());
    const MonthStatus current = status_of(*statuses, unit_id);
    auto refuse = [](std::string m) { return fail(ErrorCode::forbidden, std::move(m), "aksi"); };
    auto wrong_state = [&](const char* need) {
        return fail(ErrorCode::conflict,
                    "Bulan ini berstatus " + std::string(month_status_label(current)) +
                        "; aksi ini hanya untuk status " + need,
                    "aksi");
    };
    MonthStatus next;
    if (action == "lock") {
        if (!can_approve(actor, sheet->office)) return refuse("Hanya pimpinan satker yang dapat mengunci bulan");
        if (unit_id)
            return fail(ErrorCode::invalid_input, "Penguncian berlaku untuk seluruh satker, bukan per subbagian",
                        "unit");
        if (current == MonthStatus::locked) return wrong_state("yang belum dikunci");
        next = MonthStatus::locked;
    } else {
        if (!unit_id) return fail(ErrorCode::invalid_input, "Subbagian wajib dipilih", "unit");
        // The unit comes from the form: it must be one of this office's sub-units on this sheet.
        bool known = false;
        for (const auto& u : sheet->units)
            known |= u.record.unit_id == unit_id;
        if (!known)
            return fail(ErrorCode::not_found,
                        "Subbagian " + std::to_string(*unit_id) + " tidak ada di satker " + sheet->office.code +
                            " atau tidak memiliki indikator bulan ini",
                        "unit");
        if (sheet->locked)
            return fail(ErrorCode::conflict, "Bulan sudah dikunci; status subbagian tidak dapat diubah lagi", "aksi");
        if (action == "submit") {
            if (!can_record(actor, sheet->office, unit_id))
                return refuse("Anda tidak berwenang mengajukan bulan subbagian ini");
            if (current != MonthStatus::open && current != MonthStatus::returned)
                return wrong_state("Terbuka atau Dikembalikan");
            next = MonthStatus::submitted;
        } else if (action == "approve" || action == "return") {
            if (!can_approve(actor, sheet->office))
                return refuse("Hanya pimpinan satker yang dapat menyetujui atau mengembalikan");
            if (current != MonthStatus::submitted) return wrong_state("Diajukan");
            if (action == "return" && comment.empty())
                return fail(ErrorCode::invalid_input,
                            "Tuliskan alasan pengembalian agar subbagian tahu apa yang harus diperbaiki", "komentar");
            next = action == "approve" ? MonthStatus::approved : MonthStatus::returned;
        } else {
            return fail(ErrorCode::invalid_input, "Aksi '" + action + "' tidak dikenal", "aksi");
        }
    }
    return repo.write_status(
        {sheet->office.id, unit_id, year, month, std::string(month_status_code(next)), comment, expected_version},
        actor.login, now_iso);
}

Result<BudgetSheet> budget_sheet(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                 int month) {
    if (auto ok = check_month(year, month); !ok) return tl::unexpected(ok.error());
    auto office = office_in_scope(repo, actor, office_code);
    if (!office) return tl::unexpected(office.error());
    auto lines = repo.budget_month(office->id, year, month);
    if (!lines) return tl::unexpected(lines.error());
    auto statuses = repo.month_statuses(office->id, year, month);
    if (!statuses) return tl::unexpected(statuses.error());
    const bool locked = status_of(*statuses, std::nullopt) == MonthStatus::locked;
    BudgetSheet out{
        *office,          year, month, locked, can_plan(actor, *office) && (!locked || can_approve(actor, *office)),
        std::move(*lines)};
    return out;
}

Result<SaveResult> save_spending(Repository& repo, const Actor& actor, const std::string& office_code, int year,
                                 int month, const std::vector<SpendingEdit>& edits,
                                 const std::string& correction_reason, const std::string& now_iso) {
    auto sheet = budget_sheet(repo, actor, office_code, year, month);
    if (!sheet) return tl::unexpected(sheet.error());
    if (!can_plan(actor, sheet->office))
        return fail(ErrorCode::forbidden, "Hanya perencana atau pimpinan satker yang mengisi realisasi anggaran",
                    "anggaran");
    if (auto ok = may_change_month(actor, *sheet, correction_reason); !ok) return tl::unexpected(ok.error());
    SaveResult out;
    std::vector<SpendingWrite> writes;
    for (const auto& e : edits) {
        const BudgetMonthRecord* line = nullptr;
        for (const auto& l : sheet->lines)
            if (l.line_id == e.line_id) line = &l;
        if (!line)
            return fail(ErrorCode::not_found, "Baris anggaran " + std::to_string(e.line_id) + " tidak ada",
                        std::to_string(e.line_id));
        const std::string text(trim(e.amount_text));
        if (text.empty()) {
            if (line->version > 0)
                out.problems.push_back(
                    {e.line_id, "Realisasi yang sudah tercatat tidak dapat dikosongkan; isi 0", false});
            continue;
        }
        if (text == line->amount_text && e.expected_version == line->version) continue;
        auto amount = parse_rupiah(text);
        if (!amount) {
            out.problems.push_back({e.line_id, amount.error().message, false});
            continue;
        }
        if (line->ceiling && line->spent_other_months.value + amount->value > line->ceiling->value) {
            out.problems.push_back({e.line_id,
                                    "Realisasi setahun menjadi Rp " +
                                        format_rupiah(line->spent_other_months + *amount) + ", melebihi pagu Rp " +
                                        format_rupiah(*line->ceiling),
                                    false});
            continue;
        }
        writes.push_back({e.line_id, text, *amount, e.expected_version});
    }
    if (!out.problems.empty() || writes.empty()) return out;
    auto saved = repo.write_spending(sheet->office.id, year, month, writes, actor.login, now_iso,
                                     sheet->locked ? "correction" : "record-spending", correction_reason);
    if (!saved) {
        if (saved.error().code != ErrorCode::conflict) return tl::unexpected(saved.error());
        out.problems.push_back(
            {std::stoll(saved.error().where.empty() ? "0" : saved.error().where), saved.error().message, true});
        return out;
    }
    out.saved = *saved;
    return out;
}

Result<std::vector<ObstacleRecord>> list_obstacles(Repository& repo, const Actor& actor, const std::string& office_code,
                                                   int year) {
    auto office = office_in_scope(repo, actor, office_code);
    if (!office) return tl::unexpected(office.error());
    return repo.obstacles(office->id, year);
}

Result<std::map<std::string, std::string>> add_obstacle(Repository& repo, const Actor& actor,
                                                        const std::string& office_code, int year,
                                                        const ObstacleRecord& o, const std::string& now_iso) {
    auto office = office_in_scope(repo, actor, office_code);
    if (!office) return tl::unexpected(office.error());
    if (!can_plan(actor, *office))
        return fail(ErrorCode::forbidden, "Hanya perencana atau pimpinan satker yang mencatat hambatan", "hambatan");
    std::map<std::string, std::string> problems;
    if (o.obstacle.empty()) problems["hambatan"] = "Uraikan hambatannya";
    if (o.remedy.empty()) problems["upaya"] = "Tuliskan upaya mengatasinya";
    if (o.obstacle.size() > 4000 || o.remedy.size() > 4000 || o.aspect.size() > 1000 || o.remark.size() > 1000)
        problems["hambatan"] = "Uraian terlalu panjang (maksimal 4.000 karakter)";
    if (!problems.empty()) return problems;
    auto id = repo.add_obstacle(office->id, year, o, actor.login, now_iso);
    if (!id) return tl::unexpected(id.error());
    return problems;
}

} // namespace kinerja::app
