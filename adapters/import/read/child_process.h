#pragma once
// Runs a program (no shell) with limits: address space and CPU time set in the child before exec,
// a wall-clock deadline after which it is killed, stdout read up to a size past which it is killed,
// stderr kept up to a size and drained beyond. Safe to call from several threads at once: between
// fork and exec the child only makes async-signal-safe calls.
#include <cstddef>
#include <string>
#include <vector>

namespace kinerja::import::read {

struct ChildLimits {
    int timeout_seconds = 60;
    std::size_t memory_bytes = 1024u << 20;
    std::size_t max_stdout = 50u << 20;
    std::size_t max_stderr = 64u << 10;
};

struct ChildResult {
    enum class End { exited, signaled, timed_out, output_too_large, not_started };
    End end = End::not_started;
    int exit_code = -1; // when exited
    int signal = 0;     // when signaled
    int error = 0;      // errno when not started (ENOENT: the program is not installed)
    std::string out;
    std::string err;
};

// argv[0] is looked up in PATH when it has no '/'.
ChildResult run_child(const std::vector<std::string>& argv, const ChildLimits& limits);

} // namespace kinerja::import::read
