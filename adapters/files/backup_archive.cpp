#include "adapters/files/backup_archive.h"

#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "adapters/files/file_util.h"

namespace kinerja::files {
namespace {

constexpr const char* manifest_member = "manifest.json";
constexpr const char* database_member = "kinerja.db";
constexpr std::string_view evidence_prefix = "evidence/";

std::string now_utc_iso() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string evidence_member(const std::string& sha) {
    return std::string(evidence_prefix) + sha.substr(0, 2) + "/" + sha;
}

std::string random_suffix() {
    if (sodium_init() < 0) return std::to_string(::getpid());
    unsigned char b[6];
    randombytes_buf(b, sizeof b);
    char hex[sizeof b * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, b, sizeof b);
    return hex;
}

bool path_exists(const std::string& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;
}

// A zip being written: discarded (and its file never created) unless closed successfully.
struct ZipWriter {
    zip_t* z = nullptr;
    ~ZipWriter() {
        if (z) zip_discard(z);
    }
};

struct ZipReader {
    zip_t* z = nullptr;
    ~ZipReader() {
        if (z) zip_discard(z);
    }
};

// libzip's reasons in the user's language where a user can act on them; others as libzip says them.
std::string zip_reason(int code, const char* libzip_text) {
    switch (code) {
    case ZIP_ER_NOENT:
        return "berkasnya tidak ada";
    case ZIP_ER_NOZIP:
        return "bukan arsip zip (atau terpotong)";
    case ZIP_ER_CRC:
        return "isinya tidak sesuai dengan CRC-nya (berkas rusak)";
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
        return "data terkompresinya rusak";
    case ZIP_ER_INCONS:
        return "arsipnya tidak konsisten (rusak)";
    case ZIP_ER_EOF:
        return "arsipnya terpotong";
    default:
        return libzip_text;
    }
}

struct ZipFile {
    zip_file_t* f = nullptr;
    ~ZipFile() {
        if (f) zip_fclose(f);
    }
};

} // namespace

Result<BackupSummary> write_backup_archive(const std::string& out, const std::string& database_file, int schema_version,
                                           const EvidenceStore& store, const std::vector<std::string>& evidence) {
    BackupSummary summary;
    summary.created_at = now_utc_iso();
    // Every file is looked at before anything is written: a missing one stops the backup with its name.
    std::vector<std::pair<std::string, std::uint64_t>> files;
    std::set<std::string> seen;
    for (const auto& sha : evidence) {
        if (!EvidenceStore::valid_sha256(sha))
            return fail(ErrorCode::invalid_input,
                        "Basis data merujuk berkas bukti dengan hash yang tidak sah '" + sha +
                            "'; pencadangan dibatalkan, tidak ada berkas cadangan yang ditulis",
                        sha);
        if (!seen.insert(sha).second) continue;
        const auto size = store.size_of(sha);
        if (!size)
            return fail(ErrorCode::io,
                        "Berkas bukti '" + store.path_of(sha) +
                            "' tidak ada, padahal basis data merujuknya; pencadangan dibatalkan, tidak ada berkas "
                            "cadangan yang ditulis",
                        store.path_of(sha));
        files.emplace_back(sha, *size);
        summary.evidence_bytes += *size;
    }
    summary.evidence_files = files.size();
    std::string manifest = "{\"schema\": \"" + std::string(backup_schema) + "\", \"created_at\": \"" +
                           summary.created_at + "\", \"schema_version\": " + std::to_string(schema_version) +
                           ", \"database\": \"" + database_member + "\", \"evidence\": [";
    for (std::size_t i = 0; i < files.size(); ++i)
        manifest += std::string(i ? ",\n  " : "\n  ") + "{\"sha256\": \"" + files[i].first +
                    "\", \"size\": " + std::to_string(files[i].second) + "}";
    manifest += files.empty() ? "]}\n" : "\n]}\n";

    const std::string tmp = out + ".partial-" + random_suffix();
    auto cannot = [&](const std::string& why) {
        std::remove(tmp.c_str());
        return fail(ErrorCode::io, "Berkas cadangan '" + out + "' tidak dapat ditulis: " + why, out);
    };
    int err = 0;
    ZipWriter w;
    w.z = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_EXCL, &err);
    if (!w.z) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        const std::string why = zip_error_strerror(&e);
        zip_error_fini(&e);
        return cannot(why);
    }
    // Sources are read only at zip_close: the evidence files are immutable and the snapshot is ours.
    auto add = [&](const std::string& name, zip_source_t* src, zip_int32_t method, zip_uint32_t level) -> bool {
        if (!src) return false;
        const zip_int64_t i = zip_file_add(w.z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (i < 0) {
            zip_source_free(src);
            return false;
        }
        return zip_set_file_compression(w.z, static_cast<zip_uint64_t>(i), method, level) == 0;
    };
    if (!add(manifest_member, zip_source_buffer(w.z, manifest.data(), manifest.size(), 0), ZIP_CM_DEFLATE, 0) ||
        // The fastest deflate: a backup runs beside the server on few cores.
        !add(database_member, zip_source_file(w.z, database_file.c_str(), 0, -1), ZIP_CM_DEFLATE, 1))
        return cannot(zip_strerror(w.z));
    for (const auto& [sha, size] : files)
        if (!add(evidence_member(sha), zip_source_file(w.z, store.path_of(sha).c_str(), 0, -1), ZIP_CM_STORE, 0))
            return cannot(store.path_of(sha) + ": " + zip_strerror(w.z));
    if (zip_close(w.z) != 0) return cannot(zip_strerror(w.z));
    w.z = nullptr;
    // It holds password hashes and every evidence file: for its owner only, wherever it is copied.
    if (::chmod(tmp.c_str(), 0600) != 0) return cannot(std::strerror(errno));
    if (auto s = fsync_file(tmp); !s) return cannot(s.error().message);
    if (std::rename(tmp.c_str(), out.c_str()) != 0) return cannot(std::strerror(errno));
    if (auto s = fsync_directory(parent_directory(out)); !s) return tl::unexpected(s.error());
    return summary;
}

