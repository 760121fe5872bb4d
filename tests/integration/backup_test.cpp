// `kinerja backup` and `kinerja restore` (issue 13, item 2): a backup restores a whole office, its
// evidence files included, also when it was taken while the server kept writing; a restore writes into
// an empty place only, and a damaged archive writes nothing.
#include <atomic>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <mutex>
#include <regex>
#include <set>
#include <sqlite3.h>
#include <sys/file.h>
#include <thread>
#include <zip.h>

#include "adapters/files/evidence_store.h"
#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

namespace fs = std::filesystem;
using files::EvidenceStore;

const std::string sheet = "/kantor/kpu-kota-prabumulih/realisasi";
const char* it_indicator = "mengembangkan sarana dan prasarana IT Pemilu/Pemilihan";

// The operator of the IT sub-unit uploading evidence for December 2024, whose actual the demo has.
class Uploader {
public:
    explicit Uploader(const ServerProcess& s) : m_server(s), m_browser(s) {
        if (!m_browser.login("operator.rendatin")) throw std::runtime_error("login failed");
        m_indicator = indicator_id(m_browser.get(sheet + "?tahun=2024&bulan=12").body, it_indicator);
        const auto r =
            s.request("POST", "/api/v1/login", R"({"login": "operator.rendatin", "password": "kinerja-demo"})");
        m_token = r.body.substr(r.body.find(":\"") + 2, r.body.rfind('"') - r.body.find(":\"") - 2);
    }
    int upload(const std::string& filename, const std::string& data) const {
        const std::string b = "bAcKuPbOuNdArY";
        std::string body;
        for (const auto& [k, v] :
             std::map<std::string, std::string>{{"tahun", "2024"}, {"bulan", "12"}, {"indikator", m_indicator}})
            body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
        body += "--" + b + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" + filename +
                "\"\r\nContent-Type: application/pdf\r\n\r\n" + data + "\r\n--" + b + "--\r\n";
        return m_server
            .request("POST", "/kantor/kpu-kota-prabumulih/bukti", body,
                     {{"Authorization", "Bearer " + m_token}, {"Content-Type", "multipart/form-data; boundary=" + b}})
            .status;
    }
    // Saves the month's actual again (other data written beside the uploads).
    int save_actual(const std::string& value) {
        const auto page = m_browser.get(sheet + "?tahun=2024&bulan=12");
        return m_browser
            .post_form(sheet, {{"csrf", m_browser.csrf()},
                               {"tahun", "2024"},
                               {"bulan", "12"},
                               {"nilai_" + m_indicator, value},
                               {"versi_" + m_indicator, field_value(page.body, "versi_" + m_indicator)}})
            .status;
    }

private:
    const ServerProcess& m_server;
    Browser m_browser;
    std::string m_indicator, m_token;
};

std::string pdf(const std::string& text, std::size_t padding = 0) {
    return "%PDF-1.4\n% " + text + "\n" + std::string(padding, 'x');
}

struct EvidenceRow {
    std::int64_t id = 0;
    std::string sha256;
    bool operator==(const EvidenceRow&) const = default;
};

// Read with SQLite itself, read-only: the test process holds no other connection to these files.
std::vector<EvidenceRow> evidence_rows(const std::string& db) {
    sqlite3* h = nullptr;
    std::vector<EvidenceRow> rows;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(h, "SELECT id, sha256 FROM evidence ORDER BY id", -1, &s, nullptr);
        while (s && sqlite3_step(s) == SQLITE_ROW)
            rows.push_back({sqlite3_column_int64(s, 0), reinterpret_cast<const char*>(sqlite3_column_text(s, 1))});
        sqlite3_finalize(s);
    }
    sqlite3_close(h);
    return rows;
}

std::string integrity(const std::string& db) {
    sqlite3* h = nullptr;
    std::string out = "cannot open";
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, nullptr);
        out = s && sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "?";
        sqlite3_finalize(s);
    }
    sqlite3_close(h);
    return out;
}

