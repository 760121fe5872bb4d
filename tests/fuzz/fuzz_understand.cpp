// The understanding step on any text (adapters/import/understand): the document's kind and facts,
// every table reader, the findings of reading and the kinerja.parse/1 view `kinerja parse` prints.
// A first line "#type=pk" (iku, rkt, pk, renaksi, lkj) forces a reader as `--type` does, so that each
// reader meets any text, not only text that looks like its kind; the corpus starts from pieces of
// the seeds and the samples tagged that way.
#include <array>
#include <string_view>

#include "adapters/import/parse_json.h"
#include "adapters/import/read/readers.h"
#include "adapters/import/understand/understand.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view type = "auto";
    static constexpr std::array<std::string_view, 5> types{"iku", "rkt", "pk", "renaksi", "lkj"};
    if (input.starts_with("#type=")) {
        const auto end = input.find('\n');
        const std::string_view asked = input.substr(6, end == std::string_view::npos ? end : end - 6);
        for (const auto t : types)
            if (asked == t) type = t;
        input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    }
    static const kinerja::import::ReadLimits limits = kinerja::fuzz::small_limits();
    auto source = kinerja::import::read::read_text("fuzz.txt", input, limits);
    if (!source) return 0;
    auto doc = kinerja::import::understand(*source, type);
    if (!doc) return 0; // another kind than forced: an invalid_input error, as `--type` gives
    (void)kinerja::import::parse_json(*doc, doc->findings);
    return 0;
}
