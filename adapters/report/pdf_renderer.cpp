// PDF through cairo and pango. The document is laid out twice with the same code: the first pass only
// measures (no cairo context) to learn the page of every heading and the number of pages, the second
// draws with those known, so the table of contents and "Halaman n dari m" are right.
#include <algorithm>
#include <cmath>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "adapters/report/chart_draw.h"
#include "adapters/report/pdf_writer.h"
#include "adapters/report/renderers.h"

namespace kinerja::report_out {
namespace pdf {

using namespace app::report;

bool is_utf8(std::string_view s) {
    return g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr);
}

std::string valid_utf8(std::string_view s) {
    if (is_utf8(s)) return std::string(s);
    gchar* valid = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
    std::string out(valid);
    g_free(valid);
    return out;
}

// No line breaks after a slash between two words ("Kabupaten/Kota"): the text taken back from the PDF
// (pdftotext) could not tell that line end from a space after the slash ("Pemilu/ Pemilihan").
void keep_slashed_words(PangoLayout* layout, std::string_view text) {
    PangoAttrList* attrs = nullptr;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '/' || g_ascii_isspace(text[i + 1])) continue;
        if (!attrs) attrs = pango_attr_list_new();
        PangoAttribute* keep = pango_attr_allow_breaks_new(FALSE); // breaks inside the range: after the slash
        keep->start_index = static_cast<guint>(i);
        keep->end_index = static_cast<guint>(g_utf8_next_char(text.data() + i + 1) - text.data());
        pango_attr_list_insert(attrs, keep);
    }
    if (!attrs) return;
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

void set_text(PangoLayout* layout, std::string_view text) {
    const std::string valid = is_utf8(text) ? std::string() : valid_utf8(text);
    const std::string_view set = is_utf8(text) ? text : std::string_view(valid);
    pango_layout_set_text(layout, set.data(), static_cast<int>(set.size()));
    keep_slashed_words(layout, set);
}

std::vector<Line> lines_of(PangoLayout* layout) {
    std::vector<Line> out;
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        out.push_back(Line{pango_layout_iter_get_line_readonly(it), pt(y0), pt(y1),
                           pt(pango_layout_iter_get_baseline(it)), pt(logical.x)});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
}

namespace {

struct Extent {
    double width, height;
};

Extent extent(PangoLayout* l) {
    PangoRectangle r;
    pango_layout_get_extents(l, nullptr, &r);
    return {pt(r.width), pt(r.height)};
}

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

} // namespace

Writer::Writer(const Document& doc, PangoContext* ctx, ParagraphLayouts& paragraphs, cairo_t* cr, const Plan* known)
    : doc_(doc), ctx_(ctx), paragraphs_(paragraphs), cr_(cr), known_(known), layout_(pango_layout_new(ctx)),
      furniture_(pango_layout_new(ctx)), font_(pango_font_description_new()), want_landscape_(doc.landscape) {}

Writer::~Writer() {
    for (auto* pool : {&header_pool_, &body_pool_})
        for (PangoLayout* l : *pool)
            g_object_unref(l);
    g_object_unref(layout_);
    g_object_unref(furniture_);
    pango_font_description_free(font_);
}

Plan Writer::run() {
    begin_page();
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
        // A heading goes onto the landscape page of the wide table right after it.
        const auto* next = i + 1 < doc_.blocks.size() ? std::get_if<Table>(&doc_.blocks[i + 1]) : nullptr;
        if (std::holds_alternative<Heading>(doc_.blocks[i]) && next && next->landscape_hint) set_orientation(true);
        std::visit([this](const auto& block) { put(block); }, doc_.blocks[i]);
    }
    finish_page();
    return Plan{page_, heading_pages_};
}

// ---- pages ----

void Writer::apply_size() {
    pw_ = landscape_ ? a4_long : a4_short;
    ph_ = landscape_ ? a4_short : a4_long;
    if (cr_) cairo_pdf_surface_set_size(cairo_get_target(cr_), pw_, ph_);
}

void Writer::begin_page() {
    ++page_;
    landscape_ = want_landscape_;
    apply_size();
    y_ = margin;
    fresh_ = true;
}

void Writer::finish_page() {
    if (!cr_) return;
    decorate();
    cairo_show_page(cr_);
}

// A no-op on a page with nothing on it yet, so consecutive breaks give no blank pages.
void Writer::new_page() {
    if (fresh_) return;
    finish_page();
    begin_page();
}

