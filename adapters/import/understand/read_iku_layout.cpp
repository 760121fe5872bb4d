// Indicator tables of other agencies' IKU and Renstra documents in column-aligned text.
#include "adapters/import/understand/read_iku.h"

namespace kinerja::import {

bool read_iku_layout(Context& ctx, boost::json::object& renstra) {
    (void)ctx;
    (void)renstra;
    return false;
}

} // namespace kinerja::import