namespace {

// What the archive holds, from its central directory, before anything is inflated.
struct Member {
    zip_uint64_t index = 0;
    std::string name;
    std::uint64_t size = 0;
};

struct Plan {
    std::optional<Member> manifest, database;
    std::vector<Member> evidence; // name = the sha256
};

Result<Plan> plan_members(zip_t* z, const std::string& archive, const RestoreLimits& limits) {
    auto bad = [&](const std::string& why) {
        return fail(ErrorCode::invalid_input, "Berkas '" + archive + "' bukan cadangan Kinerja yang utuh: " + why,
                    archive);
    };
    const zip_int64_t n = zip_get_num_entries(z, 0);
    if (n < 0) return bad("daftar isinya tidak terbaca");
    if (static_cast<std::uint64_t>(n) > limits.max_members)
        return fail(ErrorCode::invalid_input,
                    "Berkas '" + archive + "' berisi " + std::to_string(n) + " anggota, lebih dari batas " +
                        std::to_string(limits.max_members),
                    archive);
    Plan plan;
    std::set<std::string> names;
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE))
            return bad("anggota ke-" + std::to_string(i + 1) + " tidak terbaca");
        const std::string name = st.name;
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return bad("anggota '" + name + "' terenkripsi");
        if (!names.insert(name).second) return bad("anggota '" + name + "' ada dua kali");
        Member m{static_cast<zip_uint64_t>(i), name, st.size};
        std::uint64_t limit = 0;
        if (name == manifest_member) {
            limit = limits.max_manifest_bytes;
            plan.manifest = m;
        } else if (name == database_member) {
            limit = limits.max_database_bytes;
            plan.database = m;
        } else if (name.rfind(evidence_prefix, 0) == 0) {
            const std::string rest = name.substr(evidence_prefix.size());
            // Folder entries a zip tool may add carry nothing.
            if (st.size == 0 && (rest.empty() || (rest.size() == 3 && rest[2] == '/'))) continue;
            const auto slash = rest.find('/');
            const std::string sha = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
            if (slash != 2 || !EvidenceStore::valid_sha256(sha) || rest.substr(0, 2) != sha.substr(0, 2))
                return bad("nama anggota '" + name + "' bukan evidence/<2 hex>/<sha256>");
            limit = limits.max_evidence_bytes;
            plan.evidence.push_back({m.index, sha, m.size});
        } else {
            return bad("anggota '" + name + "' tidak dikenal");
        }
        if (st.size > limit)
            return fail(ErrorCode::invalid_input,
                        "Anggota '" + name + "' dari '" + archive + "' berukuran " + std::to_string(st.size) +
                            " byte, lebih dari batas " + std::to_string(limit),
                        archive);
        total += st.size;
        if (total > limits.max_total_bytes)
            return fail(ErrorCode::invalid_input,
                        "Isi '" + archive + "' melebihi batas " + std::to_string(limits.max_total_bytes) + " byte",
                        archive);
    }
    if (!plan.manifest) return bad("tidak ada manifest.json");
    if (!plan.database) return bad("tidak ada kinerja.db");
    return plan;
}

