#pragma once
// The commands of `kinerja` (docs contracts.md). Each returns the process exit code:
// 0 success, 1 a domain failure it reported, 2 bad usage or unreadable input.
#include <optional>
#include <string>
#include <vector>

namespace kinerja::cli {

int demo(const std::string& db);
struct ServeOptions {
    std::string db, bind = "127.0.0.1", dev_assets;
    int port = 8080, workers = 2, io_threads = 1;
    long idle_timeout = 30 * 60, absolute_timeout = 12 * 3600;
};
int serve(const ServeOptions& options);
int measure(const std::string& db, const std::string& satker, int year, const std::string& rounding,
            const std::string& format);
int rollup(const std::string& db, int year, const std::string& satker, const std::string& format);
int check_db(const std::string& db, const std::string& satker, int year, bool json);
int export_db(const std::string& db, const std::string& out);
int load_db(const std::string& db, const std::string& file);
int backup(const std::string& db, const std::string& out);
struct ReportOptions {
    std::string kind, db, satker, format, out, unit, rounding = "half-up";
    int year = 0, version = 0;
    bool force = false;
};
int report(const ReportOptions& options);
int user_add(const std::string& db, const std::string& login, const std::string& role, const std::string& satker,
             const std::string& unit);

} // namespace kinerja::cli
