// The public entry points: the file's size checked before it is read, the reader chosen by the
// content (never by the name), and no exception past this point.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <new>

#include "adapters/import/read/read_common.h"
#include "adapters/import/read/readers.h"
#include "adapters/import/source_text.h"

namespace kinerja::import {
namespace {

enum class Kind { text, zip, pdf, compound, rtf };

Kind kind_of(std::string_view bytes) {
    if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return Kind::zip;
    if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return Kind::compound;
    // "%PDF-" may follow a UTF-8 byte order mark or blank lines some tools put before it.
    std::string_view head = bytes.substr(0, 1024);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\r' || head.front() == '\n' ||
                             head.front() == '\t' || head.front() == '\f'))
        head.remove_prefix(1);
    if (head.starts_with("%PDF-")) return Kind::pdf;
    if (head.starts_with("{\\rtf")) return Kind::rtf;
    return Kind::text;
}

template <typename F> Result<SourceText> guarded(std::string_view name, F&& read) {
    try {
        return read();
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::too_large, fmt::format("Berkas {} tidak dapat dibaca: memori tidak cukup", name),
                    std::string(name));
    } catch (const std::exception& e) {
        return fail(ErrorCode::internal, fmt::format("Berkas {} tidak dapat dibaca: kesalahan internal", name),
                    fmt::format("{}: {}", name, e.what()));
    } catch (...) {
        return fail(ErrorCode::internal, fmt::format("Berkas {} tidak dapat dibaca: kesalahan internal", name),
                    std::string(name));
    }
}

Result<SourceText> read_bytes(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    if (bytes.size() > limits.max_file_bytes) return read::file_too_large(name, bytes.size(), limits.max_file_bytes);
    if (bytes.empty()) return read::invalid(name, fmt::format("Berkas {} kosong", name));
    switch (kind_of(bytes)) {
    case Kind::zip:
        return read::read_office_package(name, bytes, limits);
    case Kind::pdf:
        return read::read_pdf_bytes(name, bytes, limits);
    case Kind::compound:
        return read::refuse_compound_file(name, bytes);
    case Kind::rtf:
        return read::invalid(name,
                             fmt::format("Berkas {} berformat RTF yang belum didukung; simpan sebagai .docx", name));
    case Kind::text:
        break;
    }
    return read::read_text(name, bytes, limits);
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

// Reads up to `limit` bytes; more than that (a file that grew after fstat) is one byte more.
Result<std::string> read_fd(std::string_view name, int fd, std::size_t size, std::size_t limit) {
    std::string data;
    data.resize(std::min(size, limit) + 1);
    std::size_t done = 0;
    for (;;) {
        if (done == data.size()) {
            if (data.size() > limit) break;
            data.resize(std::min(data.size() * 2, limit + 1));
        }
        const ssize_t n = ::read(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            return fail(ErrorCode::io, fmt::format("Berkas {} tidak dapat dibaca: {}", name, std::strerror(errno)),
                        std::string(name));
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
}

Result<SourceText> read_file(const std::string& path, const ReadLimits& limits) {
    const std::string_view name = path;
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int e = errno;
        if (e == ENOENT) return fail(ErrorCode::io, fmt::format("Berkas {} tidak ditemukan", name), path);
        return fail(ErrorCode::io, fmt::format("Berkas {} tidak dapat dibuka: {}", name, std::strerror(e)), path);
    }
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        return fail(ErrorCode::io, fmt::format("Berkas {} tidak dapat dibaca: {}", name, std::strerror(errno)), path);
    if (!S_ISREG(st.st_mode))
        return fail(ErrorCode::io, fmt::format("{} bukan berkas biasa (folder atau perangkat)", name), path);
    // The size comes from the file system: a 200 MB file is refused without reading a byte of it.
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > limits.max_file_bytes) return read::file_too_large(name, size, limits.max_file_bytes);

    // A PDF goes to pdftotext by its path; the rest is read into memory (within the limit).
    char head[1024];
    ssize_t got;
    do {
        got = ::pread(fd.get(), head, sizeof head, 0);
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        return fail(ErrorCode::io, fmt::format("Berkas {} tidak dapat dibaca: {}", name, std::strerror(errno)), path);
    if (got > 0 && kind_of(std::string_view(head, static_cast<std::size_t>(got))) == Kind::pdf)
        return read::read_pdf_file(name, path, limits);

    auto data = read_fd(name, fd.get(), static_cast<std::size_t>(size), limits.max_file_bytes);
    if (!data) return tl::unexpected(data.error());
    if (data->size() > limits.max_file_bytes) return read::file_too_large(name, data->size(), limits.max_file_bytes);
    return read_bytes(name, *data, limits);
}

} // namespace

Result<SourceText> read_source_file(const std::string& path, const ReadLimits& limits) {
    return guarded(path, [&] { return read_file(path, limits); });
}

Result<SourceText> read_source_bytes(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    return guarded(name, [&] { return read_bytes(name, bytes, limits); });
}

} // namespace kinerja::import
