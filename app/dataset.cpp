#include "app/dataset.h"

#include <stdexcept>

namespace kinerja::app {

int Table::column_index(std::string_view column) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == column) return static_cast<int>(i);
    return -1;
}

Table* Dataset::find(std::string_view name) {
    for (auto& t : tables)
        if (t.name == name) return &t;
    return nullptr;
}

const Table* Dataset::find(std::string_view name) const {
    for (const auto& t : tables)
        if (t.name == name) return &t;
    return nullptr;
}

std::size_t Dataset::row_count() const {
    std::size_t n = 0;
    for (const auto& t : tables)
        n += t.rows.size();
    return n;
}

std::int64_t Dataset::add(std::string_view table, std::initializer_list<std::pair<std::string_view, Value>> values) {
    Table* t = find(table);
    if (!t) throw std::logic_error("unknown table " + std::string(table));
    std::vector<Value> row = t->defaults;
    row.resize(t->columns.size());
    const std::int64_t id = static_cast<std::int64_t>(t->rows.size()) + 1;
    row[0] = id;
    for (const auto& [column, value] : values) {
        const int i = t->column_index(column);
        if (i < 0) throw std::logic_error("unknown column " + std::string(table) + "." + std::string(column));
        row[static_cast<std::size_t>(i)] = value;
    }
    t->rows.push_back(std::move(row));
    return id;
}

} // namespace kinerja::app
