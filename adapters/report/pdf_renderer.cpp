#include "adapters/report/renderers.h"

namespace kinerja::report_out {

Result<std::string> render_pdf(const app::report::Document&) {
    return fail(ErrorCode::unsupported, "Format pdf belum tersedia");
}

} // namespace kinerja::report_out
