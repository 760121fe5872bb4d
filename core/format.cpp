#include "core/format.h"

namespace kinerja {

std::string percent_text(const std::optional<Ratio>& r, Rounding rounding) {
    return r ? r->round(2, rounding).indonesian(2) : std::string(k_no_value);
}

std::optional<std::string> percent_canonical(const std::optional<Ratio>& r, Rounding rounding) {
    if (!r) return std::nullopt;
    return r->round(2, rounding).canonical();
}

} // namespace kinerja
