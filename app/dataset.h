#pragma once
// The whole database as neutral tables: what `export` writes, `load` reads and `demo` builds.
// Tables and columns come from the storage schema (the migrations), so there is one owner of the
// model's shape; the JSON form keeps the column order, which makes export → load → export exact.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kinerja::app {

using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Table {
    std::string name;
    std::vector<std::string> columns; // "id" first
    std::vector<std::vector<Value>> rows;
    std::vector<Value> defaults; // per column, what the schema gives when a row leaves it out

    int column_index(std::string_view column) const; // -1 when absent
    bool index_of_missing(std::string_view column) const { return column_index(column) < 0; }
};

struct Dataset {
    int schema_version = 0;
    std::vector<Table> tables; // in dependency order

    Table* find(std::string_view name);
    const Table* find(std::string_view name) const;
    std::size_t row_count() const;

    // Appends a row by column names (the others are NULL) and returns its id, the next free one.
    // An unknown table or column is a programmer error and throws std::logic_error.
    std::int64_t add(std::string_view table, std::initializer_list<std::pair<std::string_view, Value>> values);
};

// Helpers for optional values.
inline Value text_or_null(const std::string& s) {
    return s.empty() ? Value{} : Value{s};
}

} // namespace kinerja::app
