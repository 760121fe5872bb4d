#include "adapters/files/file_util.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>

namespace kinerja::files {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

tl::expected<std::string, std::string> read_all(int fd) {
    std::string out;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return tl::unexpected(std::string(std::strerror(errno)));
        if (n == 0) return out;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

std::string parent_directory(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

Result<void> fsync_directory(const std::string& dir) {
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd || ::fsync(fd.get()) != 0)
        return fail(ErrorCode::io, "Folder '" + dir + "' tidak dapat disinkronkan ke disk: " + std::strerror(errno),
                    dir);
    return {};
}

Result<void> fsync_file(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd || ::fsync(fd.get()) != 0)
        return fail(ErrorCode::io, "Berkas '" + path + "' tidak dapat disinkronkan ke disk: " + std::strerror(errno),
                    path);
    return {};
}

Result<void> make_directories(const std::string& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return {};
        return fail(ErrorCode::io, "'" + dir + "' bukan folder", dir);
    }
    const std::string parent = parent_directory(dir);
    if (parent != dir && std::filesystem::path(dir).has_parent_path())
        if (auto p = make_directories(parent); !p) return p;
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return fail(ErrorCode::io, "Folder '" + dir + "' tidak dapat dibuat: " + std::strerror(errno), dir);
    return fsync_directory(parent);
}

} // namespace kinerja::files
