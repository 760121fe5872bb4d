// XLSX through libxlsxwriter: an "Info" sheet, one sheet per table with real numbers and number
// formats, and one sheet per chart holding its data and a native column chart. Paragraphs, headings,
// signatures and the TOC belong to the DOCX/PDF and are left out.
//
// libxlsxwriter 1.1 (Debian 12) writes only to a named file, so the workbook goes to a mkstemp file
// that is read back and always removed.
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <variant>
#include <vector>

#include "adapters/report/renderers.h"

namespace kinerja::report_out {
namespace {

using namespace app::report;

constexpr std::size_t sheet_name_max = 31; // Excel's limit, in UTF-16 code units
constexpr std::size_t cell_text_max = 32767;
constexpr double portrait_width_chars = 100;
constexpr double landscape_width_chars = 150;
constexpr double min_column_chars = 4;
constexpr lxw_color_t header_fill = 0xD9E1F2;
constexpr lxw_color_t group_fill = 0xEDEDED;
constexpr lxw_color_t draft_red = 0xC00000;
constexpr std::uint8_t paper_a4 = 9;
constexpr double line_points = 15;     // one line of 11-point text
constexpr double max_row_points = 409; // Excel's highest row
// Characters of running text per unit of column width (the width of a "0"), measured in LibreOffice's
// PDF: slightly pessimistic, so that wrapped text is never clipped.
constexpr double text_chars = 1.15;
constexpr double bold_chars = 1.05;
constexpr lxw_color_t link_blue = 0x0563C1;

// ---- UTF-8 -------------------------------------------------------------------------------------

// Decodes one code point at s[i]; an invalid sequence yields U+FFFD over one byte, so Excel never
// sees bytes it would refuse to open.
char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t utf16_units(char32_t cp) {
    return cp >= 0x10000 ? 2 : 1;
}

// Text for a cell: valid UTF-8 of at most 32.767 characters (Excel's cell limit; a longer text is cut
// with "…" rather than failing the whole report). Returns `s` itself in the usual case.
const char* cell_text(const std::string& s, std::string& scratch) {
    bool clean = s.size() <= cell_text_max;
    for (std::size_t i = 0; clean && i < s.size();) {
        const std::size_t at = i;
        if (decode_utf8(s, i) == 0xFFFD && !(i - at == 3 && s.compare(at, 3, "\xEF\xBF\xBD") == 0)) clean = false;
    }
    if (clean) return s.c_str();
    scratch.clear();
    std::size_t units = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = decode_utf8(s, i);
        if (units + utf16_units(cp) > cell_text_max - 1) {
            append_utf8(scratch, U'\u2026');
            break;
        }
        units += utf16_units(cp);
        append_utf8(scratch, cp);
    }
    return scratch.c_str();
}

// Lines a text takes in a column `chars` characters wide, wrapped at spaces like a spreadsheet does.
// Neither Excel nor LibreOffice grows rows of a generated file by itself (LibreOffice keeps the default
// height on import), so rows with wrapped text get this estimate as their height.
int wrapped_lines(std::string_view text, double chars) {
    const auto width = static_cast<std::size_t>(std::max(1.0, std::floor(chars)));
    int lines = 1;
    std::size_t line = 0, word = 0;
    auto end_word = [&] {
        if (word == 0) return;
        if (line > 0 && line + 1 + word > width) {
            ++lines;
            line = 0;
        }
        if (word > width) { // a word longer than the column breaks anywhere
            lines += static_cast<int>((word - 1) / width);
            word = (word - 1) % width + 1;
        }
        line += (line > 0 ? 1 : 0) + word;
        word = 0;
    };
    for (char c : text) {
        if (c == '\n') {
            end_word();
            ++lines;
            line = 0;
        } else if (c == ' ') {
            end_word();
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++word; // one per code point
        }
    }
    end_word();
    return lines;
}

// ---- sheet names -------------------------------------------------------------------------------

// Excel forbids []:*?/\ in sheet names, a leading or trailing apostrophe and more than 31 characters.
// A long name is cut at a word boundary when one is near the limit ("Grafik 3.2 Capaian dan").
std::string sanitize_sheet_name(std::string_view raw) {
    std::vector<char32_t> cps;
    bool space = false;
    for (std::size_t i = 0; i < raw.size();) {
        char32_t cp = decode_utf8(raw, i);
        switch (cp) {
        case U'/':
        case U'\\':
        case U':':
            cp = U'-';
            break;
        case U'[':
        case U']':
        case U'*':
        case U'?':
            continue;
        default:
            if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) cp = U' ';
        }
        if (cp == U' ') {
            space = !cps.empty();
            continue;
        }
        if (space) cps.push_back(U' ');
        space = false;
        cps.push_back(cp);
    }
    auto trim = [&cps] {
        while (!cps.empty() && (cps.back() == U' ' || cps.back() == U'\''))
            cps.pop_back();
        std::size_t lead = 0;
        while (lead < cps.size() && (cps[lead] == U' ' || cps[lead] == U'\''))
            ++lead;
        cps.erase(cps.begin(), cps.begin() + static_cast<std::ptrdiff_t>(lead));
    };
    trim();
    std::size_t units = 0, fit = 0, last_space = 0;
    for (; fit < cps.size(); ++fit) {
        if (units + utf16_units(cps[fit]) > sheet_name_max) break;
        units += utf16_units(cps[fit]);
        if (cps[fit] == U' ') last_space = fit;
    }
    if (fit < cps.size()) {
        cps.resize(cps[fit] != U' ' && last_space >= 10 ? last_space : fit);
        trim();
    }
    std::string out;
    for (char32_t cp : cps)
        append_utf8(out, cp);
    return out;
}

