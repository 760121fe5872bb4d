// The evidence store on disk: content addressing, refusals of malformed names, crash leftovers, and the
// limits of a restored backup archive.
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <zip.h>

#include "adapters/files/backup_archive.h"
#include "adapters/files/evidence_store.h"

namespace kinerja::files {
namespace {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/kinerja-files-test-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string str() const { return path.string(); }
};

// "hello"
const std::string hello_sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(EvidenceStore, StoresUnderTheHashAndReadsItBack) {
    TempDir t;
    EvidenceStore store(t.str() + "/evidence"); // created on the first write
    auto sha = store.put("hello");
    ASSERT_TRUE(sha) << sha.error().message;
    EXPECT_EQ(*sha, hello_sha);
    EXPECT_EQ(store.path_of(hello_sha), t.str() + "/evidence/2c/" + hello_sha);
    EXPECT_TRUE(store.exists(hello_sha));
    EXPECT_EQ(store.size_of(hello_sha), 5u);
    auto read = store.read(hello_sha);
    ASSERT_TRUE(read);
    ASSERT_TRUE(read->has_value());
    EXPECT_EQ(**read, "hello");
    // The same content again writes nothing new, and no temporary file stays behind.
    ASSERT_TRUE(store.put("hello"));
    ASSERT_TRUE(store.put(std::string(3u << 20, '\0'))); // bigger than one write
    EXPECT_EQ(names_in(t.path / "evidence"),
              (std::vector<std::string>{"2c/" + hello_sha,
                                        "bb/bbd05cf6097ac9b1f89ea29d2542c1b7b67ee46848393895f5a9e43fa1f621e5"}));
}

TEST(EvidenceStore, AbsentAndMalformedNamesAreToldApart) {
    TempDir t;
    EvidenceStore store(t.str());
    auto absent = store.read(std::string(64, 'a'));
    ASSERT_TRUE(absent);
    EXPECT_FALSE(absent->has_value());
    for (const std::string& bad : {std::string("../../etc/passwd"), std::string(63, 'a'), std::string(65, 'a'),
                                   std::string(64, 'A'), std::string(62, 'a') + "/x", std::string()}) {
        auto r = store.read(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
        EXPECT_FALSE(store.exists(bad));
    }
}

TEST(EvidenceStore, TheDirectoryOfADatabase) {
    EXPECT_EQ(EvidenceStore::evidence_dir_for("data/kinerja.db"), "data/evidence");
    EXPECT_EQ(EvidenceStore::evidence_dir_for("/srv/kinerja/k.db"), "/srv/kinerja/evidence");
    EXPECT_EQ(EvidenceStore::evidence_dir_for("kinerja.db"), "evidence");
}

TEST(EvidenceStore, AWriteThatCannotHappenIsAnError) {
    TempDir t;
    std::ofstream(t.path / "file") << "x";
    EvidenceStore store(t.str() + "/file/evidence");
    auto r = store.put("hello");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::io);
}

TEST(EvidenceStore, ConcurrentWritersOfOneContentAllSucceed) {
    TempDir t;
    EvidenceStore store(t.str());
    std::vector<std::thread> writers;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i)
        writers.emplace_back([&] {
            for (int j = 0; j < 20; ++j)
                if (auto r = store.put("same bytes " + std::to_string(j)); r) ++ok;
        });
    for (auto& w : writers)
        w.join();
    EXPECT_EQ(ok, 160);
    EXPECT_EQ(names_in(t.path).size(), 20u);
}

TEST(EvidenceStore, OrphanTemporariesAreRemovedAndALiveWritersFileIsKept) {
    TempDir t;
    EvidenceStore store(t.str());
    ASSERT_TRUE(store.put("hello"));
    const fs::path shard = t.path / "2c";
    const std::string killed_empty = (shard / (hello_sha + ".tmp1a2b3c4d")).string(); // what a kill left, 0 bytes
    const std::string killed_half = (shard / (hello_sha + ".tmpAbC-_xyz")).string();  // the old web form's name
    const std::string live = (shard / (hello_sha + ".tmp0000beef")).string();
    std::ofstream(killed_empty).close();
    std::ofstream(killed_half) << "hel";
    std::ofstream(live) << "he";
    std::ofstream(shard / "notes.txt") << "not the store's";
    std::ofstream(t.path / (hello_sha + ".tmp12345678")) << "outside a shard folder";
    // A writer holds its file locked, here on a descriptor of its own: a second open description of the
    // same file (the cleaner's) conflicts with it, as another process's would.
    const int writer = ::open(live.c_str(), O_RDWR);
    ASSERT_GE(writer, 0);
    ASSERT_EQ(::flock(writer, LOCK_EX), 0);
    EXPECT_EQ(store.remove_orphan_temporaries(), 2u);
    EXPECT_FALSE(fs::exists(killed_empty));
    EXPECT_FALSE(fs::exists(killed_half));
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(shard / "notes.txt"));
    EXPECT_TRUE(fs::exists(t.path / (hello_sha + ".tmp12345678")));
    EXPECT_TRUE(store.exists(hello_sha));
    // Once the writer is gone (its descriptor closed, as a kill does), its file is an orphan too.
    ::close(writer);
    EXPECT_EQ(store.remove_orphan_temporaries(), 1u);
    EXPECT_FALSE(fs::exists(live));
    EXPECT_EQ(store.remove_orphan_temporaries(), 0u);
    EXPECT_EQ(EvidenceStore(t.str() + "/absent").remove_orphan_temporaries(), 0u);
}

