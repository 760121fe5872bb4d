// Reads a iku document into seed/1 (data/demo/FORMAT.md).
#include "adapters/import/understand/context.h"

namespace kinerja::import {

void read_iku(Context& ctx) {
    (void)ctx;
}

} // namespace kinerja::import