std::string fold_case(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Hands out unique sheet names; Excel compares them case-insensitively.
class SheetNames {
public:
    // The first usable candidate, made unique with " (2)", " (3)"...
    std::string take(std::initializer_list<std::string_view> candidates) {
        std::string base;
        for (std::string_view c : candidates) {
            base = sanitize_sheet_name(c);
            if (!base.empty()) break;
        }
        if (base.empty()) base = "Lembar";
        std::string name = base;
        for (int n = 2; used_.contains(fold_case(name)); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = sanitize_sheet_name(base.substr(0, cut_for(base, sheet_name_max - suffix.size()))) + suffix;
        }
        used_.emplace(fold_case(name), true);
        return name;
    }

private:
    // Byte length of the longest prefix of `s` of at most `units` UTF-16 code units.
    static std::size_t cut_for(const std::string& s, std::size_t units) {
        std::size_t used = 0, i = 0;
        while (i < s.size()) {
            std::size_t next = i;
            const std::size_t u = utf16_units(decode_utf8(s, next));
            if (used + u > units) break;
            used += u;
            i = next;
        }
        return i;
    }
    std::map<std::string, bool> used_;
};

// ---- formats -----------------------------------------------------------------------------------

enum class Fill : std::uint8_t { none, header, group };
enum class HAlign : std::uint8_t { general, left, center, right }; // general: text left, numbers right
enum class VAlign : std::uint8_t { none, top, center };
constexpr int numfmt_general = -1;
constexpr int numfmt_thousands = -2; // "#,##0"; >= 0: that many decimals ("0.00")

struct Style {
    bool bold = false;
    bool italic = false;
    bool red = false;
    bool border = false;
    bool wrap = false;
    bool link = false; // blue and underlined
    Fill fill = Fill::none;
    HAlign align = HAlign::general;
    VAlign valign = VAlign::none;
    int numfmt = numfmt_general;
    int size = 0; // points; 0 = the default 11
    auto operator<=>(const Style&) const = default;
};

// One lxw_format per distinct style, created on first use: a workbook with thousands of cells has a
// handful of formats.
class Formats {
public:
    explicit Formats(lxw_workbook* wb) : wb_(wb) {}

    lxw_format* get(const Style& s) {
        auto it = cache_.find(s);
        if (it != cache_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        if (!f) return nullptr;
        if (s.bold) format_set_bold(f);
        if (s.italic) format_set_italic(f);
        if (s.red) format_set_font_color(f, draft_red);
        if (s.link) {
            format_set_font_color(f, link_blue);
            format_set_underline(f, LXW_UNDERLINE_SINGLE);
        }
        if (s.size > 0) format_set_font_size(f, s.size);
        if (s.border) format_set_border(f, LXW_BORDER_THIN);
        if (s.wrap) format_set_text_wrap(f);
        if (s.fill != Fill::none) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, s.fill == Fill::header ? header_fill : group_fill);
        }
        if (s.align == HAlign::left) format_set_align(f, LXW_ALIGN_LEFT);
        if (s.align == HAlign::center) format_set_align(f, LXW_ALIGN_CENTER);
        if (s.align == HAlign::right) format_set_align(f, LXW_ALIGN_RIGHT);
        if (s.valign == VAlign::top) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (s.valign == VAlign::center) format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        if (s.numfmt == numfmt_thousands) {
            format_set_num_format(f, "#,##0");
        } else if (s.numfmt >= 0) {
            std::string code = "0";
            if (s.numfmt > 0) code += "." + std::string(static_cast<std::size_t>(s.numfmt), '0');
            format_set_num_format(f, code.c_str());
        }
        cache_.emplace(s, f);
        return f;
    }

private:
    lxw_workbook* wb_;
    std::map<Style, lxw_format*> cache_;
};

