#include "tests/integration/test_support.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace kinerja::test {

RunResult run_kinerja(const std::string& args, const std::string& input) {
    return run_kinerja_as({}, args, input);
}

RunResult run_kinerja_as(const std::string& prefix, const std::string& args, const std::string& input) {
    const std::string dir = temp_dir();
    const std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
    std::ofstream(in) << input;
    const std::string cmd = prefix + " " + std::string(KINERJA_BIN) + " " + args + " <" + in + " >" + out + " 2>" + err;
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

std::string temp_dir() {
    static const std::filesystem::path base = [] {
        char tmpl[] = "/tmp/kinerja-test-XXXXXX";
        const char* d = mkdtemp(tmpl);
        // Open to other users: a test may run the binary as an ordinary user (serve_start_test).
        if (d)
            std::filesystem::permissions(d, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                                std::filesystem::perms::group_exec |
                                                std::filesystem::perms::others_read |
                                                std::filesystem::perms::others_exec);
        return std::filesystem::path(d ? d : "/tmp/kinerja-test");
    }();
    static struct Cleanup {
        ~Cleanup() {
            std::error_code ec;
            std::filesystem::remove_all(base, ec);
        }
    } cleanup;
    static std::atomic<int> counter = 0; // tests run commands from several threads
    const auto dir = base / std::to_string(++counter);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string demo_database() {
    const std::string db = temp_dir() + "/demo.db";
    const auto r = run_kinerja("demo --db " + db);
    if (r.exit_code != 0) throw std::runtime_error("kinerja demo failed: " + r.err);
    return db;
}

bool file_exists(const std::string& path) {
    return std::filesystem::exists(path);
}

} // namespace kinerja::test
