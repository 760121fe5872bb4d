// Tables of the PDF: column widths from Table::widths, wrapped cells, header rows repeated on every page
// the table continues on, and rows taller than a page split between lines.
#include <algorithm>

#include "adapters/report/pdf_writer.h"

namespace kinerja::report_out::pdf {

using namespace app::report;

PangoLayout* Writer::pooled(std::vector<PangoLayout*>& pool, size_t i) {
    while (pool.size() <= i)
        pool.push_back(pango_layout_new(ctx_));
    return pool[i];
}

void Writer::continue_table(const TableFrame& f) {
    new_page();
    if (f.repeat_header) draw_header(f);
}

TableFrame Writer::frame_of(const Table& t) const {
    size_t ncols = t.widths.size();
    for (const auto* rows : {&t.header, &t.body})
        for (const Row& r : *rows) {
            size_t n = 0;
            for (const Cell& c : r.cells)
                n += static_cast<size_t>(std::max(1, c.span));
            ncols = std::max(ncols, n);
        }
    ncols = std::max<size_t>(ncols, 1);
    std::vector<double> weight(ncols, 1);
    for (size_t i = 0; i < t.widths.size(); ++i)
        if (t.widths[i] > 0) weight[i] = t.widths[i];
    double total = 0;
    for (double w : weight)
        total += w;
    TableFrame f;
    f.table = &t;
    f.font_size = t.landscape_hint ? 8 : 9;
    f.xs.push_back(margin);
    for (double w : weight)
        f.xs.push_back(f.xs.back() + content_w() * w / total);
    return f;
}

RowBox Writer::measure_row(const TableFrame& f, const Row& row, bool header, std::vector<PangoLayout*>& pool) {
    RowBox r;
    r.style = row.style;
    r.header = header;
    const size_t ncols = f.xs.size() - 1;
    size_t col = 0;
    for (const Cell& c : row.cells) {
        if (col >= ncols) break;
        const size_t span = std::min(static_cast<size_t>(std::max(1, c.span)), ncols - col);
        r.cells.push_back(CellBox{f.xs[col], f.xs[col + span] - f.xs[col], &c, {}, 0});
        col += span;
    }
    for (; col < ncols; ++col)
        r.cells.push_back(CellBox{f.xs[col], f.xs[col + 1] - f.xs[col], nullptr, {}, 0});
    for (size_t i = 0; i < r.cells.size(); ++i) {
        CellBox& cb = r.cells[i];
        const bool bold = header || row.style == RowStyle::total || (cb.cell && cb.cell->bold);
        const Align a = cb.cell ? cb.cell->align : Align::left;
        const PangoAlignment align = header || a == Align::center ? PANGO_ALIGN_CENTER
                                     : a == Align::right          ? PANGO_ALIGN_RIGHT
                                                                  : PANGO_ALIGN_LEFT;
        PangoLayout* l = pooled(pool, i);
        prepare(l, cb.cell ? std::string_view(cb.cell->text) : std::string_view(), Font{sans, f.font_size, bold},
                std::max(4.0, cb.w - 2 * cell_pad), align);
        cb.lines = lines_of(l);
        cb.text_h = cb.lines.back().bottom;
        r.h = std::max(r.h, cb.text_h + 2 * cell_pad);
    }
    return r;
}

// Draws lines [from, to) of every cell as one band of height h at y; `whole` centres them vertically.
void Writer::paint_row(const RowBox& r, const std::vector<size_t>& from, const std::vector<size_t>& to, double h,
                       bool whole) {
    if (!cr_) return;
    const bool shaded = r.header || r.style == RowStyle::group;
    for (const CellBox& cb : r.cells)
        if (shaded) fill(cb.x, y_, cb.w, h, r.header ? header_fill : group_fill);
    for (size_t i = 0; i < r.cells.size(); ++i) {
        const CellBox& cb = r.cells[i];
        if (from[i] >= to[i]) continue;
        const double first_top = cb.lines[from[i]].top;
        const double used = cb.lines[to[i] - 1].bottom - first_top;
        const double top = y_ + cell_pad + (whole ? (h - 2 * cell_pad - used) / 2 : 0);
        for (size_t k = from[i]; k < to[i]; ++k)
            show_line(cb.lines[k], cb.x + cell_pad, top + cb.lines[k].top - first_top, black);
    }
    cairo_set_source_rgb(cr_, border.r, border.g, border.b);
    cairo_set_line_width(cr_, 0.5);
    for (const CellBox& cb : r.cells)
        cairo_rectangle(cr_, cb.x, y_, cb.w, h);
    cairo_stroke(cr_);
}

// A row goes on in bands, page after page, until every cell's lines are out: a row taller than a
// page is split between lines instead of overflowing. Every band takes at least one line per cell.
void Writer::draw_row(RowBox& r, const TableFrame& f) {
    const size_t n = r.cells.size();
    std::vector<size_t> from(n, 0), to(n, 0);
    for (bool first = true;; first = false) {
        const double avail = bottom() - y_ - 2 * cell_pad;
        double band = 0;
        bool done = true;
        for (size_t i = 0; i < n; ++i) {
            const auto& lines = r.cells[i].lines;
            size_t k = from[i];
            const double top = k < lines.size() ? lines[k].top : 0;
            while (k < lines.size() && (k == from[i] || lines[k].bottom - top <= avail))
                ++k;
            to[i] = k;
            if (k > from[i]) band = std::max(band, lines[k - 1].bottom - top);
            done = done && k == lines.size();
        }
        const bool whole = first && done;
        const double h = whole ? r.h : band + 2 * cell_pad;
        paint_row(r, from, to, h, whole);
        advance(h);
        if (done) return;
        from = to;
        continue_table(f);
    }
}

double Writer::header_height(const TableFrame& f) {
    double h = 0;
    for (const Row& row : f.table->header)
        h += measure_row(f, row, true, header_pool_).h;
    return h;
}

void Writer::draw_header(const TableFrame& f) {
    for (const Row& row : f.table->header) {
        RowBox r = measure_row(f, row, true, header_pool_);
        draw_row(r, f);
    }
}

void Writer::put(const Table& t) {
    if (t.landscape_hint) set_orientation(true);
    TableFrame f = frame_of(t);
    const double head_h = header_height(f);
    // A header taller than a third of the page is printed once: repeating it would leave no room.
    f.repeat_header = head_h <= content_h() / 3;
    double first_h = 0;
    if (!t.body.empty()) first_h = std::min(measure_row(f, t.body.front(), false, body_pool_).h, content_h() / 3);
    const double cap_h =
        t.caption.empty() ? 0 : prepare(layout_, t.caption, Font{sans, 10, true}, content_w(), PANGO_ALIGN_CENTER) + 4;
    need(cap_h + head_h + first_h); // the caption stays with the header and the first row
    if (!t.caption.empty()) {
        show(layout_, margin, y_, black);
        advance(cap_h);
    }
    const TableFrame once{f.table, f.xs, f.font_size, false};
    draw_header(f.repeat_header ? f : once);
    const double room = content_h() - (f.repeat_header ? head_h : 0);
    for (const Row& row : t.body) {
        RowBox r = measure_row(f, row, false, body_pool_);
        // A row that fits a page moves to the next one whole; a taller one starts here if a few lines fit.
        if (!fits(r.h) && (r.h <= room || !fits(40))) continue_table(f);
        draw_row(r, f);
    }
    if (!t.note.empty()) {
        advance(3);
        prepare(layout_, t.note, Font{sans, 8, false, false, 1.1}, content_w());
        flow(layout_, margin, grey);
    }
    advance(12);
    if (t.landscape_hint) set_orientation(false);
}

} // namespace kinerja::report_out::pdf
