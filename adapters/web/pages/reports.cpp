// The reports of a year (LKj, PK, RKT, Rencana Aksi) with their state, and their downloads as DOCX,
// PDF or XLSX: refused over error findings unless asked as a draft.
#include "app/reports.h"
#include "adapters/report/renderers.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/pages.h"

namespace kinerja::web::pages {
namespace {

using kainjow::mustache::list;

Data report_view(const app::ReportStatus& s) {
    Data sd;
    sd.set("kind", s.kind);
    sd.set("title", s.title);
    set_if(sd, "missing", s.missing);
    const bool draft = !s.errors.empty();
    if (draft) {
        sd.set("errors", std::to_string(s.errors.size()));
        sd.set("has_errors", true);
        list el;
        for (const auto& f : s.errors) {
            Data fd;
            fd.set("message", f.message);
            fd.set("where", f.where);
            el.push_back(fd);
        }
        sd.set("error_list", el);
    }
    list fl;
    for (const auto& [format, label] : {std::pair{"docx", "DOCX"}, {"pdf", "PDF"}, {"xlsx", "XLSX"}}) {
        Data fd;
        fd.set("format", std::string(format));
        fd.set("label", std::string(label));
        if (draft) fd.set("draft", true);
        fl.push_back(fd);
    }
    sd.set("formats", fl);
    return sd;
}

} // namespace

Response reports(RequestContext& c) {
    auto year = shown_year(c, c.query());
    if (!year) return error_page(c, year.error());
    auto years = c.repo().office_years(c.office->id);
    if (!years) return error_page(c, years.error());
    auto statuses = app::report_statuses(c.repo(), c.who(), c.office->code, *year);
    if (!statuses) return error_page(c, statuses.error());
    Data d;
    d.set("office_name", c.office->name);
    d.set("office_code", c.office->code);
    d.set("year", std::to_string(*year));
    if (app::can_plan(c.who(), *c.office)) d.set("can_plan", true);
    d.set("years", year_options(*years, *year));
    list rl;
    for (const auto& s : *statuses)
        rl.push_back(report_view(s));
    d.set("reports", rl);
    return page_of(c, "Laporan", "reports", d);
}

// GET /kantor/{office}/laporan/{kind}.{format}?tahun=&draf=1: no state changes, so no CSRF token.
Response report_download(RequestContext& c) {
    const std::string& file = c.param("file");
    const auto dot = file.rfind('.');
    if (dot == std::string::npos) return error_page(c, 404, "Tidak ditemukan", "Laporan '" + file + "' tidak ada");
    const std::string kind = file.substr(0, dot), format = file.substr(dot + 1);
    if (format != "docx" && format != "pdf" && format != "xlsx")
        return error_page(c, 404, "Tidak ditemukan", "Format '" + format + "' tidak ada; pilih DOCX, PDF atau XLSX");
    const auto q = c.query();
    auto year = shown_year(c, q);
    if (!year) return error_page(c, year.error());
    app::ReportRequest request;
    request.kind = kind;
    request.office_code = c.office->code;
    request.year = *year;
    request.force = field(q, "draf") == "1";
    if (auto it = q.find("unit"); it != q.end()) request.unit = it->second;
    if (auto v = int_field(q, "versi", 1, 1000)) request.version = *v;
    auto prepared = app::prepare_report(c.repo(), request, &c.who());
    if (!prepared) return error_page(c, prepared.error());
    if (prepared->refused)
        return error_page(c, 409, "Laporan ditolak",
                          std::to_string(prepared->errors.size()) +
                              " temuan galat; perbaiki datanya atau unduh sebagai draf dari halaman Laporan");
    auto bytes = report_out::render(prepared->document, format);
    if (!bytes) return error_page(c, bytes.error());
    Response out{200, std::string(report_out::media_type(format)), {}, std::move(*bytes)};
    const std::string name =
        kind + "-" + std::to_string(*year) + "-" + c.office->code + (request.force ? "-draf" : "") + "." + format;
    out.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return out;
}

} // namespace kinerja::web::pages
