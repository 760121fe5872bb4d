#pragma once
// What the fuzz targets share: small limits (so that one input costs milliseconds and a bomb is
// refused at once), and packages built around a raw XML input so that the fuzzer reaches the DOCX
// and XLSX readers' XML handling without first having to produce a valid zip with correct CRCs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/import/source_text.h"

namespace kinerja::fuzz {

import::ReadLimits small_limits();

// A stored (uncompressed) zip of these members, written with libzip.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& members);

// Splits an input at lines "-----8<-----" into parts (the seeds are written that way).
std::vector<std::string> split_parts(std::string_view input);

// Reads the input and throws away the result; the point is that it returns at all.
void read(std::string_view name, std::string_view bytes);

} // namespace kinerja::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
