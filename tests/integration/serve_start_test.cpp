// A database that cannot serve is refused at start-up (issue 13, item 5): the server says why and
// does not start, and the file is left exactly as it was.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

namespace fs = std::filesystem;

// `kinerja serve` on a database it must refuse: it ends by itself (a server that started would not).
RunResult serve_refusing(const std::string& db, const std::string& as_user_prefix = {}) {
    return run_kinerja_as(as_user_prefix, "serve --db " + db + " --port 0");
}

TEST(ServeStart, AnEmptyFileIsRefusedAndNoSchemaIsWrittenIntoIt) {
    const std::string db = temp_dir() + "/kosong.db";
    std::ofstream(db).flush();
    const auto r = serve_refusing(db);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("kosong (0 byte)"), std::string::npos) << r.err;
    EXPECT_EQ(fs::file_size(db), 0u) << "the refused file was written to";
    // The other commands that only read or add to a database refuse it the same way.
    const auto user =
        run_kinerja("user add --db " + db + " --login budi --role admin --password-stdin", "kata-sandi-panjang\n");
    EXPECT_NE(user.exit_code, 0);
    EXPECT_EQ(fs::file_size(db), 0u);
}

TEST(ServeStart, AnotherProgramsSqliteDatabaseIsRefusedNotMigrated) {
    const std::string db = temp_dir() + "/lain.db";
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE pelanggan (nama TEXT); INSERT INTO pelanggan VALUES ('a')", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(h);
    const auto before = read_file(db);
    const auto r = serve_refusing(db);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("basis data SQLite lain"), std::string::npos) << r.err;
    EXPECT_TRUE(read_file(db) == before) << "someone else's database was changed";
}

TEST(ServeStart, AFileThatIsNoDatabaseIsRefused) {
    const std::string db = temp_dir() + "/teks.db";
    std::ofstream(db) << "ini hanya catatan, bukan basis data\n";
    const auto r = serve_refusing(db);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bukan SQLite"), std::string::npos) << r.err;
}

TEST(ServeStart, AReadOnlyDatabaseIsRefusedWithWhatToCheck) {
    const std::string dir = temp_dir();
    const std::string db = dir + "/baca.db";
    fs::copy_file(demo_database(), db);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    // root writes any file whatever its mode: the server then runs as an ordinary user, as in production.
    std::string prefix;
    if (geteuid() == 0) {
        fs::permissions(dir, fs::perms::all);
        prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    }
    const auto r = serve_refusing(db, prefix);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("hanya dapat dibaca"), std::string::npos) << r.err;
}

TEST(ServeStart, ADamagedDatabaseIsRefusedByTheStructureCheck) {
    const std::string db = temp_dir() + "/rusak.db";
    fs::copy_file(demo_database(), db);
    // Overwrite the middle of the file (table and index pages, not the header) with garbage.
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(fs::file_size(db));
        f.seekp(size / 2);
        const std::string garbage(8192, '\x5a');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    const auto r = serve_refusing(db);
    EXPECT_NE(r.exit_code, 0) << r.out;
    EXPECT_NE(r.err.find("rusak"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("kinerja restore"), std::string::npos) << r.err;
}

} // namespace
} // namespace kinerja::test
