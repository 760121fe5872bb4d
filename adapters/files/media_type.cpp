#include "adapters/files/media_type.h"

#include <memory>
#include <zip.h>

namespace kinerja::files {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// The package in memory, read only; nullopt when it is not a readable zip.
Zip open_zip(std::string_view data) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &error);
    zip_error_fini(&error);
    if (!src) return nullptr;
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, nullptr);
    if (!z) {
        zip_source_free(src);
        return nullptr;
    }
    return Zip(z);
}

// A member's bytes, when it exists and is at most `limit` bytes uncompressed (the package's index,
// not a document part: a few KB).
std::optional<std::string> member(zip_t* z, const char* name, std::size_t limit) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > limit) return std::nullopt;
    zip_file_t* f = zip_fopen(z, name, 0);
    if (!f) return std::nullopt;
    std::string out(static_cast<std::size_t>(st.size), '\0');
    const auto n = zip_fread(f, out.data(), out.size());
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
    return out;
}

// OOXML: [Content_Types].xml has an Override whose ContentType is `main` and whose PartName names a
// member of the package.
bool ooxml_is(zip_t* z, std::string_view main) {
    const auto types = member(z, "[Content_Types].xml", 1u << 20);
    if (!types) return false;
    const std::string needle = "ContentType=\"" + std::string(main) + "\"";
    for (std::size_t at = types->find(needle); at != std::string::npos; at = types->find(needle, at + 1)) {
        const auto open = types->rfind('<', at);
        const auto close = types->find('>', at);
        if (open == std::string::npos || close == std::string::npos) continue;
        const std::string tag = types->substr(open, close - open);
        const auto p = tag.find("PartName=\"/");
        if (tag.rfind("<Override", 0) != 0 || p == std::string::npos) continue;
        const auto end = tag.find('"', p + 11);
        if (end == std::string::npos) continue;
        const std::string part = tag.substr(p + 11, end - p - 11);
        if (zip_name_locate(z, part.c_str(), 0) >= 0) return true;
    }
    return false;
}

// ODF: the member `mimetype` holds exactly the media type.
bool odf_is(zip_t* z, std::string_view type) {
    const auto m = member(z, "mimetype", 256);
    return m && *m == type;
}

} // namespace

std::optional<std::string> evidence_media_type(std::string_view filename, std::string_view data) {
    const auto dot = filename.find_last_of('.');
    std::string ext(dot == std::string_view::npos ? std::string_view() : filename.substr(dot + 1));
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "pdf")
        return data.substr(0, 5) == "%PDF-" ? std::optional<std::string>("application/pdf") : std::nullopt;
    if (ext == "png")
        return data.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) ? std::optional<std::string>("image/png")
                                                                             : std::nullopt;
    if (ext == "jpg" || ext == "jpeg")
        return data.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3) ? std::optional<std::string>("image/jpeg")
                                                                        : std::nullopt;
    struct Package {
        const char* ext;
        const char* media;
        const char* main; // OOXML main part's content type; null for ODF
    };
    static const Package packages[] = {
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"},
        {"odt", "application/vnd.oasis.opendocument.text", nullptr},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet", nullptr},
    };
    for (const auto& p : packages) {
        if (ext != p.ext) continue;
        if (data.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return std::nullopt;
        const Zip z = open_zip(data);
        if (!z) return std::nullopt;
        const bool ok = p.main ? ooxml_is(z.get(), p.main) : odf_is(z.get(), p.media);
        return ok ? std::optional<std::string>(p.media) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace kinerja::files
