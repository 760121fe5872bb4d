#pragma once
// Internals of the PDF renderer (pdf_renderer.cpp, pdf_table.cpp): the one Writer that lays a report
// out page by page, used for a measuring pass and a drawing pass.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "app/report_model.h"

namespace kinerja::report_out::pdf {

namespace rep = app::report;

inline constexpr double a4_short = 595.28;
inline constexpr double a4_long = 841.89;
inline constexpr double margin = 56.69; // 2 cm
inline constexpr double cell_pad = 3;
inline constexpr double chart_height = 240;

inline constexpr const char* sans = "Noto Sans";
inline constexpr const char* serif = "Noto Serif";

struct Font {
    const char* family = serif;
    double size = 11;
    bool bold = false;
    bool italic = false;
    double spacing = 0; // line-height factor, 0 = the font's own
};

struct Rgb {
    double r = 0, g = 0, b = 0;
};
inline constexpr Rgb black{0.1, 0.1, 0.1};
inline constexpr Rgb grey{0.4, 0.4, 0.4};
inline constexpr Rgb border{0.35, 0.35, 0.35};
inline constexpr Rgb header_fill{0.851, 0.886, 0.953};
inline constexpr Rgb group_fill{0.937, 0.937, 0.937};

inline double pt(int pango_units) {
    return pango_units / double(PANGO_SCALE);
}

// Text is UTF-8 by contract; a stray invalid byte becomes U+FFFD instead of a pango warning.
std::string valid_utf8(std::string_view s);
void set_text(PangoLayout* layout, std::string_view text);

// A laid-out line in layout coordinates (points): drawn one by one so paragraphs and cells can break.
struct Line {
    PangoLayoutLine* line;
    double top, bottom, baseline, x;
};
std::vector<Line> lines_of(PangoLayout* layout);

// What the measuring pass learns for the drawing pass.
struct Plan {
    int pages = 0;
    std::vector<int> heading_pages; // of the headings with in_toc, in order
};

// Paragraph layouts made by the measuring pass, drawn as they are by the drawing pass: shaping and
// breaking long text is most of the time a PDF takes, and both passes break it at the same width.
class ParagraphLayouts {
public:
    ParagraphLayouts() = default;
    ParagraphLayouts(const ParagraphLayouts&) = delete;
    ParagraphLayouts& operator=(const ParagraphLayouts&) = delete;
    ~ParagraphLayouts() {
        for (auto& [paragraph, layout] : layouts_)
            g_object_unref(layout);
    }
    // The layout of `p`, and whether it is new (still to be set up).
    std::pair<PangoLayout*, bool> get(PangoContext* ctx, const rep::Paragraph* p) {
        auto [it, added] = layouts_.try_emplace(p, nullptr);
        if (added) it->second = pango_layout_new(ctx);
        return {it->second, added};
    }

private:
    std::unordered_map<const rep::Paragraph*, PangoLayout*> layouts_;
};

struct CellBox {
    double x = 0, w = 0;
    const rep::Cell* cell = nullptr; // null: a column the row leaves empty
    std::vector<Line> lines;
    double text_h = 0;
};

struct RowBox {
    std::vector<CellBox> cells;
    rep::RowStyle style = rep::RowStyle::normal;
    bool header = false;
    double h = 0;
};

struct TableFrame {
    const rep::Table* table = nullptr;
    std::vector<double> xs; // column edges, ncols + 1
    double font_size = 9;
    bool repeat_header = true;
};

// Lays the blocks out from the top of page 1 on. With a cairo context it draws (and needs the Plan of
// a measuring pass for page numbers); without one it only measures.
class Writer {
public:
    Writer(const rep::Document& doc, PangoContext* ctx, ParagraphLayouts& paragraphs, cairo_t* cr, const Plan* known);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    Plan run();

private:
    // pages
    double content_w() const { return pw_ - 2 * margin; }
    double content_h() const { return ph_ - 2 * margin; }
    double bottom() const { return ph_ - margin; }
    bool fits(double h) const { return y_ + h <= bottom() + 0.01; }
    void need(double h) {
        if (!fits(h)) new_page();
    }
    void advance(double h) {
        y_ += h;
        fresh_ = false;
    }
    void apply_size();
    void begin_page();
    void finish_page();
    void new_page();
    void set_orientation(bool landscape);

    // text
    void style(PangoLayout* l, const Font& f, double width, PangoAlignment align, bool justify);
    double prepare(PangoLayout* l, std::string_view text, const Font& f, double w,
                   PangoAlignment align = PANGO_ALIGN_LEFT, bool justify = false);
    void show(PangoLayout* l, double x, double y, Rgb c);
    void show_line(const Line& line, double x, double top, Rgb c);
    void flow(PangoLayout* l, double x, Rgb c);
    void fill(double x, double y, double w, double h, Rgb c);

    // page furniture (drawing pass only)
    void decorate();
    void draft_banner();
    void watermark();

    // blocks
    void put(const rep::Heading& h);
    void put(const rep::Paragraph& p);
    void put(const rep::Table& t);
    void put(const rep::Chart& c);
    void put(const rep::Signatures& s);
    void put(const rep::PageBreak&) { new_page(); }
    void put(const rep::TableOfContents&);
    void add_outline(const rep::Heading& h, double top);
    void leader(double from_x, double to_x, double baseline);

    // tables (pdf_table.cpp)
    PangoLayout* pooled(std::vector<PangoLayout*>& pool, size_t i);
    TableFrame frame_of(const rep::Table& t) const;
    RowBox measure_row(const TableFrame& f, const rep::Row& row, bool header, std::vector<PangoLayout*>& pool);
    void paint_row(const RowBox& r, const std::vector<size_t>& from, const std::vector<size_t>& to, double h,
                   bool whole);
    void draw_row(RowBox& r, const TableFrame& f);
    double header_height(const TableFrame& f);
    void draw_header(const TableFrame& f);
    void continue_table(const TableFrame& f);

    const rep::Document& doc_;
    PangoContext* ctx_;
    ParagraphLayouts& paragraphs_;
    cairo_t* cr_; // null in the measuring pass
    const Plan* known_;
    PangoLayout* layout_;    // every text but table cells and page furniture
    PangoLayout* furniture_; // footer and watermark: drawn while layout_ holds a paragraph being broken
    PangoFontDescription* font_;
    std::vector<PangoLayout*> header_pool_; // one per cell of a header row
    std::vector<PangoLayout*> body_pool_;   // one per cell of a body row, alive while it is drawn

    double pw_ = a4_short, ph_ = a4_long, y_ = margin;
    int page_ = 0;
    bool fresh_ = true; // nothing on this page yet
    bool landscape_ = false;
    bool want_landscape_ = false;
    std::vector<int> heading_pages_;
    int outline_parents_[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                               CAIRO_PDF_OUTLINE_ROOT};
};

} // namespace kinerja::report_out::pdf
