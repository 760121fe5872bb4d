#pragma once
// Thin RAII wrappers over sqlite3: a connection and prepared statements. Prepared statements only;
// nothing else in the program sees a sqlite3 type.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/dataset.h"
#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kinerja::sqlite {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql); // throws std::runtime_error on a bad SQL text (a bug)
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const app::Value& v);
    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, std::string_view v);
    Statement& bind_null(int index);
    bool step(); // true while a row is there; throws on error
    void reset();
    int column_count() const;
    bool is_null(int col) const;
    std::int64_t integer(int col) const;
    std::string text(int col) const;
    std::optional<std::int64_t> opt_integer(int col) const;
    app::Value value(int col) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// A statement prepared once per connection for the queries of every request (session, office,
// data generation); reset when the borrower is done, so no read snapshot stays open.
class Reused {
public:
    explicit Reused(Statement& s) : m_s(s) {}
    ~Reused() { m_s.reset(); }
    Reused(const Reused&) = delete;
    Reused& operator=(const Reused&) = delete;
    Statement* operator->() { return &m_s; }
    Statement& operator*() { return m_s; }

private:
    Statement& m_s;
};

class Connection {
public:
    // Opens (creating when `create`) and checks that the file is a SQLite database.
    static Result<Connection> open(const std::string& path, bool create);
    Connection(Connection&& o) noexcept : m_prepared(std::move(o.m_prepared)), m_db(o.m_db) { o.m_db = nullptr; }
    ~Connection();
    sqlite3* handle() const { return m_db; }
    void exec(std::string_view sql); // throws std::runtime_error with SQLite's message
    std::string error_message() const;
    std::int64_t last_insert_id() const; // the rowid of this connection's latest INSERT
    Reused reuse(const std::string& sql);

private:
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_prepared;
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

} // namespace kinerja::sqlite
