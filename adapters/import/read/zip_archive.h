#pragma once
// A zip package in memory, read through libzip with the limits of ReadLimits: the number of members,
// the size of one member and of all members read, and the compression ratio of each (zip bombs are
// refused from the sizes the archive declares, and the inflating stops at them if they lie).
// Encrypted members are refused as password-protected.
#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/import/source_text.h"

namespace kinerja::import::read {

class ZipArchive {
public:
    // `bytes` must outlive the archive (libzip reads it in place).
    static Result<ZipArchive> open(std::string_view name, std::string_view bytes, const ReadLimits& limits);

    // Part names are case-insensitive in Office packages (OPC), so the lookup is too.
    bool contains(std::string_view member) const;
    // The whole member, or too_large / invalid_input naming the member.
    Result<std::string> read(std::string_view member);

    const std::string& name() const { return name_; }

private:
    struct Close {
        void operator()(zip_t* z) const { zip_discard(z); }
    };
    ZipArchive(std::string_view name, const ReadLimits& limits, zip_t* z) : name_(name), limits_(&limits), zip_(z) {}
    std::int64_t locate(std::string_view member) const;

    std::string name_;
    const ReadLimits* limits_;
    std::unique_ptr<zip_t, Close> zip_;
    std::uint64_t total_read_ = 0;
};

} // namespace kinerja::import::read
