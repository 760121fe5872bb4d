// Evidence files of a month's actual: the upload (app::attach_evidence decides) and the download (only
// within scope; an operator only their own sub-unit's), with RFC 6266 file names.
#include "app/evidence.h"
#include "adapters/files/media_type.h"
#include "adapters/web/errors.h"
#include "adapters/web/forms.h"
#include "adapters/web/layout.h"
#include "adapters/web/pages/monthly_view.h"
#include "adapters/web/pages/pages.h"
#include "core/fiscal_year.h"

namespace kinerja::web::pages {
namespace {

// An ASCII name for old clients and the exact UTF-8 name in filename*.
std::string attachment_disposition(const std::string& filename) {
    std::string ascii;
    for (unsigned char ch : filename)
        ascii.push_back(ch < 0x20 || ch >= 0x7F || ch == '"' || ch == '\\' || ch == '/' ? '_' : static_cast<char>(ch));
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::url_encode(filename);
}

} // namespace

Response evidence_upload(RequestContext& c) {
    if (!c.parts)
        return error_page(c, 422, "Tidak dapat diproses", "Unggahan tidak terbaca (bukan multipart/form-data)");
    Fields fields;
    const http::Part* file = nullptr;
    for (const auto& p : *c.parts) {
        if (p.name == "berkas")
            file = &p;
        else
            fields[p.name] = std::string(p.data);
    }
    const auto year = int_field(fields, "tahun", k_first_year, k_last_year);
    const auto month = int_field(fields, "bulan", 1, 12);
    const auto indicator = int_field(fields, "indikator", 1, 1000000000);
    if (!year || !month || !indicator)
        return error_page(c, 422, "Tidak dapat diproses", "Tahun, bulan atau indikator tidak sah");
    app::EvidenceUpload upload{*year, *month, *indicator, {}, {}, {}};
    if (file) {
        upload.filename = file->filename;
        upload.data = file->data;
        upload.media_type = files::evidence_media_type(file->filename, file->data).value_or("");
    }
    auto id = app::attach_evidence(c.repo(), c.web.evidence(), c.who(), c.office->code, upload, c.options().evidence,
                                   c.now_iso());
    if (!id) {
        const int status = status_of(id.error());
        if (status == 404 || status == 403) return error_page(c, id.error());
        MonthForm form;
        form.status = status;
        form.error = shown_message(id.error());
        return monthly_page(c, *year, *month, form);
    }
    return redirect("/kantor/" + c.office->code + "/realisasi?tahun=" + std::to_string(*year) +
                    "&bulan=" + std::to_string(*month));
}

Response evidence_download(RequestContext& c) {
    const std::string& id = c.param("id");
    if (id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos)
        return error_page(c, 404, "Tidak ditemukan", "Bukti tidak ditemukan");
    auto e = app::open_evidence(c.repo(), c.web.evidence(), c.who(), std::stoll(id));
    if (!e) return error_page(c, e.error());
    Response resp{200, e->record.mime, {}, std::move(e->bytes)};
    resp.header("Content-Disposition", attachment_disposition(e->record.filename));
    return resp;
}

} // namespace kinerja::web::pages
