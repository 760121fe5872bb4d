#include "apps/kinerja/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "adapters/db/sqlite/sqlite_repository.h"
#include "adapters/files/evidence_store.h"
#include "adapters/http/server.h"
#include "adapters/import/demo_documents.h"
#include "adapters/json/dataset_json.h"
#include "adapters/json/measurement_json.h"
#include "adapters/json/seed_reader.h"
#include "adapters/report/renderers.h"
#include "adapters/web/web_app.h"
#include "app/auth.h"
#include "app/office_rollup.h"
#include "app/reports.h"
#include "apps/kinerja/stores.h"
#include "core/checks.h"
#include "core/format.h"
#include "core/measurement.h"
#include "core/utf8.h"
#include "platform/password.h"

namespace kinerja::cli {
namespace {

using Repo = sqlite::SqliteRepository;

// Usage and unreadable input exit 2; failures in the domain (unknown office, conflicts) exit 1.
int report(const Error& e) {
    std::cerr << "kinerja: " << e.message;
    if (!e.where.empty() && e.message.find(e.where) == std::string::npos) std::cerr << " [" << e.where << "]";
    std::cerr << "\n";
    switch (e.code) {
    case ErrorCode::invalid_input:
    case ErrorCode::unsupported:
    case ErrorCode::io:
        return 2;
    default:
        return 1;
    }
}

bool file_exists(const std::string& p) {
    return access(p.c_str(), F_OK) == 0;
}

void remove_db_files(const std::string& p) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::remove((p + suffix).c_str());
}

// Writes through a temporary file and renames it, so no half-written file is ever left behind.
Result<void> write_file_atomically(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return fail(ErrorCode::io, "Berkas '" + path + "' tidak dapat ditulis", path);
        out << content;
        if (!out.flush()) {
            std::remove(tmp.c_str());
            return fail(ErrorCode::io, "Berkas '" + path + "' tidak dapat ditulis", path);
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return fail(ErrorCode::io, "Berkas '" + path + "' tidak dapat ditulis", path);
    }
    return {};
}

Result<std::unique_ptr<Repo>> open_existing(const std::string& db) {
    return Repo::open(db, false);
}

struct OfficeYearResult {
    std::unique_ptr<Repo> repo;
    OfficeYear data;
};

Result<OfficeYearResult> load(const std::string& db, const std::string& satker, int year) {
    auto repo = open_existing(db);
    if (!repo) return tl::unexpected(repo.error());
    auto office = (*repo)->find_office(satker);
    if (!office) return tl::unexpected(office.error());
    if (!*office)
        return fail(ErrorCode::not_found, "Satker '" + satker + "' tidak dikenal di basis data " + db, "--satker");
    auto data = (*repo)->load_office_year(**office, year);
    if (!data) return tl::unexpected(data.error());
    return OfficeYearResult{std::move(*repo), std::move(*data)};
}

// A percentage as a JSON value: "94.44" or null.
std::string json_percent(const std::optional<Ratio>& r) {
    const auto text = percent_canonical(r);
    return text ? "\"" + *text + "\"" : std::string("null");
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_text(const OfficeYear& d, const Measurement& m, Rounding rounding, const std::vector<Finding>& findings) {
    std::cout << fmt::format("Pengukuran Kinerja {} Tahun {}\n", d.office.name, d.year);
    std::cout << fmt::format("Pembulatan capaian: {}; skala: {}\n",
                             rounding == Rounding::half_up ? "setengah ke atas" : "dipotong", m.scale->label);
    if (m.objectives.empty()) std::cout << "\nBelum ada indikator dengan target atau realisasi untuk tahun ini.\n";
    for (const auto& mo : m.objectives) {
        std::cout << "\nSasaran " << (mo.objective->number.empty() ? "" : mo.objective->number + ". ")
                  << mo.objective->name << "\n";
        int n = 0;
        for (const auto& mi : mo.indicators) {
            const auto& ind = *mi.indicator;
            std::cout << fmt::format("  {:>2}. {}\n", ++n, ind.statement);
            std::string line = fmt::format("      target {} · realisasi {} · capaian ",
                                           ind.target_text.empty() ? "-" : ind.target_text,
                                           mi.actual_text.empty() ? "-" : mi.actual_text);
            if (mi.achievement.percent)
                line += percent_text(mi.achievement.percent, rounding) + " · " + mi.band;
            else
                line += "tidak dapat dihitung (" + mi.achievement.reason + ")";
            if (mi.achievement.percent && !mi.achievement.reason.empty()) line += " · " + mi.achievement.reason;
            std::cout << line << "\n";
        }
        std::cout << fmt::format("  Capaian sasaran: {} ({}){}\n", percent_text(mo.rollup.value, rounding),
                                 describe_rollup(mo.rollup, "indikator"), mo.band.empty() ? "" : " · " + mo.band);
        if (mo.budget)
            std::cout << fmt::format("  Anggaran: pagu Rp {} · realisasi Rp {} · penyerapan {}%\n",
                                     format_rupiah(mo.budget->ceiling), format_rupiah(mo.budget->actual),
                                     percent_text(mo.absorption, Rounding::half_up));
    }
    std::cout << fmt::format("\nCapaian kinerja kantor: {} ({}){}\n", percent_text(m.rollup.value, rounding),
                             describe_rollup(m.rollup, "sasaran"), m.band.empty() ? "" : " · " + m.band);
    std::cout << fmt::format(
        "Anggaran seluruhnya: pagu Rp {} · realisasi Rp {} · penyerapan {}% (Σ realisasi / Σ pagu)\n",
        format_rupiah(m.budget.ceiling), format_rupiah(m.budget.actual), percent_text(m.absorption, Rounding::half_up));
    std::cout << "\nSkala pengukuran: " << m.scale->citation << "\n";
    for (const auto& line : m.scale->describe())
        std::cout << "  " << line << "\n";
    if (!m.scale->note.empty()) std::cout << "  (" << m.scale->note << ")\n";
    int errors = 0, warnings = 0;
    for (const auto& f : findings)
        (f.severity == Severity::error ? errors : warnings) += f.severity == Severity::info ? 0 : 1;
    if (!findings.empty())
        std::cout << fmt::format(
            "\nTemuan konsistensi: {} galat, {} peringatan (rinciannya: kinerja check --satker {} --year {})\n", errors,
            warnings, d.office.code, d.year);
}

void print_csv(const OfficeYear& d, const Measurement& m, Rounding rounding) {
    std::cout << "satker;tahun;no_sasaran;kode;sasaran;indikator;target;realisasi;capaian;kategori;keterangan\n";
    for (const auto& mo : m.objectives)
        for (const auto& mi : mo.indicators)
            std::cout << fmt::format("{};{};{};{};{};{};{};{};{};{};{}\n", d.office.code, d.year,
                                     csv_field(mo.objective->number), csv_field(mo.objective->code),
                                     csv_field(mo.objective->name), csv_field(mi.indicator->statement),
                                     csv_field(mi.indicator->target_text), csv_field(mi.actual_text),
                                     mi.achievement.percent ? percent_text(mi.achievement.percent, rounding) : "",
                                     csv_field(mi.band), csv_field(mi.achievement.reason));
}

} // namespace

int demo(const std::string& db) {
    if (file_exists(db))
        return report({ErrorCode::conflict, "Berkas '" + db + "' sudah ada; demo hanya membuat basis data baru", db});
    const std::string tmp = db + ".building";
    remove_db_files(tmp);
    auto result = [&]() -> Result<std::size_t> {
        auto repo = Repo::open(tmp, true);
        if (!repo) return tl::unexpected(repo.error());
        auto dataset = (*repo)->empty_dataset();
        if (!dataset) return tl::unexpected(dataset.error());
        // The seed documents read by the importer (adapters/import/demo_documents.h).
        auto demo_docs = import::demo_documents();
        if (!demo_docs) return tl::unexpected(demo_docs.error());
        std::vector<json::SeedFile> documents;
        for (const auto& d : demo_docs->documents)
            documents.push_back({d.name, d.json});
        if (auto r = json::read_seeds({"offices.json", demo_docs->offices}, documents, *dataset); !r)
            return tl::unexpected(r.error());
        const std::string summary =
            fmt::format("{{\"documents\": {}, \"rows\": {}}}", documents.size(), dataset->row_count());
        if (auto r = (*repo)->restore(*dataset, {"system", "demo", "database", summary}); !r)
            return tl::unexpected(r.error());
        return dataset->row_count();
    }();
    if (!result) {
        remove_db_files(tmp);
        return report(result.error());
    }
    if (std::rename(tmp.c_str(), db.c_str()) != 0) {
        remove_db_files(tmp);
        return report({ErrorCode::io, "Berkas '" + db + "' tidak dapat dibuat", db});
    }
    remove_db_files(tmp);
    std::cout << fmt::format(
        "Basis data demo dibuat: {} ({} baris data). Login demo: admin, reviewer.sumsel, planner.prabumulih, "
        "head.prabumulih, operator.rendatin, viewer.prabumulih; kata sandi: kinerja-demo\n",
        db, *result);
    return 0;
}

int serve(const ServeOptions& o) {
    {
        // Open once before serving: a missing, empty, read-only, foreign or damaged file, or a newer
        // schema, is said now and the server does not start, rather than answering 500 to every login.
        auto repo = open_existing(o.db);
        if (!repo) return report(repo.error());
        const auto started = std::chrono::steady_clock::now();
        if (auto ready = (*repo)->verify_ready_to_serve(); !ready) return report(ready.error());
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        std::cerr << "kinerja: basis data " << o.db << " diperiksa (PRAGMA quick_check) dalam " << ms.count()
                  << " ms\n";
    }
    web::WebOptions wo;
    wo.auth.idle_seconds = o.idle_timeout;
    wo.auth.absolute_seconds = o.absolute_timeout;
    wo.dev_assets = o.dev_assets;
    wo.behind_tls = o.behind_tls;
    wo.evidence.office_quota_bytes = o.evidence_quota_mb << 20;
    wo.import_pdf_seconds = o.import_pdf_seconds;
    wo.scratch_store = scratch_store();
    // Evidence files live beside the database, under their content hash.
    wo.evidence_dir = files::EvidenceStore::evidence_dir_for(o.db);
    // A killed upload leaves its temporary file behind; one a live writer (another server) holds is kept.
    if (const auto removed = files::EvidenceStore(wo.evidence_dir).remove_orphan_temporaries(); removed > 0)
        std::cerr << "kinerja: " << removed << " berkas sementara dari unggahan bukti yang terputus dihapus dari "
                  << wo.evidence_dir << "\n";
    const std::string db = o.db;
    web::WebApp app(
        [db]() -> Result<std::unique_ptr<app::Repository>> {
            auto r = Repo::open(db, false);
            if (!r) return tl::unexpected(r.error());
            return std::unique_ptr<app::Repository>(std::move(*r));
        },
        wo);
    http::ServerOptions so;
    so.bind = o.bind;
    so.port = static_cast<unsigned short>(o.port);
    so.workers = o.workers;
    so.io_threads = o.io_threads;
    so.lanes = web::WebApp::lanes();
    so.planner = [&app](const http::Request& head) { return app.plan(head); };
    http::Server server(so, [&app](const http::Request& r) { return app.handle(r); });
    try {
        server.start();
    } catch (const std::exception& e) {
        return report({ErrorCode::io, std::string("Server tidak dapat dijalankan: ") + e.what(), o.bind});
    }
    std::cout << "Kinerja berjalan di http://" << o.bind << ":" << server.port() << "/ (basis data " << o.db
              << "); hentikan dengan Ctrl+C" << std::endl;
    server.run();
    return 0;
}

int measure(const std::string& db, const std::string& satker, int year, const std::string& rounding_name,
            const std::string& format) {
    auto loaded = load(db, satker, year);
    if (!loaded) return report(loaded.error());
    const Rounding rounding = rounding_name == "truncate" ? Rounding::truncate : Rounding::half_up;
    const Measurement m = measure(loaded->data);
    const std::vector<Finding> findings = check_office_year(loaded->data);
    if (format == "json")
        std::cout << json::measurement_to_json(loaded->data, m, rounding, findings);
    else if (format == "csv")
        print_csv(loaded->data, m, rounding);
    else
        print_text(loaded->data, m, rounding, findings);
    return 0;
}

int rollup(const std::string& db, int year, const std::string& satker, const std::string& format) {
    auto repo = open_existing(db);
    if (!repo) return report(repo.error());
    auto r = app::roll_up_offices(**repo, year);
    if (!r) return report(r.error());
    // Show the chosen office and everything below it; parents are scored after their children.
    std::map<std::int64_t, const TreeScore*> by_id;
    for (const auto& t : r->scores)
        by_id[t.office->id] = &t;
    std::map<std::int64_t, int> depth;
    std::vector<const TreeScore*> shown;
    std::optional<std::int64_t> root;
    if (!satker.empty()) {
        for (const auto& n : r->nodes)
            if (n.code == satker) root = n.id;
        if (!root)
            return report(
                {ErrorCode::not_found, "Satker '" + satker + "' tidak dikenal di basis data " + db, "--satker"});
    }
    std::function<void(std::int64_t, int)> walk = [&](std::int64_t id, int level) {
        depth[id] = level;
        shown.push_back(by_id.at(id));
        for (const auto& n : r->nodes)
            if (n.parent_id == id) walk(n.id, level + 1);
    };
    for (const auto& n : r->nodes)
        if ((root && n.id == *root) || (!root && !n.parent_id)) walk(n.id, 0);
    if (format == "json") {
        std::cout << "{\"schema\": \"kinerja.rollup/1\", \"year\": " << year << ", \"offices\": [";
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const auto& t = *shown[i];
            std::cout << (i ? ",\n" : "\n")
                      << fmt::format(
                             "{{\"satker\": \"{}\", \"level\": \"{}\", \"parent\": {}, \"achievement\": {}, "
                             "\"own_achievement\": {}, \"method\": \"{}\", \"offices\": {}, \"offices_reporting\": {}, "
                             "\"budget\": {{\"ceiling\": {}, \"actual\": {}, \"absorption\": {}}}}}",
                             t.office->code, t.office->level,
                             t.office->parent_id ? "\"" + by_id.at(*t.office->parent_id)->office->code + "\""
                                                 : std::string("null"),
                             json_percent(t.achievement.value), json_percent(t.own ? t.own->achievement : std::nullopt),
                             t.achievement.method + " of offices", t.offices, t.offices_reporting,
                             t.budget.ceiling.value, t.budget.actual.value, json_percent(t.absorption));
        }
        std::cout << "\n]}\n";
        return 0;
    }
    std::cout << fmt::format("Capaian kinerja dan penyerapan anggaran tahun {}\n", year);
    std::cout << "(capaian gabungan = rata-rata capaian satker dalam cakupan; penyerapan = Σ realisasi / Σ pagu)\n\n";
    for (const auto* t : shown) {
        const std::string indent(static_cast<std::size_t>(depth[t->office->id]) * 2, ' ');
        std::cout << fmt::format(
            "{}{} — capaian {} ({}), satker melapor {}/{}, pagu Rp {}, realisasi Rp {}, penyerapan {}%\n", indent,
            t->office->name, percent_text(t->achievement.value, Rounding::half_up),
            describe_rollup(t->achievement, "satker"), t->offices_reporting, t->offices,
            format_rupiah(t->budget.ceiling), format_rupiah(t->budget.actual),
            percent_text(t->absorption, Rounding::half_up));
    }
    return 0;
}

