#pragma once
// gzip for responses, built from pieces: each piece is raw deflate ending on a full flush, so a piece
// compressed once (a cached page body, the static end of the layout) can be spliced between pieces
// compressed per request (the few lines that name the user). The result is one valid gzip stream.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace kinerja::web {

struct DeflatePiece {
    std::string raw;        // raw deflate blocks, byte-aligned, no references before the piece
    std::uint32_t crc = 0;  // CRC-32 of the uncompressed piece
    std::uint64_t size = 0; // uncompressed length
};

// `last`: the piece that ends the stream (its final block is marked).
DeflatePiece deflate_piece(std::string_view data, bool last, int level = 6);
std::string gzip_from(std::initializer_list<const DeflatePiece*> pieces);
std::string gzip(std::string_view data, int level = 6);

} // namespace kinerja::web