// A wide table gets landscape pages of its own in a portrait document.
void Writer::set_orientation(bool landscape) {
    want_landscape_ = landscape || doc_.landscape;
    if (want_landscape_ == landscape_) return;
    if (fresh_) { // nothing drawn yet: the page can still change its size
        landscape_ = want_landscape_;
        apply_size();
        return;
    }
    finish_page();
    begin_page();
}

// ---- text ----

void Writer::style(PangoLayout* l, const Font& f, double width, PangoAlignment align, bool justify) {
    pango_font_description_set_family_static(font_, f.family);
    pango_font_description_set_size(font_, pango_units_from_double(f.size));
    pango_font_description_set_weight(font_, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font_, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l, font_);
    pango_layout_set_width(l, width > 0 ? pango_units_from_double(width) : -1);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_justify(l, justify);
    pango_layout_set_line_spacing(l, static_cast<float>(f.spacing));
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_attributes(l, nullptr);
}

// Sets `l` up for `text` wrapped at width w (none when w <= 0) and returns its height.
double Writer::prepare(PangoLayout* l, std::string_view text, const Font& f, double w, PangoAlignment align,
                       bool justify) {
    style(l, f, w, align, justify);
    set_text(l, text);
    return extent(l).height;
}

void Writer::show(PangoLayout* l, double x, double y, Rgb c) {
    if (!cr_) return;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
}

void Writer::show_line(const Line& line, double x, double top, Rgb c) {
    if (!cr_) return;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_move_to(cr_, x + line.x, top + line.baseline - line.top);
    pango_cairo_show_layout_line(cr_, line.line);
}

// Places the layout's lines from y on, continuing on the next page where one no longer fits.
void Writer::flow(PangoLayout* l, double x, Rgb c) {
    for (const Line& line : lines_of(l)) {
        const double h = line.bottom - line.top;
        if (!fits(h)) new_page();
        show_line(line, x, y_, c);
        advance(h);
    }
}

void Writer::fill(double x, double y, double w, double h, Rgb c) {
    if (!cr_) return;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
}

// ---- page furniture ----

void Writer::decorate() {
    const double line_y = ph_ - margin + 14;
    cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, margin, line_y);
    cairo_line_to(cr_, pw_ - margin, line_y);
    cairo_stroke(cr_);
    const Font small{sans, 8};
    prepare(furniture_, one_line(doc_.title), small, content_w() / 2 - 60);
    pango_layout_set_ellipsize(furniture_, PANGO_ELLIPSIZE_END);
    show(furniture_, margin, line_y + 4, grey);
    prepare(furniture_, fmt::format("Halaman {} dari {}", page_, known_->pages), small, content_w(),
            PANGO_ALIGN_CENTER);
    show(furniture_, margin, line_y + 4, grey);
    if (doc_.draft) watermark(), draft_banner();
}

// Poppler reads diagonal text letter by letter; this level copy keeps "DRAFT" searchable on every page.
void Writer::draft_banner() {
    const double h = prepare(furniture_, draft_watermark, Font{sans, 9, true}, content_w(), PANGO_ALIGN_CENTER);
    show(furniture_, margin, margin / 2 - h / 2, Rgb{0.75, 0.1, 0.1});
}

// Real text, diagonal across the page, light enough to read the page through it.
void Writer::watermark() {
    prepare(furniture_, draft_watermark, Font{sans, 60, true}, -1);
    const Extent e = extent(furniture_);
    const double scale = std::hypot(pw_, ph_) * 0.6 / std::max(1.0, e.width);
    cairo_save(cr_);
    cairo_translate(cr_, pw_ / 2, ph_ / 2);
    cairo_rotate(cr_, -std::atan2(ph_, pw_));
    cairo_scale(cr_, scale, scale);
    cairo_set_source_rgba(cr_, 0.8, 0.1, 0.1, 0.18);
    cairo_move_to(cr_, -e.width / 2, -e.height / 2);
    pango_cairo_show_layout(cr_, furniture_);
    cairo_restore(cr_);
}

// ---- headings and paragraphs ----

