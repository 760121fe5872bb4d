#include "adapters/import/read/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

extern char** environ;

namespace kinerja::import::read {
namespace {

// The program's path, looked up before fork: execvp may allocate, which a child of a
// multithreaded process must not do.
std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr && *path != '\0' ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string candidate = end > start ? dirs.substr(start, end - start) : std::string(".");
        candidate += '/';
        candidate += name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit l;
    l.rlim_cur = soft;
    l.rlim_max = hard;
    ::setrlimit(resource, &l);
}

// Reaps the child, killing it first when it must not go on.
int reap(pid_t pid, bool kill_first) {
    if (kill_first) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

} // namespace

ChildResult run_child(const std::vector<std::string>& argv, const ChildLimits& limits) {
    ChildResult result;
    if (argv.empty()) {
        result.error = EINVAL;
        return result;
    }
    const std::string program = find_program(argv[0]);
    if (program.empty()) {
        result.error = ENOENT;
        return result;
    }
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        result.error = errno;
        return result;
    }
    Fd out_read(out_pipe[0]), out_write(out_pipe[1]);
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        result.error = errno;
        return result;
    }
    Fd err_read(err_pipe[0]), err_write(err_pipe[1]);
    Fd dev_null(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (dev_null.get() < 0) {
        result.error = errno;
        return result;
    }
    const rlim_t memory = static_cast<rlim_t>(limits.memory_bytes);
    const rlim_t cpu = static_cast<rlim_t>(limits.timeout_seconds > 0 ? limits.timeout_seconds : 1);

    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.error = errno;
        return result;
    }
    if (pid == 0) {
        // The child: async-signal-safe calls only, then exec.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        ::sigaction(SIGPIPE, &dfl, nullptr);
        // A server that is stopped or killed takes its readers with it: no pdftotext runs on alone.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        if (::dup2(dev_null.get(), 0) < 0 || ::dup2(out_pipe[1], 1) < 0 || ::dup2(err_pipe[1], 2) < 0) ::_exit(127);
        set_limit(RLIMIT_AS, memory, memory);
        set_limit(RLIMIT_CPU, cpu, cpu + 1); // SIGXCPU, then SIGKILL a second later
        set_limit(RLIMIT_CORE, 0, 0);        // a crash on a hostile file leaves no core file behind
        // Descriptors another thread opened without O_CLOEXEC are not the child's business.
        ::syscall(SYS_close_range, 3u, ~0u, 0u);
        ::execve(program.c_str(), args.data(), environ);
        ::_exit(127);
    }
    out_write.reset();
    err_write.reset();
    dev_null.reset();

    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::seconds(limits.timeout_seconds > 0 ? limits.timeout_seconds : 1);
    bool out_open = true;
    bool err_open = true;
    char buffer[64 * 1024];
    while (out_open || err_open) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) {
            reap(pid, true);
            result.end = ChildResult::End::timed_out;
            return result;
        }
        pollfd fds[2];
        nfds_t n = 0;
        if (out_open) fds[n++] = pollfd{out_read.get(), POLLIN, 0};
        if (err_open) fds[n++] = pollfd{err_read.get(), POLLIN, 0};
        const int ready = ::poll(fds, n, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) {
            reap(pid, true);
            result.error = errno;
            return result;
        }
        for (nfds_t i = 0; ready > 0 && i < n; ++i) {
            if (fds[i].revents == 0) continue;
            const bool is_out = fds[i].fd == out_read.get();
            const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (got <= 0) {
                (is_out ? out_open : err_open) = false;
                continue;
            }
            if (is_out) {
                if (result.out.size() + static_cast<std::size_t>(got) > limits.max_stdout) {
                    reap(pid, true);
                    result.end = ChildResult::End::output_too_large;
                    return result;
                }
                result.out.append(buffer, static_cast<std::size_t>(got));
            } else if (result.err.size() < limits.max_stderr) {
                result.err.append(buffer,
                                  std::min(static_cast<std::size_t>(got), limits.max_stderr - result.err.size()));
            }
        }
    }

    // Both pipes are closed; the child is ending. Wait for it, but not past the deadline.
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) {
            // Someone else reaped it (SIGCHLD ignored): its status is unknown.
            result.end = ChildResult::End::exited;
            result.exit_code = -1;
            return result;
        }
        if (clock::now() >= deadline) {
            reap(pid, true);
            result.end = ChildResult::End::timed_out;
            return result;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (WIFEXITED(status)) {
        result.end = ChildResult::End::exited;
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        // SIGXCPU is the CPU limit; SIGKILL that we did not send is its hard limit a second later.
        const int sig = WTERMSIG(status);
        result.end = sig == SIGXCPU || sig == SIGKILL ? ChildResult::End::timed_out : ChildResult::End::signaled;
        result.signal = WTERMSIG(status);
    }
    return result;
}

} // namespace kinerja::import::read