int check_db(const std::string& db, const std::string& satker, int year, bool as_json) {
    auto loaded = load(db, satker, year);
    if (!loaded) return report(loaded.error());
    const std::vector<Finding> findings = check_office_year(loaded->data);
    if (as_json) {
        std::cout << json::findings_to_json(satker, year, findings);
    } else {
        std::cout << fmt::format("Temuan konsistensi {} tahun {}: {}\n", loaded->data.office.name, year,
                                 findings.size());
        for (const auto& f : findings)
            std::cout << fmt::format("[{}] {} — {} ({})\n", severity_code(f.severity), f.id, f.message, f.where);
    }
    return 0;
}

int report(const ReportOptions& o) {
    std::string format = o.format;
    if (format.empty()) {
        const auto dot = o.out.rfind('.');
        format = dot == std::string::npos ? "" : o.out.substr(dot + 1);
        for (char& c : format)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (format != "docx" && format != "pdf" && format != "xlsx")
            return report(Error{
                ErrorCode::invalid_input,
                "Format laporan tidak diketahui dari '" + o.out + "'; pakai --format docx, pdf atau xlsx", "--format"});
    }
    auto repo = open_existing(o.db);
    if (!repo) return report(repo.error());
    app::ReportRequest request{o.kind,
                               o.satker,
                               o.year,
                               o.force,
                               o.unit,
                               o.version,
                               o.rounding == "truncate" ? Rounding::truncate : Rounding::half_up};
    auto prepared = app::prepare_report(**repo, request);
    if (!prepared) return report(prepared.error());
    if (prepared->refused) {
        std::cerr << fmt::format("kinerja: laporan {} {} tahun {} ditolak: pemeriksaan konsistensi menemukan {} galat. "
                                 "Perbaiki datanya, atau pakai --force untuk mencetak draf bertanda \"{}\".\n",
                                 o.kind, o.satker, o.year, prepared->errors.size(), app::report::draft_watermark);
        for (const auto& f : prepared->errors)
            std::cerr << fmt::format("[error] {} — {} ({})\n", f.id, f.message, f.where);
        return 1;
    }
    auto bytes = report_out::render(prepared->document, format);
    if (!bytes) return report(bytes.error());
    if (bytes->empty())
        return report(Error{ErrorCode::internal, "Laporan kosong; tidak ada berkas yang ditulis", o.out});
    if (auto w = write_file_atomically(o.out, *bytes); !w) return report(w.error());
    if (prepared->document.draft)
        std::cerr << fmt::format(
            "kinerja: {} ditulis sebagai DRAF dengan {} temuan galat (lihat Daftar Temuan di akhir "
            "laporan)\n",
            o.out, prepared->errors.size());
    return 0;
}

