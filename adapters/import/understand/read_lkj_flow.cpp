// The measurement table of LKj texts without tab-separated rows: column-aligned layout (pdftotext
// -layout) and reading-order flow where a row's values follow its names on later lines.
#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {

void read_flow_measurement(Doc& doc) {
    (void)doc;
}

} // namespace kinerja::import::lkj
