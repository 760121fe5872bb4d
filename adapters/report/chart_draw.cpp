#include "adapters/report/chart_draw.h"

#include <algorithm>
#include <cmath>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace kinerja::report_out {
namespace {

using app::report::Chart;

struct Rgb {
    double r, g, b;
};

// Okabe–Ito colours: told apart with the common colour-vision deficiencies; blue first, then orange.
constexpr Rgb palette[] = {{0.000, 0.447, 0.698}, {0.902, 0.624, 0.000}, {0.000, 0.620, 0.451},
                           {0.835, 0.369, 0.000}, {0.800, 0.475, 0.655}, {0.337, 0.706, 0.914}};
constexpr Rgb ink{0.15, 0.15, 0.15};
constexpr Rgb grid{0.85, 0.85, 0.85};
constexpr Rgb reference{0.75, 0.10, 0.10};

constexpr double pad = 6;
constexpr double label_size = 8;

void set_rgb(cairo_t* cr, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// One layout for every label of the chart, in points (resolution 72) on any surface.
class Labels {
public:
    explicit Labels(cairo_t* cr)
        : cr_(cr), layout_(pango_cairo_create_layout(cr)), font_(pango_font_description_new()) {
        pango_cairo_context_set_resolution(pango_layout_get_context(layout_), 72);
        pango_layout_context_changed(layout_);
        pango_font_description_set_family_static(font_, "Noto Sans");
    }
    ~Labels() {
        pango_font_description_free(font_);
        g_object_unref(layout_);
    }
    Labels(const Labels&) = delete;
    Labels& operator=(const Labels&) = delete;

    // Sets the text; width > 0 wraps (at most `max_lines`, then an ellipsis) and aligns within it.
    void set(const std::string& text, double size, bool bold = false, double width = -1,
             PangoAlignment align = PANGO_ALIGN_LEFT, int max_lines = 0) {
        pango_font_description_set_size(font_, pango_units_from_double(size));
        pango_font_description_set_weight(font_, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout_, font_);
        pango_layout_set_width(layout_, width > 0 ? pango_units_from_double(width) : -1);
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout_, align);
        pango_layout_set_height(layout_, max_lines > 0 ? -max_lines : -1);
        pango_layout_set_ellipsize(layout_, max_lines > 0 || width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
        pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
    }
    double width() const { return extent().width / double(PANGO_SCALE); }
    double height() const { return extent().height / double(PANGO_SCALE); }
    int lines() const { return pango_layout_get_line_count(layout_); }
    void draw(double x, double y, Rgb color) const {
        set_rgb(cr_, color);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout_);
    }

private:
    PangoRectangle extent() const {
        PangoRectangle r;
        pango_layout_get_extents(layout_, nullptr, &r);
        return r;
    }
    cairo_t* cr_;
    PangoLayout* layout_;
    PangoFontDescription* font_;
};

struct Scale {
    double top = 110, step = 10;
};

// 0..max(110, highest value with room for its label), in steps of 10, 20, 50, 100, … (at most 12 steps).
Scale value_scale(const Chart& chart) {
    double high = 0;
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v && std::isfinite(*v)) high = std::max(high, *v);
    const double want = std::max(110.0, high * 1.06);
    Scale sc;
    constexpr double growth[] = {2, 2.5, 2};
    for (int i = 0; want / sc.step > 12; ++i)
        sc.step *= growth[i % 3];
    sc.top = std::ceil(want / sc.step) * sc.step;
    return sc;
}

std::string tick_text(double v) {
    return std::to_string(static_cast<long long>(std::llround(v)));
}

size_t category_count(const Chart& chart) {
    size_t n = chart.categories.size();
    for (const auto& s : chart.series)
        n = std::max(n, s.values.size());
    return n;
}

struct Plot {
    double left, top, right, bottom;
    double y_of(double v, const Scale& sc) const {
        return bottom - std::clamp(v, 0.0, sc.top) / sc.top * (bottom - top);
    }
};

// Swatch and name per series in one centred row along the top edge.
void draw_legend(Labels& t, cairo_t* cr, const Chart& chart, double width) {
    const size_t n = chart.series.size();
    const double slot = (width - 2 * pad) / double(n);
    const double name_w = std::max(20.0, slot - 18);
    double total = 0;
    for (const auto& s : chart.series) {
        t.set(s.name, label_size, false, name_w);
        total += 14 + std::min(name_w, t.width()) + 12;
    }
    double x = std::max(pad, (width - total + 12) / 2);
    for (size_t i = 0; i < n; ++i) {
        set_rgb(cr, palette[i % std::size(palette)]);
        cairo_rectangle(cr, x, pad + 2, 10, 10);
        cairo_fill(cr);
        t.set(chart.series[i].name, label_size, false, name_w);
        t.draw(x + 14, pad, ink);
        x += 14 + std::min(name_w, t.width()) + 12;
    }
}

void draw_axis(Labels& t, cairo_t* cr, const Chart& chart, const Plot& p, const Scale& sc) {
    cairo_set_line_width(cr, 0.5);
    for (double v = 0; v <= sc.top + 1e-9; v += sc.step) {
        const double y = p.y_of(v, sc);
        set_rgb(cr, v == 0 ? ink : grid);
        cairo_move_to(cr, p.left, y);
        cairo_line_to(cr, p.right, y);
        cairo_stroke(cr);
        t.set(tick_text(v), label_size);
        t.draw(p.left - 4 - t.width(), y - t.height() / 2, ink);
    }
    set_rgb(cr, ink);
    cairo_move_to(cr, p.left, p.top);
    cairo_line_to(cr, p.left, p.bottom);
    cairo_stroke(cr);
    if (!chart.value_axis.empty()) {
        t.set(chart.value_axis, label_size, true);
        t.draw(p.left - 4 - t.width(), p.top - t.height() - 6, ink);
    }
}