// ---- the workbook ------------------------------------------------------------------------------

struct Planned {
    const Table* table = nullptr;
    const Chart* chart = nullptr;
    std::string name;
};

// Excel cannot store NaN or infinity, and the canonical number is parsed locale-independently.
bool parse_number(const std::string& s, double& out) {
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && ptr == end && !s.empty() && std::isfinite(out);
}

// libxlsxwriter reads a chart text starting with "=" as a formula.
std::string chart_text(const std::string& s) {
    std::string scratch;
    std::string out = cell_text(s, scratch);
    if (!out.empty() && out[0] == '=') out.insert(0, " ");
    return out;
}

std::string escape_header_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += '&'; // "&&" prints one ampersand in a header/footer
        out += c;
    }
    return out;
}

class WorkbookWriter {
public:
    WorkbookWriter(lxw_workbook* wb, const Document& doc) : wb_(wb), doc_(doc), formats_(wb) {}

    void write() {
        plan();
        write_info();
        for (const Planned& p : plan_) {
            if (p.table) write_table(*p.table, p.name);
            if (p.chart) write_chart(*p.chart, p.name);
        }
    }

    lxw_error error() const { return error_; }
    const std::string& error_where() const { return where_; }

private:
    // Keeps the first error and where it happened. Writing may go on (libxlsxwriter stays safe to
    // call); the caller then discards the workbook.
    bool ok(lxw_error e, std::string_view what) {
        if (e == LXW_NO_ERROR) return true;
        if (error_ == LXW_NO_ERROR) {
            error_ = e;
            where_ = (sheet_.empty() ? std::string() : "lembar \"" + sheet_ + "\", ") + std::string(what) + ": " +
                     lxw_strerror(e);
        }
        return false;
    }
    bool ok_ptr(const void* p, std::string_view what) { return p ? true : ok(LXW_ERROR_MEMORY_MALLOC_FAILED, what); }

    void plan() {
        names_.take({"Info"});
        int tables = 0, charts = 0;
        for (const Block& b : doc_.blocks) {
            if (const auto* t = std::get_if<Table>(&b)) {
                const std::string fallback = "Tabel " + std::to_string(++tables);
                plan_.push_back({t, nullptr, names_.take({t->sheet_name, t->id, fallback})});
            } else if (const auto* c = std::get_if<Chart>(&b)) {
                const std::string fallback = "Grafik " + std::to_string(++charts);
                plan_.push_back({nullptr, c, names_.take({c->caption, c->id, fallback})});
            }
        }
    }