// Inflates one member into `sink`, stopping past the size the archive declared (which the limits
// checked); libzip checks the CRC at the end. `sink` returns false on a write error (errno set).
template <typename Sink> Result<void> copy_member(zip_t* z, const Member& m, const std::string& archive, Sink&& sink) {
    auto bad = [&](const std::string& why) {
        return fail(ErrorCode::invalid_input,
                    "Anggota '" + m.name + "' dari '" + archive + "' rusak: " + why + "; tidak ada yang dipulihkan",
                    archive);
    };
    ZipFile f;
    f.f = zip_fopen_index(z, m.index, 0);
    if (!f.f) return bad(zip_reason(zip_error_code_zip(zip_get_error(z)), zip_strerror(z)));
    std::vector<char> buf(1 << 20);
    std::uint64_t got = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(f.f, buf.data(), buf.size());
        if (n < 0) return bad(zip_reason(zip_error_code_zip(zip_file_get_error(f.f)), zip_file_strerror(f.f)));
        if (n == 0) break;
        got += static_cast<std::uint64_t>(n);
        if (got > m.size) return bad("isinya lebih panjang dari yang dinyatakan");
        if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(n))))
            return fail(ErrorCode::io,
                        std::string("Berkas hasil pemulihan tidak dapat ditulis: ") + std::strerror(errno), m.name);
    }
    if (got != m.size) return bad("isinya lebih pendek dari yang dinyatakan");
    return {};
}

Result<std::map<std::string, std::uint64_t>> parse_manifest(const std::string& text, const std::string& archive,
                                                            std::string& created_at) {
    auto bad = [&](const std::string& why) {
        return fail(ErrorCode::invalid_input, "manifest.json dari '" + archive + "' tidak sah: " + why, archive);
    };
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) return bad("bukan objek JSON");
    const auto& o = v.get_object();
    const auto* schema = o.if_contains("schema");
    if (!schema || !schema->is_string() || schema->get_string() != backup_schema)
        return bad(std::string("skemanya bukan ") + backup_schema);
    if (const auto* c = o.if_contains("created_at"); c && c->is_string()) created_at = c->get_string().c_str();
    const auto* list = o.if_contains("evidence");
    if (!list || !list->is_array()) return bad("daftar evidence tidak ada");
    std::map<std::string, std::uint64_t> out;
    for (const auto& e : list->get_array()) {
        const auto* sha = e.is_object() ? e.get_object().if_contains("sha256") : nullptr;
        const auto* size = e.is_object() ? e.get_object().if_contains("size") : nullptr;
        if (!sha || !sha->is_string() || !EvidenceStore::valid_sha256(sha->get_string()) || !size ||
            !(size->is_uint64() || (size->is_int64() && size->get_int64() >= 0)))
            return bad("entri evidence tanpa sha256 atau size yang sah");
        const std::uint64_t n = size->is_uint64() ? size->get_uint64() : static_cast<std::uint64_t>(size->get_int64());
        if (!out.emplace(std::string(sha->get_string()), n).second)
            return bad("hash " + std::string(sha->get_string()) + " tercantum dua kali");
    }
    return out;
}

// The temporaries of one restore: removed when it does not complete.
struct Restoring {
    std::string database, evidence;
    bool own_database = false, own_evidence = false, done = false;
    ~Restoring() {
        if (done) return;
        if (own_database)
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                ::unlink((database + suffix).c_str());
        std::error_code ec;
        if (own_evidence) std::filesystem::remove_all(evidence, ec);
    }
};

} // namespace

