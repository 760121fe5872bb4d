// Reads a pk document into seed/1 (data/demo/FORMAT.md).
#include "adapters/import/understand/context.h"

namespace kinerja::import {

void read_pk(Context& ctx) {
    (void)ctx;
}

} // namespace kinerja::import
