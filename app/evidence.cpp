#include "app/evidence.h"

#include "app/monthly_work.h"
#include "core/decimal.h"

namespace kinerja::app {

std::string human_size(std::int64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    if (bytes < 1024 * 1024) return Decimal(bytes * 10 / 1024, 1).indonesian(1) + " KB";
    if (bytes < std::int64_t{1} << 30) return Decimal(bytes * 10 / (1024 * 1024), 1).indonesian(1) + " MB";
    return Decimal(bytes * 10 / (std::int64_t{1} << 30), 1).indonesian(1) + " GB";
}

Result<std::int64_t> attach_evidence(Repository& repo, EvidenceFiles& files, const Actor& actor,
                                     const std::string& office_code, const EvidenceUpload& up,
                                     const EvidenceLimits& limits, const std::string& now_iso) {
    auto sheet = month_sheet(repo, actor, office_code, up.year, up.month);
    if (!sheet) return tl::unexpected(sheet.error());
    const SheetRow* row = nullptr;
    for (const auto& s : sheet->rows)
        if (s.indicator_id == up.indicator_id) row = &s;
    if (!row) return fail(ErrorCode::not_found, "Indikator tidak ada pada lembar bulan ini", "indikator");
    if (!can_record(actor, sheet->office, row->owner_unit_id))
        return fail(ErrorCode::forbidden, "Anda tidak berwenang mengunggah bukti untuk indikator ini", "indikator");
    if (!row->actual_id)
        return fail(ErrorCode::invalid_input, "Isi dan simpan realisasi bulan ini dahulu, lalu unggah buktinya",
                    "indikator");
    if (sheet->locked)
        return fail(ErrorCode::conflict, "Bulan sudah dikunci; bukti tidak dapat ditambahkan lagi", "berkas");
    const auto slash = up.filename.find_last_of("/\\");
    const std::string name = slash == std::string::npos ? up.filename : up.filename.substr(slash + 1);
    if (name.empty() || up.data.empty())
        return fail(ErrorCode::invalid_input, "Pilih berkas yang akan diunggah", "berkas");
    if (name.size() > 255)
        return fail(ErrorCode::invalid_input, "Nama berkas terlalu panjang (maksimal 255 karakter)", "berkas");
    const auto size = static_cast<std::int64_t>(up.data.size());
    if (size > limits.max_file_bytes)
        return fail(ErrorCode::too_large,
                    "Berkas '" + name + "' lebih besar dari batas " + human_size(limits.max_file_bytes), "berkas");
    if (up.media_type.empty())
        return fail(ErrorCode::invalid_input,
                    "Jenis berkas '" + name +
                        "' tidak diterima atau isinya tidak sesuai namanya; unggah PDF, PNG, JPG, DOCX, XLSX, PPTX, "
                        "ODT atau ODS",
                    "berkas");
    auto quota_full = [&](std::int64_t used) {
        return fail(ErrorCode::too_large,
                    "Kuota bukti satker ini penuh: " + human_size(used) + " dari " +
                        human_size(limits.office_quota_bytes) + " terpakai, berkas '" + name + "' (" +
                        human_size(size) + ") tidak muat. Tidak ada yang disimpan; minta administrator menambah kuota",
                    "berkas");
    };
    // Checked before the file is written (so a full office writes nothing) and again in the transaction.
    auto used = repo.evidence_bytes(sheet->office.id);
    if (!used) return tl::unexpected(used.error());
    if (*used + size > limits.office_quota_bytes) return quota_full(*used);
    auto sha = files.put(up.data);
    if (!sha) return tl::unexpected(sha.error());
    auto id = repo.add_evidence(
        {0, sheet->office.id, *row->actual_id, size, name, *sha, up.media_type, actor.login, now_iso, std::nullopt},
        limits.office_quota_bytes);
    if (!id && id.error().code == ErrorCode::too_large) {
        auto now_used = repo.evidence_bytes(sheet->office.id);
        return quota_full(now_used ? *now_used : *used);
    }
    return id;
}

Result<EvidenceFile> open_evidence(Repository& repo, EvidenceFiles& files, const Actor& actor, std::int64_t id) {
    auto absent = [] { return fail(ErrorCode::not_found, "Bukti tidak ditemukan", "bukti"); };
    auto e = repo.find_evidence(id);
    if (!e) return tl::unexpected(e.error());
    if (!*e) return absent();
    auto offices = repo.office_tree();
    if (!offices) return tl::unexpected(offices.error());
    const OfficeNode* node = nullptr;
    for (const auto& n : *offices)
        if (n.id == (*e)->office_id) node = &n;
    if (!node || !can_view(actor, OfficeInfo{node->id, node->code, node->name, node->level, "", node->parent_id}))
        return absent();
    // An operator works on the indicators of their own sub-unit: another unit's evidence is not theirs.
    if (actor.role == Role::operator_ && (!actor.unit_id || (*e)->owner_unit_id != actor.unit_id)) return absent();
    auto bytes = files.read((*e)->sha256);
    if (!bytes) return tl::unexpected(bytes.error());
    if (!*bytes) return fail(ErrorCode::not_found, "Berkas bukti tidak ada di server", "bukti");
    return EvidenceFile{**e, std::move(**bytes)};
}

} // namespace kinerja::app
