#include "adapters/report/renderers.h"

namespace kinerja::report_out {

Result<std::string> render_docx(const app::report::Document&) {
    return fail(ErrorCode::unsupported, "Format docx belum tersedia");
}

} // namespace kinerja::report_out
