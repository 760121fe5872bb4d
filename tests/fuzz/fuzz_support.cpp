#include "tests/fuzz/fuzz_support.h"

#include <zip.h>

#include <cstdio>
#include <cstdlib>

namespace kinerja::fuzz {

import::ReadLimits small_limits(){import::ReadLimits l;
l.max_file_bytes = 1u << 20;
l.max_text_bytes = 1u << 20;
l.max_lines = 20'000;
l.max_line_bytes = 64u << 10;
l.max_zip_entry_bytes = 4u << 20;
l.max_zip_total_bytes = 8u << 20;
l.max_zip_entries = 64;
l.max_xml_depth = 64;
l.max_cells = 50'000;
l.pdf_timeout_seconds = 5;
l.pdf_memory_bytes = 512u << 20;
return l;
} // namespace kinerja::fuzz

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& members) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(out);
    zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    if (z == nullptr) std::abort();
    for (const auto& [name, data] : members) {
        zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
        const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
        if (index < 0) std::abort();
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(z) != 0) std::abort();
    std::string bytes;
    zip_source_open(out);
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_source_read(out, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, static_cast<std::size_t>(n));
    zip_source_close(out);
    zip_source_free(out);
    return bytes;
}

std::vector<std::string> split_parts(std::string_view input) {
    constexpr std::string_view cut = "\n-----8<-----\n";
    std::vector<std::string> parts;
    for (;;) {
        const std::size_t at = input.find(cut);
        parts.emplace_back(input.substr(0, at));
        if (at == std::string_view::npos) break;
        input.remove_prefix(at + cut.size());
    }
    return parts;
}

void read(std::string_view name, std::string_view bytes) {
    static const import::ReadLimits limits = small_limits();
    const auto r = import::read_source_bytes(name, bytes, limits);
    // Every line of a result is UTF-8 without line breaks (the SourceText contract).
    if (r)
        for (const std::string& line : r->lines)
            if (line.find('\n') != std::string::npos || line.find('\r') != std::string::npos) std::abort();
}

} // namespace kinerja::fuzz