struct Bar {
    double x, w;
    std::optional<double> value;
    const std::string* label; // null: none given
};

// Where the bar of series `s` in category `cat` stands: the group's bars side by side, centred.
Bar bar_of(const Chart& chart, size_t cat, size_t s, double x0, double group_w) {
    const size_t ns = chart.series.size();
    const double w = std::min(group_w * 0.72 / double(ns), 56.0);
    const auto& series = chart.series[s];
    Bar bar{x0 + (group_w - w * double(ns)) / 2 + w * double(s), w, std::nullopt, nullptr};
    if (cat < series.values.size() && series.values[cat] && std::isfinite(*series.values[cat]))
        bar.value = series.values[cat];
    if (cat < series.labels.size()) bar.label = &series.labels[cat];
    return bar;
}

void draw_bar(cairo_t* cr, const Plot& p, const Scale& sc, const Bar& bar, Rgb color) {
    if (!bar.value || *bar.value <= 0) return; // a missing value has no bar, only its label "-"
    const double top = p.y_of(*bar.value, sc);
    set_rgb(cr, color);
    cairo_rectangle(cr, bar.x + 0.75, top, bar.w - 1.5, p.bottom - top);
    cairo_fill(cr);
}

// The printed value above its bar, on a white patch so the reference line does not cross it.
void draw_value_label(Labels& t, cairo_t* cr, const Plot& p, const Scale& sc, const Bar& bar) {
    const std::string label = bar.label ? *bar.label : bar.value ? std::string() : "-";
    if (label.empty()) return;
    t.set(label, label_size);
    // Narrow bars get smaller labels rather than labels running into their neighbours.
    if (t.width() > bar.w + 4) t.set(label, std::max(5.0, label_size * (bar.w + 4) / t.width()));
    const double top = bar.value ? p.y_of(*bar.value, sc) : p.bottom;
    const double x = bar.x + (bar.w - t.width()) / 2, y = top - t.height() - 1;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x - 1, y + 1, t.width() + 2, t.height() - 1);
    cairo_fill(cr);
    t.draw(x, y, ink);
}

// The tallest category label (wrapped to its group, at most three lines), so the plot can end above it.
double category_label_height(Labels& t, const Chart& chart, double group_w) {
    double h = 0;
    for (const auto& c : chart.categories) {
        t.set(c, label_size, false, group_w - 4, PANGO_ALIGN_CENTER, 3);
        h = std::max(h, t.height());
    }
    return h;
}

void draw_reference(cairo_t* cr, const Plot& p, const Scale& sc, double value) {
    if (value <= 0 || value > sc.top) return;
    const double y = p.y_of(value, sc);
    const double dash[] = {5, 3};
    cairo_save(cr);
    set_rgb(cr, reference);
    cairo_set_line_width(cr, 1);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, p.left, y);
    cairo_line_to(cr, p.right, y);
    cairo_stroke(cr);
    cairo_restore(cr);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

void draw_chart(cairo_t* cr, const app::report::Chart& chart, double width, double height) {
    Labels t(cr);
    cairo_save(cr);
    const Scale sc = value_scale(chart);
    const size_t n = category_count(chart);

    t.set(tick_text(sc.top), label_size);
    Plot p{};
    p.left = pad + std::max(t.width(), 12.0) + 6;
    p.right = width - pad;
    p.top = pad + (chart.series.size() >= 2 ? 22 : 14);
    const double group_w = n > 0 ? (p.right - p.left) / double(n) : p.right - p.left;
    p.bottom = std::max(p.top + 10, height - pad - category_label_height(t, chart, group_w) - 4);

    if (chart.series.size() >= 2) draw_legend(t, cr, chart, width);
    draw_axis(t, cr, chart, p, sc);
    for (size_t c = 0; c < n; ++c) {
        const double x0 = p.left + group_w * double(c);
        for (size_t s = 0; s < chart.series.size(); ++s)
            draw_bar(cr, p, sc, bar_of(chart, c, s, x0, group_w), palette[s % std::size(palette)]);
        if (c < chart.categories.size()) {
            t.set(chart.categories[c], label_size, false, group_w - 4, PANGO_ALIGN_CENTER, 3);
            t.draw(x0 + 2, p.bottom + 4, ink);
        }
    }
    draw_reference(cr, p, sc, chart.reference_line);
    for (size_t c = 0; c < n; ++c)
        for (size_t s = 0; s < chart.series.size(); ++s)
            draw_value_label(t, cr, p, sc, bar_of(chart, c, s, p.left + group_w * double(c), group_w));
    cairo_restore(cr);
}

std::string chart_png(const app::report::Chart& chart, int width_px, int height_px) {
    if (width_px <= 0 || height_px <= 0) return {};
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    // Drawn at the PDF's size (about 480 pt wide) and scaled up, so big pictures get proportionally big text.
    const double scale = std::max(1.0, width_px / 480.0);
    cairo_scale(cr, scale, scale);
    draw_chart(cr, chart, width_px / scale, height_px / scale);
    cairo_destroy(cr);
    std::string png;
    if (cairo_surface_write_to_png_stream(surface, append_bytes, &png) != CAIRO_STATUS_SUCCESS) png.clear();
    cairo_surface_destroy(surface);
    return png;
}

} // namespace kinerja::report_out
