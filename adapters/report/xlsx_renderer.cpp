#include "adapters/report/renderers.h"

namespace kinerja::report_out {

Result<std::string> render_xlsx(const app::report::Document&) {
    return fail(ErrorCode::unsupported, "Format xlsx belum tersedia");
}

} // namespace kinerja::report_out
