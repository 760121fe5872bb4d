#include "adapters/web/compress.h"

#include <zlib.h>

namespace kinerja::web {

DeflatePiece deflate_piece(std::string_view data, bool last, int level) {
    DeflatePiece p;
    z_stream z{};
    deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY); // raw deflate: no header, no trailer
    p.raw.resize(deflateBound(&z, data.size()) + 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(p.raw.data());
    z.avail_out = static_cast<uInt>(p.raw.size());
    deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
    p.raw.resize(z.total_out);
    deflateEnd(&z);
    p.crc = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    p.size = data.size();
    return p;
}

std::string gzip_from(std::initializer_list<const DeflatePiece*> pieces) {
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10); // gzip header: deflate, no name, Unix
    uLong crc = 0;
    std::uint64_t size = 0;
    for (const DeflatePiece* p : pieces) {
        out += p->raw;
        crc = crc32_combine(crc, p->crc, static_cast<z_off_t>(p->size));
        size += p->size;
    }
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((size >> (8 * i)) & 0xff));
    return out;
}

std::string gzip(std::string_view data, int level) {
    const DeflatePiece all = deflate_piece(data, true, level);
    return gzip_from({&all});
}

} // namespace kinerja::web
