#pragma once
// One chart code path for paper: the PDF renderer draws a report::Chart as vectors onto its cairo
// context, the DOCX renderer asks for the same drawing as a PNG.
#include <string>

#include "app/report_model.h"

typedef struct _cairo cairo_t;

namespace kinerja::report_out {

// Draws the chart into the rectangle (0,0)-(width,height) of `cr`, in points.
void draw_chart(cairo_t* cr, const app::report::Chart& chart, double width, double height);
// The same drawing as PNG bytes of width × height pixels.
std::string chart_png(const app::report::Chart& chart, int width_px, int height_px);

} // namespace kinerja::report_out
