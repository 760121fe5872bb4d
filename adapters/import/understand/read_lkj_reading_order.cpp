// The measurement of LKj tables printed in reading order (being written).
#include "adapters/import/understand/read_lkj.h"

namespace kinerja::import::lkj {

bool read_reading_order_measurement(Doc&) {
    return false;
}

} // namespace kinerja::import::lkj
