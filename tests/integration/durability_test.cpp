// Nothing acknowledged is ever lost (issue 13, item 1). The real server with several workers, all of
// them warmed, takes an HTTP write load; beside it run `kinerja backup`, `kinerja check`,
// `kinerja user add` and a plain SQLite reader, as an administrator would; then the server is killed
// with SIGKILL and started again, many times. Every write the server acknowledged must be in the
// database afterwards, every backup must hold every write acknowledged before it began, the database
// must pass its integrity check, and the WAL must not be taken from under the running server.
//
// KINERJA_DURABILITY_KILLS sets the number of kills (default 12); the figures are printed at the end.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <gtest/gtest.h>
#include <mutex>
#include <set>
#include <sqlite3.h>
#include <thread>
#include <vector>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* office_path = "/kantor/kpu-kota-prabumulih";

// What the server or a command said was done; the database must hold all of it.
struct Ledger {
    std::mutex mutex;
    std::vector<std::string> obstacles; // texts of obstacles acknowledged with 303
    std::vector<std::string> users;     // logins `kinerja user add` reported created
    std::vector<std::string> problems;  // anything a user would call a failure
    std::atomic<long> refused_connections = 0;

    void problem(std::string p) {
        std::lock_guard l(mutex);
        if (problems.size() < 50) problems.push_back(std::move(p));
    }
    std::vector<std::string> obstacles_so_far() {
        std::lock_guard l(mutex);
        return obstacles;
    }
};

// One column of every row of a query, read through SQLite as any other program would.
std::set<std::string> column_values(const std::string& db, const std::string& sql, std::string* error = nullptr) {
    std::set<std::string> out;
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        if (error) *error = "open: " + std::string(h ? sqlite3_errmsg(h) : "?");
        sqlite3_close(h);
        return out;
    }
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        if (error) *error = "prepare: " + std::string(sqlite3_errmsg(h));
    } else {
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            out.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        if (rc != SQLITE_DONE && error) *error = "step: " + std::string(sqlite3_errmsg(h));
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

std::string integrity(const std::string& db) {
    std::string error;
    const auto rows = column_values(db, "PRAGMA integrity_check", &error);
    if (!error.empty()) return error;
    return rows.size() == 1 ? *rows.begin() : "integrity_check gave " + std::to_string(rows.size()) + " rows";
}

// The sqlite3 shell's way: open read-write, read, close. If the server held no lock, this close would
// be the "last connection" and would checkpoint and delete the server's WAL.
void plain_sqlite_reader(const std::string& db, Ledger& ledger) {
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(h, 5000);
        if (sqlite3_exec(h, "SELECT count(*) FROM obstacle", nullptr, nullptr, nullptr) != SQLITE_OK)
            ledger.problem(std::string("plain reader: ") + sqlite3_errmsg(h));
    }
    sqlite3_close(h);
}

// The database a backup file holds: the file itself when it is a SQLite database, else what
// `kinerja restore` makes of it.
std::string backup_database(const std::string& backup) {
    if (read_file(backup).rfind("SQLite format 3", 0) == 0) return backup;
    const std::string db = temp_dir() + "/restored.db";
    const auto r = run_kinerja("restore " + backup + " --db " + db);
    return r.exit_code == 0 ? db : std::string();
}

struct Session {
    std::string cookie, csrf;
};

Session log_in(const ServerProcess& server, const std::string& login) {
    Browser b(server);
    if (!b.login(login)) throw std::runtime_error("login failed: " + login);
    return {b.cookie_header(), b.csrf()};
}

// One writer: obstacles with unique texts, posted until `stop`; each 303 is an acknowledged write.
void write_load(const ServerProcess& server, const Session& s, const std::string& name, std::atomic<bool>& stop,
                Ledger& ledger) {
    for (int n = 0; !stop; ++n) {
        const std::string text = "durability " + name + " " + std::to_string(n);
        HttpResult r;
        try {
            r = server.request("POST", std::string(office_path) + "/hambatan",
                               form_encode({{"csrf", s.csrf},
                                            {"tahun", "2024"},
                                            {"aspek", "Uji ketahanan"},
                                            {"hambatan", text},
                                            {"keterangan", ""},
                                            {"upaya", "Dicatat ulang"}}),
                               {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
        } catch (const std::exception&) {
            ++ledger.refused_connections; // the server is being killed
            continue;
        }
        if (r.status == 303) {
            std::lock_guard l(ledger.mutex);
            ledger.obstacles.push_back(text);
        } else if (r.status != 0) { // 0: the connection was cut by the kill
            ledger.problem("POST /hambatan answered " + std::to_string(r.status) + ": " + r.body.substr(0, 200));
        }
    }
}

// Every worker opens its own connection on its first request: many requests at once warm them all.
void warm_all_workers(const ServerProcess& server, const Session& s) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 6; ++i) {
                try {
                    server.request("GET", std::string(office_path) + "/hambatan?tahun=2024", {},
                                   {{"Cookie", s.cookie}});
                } catch (const std::exception&) {
                }
            }
        });
    for (auto& t : threads)
        t.join();
}

