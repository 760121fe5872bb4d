#pragma once
// Thin RAII wrappers over sqlite3: a connection and prepared statements. Prepared statements only;
// nothing else in the program sees a sqlite3 type.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

class Connection {
public:
    // Opens (creating when `create`) and checks that the file is a SQLite database.
    static Result<Connection> open(const std::string& path, bool create);
    Connection(Connection&& o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }
    ~Connection();
    sqlite3* handle() const { return m_db; }
    void exec(std::string_view sql); // throws std::runtime_error with SQLite's message
    std::string error_message() const;

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

} // namespace kinerja::sqlite
