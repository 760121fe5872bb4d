#include "adapters/files/evidence_store.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sodium.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adapters/files/file_util.h"

namespace kinerja::files {
namespace {

// A writer's temporary file: `<sha>.tmp<random>`. The same form the web application used before this
// store, so the 0-byte files its killed uploads left behind are cleaned too.
bool is_temporary_name(std::string_view name) {
    return name.size() > 68 && EvidenceStore::valid_sha256(name.substr(0, 64)) && name.substr(64, 4) == ".tmp";
}

bool is_shard_name(std::string_view name) {
    return name.size() == 2 && std::string_view("0123456789abcdef").find(name[0]) != std::string_view::npos &&
           std::string_view("0123456789abcdef").find(name[1]) != std::string_view::npos;
}

std::string random_hex(std::size_t bytes) {
    unsigned char buf[16];
    bytes = std::min(bytes, sizeof buf);
    randombytes_buf(buf, bytes);
    char hex[sizeof buf * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, buf, bytes);
    return hex;
}

// A temporary file removed by remove_orphan_temporaries() between a writer's open and its flock would
// leave the writer writing an unlinked file: the writer checks its name still is its file.
bool names_file(int fd, const std::string& path) {
    struct stat a {
    }, b{};
    return ::fstat(fd, &a) == 0 && ::lstat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// Removes the temporary file when no writer holds it: a writer keeps its flock until the file is renamed.
bool remove_if_orphan(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (!fd) return false;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return false; // a live writer
    if (!names_file(fd.get(), path)) return false;               // renamed into place meanwhile
    return ::unlink(path.c_str()) == 0;
}

} // namespace

std::string EvidenceStore::evidence_dir_for(const std::string& db_path) {
    const auto parent = std::filesystem::path(db_path).parent_path();
    return parent.empty() ? std::string("evidence") : (parent / "evidence").string();
}

bool EvidenceStore::valid_sha256(std::string_view sha) {
    if (sha.size() != 64) return false;
    for (char c : sha)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string EvidenceStore::sha256_hex(std::string_view bytes) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string EvidenceStore::path_of(const std::string& sha) const {
    return m_dir + "/" + sha.substr(0, 2) + "/" + sha;
}

bool EvidenceStore::exists(const std::string& sha) const {
    return size_of(sha).has_value();
}

std::optional<std::uint64_t> EvidenceStore::size_of(const std::string& sha) const {
    if (!valid_sha256(sha)) return std::nullopt;
    struct stat st {};
    if (::stat(path_of(sha).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return static_cast<std::uint64_t>(st.st_size);
}

Result<std::string> EvidenceStore::put(std::string_view bytes) const {
    if (sodium_init() < 0) return fail(ErrorCode::internal, "libsodium tidak dapat dipakai");
    const std::string sha = sha256_hex(bytes);
    const std::string shard = m_dir + "/" + sha.substr(0, 2);
    auto io_error = [&](const char* step) {
        return fail(ErrorCode::io,
                    std::string("Berkas bukti tidak dapat disimpan (") + step + ": " + std::strerror(errno) + ")",
                    shard);
    };
    if (auto d = make_directories(shard); !d) return tl::unexpected(d.error());
    const std::string path = shard + "/" + sha;
    if (exists(sha)) return sha; // stored once per content
    for (int attempt = 0; attempt < 5; ++attempt) {
        const std::string tmp = path + ".tmp" + random_hex(8);
        UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (!fd) {
            if (errno == EEXIST) continue;
            return io_error("membuat berkas sementara");
        }
        if (::flock(fd.get(), LOCK_EX) != 0) {
            const auto e = io_error("mengunci berkas sementara");
            ::unlink(tmp.c_str());
            return e;
        }
        if (!names_file(fd.get(), tmp)) continue; // taken for an orphan before we locked it: start again
        const char* step = !write_all(fd.get(), bytes)           ? "menulis"
                           : ::fsync(fd.get()) != 0              ? "fsync"
                           : ::rename(tmp.c_str(), path.c_str()) ? "rename"
                                                                 : nullptr;
        if (step) {
            const auto e = io_error(step);
            ::unlink(tmp.c_str());
            return e;
        }
        // The rename is durable only once the directory is; the lock goes with the descriptor after that.
        if (auto s = fsync_directory(shard); !s) return tl::unexpected(s.error());
        return sha;
    }
    return fail(ErrorCode::io, "Berkas bukti tidak dapat disimpan (nama sementara terus bentrok)", shard);
}

Result<std::optional<std::string>> EvidenceStore::read(const std::string& sha) const {
    if (!valid_sha256(sha)) return fail(ErrorCode::invalid_input, "Nama berkas bukti tidak sah: '" + sha + "'", sha);
    const std::string path = path_of(sha);
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT) return std::optional<std::string>();
        return fail(ErrorCode::io, "Berkas bukti '" + path + "' tidak dapat dibaca: " + std::strerror(errno), path);
    }
    auto bytes = read_all(fd.get());
    if (!bytes) return fail(ErrorCode::io, "Berkas bukti '" + path + "' tidak dapat dibaca: " + bytes.error(), path);
    return std::optional<std::string>(std::move(*bytes));
}

std::size_t EvidenceStore::remove_orphan_temporaries() const {
    std::size_t removed = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator shards(m_dir, ec), end; !ec && shards != end; shards.increment(ec)) {
        if (!is_shard_name(shards->path().filename().string()) || !shards->is_directory(ec)) continue;
        std::error_code inner;
        for (std::filesystem::directory_iterator f(shards->path(), inner); !inner && f != end; f.increment(inner))
            if (is_temporary_name(f->path().filename().string()) && remove_if_orphan(f->path().string())) ++removed;
    }
    return removed;
}

} // namespace kinerja::files
