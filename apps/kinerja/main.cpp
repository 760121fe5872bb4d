// kinerja: the command line. Wiring only; the work is in core, app and adapters.
#include <CLI/CLI.hpp>
#include <iostream>

#include "adapters/import/understand/understand.h"
#include "apps/kinerja/commands.h"
#include "core/fiscal_year.h"

int main(int argc, char** argv) {
    CLI::App app{"Kinerja: akuntabilitas kinerja (SAKIP) satuan kerja KPU"};
    app.require_subcommand(1);
    std::string db, satker, out, rounding = "half-up", format = "text", file, login, role, unit;
    int year = 0;
    bool json = false, password_stdin = false;

    kinerja::cli::ServeOptions serve_options;
    auto* serve = app.add_subcommand("serve", "Menjalankan aplikasi web");
    serve->add_option("--db", serve_options.db, "Berkas basis data")->required();
    serve->add_option("--bind", serve_options.bind, "Alamat (bawaan 127.0.0.1)");
    serve->add_option("--port", serve_options.port, "Port (bawaan 8080; 0 = port bebas mana saja)")
        ->check(CLI::Range(0, 65535));
    serve->add_option("--workers", serve_options.workers, "Jumlah thread pekerja")->check(CLI::Range(1, 64));
    serve->add_option("--io-threads", serve_options.io_threads, "Jumlah thread I/O")->check(CLI::Range(1, 16));
    serve->add_option("--dev-assets", serve_options.dev_assets,
                      "Folder web/ untuk menyunting templat tanpa membangun ulang");
    serve->add_option("--idle-timeout", serve_options.idle_timeout, "Sesi berakhir setelah sekian detik tidak dipakai")
        ->check(CLI::Range(1L, 7L * 86400));
    serve->add_option("--absolute-timeout", serve_options.absolute_timeout, "Sesi berakhir sekian detik setelah masuk")
        ->check(CLI::Range(1L, 30L * 86400));
    serve->add_flag("--behind-tls", serve_options.behind_tls,
                    "Server dilayani lewat HTTPS (proksi TLS): cookie bertanda Secure dan header HSTS");
    serve
        ->add_option("--evidence-quota-mb", serve_options.evidence_quota_mb,
                     "Kuota berkas bukti per satker dalam MB (bawaan 5120)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 30));
    serve
        ->add_option("--import-pdf-seconds", serve_options.import_pdf_seconds,
                     "Batas waktu membaca satu PDF yang diunggah untuk diimpor, dalam detik (bawaan 30)")
        ->check(CLI::Range(1, 600));

    auto* demo = app.add_subcommand("demo", "Membuat basis data berisi data demo dari dokumen contoh");
    demo->add_option("--db", db, "Berkas basis data yang dibuat")->required();

    auto* measure = app.add_subcommand("measure", "Tabel pengukuran kinerja (BAB III A)");
    measure->add_option("--db", db, "Berkas basis data")->required();
    measure->add_option("--satker", satker, "Kode satker, mis. kpu-kota-prabumulih")->required();
    measure->add_option("--year", year, "Tahun")
        ->required()
        ->check(CLI::Range(kinerja::k_first_year, kinerja::k_last_year));
    measure->add_option("--rounding", rounding, "Pembulatan: half-up atau truncate")
        ->check(CLI::IsMember({"half-up", "truncate"}));
    measure->add_option("--format", format, "text, csv atau json")->check(CLI::IsMember({"text", "csv", "json"}));

    auto* roll =
        app.add_subcommand("rollup", "Capaian dan penyerapan anggaran semua satker, digulung ke provinsi dan nasional");
    roll->add_option("--db", db, "Berkas basis data")->required();
    roll->add_option("--year", year, "Tahun")
        ->required()
        ->check(CLI::Range(kinerja::k_first_year, kinerja::k_last_year));
    roll->add_option("--satker", satker, "Satker puncak yang ditampilkan beserta bawahannya (bawaan: semua)");
    roll->add_option("--format", format, "text atau json")->check(CLI::IsMember({"text", "json"}));

    // Two forms: documents (`check A B C`) or stored data (`check --db --satker --year`).
    std::vector<std::string> files;
    auto* check = app.add_subcommand("check", "Temuan konsistensi dokumen (FILE...) atau data tersimpan (--db)");
    check->add_option("FILE", files, "Dokumen yang diperiksa, sendiri-sendiri dan terhadap satu sama lain");
    auto* check_db = check->add_option("--db", db, "Berkas basis data");
    check->add_option("--satker", satker, "Kode satker (dengan --db)")->needs(check_db);
    check->add_option("--year", year, "Tahun (dengan --db)")
        ->needs(check_db)
        ->check(CLI::Range(kinerja::k_first_year, kinerja::k_last_year));
    check->add_flag("--json", json, "Keluaran JSON");

    std::string doc_type = "auto";
    std::vector<std::string> doc_types = {"auto"};
    for (const auto& k : kinerja::import::document_kinds)
        doc_types.emplace_back(k.code);
    auto* parse =
        app.add_subcommand("parse", "Membaca dokumen (teks, DOCX, XLSX, PDF) dan menampilkan isinya; tidak menyimpan");
    parse->add_option("FILE", file, "Dokumen")->required();
    parse->add_option("--type", doc_type, "Jenis dokumen (bawaan: dikenali sendiri)")->check(CLI::IsMember(doc_types));
    parse->add_flag("--json", json, "Keluaran JSON (kinerja.parse/1)");

    kinerja::cli::ImportOptions import_options;
    auto* import = app.add_subcommand("import", "Membaca dokumen lalu menyimpannya ke satker; menolak bila ada galat");
    import->add_option("FILE", import_options.file, "Dokumen")->required();
    import->add_option("--db", import_options.db, "Berkas basis data (dibuat bila belum ada)")->required();
    import->add_option("--satker", import_options.satker, "Kode satker tujuan (dibuat bila belum ada)")->required();
    import->add_option("--type", import_options.type, "Jenis dokumen (bawaan: dikenali sendiri)")
        ->check(CLI::IsMember(doc_types));
    import->add_flag("--accept-findings", import_options.accept_findings,
                     "Tetap menyimpan dokumen yang mengandung galat, apa adanya");

    auto* exp = app.add_subcommand("export", "Seluruh basis data sebagai satu dokumen JSON");
    exp->add_option("--db", db, "Berkas basis data")->required();
    exp->add_option("--out", out, "Berkas JSON keluaran")->required();

    auto* load = app.add_subcommand("load", "Memuat ekspor JSON ke basis data kosong");
    load->add_option("--db", db, "Berkas basis data")->required();
    load->add_option("file", file, "Berkas JSON hasil export")->required();

    auto* backup = app.add_subcommand(
        "backup",
        "Cadangan basis data beserta berkas buktinya dalam satu arsip .zip, konsisten juga saat server berjalan");
    backup->add_option("--db", db, "Berkas basis data")->required();
    backup->add_option("--out", out, "Berkas arsip cadangan (.zip)")->required();

    auto* restore =
        app.add_subcommand("restore", "Memulihkan cadangan (basis data dan berkas bukti) ke tempat yang kosong");
    restore->add_option("FILE", file, "Berkas cadangan dari kinerja backup")->required();
    restore
        ->add_option("--db", db,
                     "Berkas basis data yang dibuat (belum boleh ada; folder evidence/ di sampingnya "
                     "kosong atau belum ada)")
        ->required();

    kinerja::cli::ReportOptions report_options;
    auto* report =
        app.add_subcommand("report", "Membuat laporan (LKj, PK, RKT, Rencana Aksi) sebagai DOCX, PDF atau XLSX");
    report->add_option("KIND", report_options.kind, "lkj, pk, rkt atau renaksi")->required();
    report->add_option("--db", report_options.db, "Berkas basis data")->required();
    report->add_option("--satker", report_options.satker, "Kode satker")->required();
    report->add_option("--year", report_options.year, "Tahun")
        ->required()
        ->check(CLI::Range(kinerja::k_first_year, kinerja::k_last_year));
    report->add_option("--format", report_options.format, "docx, pdf atau xlsx (bawaan: dari akhiran --out)")
        ->check(CLI::IsMember({"docx", "pdf", "xlsx"}));
    report->add_option("--out", report_options.out, "Berkas keluaran")->required();
    report->add_flag("--force", report_options.force,
                     "Tetap membuat laporan walau ada temuan galat; setiap halaman bertanda DRAFT");
    report->add_option("--unit", report_options.unit,
                       "PK: nama subbagian, atau 'satker' untuk PK kantor saja (bawaan: semua PK)");
    report->add_option("--version", report_options.version, "PK: nomor versi sebelumnya (bawaan: terakhir)")
        ->check(CLI::Range(1, 1000));
    report->add_option("--rounding", report_options.rounding, "Pembulatan: half-up atau truncate")
        ->check(CLI::IsMember({"half-up", "truncate"}));

    auto* user = app.add_subcommand("user", "Mengelola pengguna");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Menambah pengguna");
    user_add->add_option("--db", db, "Berkas basis data")->required();
    user_add->add_option("--login", login, "Nama login")->required();
    user_add->add_option("--role", role, "Peran")
        ->required()
        ->check(CLI::IsMember({"admin", "reviewer", "planner", "head", "operator", "viewer"}));
    user_add->add_option("--satker", satker, "Kode satker");
    user_add->add_option("--unit", unit, "Nama subbagian (peran operator)");
    user_add->add_flag("--password-stdin", password_stdin, "Baca kata sandi dari masukan standar")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    if (serve->parsed()) return kinerja::cli::serve(serve_options);
    if (demo->parsed()) return kinerja::cli::demo(db);
    if (measure->parsed()) return kinerja::cli::measure(db, satker, year, rounding, format);
    if (roll->parsed()) return kinerja::cli::rollup(db, year, satker, format);
    if (check->parsed()) {
        if (!files.empty() && db.empty()) return kinerja::cli::check_files(files, json);
        if (files.empty() && !db.empty() && !satker.empty() && year != 0)
            return kinerja::cli::check_db(db, satker, year, json);
        std::cerr << "kinerja check: berikan dokumen (kinerja check A.pdf B.docx) atau --db, --satker dan --year\n";
        return 2;
    }
    if (parse->parsed()) return kinerja::cli::parse_file(file, doc_type, json);
    if (import->parsed()) return kinerja::cli::import_file(import_options);
    if (exp->parsed()) return kinerja::cli::export_db(db, out);
    if (load->parsed()) return kinerja::cli::load_db(db, file);
    if (backup->parsed()) return kinerja::cli::backup(db, out);
    if (restore->parsed()) return kinerja::cli::restore(file, db);
    if (report->parsed()) return kinerja::cli::report(report_options);
    if (user_add->parsed()) return kinerja::cli::user_add(db, login, role, satker, unit);
    return 2;
}