Result<BackupSummary> restore_backup_archive(const std::string& archive, const std::string& database_path,
                                             const std::string& evidence_dir, const DatabaseVerifier& verify,
                                             const RestoreLimits& limits) {
    // Only into an empty place: nothing that exists is ever overwritten or merged.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (path_exists(database_path + suffix))
            return fail(ErrorCode::conflict,
                        "'" + database_path + suffix +
                            "' sudah ada; restore hanya mengisi tempat yang kosong (pilih --db lain atau pindahkan "
                            "berkas itu)",
                        database_path);
    std::string evidence_clean = evidence_dir;
    while (evidence_clean.size() > 1 && evidence_clean.back() == '/')
        evidence_clean.pop_back();
    bool evidence_existed = false;
    {
        struct stat st {};
        if (::lstat(evidence_clean.c_str(), &st) == 0) {
            std::error_code ec;
            if (!S_ISDIR(st.st_mode) || !std::filesystem::is_empty(evidence_clean, ec) || ec)
                return fail(ErrorCode::conflict,
                            "Folder bukti '" + evidence_clean +
                                "' sudah berisi berkas; restore hanya mengisi folder bukti yang kosong atau belum ada",
                            evidence_clean);
            evidence_existed = true;
        }
    }
    for (const auto& dir : {parent_directory(database_path), parent_directory(evidence_clean)}) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return fail(ErrorCode::invalid_input, "Folder '" + dir + "' tidak ada; buat dahulu", dir);
    }

    int err = 0;
    ZipReader r;
    r.z = zip_open(archive.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!r.z) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        const std::string why = zip_reason(err, zip_error_strerror(&e));
        zip_error_fini(&e);
        if (err == ZIP_ER_OPEN || err == ZIP_ER_READ || err == ZIP_ER_NOENT)
            return fail(ErrorCode::io, "Berkas cadangan '" + archive + "' tidak dapat dibaca: " + why, archive);
        return fail(ErrorCode::invalid_input, "Berkas '" + archive + "' bukan arsip cadangan Kinerja: " + why, archive);
    }
    auto plan = plan_members(r.z, archive, limits);
    if (!plan) return tl::unexpected(plan.error());

    Restoring tmp{database_path + ".restoring", evidence_clean + ".restoring"};
    UniqueFd db_fd(::open(tmp.database.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (!db_fd) {
        if (errno == EEXIST)
            return fail(ErrorCode::conflict,
                        "'" + tmp.database +
                            "' sudah ada: sisa pemulihan yang terputus atau yang sedang berjalan; "
                            "hapus berkas itu lalu ulangi",
                        tmp.database);
        return fail(ErrorCode::io, "'" + tmp.database + "' tidak dapat dibuat: " + std::strerror(errno), tmp.database);
    }
    tmp.own_database = true;
    if (::mkdir(tmp.evidence.c_str(), 0755) != 0) {
        if (errno == EEXIST)
            return fail(ErrorCode::conflict,
                        "'" + tmp.evidence +
                            "' sudah ada: sisa pemulihan yang terputus atau yang sedang berjalan; "
                            "hapus folder itu lalu ulangi",
                        tmp.evidence);
        return fail(ErrorCode::io, "'" + tmp.evidence + "' tidak dapat dibuat: " + std::strerror(errno), tmp.evidence);
    }
    tmp.own_evidence = true;

    std::string manifest_text;
    if (auto c = copy_member(r.z, *plan->manifest, archive,
                             [&](std::string_view b) {
                                 manifest_text.append(b);
                                 return true;
                             });
        !c)
        return tl::unexpected(c.error());
    BackupSummary summary;
    auto listed = parse_manifest(manifest_text, archive, summary.created_at);
    if (!listed) return tl::unexpected(listed.error());

    if (auto c =
            copy_member(r.z, *plan->database, archive, [&](std::string_view b) { return write_all(db_fd.get(), b); });
        !c)
        return tl::unexpected(c.error());

    EvidenceStore restored(tmp.evidence);
    std::set<std::string> shards;
    for (const auto& m : plan->evidence) {
        const auto it = listed->find(m.name);
        if (it == listed->end())
            return fail(ErrorCode::invalid_input,
                        "Berkas bukti " + m.name + " di '" + archive + "' tidak tercantum di manifest.json", archive);
        if (it->second != m.size)
            return fail(ErrorCode::invalid_input,
                        "Berkas bukti " + m.name + " di '" + archive + "' tidak sebesar yang dicatat manifest.json",
                        archive);
        const std::string shard = tmp.evidence + "/" + m.name.substr(0, 2);
        if (shards.insert(shard).second && ::mkdir(shard.c_str(), 0755) != 0)
            return fail(ErrorCode::io, "'" + shard + "' tidak dapat dibuat: " + std::strerror(errno), shard);
        UniqueFd fd(::open(restored.path_of(m.name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (!fd) return fail(ErrorCode::io, "Berkas bukti " + m.name + " tidak dapat ditulis", m.name);
        crypto_hash_sha256_state h;
        crypto_hash_sha256_init(&h);
        if (auto c = copy_member(r.z, m, archive,
                                 [&](std::string_view b) {
                                     crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(b.data()),
                                                               b.size());
                                     return write_all(fd.get(), b);
                                 });
            !c)
            return tl::unexpected(c.error());
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&h, digest);
        char hex[crypto_hash_sha256_BYTES * 2 + 1];
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        if (m.name != hex)
            return fail(ErrorCode::invalid_input,
                        "Isi berkas bukti " + m.name + " di '" + archive +
                            "' tidak sesuai dengan hash SHA-256-nya (berkas rusak atau diubah); tidak ada yang "
                            "dipulihkan",
                        archive);
        summary.evidence_bytes += m.size;
    }
    summary.evidence_files = plan->evidence.size();
    for (const auto& [sha, size] : *listed)
        if (!restored.exists(sha))
            return fail(ErrorCode::invalid_input,
                        "Berkas bukti " + sha + " tercantum di manifest.json tetapi tidak ada di '" + archive + "'",
                        archive);

    // Everything unpacked is written to disk once (one syncfs per file system instead of an fsync per
    // file). The database file is closed before SQLite opens it: closing a descriptor of a file drops
    // every POSIX lock this process holds on it, SQLite's included.
    if (::syncfs(db_fd.get()) != 0 || ::close(db_fd.release()) != 0)
        return fail(ErrorCode::io, "'" + tmp.database + "' tidak dapat disimpan ke disk: " + std::strerror(errno),
                    tmp.database);
    {
        UniqueFd dir(::open(tmp.evidence.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!dir || ::syncfs(dir.get()) != 0)
            return fail(ErrorCode::io, "'" + tmp.evidence + "' tidak dapat disimpan ke disk: " + std::strerror(errno),
                        tmp.evidence);
    }
    auto needed = verify(tmp.database);
    if (!needed) return tl::unexpected(needed.error());
    for (const auto& sha : *needed)
        if (!restored.exists(sha))
            return fail(ErrorCode::invalid_input,
                        "Basis data di '" + archive + "' merujuk berkas bukti " + sha +
                            " yang tidak ada di arsip; tidak ada yang dipulihkan",
                        archive);

    // Into place: the evidence first (onto an empty folder a rename replaces it), then the database,
    // which never replaces a file someone made meanwhile.
    if (std::rename(tmp.evidence.c_str(), evidence_clean.c_str()) != 0)
        return fail(ErrorCode::io, "Folder bukti '" + evidence_clean + "' tidak dapat dibuat: " + std::strerror(errno),
                    evidence_clean);
    if (::renameat2(AT_FDCWD, tmp.database.c_str(), AT_FDCWD, database_path.c_str(), RENAME_NOREPLACE) != 0) {
        const int e = errno;
        if (std::rename(evidence_clean.c_str(), tmp.evidence.c_str()) == 0 && evidence_existed)
            ::mkdir(evidence_clean.c_str(), 0755);
        return fail(e == EEXIST ? ErrorCode::conflict : ErrorCode::io,
                    "Basis data '" + database_path + "' tidak dapat dibuat: " + std::strerror(e), database_path);
    }
    tmp.done = true;
    if (auto s = fsync_directory(parent_directory(evidence_clean)); !s) return tl::unexpected(s.error());
    if (auto s = fsync_directory(parent_directory(database_path)); !s) return tl::unexpected(s.error());
    return summary;
}

} // namespace kinerja::files
