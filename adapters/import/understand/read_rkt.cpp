// Reads a rkt document into seed/1 (data/demo/FORMAT.md).
#include "adapters/import/understand/context.h"

namespace kinerja::import {

void read_rkt(Context& ctx) {
    (void)ctx;
}

} // namespace kinerja::import
