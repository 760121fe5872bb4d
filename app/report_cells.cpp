#include "app/report_cells.h"

namespace kinerja::app::report {

Cell text(std::string t, int span) {
    Cell c;
    c.text = std::move(t);
    c.span = span;
    return c;
}

Cell bold_text(std::string t, int span) {
    Cell c = text(std::move(t), span);
    c.bold = true;
    return c;
}

Cell centered(std::string t) {
    Cell c = text(std::move(t));
    c.align = Align::center;
    return c;
}

Cell percent(const std::optional<Ratio>& r, Rounding rounding) {
    Cell c;
    c.align = Align::right;
    if (!r) {
        c.text = "-";
        return c;
    }
    const Decimal d = r->round(2, rounding);
    c.text = d.indonesian(2);
    c.kind = CellKind::decimal;
    c.number = d.canonical();
    c.decimals = 2;
    return c;
}

Cell rupiah(const std::optional<Rupiah>& r) {
    Cell c;
    c.align = Align::right;
    if (!r) {
        c.text = "-";
        return c;
    }
    c.text = format_rupiah(*r);
    c.kind = CellKind::integer;
    c.number = std::to_string(r->value);
    return c;
}

Cell count(long long n) {
    Cell c;
    c.align = Align::center;
    c.text = std::to_string(n);
    c.kind = CellKind::integer;
    c.number = c.text;
    return c;
}

std::string with_unit(const std::string& text, const std::string& unit) {
    if (text.empty()) return "-";
    if (unit.empty() || text.find(unit) != std::string::npos) return text;
    return unit == "%" ? text + "%" : text + " " + unit;
}

Row header_row(std::initializer_list<const char*> titles) {
    Row r;
    for (const char* t : titles) {
        Cell c = centered(t);
        c.bold = true;
        r.cells.push_back(std::move(c));
    }
    return r;
}

Paragraph body(std::string t) {
    return Paragraph{std::move(t), ParagraphStyle::body, false};
}

Paragraph missing(std::string t) {
    return Paragraph{std::move(t), ParagraphStyle::missing, false};
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

} // namespace kinerja::app::report