int export_db(const std::string& db, const std::string& out) {
    auto repo = open_existing(db);
    if (!repo) return report(repo.error());
    auto data = (*repo)->dump();
    if (!data) return report(data.error());
    if (auto w = write_file_atomically(out, json::dataset_to_json(*data)); !w) return report(w.error());
    return 0;
}

int load_db(const std::string& db, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return report({ErrorCode::io, "Berkas '" + file + "' tidak dapat dibaca", file});
    std::stringstream ss;
    ss << in.rdbuf();
    const bool existed = file_exists(db);
    auto repo = Repo::open(db, true);
    if (!repo) return report(repo.error());
    auto result = [&]() -> Result<void> {
        auto shape = (*repo)->empty_dataset();
        if (!shape) return tl::unexpected(shape.error());
        auto data = json::dataset_from_json(ss.str(), *shape, file);
        if (!data) return tl::unexpected(data.error());
        return (*repo)->restore(*data, {"system", "load", "database", "{}"});
    }();
    if (!result) {
        repo->reset();
        if (!existed) remove_db_files(db); // a new file we made is removed again: nothing written
        return report(result.error());
    }
    return 0;
}

int user_add(const std::string& db, const std::string& login, const std::string& role, const std::string& satker,
             const std::string& unit) {
    if (role == "operator" && unit.empty())
        return report({ErrorCode::invalid_input, "Peran operator memerlukan --unit", "--unit"});
    if (role != "admin" && satker.empty())
        return report({ErrorCode::invalid_input, "Peran " + role + " memerlukan --satker", "--satker"});
    // The same bounds as the login form's, so every user made here can log in there.
    if (login.empty() || login.size() > app::k_max_login_bytes || !is_valid_utf8(login) ||
        login.find_first_of(" \t\r\n") != std::string::npos)
        return report(
            {ErrorCode::invalid_input,
             "Nama login harus teks UTF-8 tanpa spasi, 1 sampai " + std::to_string(app::k_max_login_bytes) + " byte",
             "--login"});
    std::string password;
    std::getline(std::cin, password);
    if (password.size() > app::k_max_password_bytes)
        return report({ErrorCode::invalid_input,
                       "Kata sandi terlalu panjang (maksimal " + std::to_string(app::k_max_password_bytes) + " byte)",
                       "--password-stdin"});
    auto hash = platform::hash_password(password);
    if (!hash) return report(hash.error());
    auto repo = open_existing(db);
    if (!repo) return report(repo.error());
    if (role == "reviewer") {
        auto office = (*repo)->find_office(satker);
        if (!office) return report(office.error());
        if (*office && (*office)->level != "province")
            return report({ErrorCode::invalid_input, "Peran reviewer diberikan untuk satker provinsi, bukan " + satker,
                           "--satker"});
    }
    auto id = (*repo)->add_user(
        {login, *hash, role, satker, unit},
        {"system", "user-add", "app_user", fmt::format("{{\"login\": \"{}\", \"role\": \"{}\"}}", login, role)});
    if (!id) return report(id.error());
    std::cout << "Pengguna '" << login << "' dibuat dengan peran " << role << "\n";
    return 0;
}

int report_error(const Error& e) {
    return report(e);
}

} // namespace kinerja::cli
