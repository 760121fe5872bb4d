#pragma once
// Small POSIX file helpers of the files adapter: descriptors that close themselves, whole reads and
// writes, and the fsyncs that make a created file or directory entry survive a crash.
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <unistd.h>

#include "core/error.h"

namespace kinerja::files {

class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& o) noexcept : m_fd(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) {
            reset();
            m_fd = o.release();
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    explicit operator bool() const { return m_fd >= 0; }
    int get() const { return m_fd; }
    int release() {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    void reset() {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd;
};

// Writes all of `bytes`, going on after short writes and interrupted calls; errno is set on false.
bool write_all(int fd, std::string_view bytes);
// The rest of the file, or the system's message.
tl::expected<std::string, std::string> read_all(int fd);
// Creates `dir` and any missing parents, each made durable by an fsync of the directory above it.
Result<void> make_directories(const std::string& dir);
Result<void> fsync_directory(const std::string& dir);
// fsync of a regular file written by someone else (libzip), through a descriptor of our own.
Result<void> fsync_file(const std::string& path);
// The directory a path is in ("." for a bare name).
std::string parent_directory(const std::string& path);

} // namespace kinerja::files