void Writer::put(const Heading& h) {
    const int level = std::clamp(h.level, 1, 3);
    if (level == 1) new_page();
    const Font font = level == 1   ? Font{sans, 14, true}
                      : level == 2 ? Font{sans, 12, true}
                                   : Font{sans, 11, true, true};
    const double hh = prepare(layout_, h.text, font, content_w(), level == 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    const double before = fresh_ ? 0 : 10;
    // Keep a heading with at least the first lines of what follows it.
    if (!fits(before + hh + 40))
        new_page();
    else
        y_ += before;
    if (h.in_toc) {
        heading_pages_.push_back(page_);
        if (cr_) add_outline(h, y_);
    }
    // A named destination, the target of the entry in the table of contents.
    const std::string dest = fmt::format("name='heading-{}'", heading_pages_.size());
    if (cr_ && h.in_toc) cairo_tag_begin(cr_, CAIRO_TAG_DEST, dest.c_str());
    show(layout_, margin, y_, black);
    if (cr_ && h.in_toc) cairo_tag_end(cr_, CAIRO_TAG_DEST);
    advance(hh + (level == 1 ? 16 : 6));
}

void Writer::add_outline(const Heading& h, double top) {
    const int level = std::clamp(h.level, 1, 3);
    const std::string link = fmt::format("page={} pos=[{:.1f} {:.1f}]", page_, margin, top);
    const std::string text = one_line(h.text);
    const int id = cairo_pdf_surface_add_outline(cairo_get_target(cr_), outline_parents_[level - 1], text.c_str(),
                                                 link.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
    for (int l = level; l < 4; ++l)
        outline_parents_[l] = id;
}

void Writer::put(const Paragraph& p) {
    Font font{serif, 11, p.bold, false, 1.2};
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool justify = false;
    Rgb color = black;
    switch (p.style) {
    case ParagraphStyle::body:
        justify = true;
        break;
    case ParagraphStyle::centered:
        align = PANGO_ALIGN_CENTER, font.size = 12;
        break;
    case ParagraphStyle::title:
        align = PANGO_ALIGN_CENTER, font = Font{sans, 22, true, false, 1.2};
        if (fresh_) y_ += content_h() * 0.22; // a cover title sits in the upper third, not at the edge
        break;
    case ParagraphStyle::note:
        font = Font{sans, 8.5, p.bold, false, 1.1};
        break;
    case ParagraphStyle::missing:
        font.italic = true, color = grey;
        break;
    }
    auto [layout, added] = paragraphs_.get(ctx_, &p);
    if (added) prepare(layout, p.text, font, content_w(), align, justify);
    flow(layout, margin, color);
    advance(p.style == ParagraphStyle::note ? 4 : 8);
}

// ---- charts, signatures, contents ----

void Writer::put(const Chart& c) {
    const double cap_h = prepare(layout_, c.caption, Font{sans, 10, true}, content_w(), PANGO_ALIGN_CENTER) + 4;
    need(cap_h + chart_height); // the caption and the chart on one page
    show(layout_, margin, y_, black);
    advance(cap_h);
    if (cr_) {
        cairo_save(cr_);
        cairo_translate(cr_, margin, y_);
        draw_chart(cr_, c, content_w(), chart_height);
        cairo_restore(cr_);
    }
    advance(chart_height + 14);
}

void Writer::put(const Signatures& s) {
    const size_t n = std::max<size_t>(s.parties.size(), 1);
    // One signer signs on the right half, as on a letter; several share the width.
    const double col_w = s.parties.size() <= 1 ? content_w() / 2 : content_w() / double(n);
    const double x0 = s.parties.size() <= 1 ? margin + content_w() / 2 : margin;
    const Font body{serif, 11};
    const Font bold{serif, 11, true};
    auto height_of = [&](const std::string& t, const Font& f) {
        return t.empty() ? 0.0 : prepare(layout_, t, f, col_w - 12, PANGO_ALIGN_CENTER);
    };
    auto nip_line = [](const Signature& p) { return p.nip.empty() ? std::string() : "NIP. " + p.nip; };
    // The same heights in every column, so the names stand on one line.
    double above = 0, below = 0;
    for (const Signature& p : s.parties) {
        above = std::max(above, height_of(p.role, bold) + height_of(p.position, body));
        below = std::max(below, height_of(p.name, bold) + height_of(nip_line(p), body));
    }
    constexpr double signing_space = 60; // to sign and stamp
    const double date_h = s.place_date.empty() ? 0 : height_of(s.place_date, body) + 4;
    need(12 + date_h + above + signing_space + below);
    advance(12);
    if (!s.place_date.empty()) {
        // The place and date stand above the last (right-hand) signer.
        height_of(s.place_date, body);
        show(layout_, x0 + col_w * double(n - 1) + 6, y_, black);
        advance(date_h);
    }
    for (size_t i = 0; i < s.parties.size(); ++i) {
        const Signature& p = s.parties[i];
        const double x = x0 + col_w * double(i) + 6;
        double y = y_;
        auto text = [&](const std::string& t, const Font& f, bool underline = false) {
            const double h = height_of(t, f);
            if (underline) {
                PangoAttrList* attrs = pango_attr_list_new();
                pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
                pango_layout_set_attributes(layout_, attrs);
                pango_attr_list_unref(attrs);
            }
            if (h > 0) show(layout_, x, y, black);
            y += h;
        };
        text(p.role, bold);
        text(p.position, body);
        y = y_ + above + signing_space;
        text(p.name, bold, true);
        text(nip_line(p), body);
    }
    advance(above + signing_space + below + 8);
}

// The dotted line from an entry of the contents to its page number.
void Writer::leader(double from_x, double to_x, double baseline) {
    if (!cr_ || to_x <= from_x) return;
    const double dots[] = {0, 3};
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, grey.r, grey.g, grey.b);
    cairo_set_line_width(cr_, 0.8);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr_, dots, 2, 0);
    cairo_move_to(cr_, from_x, baseline);
    cairo_line_to(cr_, to_x, baseline);
    cairo_stroke(cr_);
    cairo_restore(cr_);
}

