#pragma once
// The commands of `kinerja` (docs contracts.md). Each returns the process exit code:
// 0 success, 1 a domain failure it reported, 2 bad usage or unreadable input.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kinerja::cli {

int demo(const std::string& db);
struct ServeOptions {
    std::string db, bind = "127.0.0.1", dev_assets;
    int port = 8080, workers = 2, io_threads = 1;
    long idle_timeout = 30 * 60, absolute_timeout = 12 * 3600;
    bool behind_tls = false;               // Secure cookies and HSTS
    std::int64_t evidence_quota_mb = 5120; // per office
    int import_pdf_seconds = 30;           // reading one uploaded PDF
};
int serve(const ServeOptions& options);
int measure(const std::string& db, const std::string& satker, int year, const std::string& rounding,
            const std::string& format);
int rollup(const std::string& db, int year, const std::string& satker, const std::string& format);
int check_db(const std::string& db, const std::string& satker, int year, bool json);
int export_db(const std::string& db, const std::string& out);
int load_db(const std::string& db, const std::string& file);
// Backups of the database and its evidence as one archive (backup_commands.cpp).
int backup(const std::string& db, const std::string& out);
int restore(const std::string& file, const std::string& db);
struct ReportOptions {
    std::string kind, db, satker, format, out, unit, rounding = "half-up";
    int year = 0, version = 0;
    bool force = false;
};
int report(const ReportOptions& options);
// The importer (import_commands.cpp).
int parse_file(const std::string& file, const std::string& type, bool json);
int check_files(const std::vector<std::string>& files, bool json);
struct ImportOptions {
    std::string file, db, satker, type = "auto";
    bool accept_findings = false;
};
int import_file(const ImportOptions& options);
// Prints an error for people and returns the exit code its kind calls for (2 usage/input, 1 domain).
int report_error(const Error& e);
int user_add(const std::string& db, const std::string& login, const std::string& role, const std::string& satker,
             const std::string& unit);

} // namespace kinerja::cli
