#pragma once
// The neutral report model (docs/ARCHITECTURE.md "A report"). The builders in app/report_builder.cpp
// compute every number and sentence once; the DOCX, PDF and XLSX renderers in adapters/report/ only
// lay this model out. So the three formats print the same figures by construction.
//
// All text is plain UTF-8 (never markup): a renderer escapes it for its format. Numbers are already
// printed the Indonesian way in `Cell::text`; `Cell::number` carries the exact value for XLSX.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kinerja::app::report {

enum class Align { left, center, right };

// How XLSX stores a cell: as text, or as a number with a number format.
enum class CellKind {
    text,
    integer, // a count or whole rupiah: "#,##0" (shown 41.579.911.818 in an Indonesian Excel)
    decimal, // a percentage or other exact decimal with `decimals` places: "0.00"
};

struct Cell {
    std::string text; // as printed: "94,44", "41.579.911.818", "Sangat Berhasil", "-"
    CellKind kind = CellKind::text;
    std::string number; // canonical decimal with a dot for kind != text: "94.44", "41579911818"
    int decimals = 0;   // places of `number` (for the number format)
    int span = 1;       // columns this cell covers (header groups, objective rows)
    Align align = Align::left;
    bool bold = false;
};

enum class RowStyle {
    normal,
    group, // a grouping row (an objective) inside the body, shaded
    total, // a total/summary row, bold
};

struct Row {
    std::vector<Cell> cells;
    RowStyle style = RowStyle::normal;
};

struct Table {
    std::string id;          // stable, short: "pengukuran", "anggaran"; XLSX sheet names derive from it
    std::string caption;     // "Tabel 3.1 Pengukuran Kinerja Tahun 2024"
    std::string sheet_name;  // XLSX sheet name, at most 31 characters, unique in the document
    std::vector<int> widths; // relative column widths, one per column
    std::vector<Row> header; // repeated at the top of every page the table spans
    std::vector<Row> body;
    std::string note;            // printed under the table: the scale, the method, "angka dibulatkan …"
    bool landscape_hint = false; // wide table (the B1–B12 grid)
};

struct Heading {
    int level = 1; // 1 = BAB / chapter (starts a page), 2 = section, 3 = subsection
    std::string text;
    bool in_toc = true;
};

enum class ParagraphStyle {
    body,     // justified running text
    centered, // cover lines, titles of agreements
    title,    // large centered (cover title)
    note,     // small print
    missing,  // "what is missing where it would stand": shown marked (italic, grey) so it is not overlooked
};

struct Paragraph {
    std::string text; // may be long (50.000 characters) and contain newlines: each starts a new line
    ParagraphStyle style = ParagraphStyle::body;
    bool bold = false;
};

// A bar chart; values are percentages. A missing value is drawn as no bar, with its label "-".
struct ChartSeries {
    std::string name; // "Capaian (%)", "Penyerapan anggaran (%)"
    std::vector<std::optional<double>> values;
    std::vector<std::string> labels; // printed above each bar: "94,44"
};

struct Chart {
    std::string id;                      // "capaian-sasaran"
    std::string caption;                 // "Grafik 3.1 Capaian per Sasaran Strategis"
    std::vector<std::string> categories; // one per bar group, short: "Sasaran 1"
    std::vector<ChartSeries> series;     // one or two
    std::string value_axis;              // "%"
    double reference_line = 100;         // drawn across the chart (the target); 0 for none
};

struct Signature {
    std::string role;     // "PIHAK KEDUA", "PIHAK PERTAMA", or empty
    std::string position; // "Ketua KPU Kota Prabumulih,"
    std::string name;
    std::string nip; // empty: no NIP line
};

// Place and date above the signature columns, then one column per signature side by side.
struct Signatures {
    std::string place_date; // "Prabumulih, 25 Januari 2024"
    std::vector<Signature> parties;
};

struct PageBreak {};
struct TableOfContents {}; // the renderer lists the headings with in_toc (DOCX: a real TOC field)

using Block = std::variant<Heading, Paragraph, Table, Chart, Signatures, PageBreak, TableOfContents>;

struct Document {
    std::string kind;   // "lkj", "pk", "rkt", "renaksi"
    std::string title;  // "Laporan Kinerja KPU Kota Prabumulih Tahun 2024": document properties, PDF title
    std::string office; // "KPU Kota Prabumulih"
    int year = 0;
    bool landscape = false; // A4 landscape for the whole document (Rencana Aksi)
    // Set when the report was forced over error findings: every page carries the watermark
    // "DRAFT — ada temuan" (constant `draft_watermark`).
    bool draft = false;
    std::vector<Block> blocks;
};

inline constexpr const char* draft_watermark = "DRAFT \xE2\x80\x94 ada temuan";

} // namespace kinerja::app::report
