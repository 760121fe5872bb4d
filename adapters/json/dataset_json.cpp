#include "adapters/json/dataset_json.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/date.h"
#include "core/decimal.h"

namespace kinerja::json {
namespace bj = boost::json;

namespace {
std::string value_json(const app::Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
    if (std::holds_alternative<std::string>(v)) return bj::serialize(bj::string(std::get<std::string>(v)));
    return "null";
}
} // namespace

std::string dataset_to_json(const app::Dataset& d) {
    std::string out;
    out += "{\n\"schema\": \"kinerja.export/1\",\n\"schema_version\": " + std::to_string(d.schema_version) +
           ",\n\"tables\": [";
    for (std::size_t t = 0; t < d.tables.size(); ++t) {
        const auto& table = d.tables[t];
        out += t ? ",\n" : "\n";
        out += "{\"name\": " + bj::serialize(bj::string(table.name)) + ",\n \"columns\": [";
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            out += (c ? ", " : "") + bj::serialize(bj::string(table.columns[c]));
        out += "],\n \"rows\": [";
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            out += r ? ",\n  [" : "\n  [";
            const auto& row = table.rows[r];
            for (std::size_t c = 0; c < row.size(); ++c)
                out += (c ? ", " : "") + value_json(row[c]);
            out += "]";
        }
        out += table.rows.empty() ? "]}" : "\n ]}";
    }
    out += "\n]\n}\n";
    return out;
}

Result<app::Dataset> dataset_from_json(std::string_view text, const app::Dataset& shape, std::string_view file_name) {
    const std::string file(file_name);
    auto bad = [&](const std::string& what) {
        return fail(ErrorCode::invalid_input, "Berkas '" + file + "': " + what, file);
    };
    if (text.size() > (256u << 20)) return bad("lebih besar dari 256 MiB");
    bj::parse_options opt;
    opt.max_depth = 32;
    boost::system::error_code ec;
    bj::value root = bj::parse(text, ec, {}, opt);
    if (ec) return bad("bukan JSON yang sah (" + ec.message() + ")");
    if (!root.is_object()) return bad("isi utama harus objek JSON");
    const auto& o = root.as_object();
    const auto* schema = o.if_contains("schema");
    if (!schema) return bad("kolom 'schema' hilang");
    if (!schema->is_string() || schema->as_string() != "kinerja.export/1")
        return bad("bukan ekspor Kinerja (schema harus 'kinerja.export/1')");
    const auto* version = o.if_contains("schema_version");
    if (!version || !version->is_int64()) return bad("kolom 'schema_version' hilang");
    if (version->as_int64() != shape.schema_version)
        return fail(ErrorCode::unsupported,
                    fmt::format("Berkas '{}' berskema versi {}, program ini memakai versi {}", file,
                                version->as_int64(), shape.schema_version),
                    file);
    const auto* tables = o.if_contains("tables");
    if (!tables || !tables->is_array()) return bad("kolom 'tables' hilang");
    app::Dataset d;
    d.schema_version = shape.schema_version;
    for (std::size_t ti = 0; ti < tables->as_array().size(); ++ti) {
        const auto& tv = tables->as_array()[ti];
        if (!tv.is_object()) return bad(fmt::format("tabel ke-{} bukan objek", ti + 1));
        const auto& to = tv.as_object();
        const auto* name = to.if_contains("name");
        if (!name || !name->is_string()) return bad(fmt::format("tabel ke-{}: kolom 'name' hilang", ti + 1));
        const std::string tname(name->as_string());
        const app::Table* known = shape.find(tname);
        if (!known) return bad("tabel '" + tname + "' tidak dikenal");
        const auto* cols = to.if_contains("columns");
        const auto* rows = to.if_contains("rows");
        if (!cols || !cols->is_array()) return bad("tabel '" + tname + "': kolom 'columns' hilang");
        if (!rows || !rows->is_array()) return bad("tabel '" + tname + "': kolom 'rows' hilang");
        app::Table t{tname, {}, {}, {}};
        for (const auto& c : cols->as_array()) {
            if (!c.is_string()) return bad("tabel '" + tname + "': nama kolom harus teks");
            t.columns.emplace_back(c.as_string());
        }
        if (t.columns != known->columns) {
            for (const auto& c : known->columns)
                if (t.index_of_missing(c)) return bad("tabel '" + tname + "': kolom '" + c + "' hilang");
            return bad("tabel '" + tname + "': kolom tidak sesuai skema");
        }
        std::size_t r = 0;
        for (const auto& rv : rows->as_array()) {
            ++r;
            if (!rv.is_array() || rv.as_array().size() != t.columns.size())
                return bad(fmt::format("tabel '{}' baris {}: harus {} nilai", tname, r, t.columns.size()));
            std::vector<app::Value> row;
            std::size_t c = 0;
            for (const auto& v : rv.as_array()) {
                if (v.is_null())
                    row.emplace_back();
                else if (v.is_int64())
                    row.emplace_back(v.as_int64());
                else if (v.is_string())
                    row.emplace_back(std::string(v.as_string()));
                else
                    return bad(fmt::format("tabel '{}' baris {} kolom '{}': nilai harus bilangan bulat, teks atau null",
                                           tname, r, t.columns[c]));
                ++c;
            }
            if (!std::holds_alternative<std::int64_t>(row[0]))
                return bad(fmt::format("tabel '{}' baris {}: 'id' harus bilangan bulat", tname, r));
            // Exact numbers and dates are stored in canonical text; anything else would be read as missing later.
            for (std::size_t k = 0; k < row.size(); ++k) {
                const auto* text = std::get_if<std::string>(&row[k]);
                if (!text) continue;
                const std::string& col = t.columns[k];
                if ((col == "value" || col == "numerator" || col == "denominator" || col == "weight") &&
                    !parse_canonical_decimal(*text))
                    return bad(fmt::format(
                        "tabel '{}' baris {} kolom '{}': angka '{}' tidak sah (bentuk kanonik seperti 94.44)", tname, r,
                        col, *text));
                if ((col == "date" || col == "decree_date" || col == "valid_from" || col == "valid_to") &&
                    !parse_iso_date(*text))
                    return bad(fmt::format("tabel '{}' baris {} kolom '{}': tanggal '{}' tidak sah (YYYY-MM-DD)", tname,
                                           r, col, *text));
            }
            t.rows.push_back(std::move(row));
        }
        d.tables.push_back(std::move(t));
    }
    for (const auto& t : shape.tables)
        if (!d.find(t.name)) return bad("tabel '" + t.name + "' hilang");
    return d;
}

} // namespace kinerja::json