    lxw_worksheet* add_sheet(const std::string& name, bool landscape) {
        sheet_ = name;
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ok_ptr(ws, "lembar baru")) return nullptr;
        worksheet_set_paper(ws, paper_a4);
        if (landscape) worksheet_set_landscape(ws);
        worksheet_fit_to_pages(ws, 1, 0);
        if (doc_.draft) {
            const std::string header =
                "&C&KC00000&\"Noto Sans,Bold\"" + escape_header_text(draft_watermark); // colour first: "D" is hex
            ok(worksheet_set_header(ws, header.c_str()), "kepala halaman");
        }
        ok(worksheet_set_footer(ws, "&CHalaman &P dari &N"), "kaki halaman");
        return ws;
    }

    lxw_format* fmt(const Style& s) {
        lxw_format* f = formats_.get(s);
        ok_ptr(f, "format");
        return f;
    }

    void put_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f) {
        ok(worksheet_write_string(ws, r, c, cell_text(text, scratch_), f), "sel teks");
    }

    // Text in columns first..last (merged when more than one) that wraps: its row grows to fit.
    void put_wrapped(lxw_worksheet* ws, lxw_row_t r, lxw_col_t first, lxw_col_t last, const std::string& text,
                     lxw_format* f, bool bold) {
        if (last > first)
            ok(worksheet_merge_range(ws, r, first, r, last, cell_text(text, scratch_), f), "sel gabungan");
        else
            put_text(ws, r, first, text, f);
        double chars = 0;
        for (lxw_col_t c = first; c <= last && c < cols_.size(); ++c)
            chars += cols_[c];
        const int lines = wrapped_lines(text, chars * (bold ? bold_chars : text_chars));
        if (lines > 1) {
            int& most = tall_rows_[r];
            most = std::max(most, lines);
        }
    }

    void set_widths(lxw_worksheet* ws, std::vector<double> widths) {
        cols_ = std::move(widths);
        for (lxw_col_t c = 0; c < cols_.size() && c < LXW_COL_MAX; ++c)
            ok(worksheet_set_column(ws, c, c, cols_[c], nullptr), "lebar kolom");
    }

    // Called when a sheet is complete.
    void set_heights(lxw_worksheet* ws) {
        for (const auto& [r, lines] : tall_rows_)
            ok(worksheet_set_row(ws, r, std::min(max_row_points, line_points * lines), nullptr), "tinggi baris");
        tall_rows_.clear();
        cols_.clear();
    }

    void write_draft_line(lxw_worksheet* ws, lxw_row_t r) {
        ok(worksheet_write_string(ws, r, 0, draft_watermark, fmt({.bold = true, .red = true, .size = 14})),
           "tanda draf");
    }

    void write_info() {
        lxw_worksheet* ws = add_sheet("Info", false);
        if (!ws) return;
        lxw_row_t r = 0;
        if (doc_.draft) {
            write_draft_line(ws, r);
            r += 2;
        }
        set_widths(ws, {33, 80}); // a sheet name has up to 31 characters
        lxw_format* label = fmt({.bold = true, .valign = VAlign::top});
        lxw_format* value = fmt({.wrap = true, .valign = VAlign::top});
        put_text(ws, r, 0, "Judul", label);
        put_wrapped(ws, r++, 1, 1, doc_.title, fmt({.bold = true, .wrap = true, .valign = VAlign::top}), true);
        put_text(ws, r, 0, "Kantor", label);
        put_wrapped(ws, r++, 1, 1, doc_.office, value, false);
        put_text(ws, r, 0, "Tahun", label);
        if (doc_.year > 0)
            ok(worksheet_write_number(ws, r, 1, doc_.year,
                                      fmt({.align = HAlign::left, .valign = VAlign::top, .numfmt = 0})),
               "tahun");
        ++r;
        if (!plan_.empty()) {
            ++r;
            lxw_format* head = fmt({.bold = true, .border = true, .fill = Fill::header});
            put_text(ws, r, 0, "Lembar", head);
            put_text(ws, r++, 1, "Isi", head);
            lxw_format* caption = fmt({.border = true, .wrap = true, .valign = VAlign::top});
            lxw_format* link = fmt({.border = true, .link = true, .valign = VAlign::top});
            for (const Planned& p : plan_) {
                // An internal link: a sheet name in quotes, its apostrophes doubled.
                std::string quoted;
                for (char c : p.name)
                    quoted += c == '\'' ? std::string("''") : std::string(1, c);
                const std::string url = "internal:'" + quoted + "'!A1";
                ok(worksheet_write_url_opt(ws, r, 0, url.c_str(), link, p.name.c_str(), nullptr), "tautan");
                put_wrapped(ws, r++, 1, 1, p.table ? p.table->caption : p.chart->caption, caption, false);
            }
        }
        set_heights(ws);
    }

    static lxw_col_t column_count(const Table& t) {
        std::size_t n = t.widths.size();
        for (const auto* rows : {&t.header, &t.body})
            for (const Row& row : *rows) {
                std::size_t w = 0;
                for (const Cell& c : row.cells)
                    w += static_cast<std::size_t>(std::max(1, c.span));
                n = std::max(n, w);
            }
        // Past Excel's last column the writes fail and the report with them, as it should.
        return static_cast<lxw_col_t>(std::clamp<std::size_t>(n, 1, LXW_COL_MAX + 1));
    }

    // Relative widths scaled so that the table spans ~100 characters (150 when landscape).
    std::vector<double> column_widths(const Table& t, lxw_col_t ncols, bool landscape) {
        std::vector<double> rel(ncols, 1.0);
        for (std::size_t i = 0; i < t.widths.size() && i < ncols; ++i)
            rel[i] = std::max(t.widths[i], 0);
        double total = 0;
        for (double w : rel)
            total += w;
        if (total <= 0) {
            std::fill(rel.begin(), rel.end(), 1.0);
            total = ncols;
        }
        const double target = landscape ? landscape_width_chars : portrait_width_chars;
        for (double& w : rel)
            w = std::max(min_column_chars, w / total * target);
        return rel;
    }

    void write_row(lxw_worksheet* ws, lxw_row_t r, const Row& row, lxw_col_t ncols, bool header) {
        Style base{.border = true, .valign = header ? VAlign::center : VAlign::top};
        if (header) {
            base.bold = true;
            base.fill = Fill::header;
            base.wrap = true;
            base.align = HAlign::center;
        } else if (row.style == RowStyle::group) {
            base.bold = true;
            base.fill = Fill::group;
        } else if (row.style == RowStyle::total) {
            base.bold = true;
        }
        lxw_col_t c = 0;
        for (const Cell& cell : row.cells) {
            if (error_ != LXW_NO_ERROR) return;
            const auto span = static_cast<lxw_col_t>(std::max(1, cell.span));
            const lxw_col_t last = c + span - 1;
            Style s = base;
            s.bold = s.bold || cell.bold;
            if (!header)
                s.align = cell.align == Align::center  ? HAlign::center
                          : cell.align == Align::right ? HAlign::right
                                                       : HAlign::general;
            double value = 0;
            const bool number = cell.kind != CellKind::text && parse_number(cell.number, value);
            if (number)
                s.numfmt = cell.kind == CellKind::integer ? numfmt_thousands : std::clamp(cell.decimals, 0, 15);
            else
                s.wrap = true;
            lxw_format* f = fmt(s);
            if (!number) {
                put_wrapped(ws, r, c, last, cell.text, f, s.bold);
            } else if (span > 1) {
                // merge_range writes text; the number then overwrites the first cell with the same format.
                ok(worksheet_merge_range(ws, r, c, r, last, "", f), "sel gabungan");
                ok(worksheet_write_number(ws, r, c, value, f), "sel angka");
            } else {
                ok(worksheet_write_number(ws, r, c, value, f), "sel angka");
            }
            c = last + 1;
        }
        // Short rows still get the grid's borders and shading.
        if (c < ncols) {
            lxw_format* f = fmt(base);
            for (; c < ncols && error_ == LXW_NO_ERROR; ++c)
                ok(worksheet_write_blank(ws, r, c, f), "sel kosong");
        }
    }

    void write_table(const Table& t, const std::string& name) {
        const bool landscape = t.landscape_hint || doc_.landscape;
        lxw_worksheet* ws = add_sheet(name, landscape);
        if (!ws) return;
        const lxw_col_t ncols = column_count(t);
        set_widths(ws, column_widths(t, ncols, landscape));

        lxw_row_t r = 0;
        if (doc_.draft) write_draft_line(ws, r++);
        if (!t.caption.empty()) {
            lxw_format* f = fmt({.bold = true, .align = HAlign::center, .size = 12});
            if (ncols > 1)
                ok(worksheet_merge_range(ws, r, 0, r, ncols - 1, cell_text(t.caption, scratch_), f), "judul tabel");
            else
                put_text(ws, r, 0, t.caption, f);
            ++r;
        }
        const lxw_row_t header_first = r;
        for (const Row& row : t.header)
            write_row(ws, r++, row, ncols, true);
        const lxw_row_t body_first = r;
        for (const Row& row : t.body) {
            if (error_ != LXW_NO_ERROR) return;
            write_row(ws, r++, row, ncols, false);
        }
        if (body_first > header_first) {
            worksheet_freeze_panes(ws, body_first, 0);
            ok(worksheet_repeat_rows(ws, header_first, body_first - 1), "baris judul cetak");
        }
        // The note, one row below the table, spans it and wraps.
        if (!t.note.empty())
            put_wrapped(ws, r + 1, 0, ncols - 1, t.note, fmt({.italic = true, .wrap = true, .valign = VAlign::top}),
                        false);
        set_heights(ws);
    }

    void write_chart(const Chart& ch, const std::string& name) {
        lxw_worksheet* ws = add_sheet(name, true);
        if (!ws) return;
        const auto n = static_cast<lxw_row_t>(ch.categories.size());
        const auto nseries = static_cast<lxw_col_t>(ch.series.size());
        lxw_format* head = fmt({.bold = true,
                                .border = true,
                                .wrap = true,
                                .fill = Fill::header,
                                .align = HAlign::center,
                                .valign = VAlign::center});
        lxw_format* cat = fmt({.border = true, .wrap = true, .valign = VAlign::top});
        lxw_format* num = fmt({.border = true, .valign = VAlign::top, .numfmt = 2});
        std::size_t longest = 8;
        for (const std::string& c : ch.categories)
            longest = std::max(longest, c.size());
        std::vector<double> widths{std::min<double>(40, static_cast<double>(longest) + 2)};
        for (const ChartSeries& s : ch.series)
            widths.push_back(std::clamp<double>(static_cast<double>(s.name.size()) / 2 + 2, 12, 24));
        set_widths(ws, std::move(widths));
        put_wrapped(ws, 0, 0, 0, "Kategori", head, true);
        for (lxw_col_t s = 0; s < nseries; ++s)
            put_wrapped(ws, 0, s + 1, s + 1, ch.series[s].name, head, true);
        for (lxw_row_t i = 0; i < n; ++i) {
            put_wrapped(ws, i + 1, 0, 0, ch.categories[i], cat, false);
            for (lxw_col_t s = 0; s < nseries; ++s) {
                const auto& v = ch.series[s].values;
                if (i < v.size() && v[i] && std::isfinite(*v[i]))
                    ok(worksheet_write_number(ws, i + 1, s + 1, *v[i], num), "data grafik");
                else
                    ok(worksheet_write_blank(ws, i + 1, s + 1, num), "data grafik");
            }
        }
        set_heights(ws);
        // Excel refuses a chart without data.
        if (n == 0 || nseries == 0) return;

        lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_COLUMN);
        if (!ok_ptr(chart, "grafik")) return;
        for (lxw_col_t s = 0; s < nseries; ++s) {
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            if (!ok_ptr(series, "seri grafik")) return;
            chart_series_set_categories(series, name.c_str(), 1, 0, n, 0);
            chart_series_set_values(series, name.c_str(), 1, s + 1, n, s + 1);
            chart_series_set_name_range(series, name.c_str(), 0, s + 1); // the header cell above the data
            chart_series_set_labels(series);
            chart_series_set_labels_num_format(series, "0.00");
        }
        if (!ch.caption.empty()) chart_title_set_name(chart, chart_text(ch.caption).c_str());
        if (!ch.value_axis.empty()) chart_axis_set_name(chart->y_axis, chart_text(ch.value_axis).c_str());
        chart_axis_set_min(chart->y_axis, 0);
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options opt{};
        opt.x_offset = 10;
        opt.y_offset = 0;
        opt.x_scale = 1.6;
        opt.y_scale = 1.5;
        ok(worksheet_insert_chart_opt(ws, 1, nseries + 2, chart, &opt), "sisip grafik");
    }

    lxw_workbook* wb_;
    const Document& doc_;
    Formats formats_;
    SheetNames names_;
    std::vector<Planned> plan_;
    std::string scratch_; // cleaned text handed to libxlsxwriter, which copies it
    lxw_error error_ = LXW_NO_ERROR;
    std::string where_;
    std::string sheet_;                  // being written, for error messages
    std::vector<double> cols_;           // its column widths in characters
    std::map<lxw_row_t, int> tall_rows_; // its rows with wrapped text: lines each
};