void Writer::put(const TableOfContents&) {
    new_page();
    const double title_h = prepare(layout_, "DAFTAR ISI", Font{sans, 14, true}, content_w(), PANGO_ALIGN_CENTER);
    show(layout_, margin, y_, black);
    advance(title_h + 18);
    constexpr double number_w = 36;
    size_t index = 0;
    for (const Block& b : doc_.blocks) {
        const auto* h = std::get_if<Heading>(&b);
        if (!h || !h->in_toc) continue;
        const int level = std::clamp(h->level, 1, 3);
        const double indent = 18.0 * (level - 1);
        const double text_w = content_w() - indent - number_w - 8;
        const double eh = prepare(layout_, one_line(h->text), Font{sans, 10.5, level == 1, false, 1.2}, text_w);
        need(eh + 4);
        const std::vector<Line> lines = lines_of(layout_);
        const double x = margin + indent;
        const std::string link = fmt::format("dest='heading-{}'", index + 1);
        if (cr_) cairo_tag_begin(cr_, CAIRO_TAG_LINK, link.c_str());
        for (const Line& line : lines)
            show_line(line, x, y_ + line.top, black);
        if (cr_) cairo_tag_end(cr_, CAIRO_TAG_LINK);
        PangoRectangle last;
        pango_layout_line_get_extents(lines.back().line, nullptr, &last);
        const double base = lines.back().baseline;
        leader(x + lines.back().x + pt(last.width) + 6, margin + content_w() - number_w - 2, y_ + base);
        // The measuring pass does not know the pages yet; the number's width is fixed, so nothing moves.
        const int page = known_ && index < known_->heading_pages.size() ? known_->heading_pages[index] : 0;
        ++index;
        prepare(layout_, std::to_string(page), Font{sans, 10.5, level == 1}, number_w, PANGO_ALIGN_RIGHT);
        const double num_base = pt(pango_layout_get_baseline(layout_));
        show(layout_, margin + content_w() - number_w, y_ + base - num_base, black);
        advance(eh + 4);
    }
    new_page();
}

} // namespace pdf

namespace {

using namespace pdf;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One pango context for both passes, in points (72 dpi) and unhinted, so that measuring and drawing
// place every line at the same position.
PangoContext* make_context() {
    PangoContext* ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    return ctx;
}

} // namespace

Result<std::string> render_pdf(const app::report::Document& doc) {
    std::unique_ptr<PangoContext, decltype(&g_object_unref)> ctx(make_context(), g_object_unref);
    ParagraphLayouts paragraphs;
    Plan plan = Writer(doc, ctx.get(), paragraphs, nullptr, nullptr).run();

    std::string pdf;
    const bool land = doc.landscape;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &pdf, land ? a4_long : a4_short, land ? a4_short : a4_long);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, valid_utf8(doc.title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kinerja");
    cairo_t* cr = cairo_create(surface);
    const Plan drawn = Writer(doc, ctx.get(), paragraphs, cr, &plan).run();
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return fail(ErrorCode::internal, fmt::format("PDF gagal dibuat: {}", cairo_status_to_string(status)));
    // Both passes must break the same way, or the contents and "dari m" would be wrong.
    if (drawn.pages != plan.pages || drawn.heading_pages != plan.heading_pages)
        return fail(ErrorCode::internal, "Tata letak PDF berbeda antara pengukuran dan penggambaran");
    return pdf;
}

} // namespace kinerja::report_out