// Every file under `dir`, relative, sorted.
std::vector<std::string> listing(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(fs::relative(it->path(), dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

// The files a user put there: SQLite's -wal and -shm come and go with connections.
std::vector<std::string> user_files(const std::string& dir) {
    auto all = listing(dir);
    std::erase_if(all, [](const std::string& n) { return n.ends_with("-wal") || n.ends_with("-shm"); });
    return all;
}

// A copy of `in` whose member `name` is replaced by `change(bytes)`; libzip gives it a right CRC, so
// only the restore's own checks can find it.
void rewrite_member(const std::string& in, const std::string& out, const std::string& name,
                    const std::function<void(std::string&)>& change) {
    int err = 0;
    zip_t* src = zip_open(in.c_str(), ZIP_RDONLY, &err);
    ASSERT_NE(src, nullptr);
    zip_t* dst = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    ASSERT_NE(dst, nullptr);
    std::vector<std::string> contents(static_cast<std::size_t>(zip_get_num_entries(src, 0)));
    for (zip_uint64_t i = 0; i < contents.size(); ++i) {
        zip_stat_t st;
        zip_stat_index(src, i, 0, &st);
        contents[i].resize(st.size);
        zip_file_t* f = zip_fopen_index(src, i, 0);
        ASSERT_EQ(zip_fread(f, contents[i].data(), st.size), static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        if (name == st.name) change(contents[i]);
        zip_source_t* s = zip_source_buffer(dst, contents[i].data(), contents[i].size(), 0);
        ASSERT_GE(zip_file_add(dst, st.name, s, 0), 0);
    }
    ASSERT_EQ(zip_close(dst), 0);
    zip_discard(src);
}

std::string first_evidence_member(const std::string& archive) {
    int err = 0;
    zip_t* z = zip_open(archive.c_str(), ZIP_RDONLY, &err);
    std::string name;
    for (zip_int64_t i = 0; z && i < zip_get_num_entries(z, 0) && name.empty(); ++i) {
        const std::string n = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
        if (n.rfind("evidence/", 0) == 0) name = n;
    }
    if (z) zip_discard(z);
    return name;
}

TEST(Backup, RestoresTheDatabaseAndEveryEvidenceFile) {
    const std::string db = demo_database();
    const std::string dir = fs::path(db).parent_path().string();
    std::set<std::string> uploaded;
    {
        ServerProcess server(db);
        Uploader op(server);
        for (const auto& content : {pdf("notulen rapat"), pdf("foto kegiatan"), pdf("laporan", 2u << 20),
                                    pdf("notulen rapat") /* the same file twice: two rows, one file */}) {
            ASSERT_EQ(op.upload("bukti.pdf", content), 303);
            uploaded.insert(EvidenceStore::sha256_hex(content));
        }
        // Taken while the server runs.
        const auto b = run_kinerja("backup --db " + db + " --out " + dir + "/kantor.zip");
        ASSERT_EQ(b.exit_code, 0) << b.err;
        EXPECT_NE(b.out.find("3 berkas bukti"), std::string::npos) << b.out;
        // Password hashes and every evidence file are in it: for its owner only.
        EXPECT_EQ(fs::status(dir + "/kantor.zip").permissions() & fs::perms::all,
                  fs::perms::owner_read | fs::perms::owner_write);
    }
    const std::string target = temp_dir() + "/dipulihkan.db";
    const auto r = run_kinerja("restore " + dir + "/kantor.zip --db " + target);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(integrity(target), "ok");
    const auto rows = evidence_rows(target);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows, evidence_rows(db));
    EXPECT_FALSE(file_exists(target + ".restoring"));
    EXPECT_FALSE(file_exists(fs::path(target).parent_path().string() + "/evidence.restoring"));
    // The restored office answers with every file, byte for byte.
    ServerProcess restored(target);
    Browser op(restored);
    ASSERT_TRUE(op.login("operator.rendatin"));
    std::set<std::string> served;
    for (const auto& row : rows) {
        const auto d = op.get("/bukti/" + std::to_string(row.id));
        ASSERT_EQ(d.status, 200) << "/bukti/" << row.id;
        EXPECT_EQ(EvidenceStore::sha256_hex(d.body), row.sha256);
        served.insert(row.sha256);
    }
    EXPECT_EQ(served, uploaded);
    const auto measure = [](const std::string& d) {
        return run_kinerja("measure --db " + d + " --satker kpu-kota-prabumulih --year 2024 --format json").out;
    };
    EXPECT_EQ(measure(target), measure(db));
}

TEST(Backup, TakenUnderLoadHoldsEveryUploadAcknowledgedBeforeItAndEveryFileItsRowsNeed) {
    const std::string db = demo_database();
    const std::string dir = fs::path(db).parent_path().string();
    ServerProcess server(db);
    Uploader writer_session(server);
    std::mutex m;
    std::vector<std::string> acknowledged; // in the order the server answered 303
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::thread writer([&] {
        for (int i = 0; !stop; ++i) {
            const std::string content = pdf("bukti beban " + std::to_string(i), static_cast<std::size_t>(i % 7) * 4096);
            if (writer_session.upload("beban.pdf", content) == 303) {
                std::lock_guard lock(m);
                acknowledged.push_back(EvidenceStore::sha256_hex(content));
            } else {
                ++failures;
            }
            if (i % 3 == 2 && writer_session.save_actual(i % 2 ? "86" : "85") != 303) ++failures;
        }
    });
    auto count = [&] {
        std::lock_guard lock(m);
        return acknowledged.size();
    };
    while (count() < 15 && failures == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::vector<std::string> before;
    {
        std::lock_guard lock(m);
        before = acknowledged;
    }
    const auto b = run_kinerja("backup --db " + db + " --out " + dir + "/beban.zip");
    const std::size_t at_end_of_backup = count();
    while (count() < at_end_of_backup + 5 && failures == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop = true;
    writer.join();
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(failures, 0);

    const std::string target = temp_dir() + "/beban.db";
    const auto r = run_kinerja("restore " + dir + "/beban.zip --db " + target);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(integrity(target), "ok");
    const EvidenceStore restored(EvidenceStore::evidence_dir_for(target));
    std::set<std::string> in_backup;
    for (const auto& row : evidence_rows(target)) {
        in_backup.insert(row.sha256);
        auto bytes = restored.read(row.sha256);
        ASSERT_TRUE(bytes && bytes->has_value()) << "no file for evidence row " << row.id;
        EXPECT_EQ(EvidenceStore::sha256_hex(**bytes), row.sha256);
    }
    for (const auto& sha : before)
        EXPECT_TRUE(in_backup.count(sha)) << "acknowledged before the backup, missing from it: " << sha;
    // The backup is a snapshot, not the end state: the writer went on after it.
    EXPECT_LT(in_backup.size(), count());
}

TEST(Restore, OnlyIntoAnEmptyPlace) {
    const std::string db = demo_database();
    const std::string dir = fs::path(db).parent_path().string();
    {
        ServerProcess server(db);
        ASSERT_EQ(Uploader(server).upload("a.pdf", pdf("satu")), 303);
    }
    ASSERT_EQ(run_kinerja("backup --db " + db + " --out " + dir + "/b.zip").exit_code, 0);
    const std::string before = read_file(db);
    // Over the live database itself.
    auto r = run_kinerja("restore " + dir + "/b.zip --db " + db);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("sudah ada"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(db), before);
    // A new database name, but beside an evidence folder that holds files.
    const std::string other = dir + "/lain.db";
    r = run_kinerja("restore " + dir + "/b.zip --db " + other);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("Folder bukti"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(other));
    EXPECT_FALSE(file_exists(other + ".restoring"));
    EXPECT_FALSE(file_exists(dir + "/evidence.restoring"));
    // A stale WAL where the database would go is someone's data too.
    const std::string fresh = temp_dir();
    std::ofstream(fresh + "/k.db-wal") << "x";
    r = run_kinerja("restore " + dir + "/b.zip --db " + fresh + "/k.db");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(listing(fresh), std::vector<std::string>{"k.db-wal"});
    // An empty evidence folder is an empty place.
    const std::string empty = temp_dir();
    fs::create_directory(empty + "/evidence");
    r = run_kinerja("restore " + dir + "/b.zip --db " + empty + "/k.db");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(evidence_rows(empty + "/k.db").size(), 1u);
}

TEST(Restore, ADamagedArchiveWritesNothing) {
    const std::string db = demo_database();
    const std::string dir = fs::path(db).parent_path().string();
    const std::string evidence_text = pdf("isi bukti yang akan dirusak", 1000);
    {
        ServerProcess server(db);
        ASSERT_EQ(Uploader(server).upload("a.pdf", evidence_text), 303);
    }
    const std::string good = dir + "/b.zip";
    ASSERT_EQ(run_kinerja("backup --db " + db + " --out " + good).exit_code, 0);
    const std::string raw = read_file(good);
    std::vector<std::pair<std::string, std::string>> damaged; // what, archive
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
        return dir + "/" + name;
    };
    {
        // Bytes flipped on disk: in the evidence member (stored as is) and in the database (deflated).
        std::string a = raw;
        const auto at = a.find("isi bukti yang akan dirusak");
        ASSERT_NE(at, std::string::npos);
        a[at] ^= 0x20;
        damaged.emplace_back("flipped evidence byte", write("flip-evidence.zip", a));
        std::string b = raw;
        const auto header = b.find("kinerja.db");
        ASSERT_NE(header, std::string::npos);
        for (std::size_t i = 200; i < 260; ++i)
            b[header + i] ^= 0x5a;
        damaged.emplace_back("flipped database bytes", write("flip-db.zip", b));
        damaged.emplace_back("cut short", write("short.zip", raw.substr(0, raw.size() / 2)));
        damaged.emplace_back("not a zip", write("text.zip", "bukan arsip"));
    }
    // Damage a CRC cannot see: the members rewritten with right checksums.
    const std::string evidence_member = first_evidence_member(good);
    ASSERT_FALSE(evidence_member.empty());
    rewrite_member(good, dir + "/crc-evidence.zip", evidence_member, [](std::string& s) { s[12] ^= 1; });
    damaged.emplace_back("evidence not of its hash", dir + "/crc-evidence.zip");
    rewrite_member(good, dir + "/crc-db.zip", "kinerja.db", [](std::string& s) {
        // Pages 2 to 9 (the first tables' roots) overwritten: what PRAGMA integrity_check sees. (A byte in a
        // free page or a value inside a row is no structural damage and passes it.)
        for (std::size_t i = 4096; i < 10 * 4096 && i < s.size(); ++i)
            s[i] = static_cast<char>(i * 7);
    });
    damaged.emplace_back("database page overwritten", dir + "/crc-db.zip");
    rewrite_member(good, dir + "/crc-header.zip", "kinerja.db", [](std::string& s) { s[0] = 'X'; });
    damaged.emplace_back("not a SQLite file", dir + "/crc-header.zip");
    rewrite_member(good, dir + "/no-evidence.zip", evidence_member, [](std::string& s) { s.clear(); });
    damaged.emplace_back("evidence emptied", dir + "/no-evidence.zip");

    for (const auto& [what, archive] : damaged) {
        const std::string target = temp_dir();
        const auto r = run_kinerja("restore " + archive + " --db " + target + "/k.db");
        EXPECT_EQ(r.exit_code, 2) << what << ": " << r.err;
        EXPECT_FALSE(r.err.empty()) << what;
        EXPECT_EQ(listing(target), std::vector<std::string>{}) << what << ": " << r.err;
    }
    // The undamaged archive restores.
    EXPECT_EQ(run_kinerja("restore " + good + " --db " + temp_dir() + "/k.db").exit_code, 0);
}

TEST(Backup, AFailedBackupLeavesNothing) {
    const std::string db = demo_database();
    const std::string dir = fs::path(db).parent_path().string();
    {
        ServerProcess server(db);
        ASSERT_EQ(Uploader(server).upload("a.pdf", pdf("akan hilang")), 303);
    }
    const auto files_before = user_files(dir);
    // The old form: a database file name. The output is an archive now; refused, with the way to go.
    auto r = run_kinerja("backup --db " + db + " --out " + dir + "/salinan.db");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(".zip"), std::string::npos) << r.err;
    // An unwritable place (its folder is a file).
    std::ofstream(dir + "/berkas") << "x";
    r = run_kinerja("backup --db " + db + " --out " + dir + "/berkas/b.zip");
    EXPECT_NE(r.exit_code, 0);
    fs::remove(dir + "/berkas");
    EXPECT_EQ(user_files(dir), files_before);
    // An evidence file the database refers to is gone: the backup fails naming it, and writes nothing.
    const auto rows = evidence_rows(db);
    ASSERT_EQ(rows.size(), 1u);
    const EvidenceStore store(EvidenceStore::evidence_dir_for(db));
    fs::remove(store.path_of(rows[0].sha256));
    const auto without = user_files(dir);
    r = run_kinerja("backup --db " + db + " --out " + dir + "/b.zip");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(store.path_of(rows[0].sha256)), std::string::npos) << r.err;
    EXPECT_EQ(user_files(dir), without);
}

TEST(Serve, RemovesTheTemporaryFilesOfKilledUploadsAtStartUp) {
    const std::string db = demo_database();
    const std::string shard = EvidenceStore::evidence_dir_for(db) + "/ab";
    fs::create_directories(shard);
    const std::string sha(64, 'a');
    const std::string killed = shard + "/" + sha + ".tmp1234abcd"; // what a killed upload left: 0 bytes
    const std::string live = shard + "/" + sha + ".tmp5678ef90";   // another server's upload, still written
    std::ofstream(killed).close();
    std::ofstream(live) << "%PDF-";
    const int writer = ::open(live.c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_GE(writer, 0);
    ASSERT_EQ(::flock(writer, LOCK_EX), 0);
    {
        ServerProcess server(db);
        EXPECT_EQ(server.request("GET", "/healthz").status, 200);
    }
    ::close(writer);
    EXPECT_FALSE(file_exists(killed));
    EXPECT_TRUE(file_exists(live));
}

} // namespace
} // namespace kinerja::test