// Errors of the file system (the temporary file, the zip container) versus everything else, which
// means a bug or a table beyond Excel's limits.
ErrorCode code_for(lxw_error e) {
    switch (e) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return ErrorCode::io;
    default:
        return ErrorCode::internal;
    }
}

std::string temp_dir() {
    const char* t = std::getenv("TMPDIR");
    std::string dir = t && *t ? t : "/tmp";
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    return dir;
}

// The mkstemp file, removed whatever happens.
class TempFile {
public:
    TempFile() = default;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    bool create(const std::string& dir) {
        std::string templ = dir + "/kinerja-xlsx-XXXXXX";
        const int fd = ::mkstemp(templ.data());
        if (fd < 0) return false;
        ::close(fd);
        path_ = templ;
        return true;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};

} // namespace

Result<std::string> render_xlsx(const app::report::Document& doc) {
    const std::string dir = temp_dir();
    TempFile file;
    if (!file.create(dir))
        return fail(ErrorCode::io, "Berkas sementara untuk XLSX tidak dapat dibuat", dir + ": " + std::strerror(errno));

    lxw_workbook_options options{};
    std::string tmpdir = dir; // libxlsxwriter's own temporary files go to the same place
    options.tmpdir = tmpdir.data();
    std::unique_ptr<lxw_workbook, WorkbookFree> wb(workbook_new_opt(file.path().c_str(), &options));
    if (!wb) return fail(ErrorCode::internal, "Buku kerja XLSX tidak dapat dibuat", "workbook_new_opt");

    lxw_doc_properties props{};
    std::string scratch1, scratch2;
    props.title = const_cast<char*>(cell_text(doc.title, scratch1));
    props.company = const_cast<char*>(cell_text(doc.office, scratch2));
    if (const lxw_error e = workbook_set_properties(wb.get(), &props); e != LXW_NO_ERROR)
        return fail(code_for(e), "Properti dokumen XLSX tidak dapat diisi", lxw_strerror(e));

    WorkbookWriter writer(wb.get(), doc);
    writer.write();
    if (writer.error() != LXW_NO_ERROR)
        return fail(code_for(writer.error()), "Laporan tidak dapat ditulis sebagai XLSX", writer.error_where());

    // workbook_close frees the workbook whatever it returns.
    if (const lxw_error e = workbook_close(wb.release()); e != LXW_NO_ERROR)
        return fail(code_for(e), "Berkas XLSX tidak dapat disimpan", std::string("workbook_close: ") + lxw_strerror(e));

    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return fail(ErrorCode::io, "Berkas XLSX sementara tidak dapat dibaca", file.path());
    if (bytes.empty()) return fail(ErrorCode::io, "Berkas XLSX kosong", file.path());
    return bytes;
}

} // namespace kinerja::report_out