// A hand-made archive: members given as name → bytes.
void make_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    ASSERT_NE(z, nullptr);
    for (const auto& [name, bytes] : members) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        ASSERT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0);
    }
    ASSERT_EQ(zip_close(z), 0);
}

Result<std::vector<std::string>> accept_any_database(const std::string&) {
    return std::vector<std::string>{};
}

std::string manifest_of(const std::string& sha, std::size_t size) {
    return R"({"schema": "kinerja.backup/1", "created_at": "2024-01-01T00:00:00Z", "schema_version": 1, )"
           R"("evidence": [{"sha256": ")" +
           sha + R"(", "size": )" + std::to_string(size) + "}]}";
}

TEST(BackupArchive, RestoreRefusesArchivesOverItsLimitsOrWithStrangeMembersAndWritesNothing) {
    TempDir t;
    const std::string good = t.str() + "/good.zip";
    make_zip(
        good,
        {{"manifest.json", manifest_of(hello_sha, 5)}, {"kinerja.db", "db"}, {"evidence/2c/" + hello_sha, "hello"}});
    auto nothing_written = [&] {
        return !fs::exists(t.path / "r.db") && !fs::exists(t.path / "evidence") &&
               !fs::exists(t.path / "r.db.restoring") && !fs::exists(t.path / "evidence.restoring");
    };
    auto restore = [&](const std::string& archive, const RestoreLimits& limits) {
        return restore_backup_archive(archive, t.str() + "/r.db", t.str() + "/evidence", accept_any_database, limits);
    };
    RestoreLimits few_members;
    few_members.max_members = 2;
    RestoreLimits small_evidence;
    small_evidence.max_evidence_bytes = 4;
    RestoreLimits small_total;
    small_total.max_total_bytes = 8;
    for (const auto& limits : {few_members, small_evidence, small_total}) {
        auto r = restore(good, limits);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
        EXPECT_NE(r.error().message.find("batas"), std::string::npos) << r.error().message;
        EXPECT_TRUE(nothing_written());
    }
    const std::vector<std::vector<std::pair<std::string, std::string>>> strange = {
        {{"manifest.json", manifest_of(hello_sha, 5)}, {"kinerja.db", "db"}, {"evidence/../../" + hello_sha, "hello"}},
        {{"manifest.json", manifest_of(hello_sha, 5)},
         {"kinerja.db", "db"},
         {"evidence/2c/" + hello_sha, "hello"},
         {"../escape", "x"}},
        {{"manifest.json", manifest_of(hello_sha, 5)}, {"kinerja.db", "db"}, {"evidence/aa/" + hello_sha, "hello"}},
        {{"manifest.json", manifest_of(hello_sha, 5)}, {"kinerja.db", "db"}},                  // listed, not there
        {{"manifest.json", manifest_of(hello_sha, 5)}, {"evidence/2c/" + hello_sha, "hello"}}, // no database
        {{"manifest.json", R"({"schema": "other/1", "evidence": []})"}, {"kinerja.db", "db"}},
        {{"manifest.json", manifest_of(std::string(64, 'a'), 5)},
         {"kinerja.db", "db"},
         {"evidence/aa/" + std::string(64, 'a'), "hello"}}, // a content not of its name
    };
    for (std::size_t i = 0; i < strange.size(); ++i) {
        const std::string path = t.str() + "/strange" + std::to_string(i) + ".zip";
        make_zip(path, strange[i]);
        auto r = restore(path, {});
        ASSERT_FALSE(r) << i;
        EXPECT_EQ(r.error().code, ErrorCode::invalid_input) << i << ": " << r.error().message;
        EXPECT_TRUE(nothing_written()) << i;
    }
    auto r = restore(good, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->evidence_files, 1u);
    EXPECT_EQ(names_in(t.path / "evidence"), std::vector<std::string>{"2c/" + hello_sha});
    EXPECT_FALSE(fs::exists(t.path / "r.db.restoring"));
}

} // namespace
} // namespace kinerja::files
