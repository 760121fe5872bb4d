#pragma once
// Runs the real binary and gives back what a user would see: exit code, stdout, stderr.
#include <string>

namespace kinerja::test {

struct RunResult {
    int exit_code = -1;
    std::string out, err;
};

// `args` is appended to the binary path as a shell command line; `input` goes to standard input.
RunResult run_kinerja(const std::string& args, const std::string& input = {});
// The same with a command before the binary (e.g. `setpriv --reuid=65534` to run as another user).
RunResult run_kinerja_as(const std::string& prefix, const std::string& args, const std::string& input = {});

// A fresh empty directory for one test, removed at the end of the process.
std::string temp_dir();
std::string read_file(const std::string& path);
// A fresh demo database (`kinerja demo`) in its own temporary directory; the test fails if it cannot be made.
std::string demo_database();
bool file_exists(const std::string& path);

} // namespace kinerja::test