int kills_wanted() {
    const char* env = std::getenv("KINERJA_DURABILITY_KILLS");
    return env && std::atoi(env) > 0 ? std::atoi(env) : 12;
}

TEST(Durability, AcknowledgedWritesSurviveKillsBackupsAndCommandsBeside) {
    const std::string db = demo_database();
    const std::string work = temp_dir();
    const int kills = kills_wanted();
    Ledger ledger;
    std::vector<Session> sessions;
    {
        ServerProcess first(db, "--workers 4 --io-threads 2");
        for (const char* login : {"planner.prabumulih", "head.prabumulih", "admin"})
            sessions.push_back(log_in(first, login));
    }
    int backups = 0, backups_checked = 0, commands = 0;
    for (int cycle = 0; cycle < kills; ++cycle) {
        ServerProcess server(db, "--workers 4 --io-threads 2");
        warm_all_workers(server, sessions[0]);
        std::atomic<bool> stop = false;
        std::vector<std::thread> writers;
        for (std::size_t w = 0; w < sessions.size(); ++w)
            writers.emplace_back(write_load, std::cref(server), std::cref(sessions[w]),
                                 "c" + std::to_string(cycle) + "w" + std::to_string(w), std::ref(stop),
                                 std::ref(ledger));
        // Beside the server, as an administrator's shell would: a backup, a check, a new user, a reader.
        std::atomic<bool> side_done = false;
        std::thread side([&] {
            const auto before = ledger.obstacles_so_far();
            const std::string out = work + "/backup-" + std::to_string(cycle) + ".zip";
            const auto b = run_kinerja("backup --db " + db + " --out " + out);
            ++commands;
            if (b.exit_code != 0) {
                ledger.problem("backup: " + b.err);
            } else {
                ++backups;
                const std::string copy = backup_database(out);
                if (copy.empty()) {
                    ledger.problem("backup " + out + " could not be restored");
                } else {
                    if (const auto ok = integrity(copy); ok != "ok") ledger.problem("backup integrity: " + ok);
                    const auto held = column_values(copy, "SELECT obstacle FROM obstacle");
                    int missing = 0;
                    for (const auto& t : before)
                        missing += held.count(t) == 0;
                    if (missing)
                        ledger.problem("backup " + std::to_string(cycle) + " misses " + std::to_string(missing) +
                                       " of " + std::to_string(before.size()) + " writes acknowledged before it");
                    ++backups_checked;
                }
            }
            const auto c = run_kinerja("check --db " + db + " --satker kpu-kota-prabumulih --year 2024");
            ++commands;
            if (c.exit_code != 0) ledger.problem("check: " + c.err);
            const std::string login = "durability-" + std::to_string(cycle);
            const auto u = run_kinerja("user add --db " + db + " --login " + login +
                                           " --role viewer --satker kpu-kota-prabumulih --password-stdin",
                                       "kata-sandi-uji-ketahanan\n");
            ++commands;
            if (u.exit_code == 0) {
                std::lock_guard l(ledger.mutex);
                ledger.users.push_back(login);
            } else {
                ledger.problem("user add: " + u.err);
            }
            plain_sqlite_reader(db, ledger);
            ++commands;
            // The server still runs and writes: its WAL must still be there.
            if (!file_exists(db + "-wal")) ledger.problem("the WAL was deleted while the server ran");
            side_done = true;
        });
        const auto started = std::chrono::steady_clock::now();
        while (!side_done && std::chrono::steady_clock::now() - started < 60s)
            std::this_thread::sleep_for(20ms);
        std::this_thread::sleep_for(300ms); // writes after the commands, into the same WAL
        server.kill_hard();
        stop = true;
        for (auto& t : writers)
            t.join();
        side.join();
    }

    // A last start and stop: the server must open what the kills left.
    { ServerProcess after(db, "--workers 4"); }
    EXPECT_EQ(integrity(db), "ok");
    std::string error;
    const auto stored = column_values(db, "SELECT obstacle FROM obstacle", &error);
    EXPECT_EQ(error, "");
    const auto users = column_values(db, "SELECT login FROM app_user", &error);
    long lost = 0, users_lost = 0;
    for (const auto& t : ledger.obstacles)
        lost += stored.count(t) == 0;
    for (const auto& u : ledger.users)
        users_lost += users.count(u) == 0;
    std::printf("durability: %d kills, %zu writes acknowledged over HTTP, %ld lost; %zu users added beside, %ld "
                "lost; %d backups taken, %d checked; %d commands beside the server; %ld requests cut by kills\n",
                kills, ledger.obstacles.size(), lost, ledger.users.size(), users_lost, backups, backups_checked,
                commands, ledger.refused_connections.load());
    EXPECT_GT(ledger.obstacles.size(), static_cast<std::size_t>(kills) * 10) << "the write load barely ran";
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(users_lost, 0);
    EXPECT_EQ(backups, kills);
    EXPECT_EQ(backups_checked, kills);
    for (const auto& p : ledger.problems)
        ADD_FAILURE() << p;
}

} // namespace
} // namespace kinerja::test
