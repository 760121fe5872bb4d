#include "adapters/import/read/zip_archive.h"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/import/read/read_common.h"

namespace kinerja::import::read {
Result<ZipArchive> ZipArchive::open(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) {
        zip_error_fini(&error);
        return fail(ErrorCode::too_large, fmt::format("Berkas {} tidak dapat dibuka: memori tidak cukup", name),
                    std::string(name));
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (z == nullptr) {
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        zip_source_free(src);
        return invalid(name, fmt::format("Berkas {} rusak: arsip zip (DOCX/XLSX) tidak utuh ({})", name, why));
    }
    zip_error_fini(&error);
    ZipArchive archive(name, limits, z);
    const zip_int64_t entries = zip_get_num_entries(z, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_zip_entries)
        return fail(ErrorCode::too_large,
                    fmt::format("Berkas {} berisi terlalu banyak anggota zip: {}, batas {}", name,
                                group_thousands(static_cast<std::uint64_t>(std::max<zip_int64_t>(entries, 0))),
                                group_thousands(limits.max_zip_entries)),
                    std::string(name));
    return archive;
}

std::int64_t ZipArchive::locate(std::string_view member) const {
    const std::string m(member);
    return zip_name_locate(zip_.get(), m.c_str(), ZIP_FL_NOCASE);
}

bool ZipArchive::contains(std::string_view member) const {
    return locate(member) >= 0;
}

Result<std::string> ZipArchive::read(std::string_view member) {
    const std::string where = fmt::format("{}:{}", name_, member);
    const std::int64_t index = locate(member);
    if (index < 0) return invalid(name_, fmt::format("Berkas {} rusak: bagian {} tidak ada", name_, member), where);

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0)
        return invalid(name_, fmt::format("Berkas {} rusak: bagian {} tidak dapat dibaca", name_, member), where);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return invalid(name_,
                       fmt::format("Berkas {} dilindungi kata sandi (bagian {} terenkripsi); buka kunci "
                                   "dokumen lalu simpan ulang tanpa kata sandi",
                                   name_, member),
                       where);
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
        return invalid(name_, fmt::format("Berkas {} rusak: ukuran bagian {} tidak diketahui", name_, member), where);

    const ReadLimits& limits = *limits_;
    if (st.size > limits.max_zip_entry_bytes)
        return fail(ErrorCode::too_large,
                    fmt::format("Bagian {} dalam berkas {} terlalu besar setelah dibuka: {} byte, batas {} byte",
                                member, name_, group_thousands(st.size), group_thousands(limits.max_zip_entry_bytes)),
                    where);
    // The ratio of what the archive declares; a member that claims more than its bytes can hold is
    // a zip bomb, refused before anything is inflated.
    if (st.size > 0 && (st.comp_size == 0 || st.size / st.comp_size > limits.max_zip_ratio))
        return fail(ErrorCode::too_large,
                    fmt::format("Bagian {} dalam berkas {} dimampatkan secara mencurigakan: {} byte menjadi {} byte "
                                "(rasio lebih dari {}:1, batas {}:1); kemungkinan bom zip",
                                member, name_, group_thousands(st.comp_size), group_thousands(st.size),
                                group_thousands(st.comp_size == 0 ? st.size : st.size / st.comp_size),
                                group_thousands(limits.max_zip_ratio)),
                    where);
    if (total_read_ + st.size > limits.max_zip_total_bytes)
        return fail(ErrorCode::too_large,
                    fmt::format("Berkas {} terlalu besar setelah dibuka: lebih dari {} byte, batas {} byte", name_,
                                group_thousands(total_read_ + st.size), group_thousands(limits.max_zip_total_bytes)),
                    where);
    if ((st.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(st.comp_method, 0))
        return invalid(name_,
                       fmt::format("Berkas {} memakai cara pemampatan yang tidak didukung (bagian {})", name_, member),
                       where);

    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (f == nullptr)
        return invalid(
            name_,
            fmt::format("Berkas {} rusak: bagian {} tidak dapat dibuka ({})", name_, member, zip_strerror(zip_.get())),
            where);
    struct CloseFile {
        void operator()(zip_file_t* p) const { zip_fclose(p); }
    };
    std::unique_ptr<zip_file_t, CloseFile> file(f);

    std::string data;
    // The declared size is checked against the limits above, but a forged one must not make us
    // allocate it all up front either.
    data.reserve(std::min<std::uint64_t>(st.size, 16u << 20));
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0)
            return invalid(name_,
                           fmt::format("Berkas {} rusak: bagian {} tidak dapat dibaca ({})", name_, member,
                                       zip_file_strerror(file.get())),
                           where);
        if (n == 0) break;
        // Inflating more than the archive declared: the header lies; stop here, not at the end.
        if (data.size() + static_cast<std::uint64_t>(n) > st.size)
            return invalid(name_,
                           fmt::format("Berkas {} rusak: bagian {} lebih besar dari ukuran yang tercatat ({} byte)",
                                       name_, member, group_thousands(st.size)),
                           where);
        data.append(buffer, static_cast<std::size_t>(n));
    }
    if (data.size() != st.size)
        return invalid(name_,
                       fmt::format("Berkas {} rusak: bagian {} terpotong ({} dari {} byte)", name_, member,
                                   group_thousands(data.size()), group_thousands(st.size)),
                       where);
    total_read_ += data.size();
    return data;
}

} // namespace kinerja::import::read
