// DOCX: WordprocessingML written as strings (the parts are small and regular, a DOM would only cost
// time) and zipped in memory with libzip. Element order inside w:pPr, w:rPr, w:tcPr and w:sectPr
// follows the schema: Word refuses to open a file whose children are out of order.
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "adapters/report/chart_draw.h"
#include "adapters/report/docx_xml.h"
#include "adapters/report/renderers.h"

namespace kinerja::report_out {

namespace {

using namespace app::report;
using docx::append_escaped;
using docx::append_run;

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

constexpr int a4_short = 11906; // twentieths of a point (twips)
constexpr int a4_long = 16838;
constexpr int margin = 1134; // 2 cm
constexpr int header_distance = 567;
constexpr long emu_per_twip = 635;
constexpr int chart_width_px = 1600;
constexpr int chart_height_px = 800;

constexpr std::string_view bold_rpr = "<w:b/><w:bCs/>";

// --- the fixed parts ---------------------------------------------------------------------------

std::string content_types(bool with_header, bool with_png) {
    std::string x(xml_declaration);
    x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
    if (with_png) x += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
    x += "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
         "<Override PartName=\"/word/footer1.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>";
    if (with_header)
        x += "<Override PartName=\"/word/header1.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>";
    x += "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "</Types>";
    return x;
}

std::string package_rels() {
    std::string x(xml_declaration);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
         "Target=\"docProps/core.xml\"/>"
         "<Relationship Id=\"rId3\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
         "Target=\"docProps/app.xml\"/>"
         "</Relationships>";
    return x;
}

std::string core_properties(const Document& doc) {
    char now[32] = "";
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    if (gmtime_r(&t, &utc)) std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::string x(xml_declaration);
    x += "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
    append_escaped(x, doc.title);
    x += "</dc:title><dc:subject>";
    append_escaped(x, doc.office);
    x += "</dc:subject><dc:creator>";
    append_escaped(x, doc.office);
    x += "</dc:creator><dc:language>id-ID</dc:language>";
    if (now[0]) {
        x += fmt::format("<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
                         "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified>",
                         now);
    }
    x += "</cp:coreProperties>";
    return x;
}

std::string app_properties(const Document& doc) {
    std::string x(xml_declaration);
    x += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Company>";
    append_escaped(x, doc.office);
    x += "</Company><Application>Kinerja</Application><DocSecurity>0</DocSecurity></Properties>";
    return x;
}

// updateFields: Word asks to refresh the fields when it opens the file, so the TOC gets page numbers.
// doNotExpandShiftReturn: a line ended by a newline of the model (w:br) in justified text is not
// stretched across the page (Word and LibreOffice both honour it).
std::string settings() {
    std::string x(xml_declaration);
    x += fmt::format("<w:settings xmlns:w=\"{}\">", ns_w);
    x += "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"709\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/>"
         "<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" "
         "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"id-ID\"/></w:settings>";
    return x;
}

void paragraph_style(std::string& x, std::string_view id, std::string_view name, std::string_view based_on,
                     std::string_view ppr, std::string_view rpr, std::string_view extra = {}) {
    x += fmt::format("<w:style w:type=\"paragraph\" w:customStyle=\"{}\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>",
                     extra.find("builtin") == std::string_view::npos ? "1" : "0", id, name);
    if (!based_on.empty()) x += fmt::format("<w:basedOn w:val=\"{}\"/>", based_on);
    if (extra.find("next-body") != std::string_view::npos) x += "<w:next w:val=\"BodyText\"/>";
    x += "<w:qFormat/>";
    if (!ppr.empty()) x += fmt::format("<w:pPr>{}</w:pPr>", ppr);
    if (!rpr.empty()) x += fmt::format("<w:rPr>{}</w:rPr>", rpr);
    x += "</w:style>";
}

// Heading1..3 carry Word's built-in names ("heading 1") and outline levels: the TOC field, the
// navigation pane and LibreOffice's outline all key on those. The ...NoToc twins (headings kept out
// of the table of contents) drop to body level 9.
std::string styles(int text_width) {
    std::string x(xml_declaration);
    x.reserve(8192);
    x += fmt::format("<w:styles xmlns:w=\"{}\">", ns_w);
    x += "<w:docDefaults><w:rPrDefault><w:rPr>"
         "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\" w:eastAsia=\"Noto Sans\" w:cs=\"Noto Sans\"/>"
         "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"id-ID\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"
         "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
         "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>";
    x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
         "<w:pPr><w:widowControl/></w:pPr></w:style>"
         "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
         "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>"
         "</w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
         "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
         "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";

    // The tab stop at 5 cm lines up the "Nama\t: ..." label lines of the agreements.
    paragraph_style(x, "BodyText", "Body Text", "Normal",
                    "<w:tabs><w:tab w:val=\"left\" w:pos=\"2835\"/></w:tabs><w:jc w:val=\"both\"/>", "", "builtin");
    paragraph_style(x, "Title", "Title", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
                    "<w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>", "builtin next-body");
    paragraph_style(x, "Centered", "Centered", "Normal", "<w:jc w:val=\"center\"/>", "");
    paragraph_style(x, "Note", "Note", "Normal",
                    "<w:spacing w:before=\"60\" w:after=\"200\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    paragraph_style(x, "Missing", "Missing", "BodyText", "", "<w:i/><w:iCs/><w:color w:val=\"7F7F7F\"/>");

    static constexpr std::string_view heading_ppr[3] = {
        "<w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"360\"/>"
        "<w:jc w:val=\"center\"/>",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/>",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/>",
    };
    static constexpr std::string_view heading_rpr[3] = {
        "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
        "<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>",
    };
    for (int level = 1; level <= 3; ++level) {
        const std::string id = fmt::format("Heading{}", level);
        paragraph_style(x, id, fmt::format("heading {}", level), "Normal",
                        fmt::format("{}<w:outlineLvl w:val=\"{}\"/>", heading_ppr[level - 1], level - 1),
                        heading_rpr[level - 1], "builtin next-body");
        paragraph_style(x, id + "NoToc", fmt::format("Heading {} (tanpa daftar isi)", level), id,
                        "<w:outlineLvl w:val=\"9\"/>", "", "next-body");
    }

    paragraph_style(x, "Caption", "caption", "Normal",
                    "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/>",
                    "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>", "builtin next-body");
    paragraph_style(x, "TableText", "Table Text", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
    // Header cells a point smaller: column titles are longer than the figures under them.
    paragraph_style(x, "TableHeading", "Table Heading", "TableText", "",
                    "<w:b/><w:bCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    // An empty line after every table: keeps two tables from fusing and separates the table from the next text.
    paragraph_style(x, "TableEnd", "Table End", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    "<w:sz w:val=\"12\"/><w:szCs w:val=\"12\"/>");
    paragraph_style(x, "Figure", "Figure", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/>"
                    "<w:jc w:val=\"center\"/>",
                    "");
    paragraph_style(x, "Signature", "Signature", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/>", "", "builtin");
    paragraph_style(x, "Header", "header", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                    "<w:jc w:val=\"center\"/>",
                    "", "builtin");
    paragraph_style(x, "Footer", "footer", "Normal",
                    "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                    "<w:jc w:val=\"center\"/>",
                    "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>", "builtin");
    paragraph_style(x, "TOCHeading", "TOC Heading", "Normal",
                    "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"360\"/><w:jc w:val=\"center\"/>",
                    "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", "builtin");
    for (int level = 1; level <= 3; ++level) {
        paragraph_style(x, fmt::format("TOC{}", level), fmt::format("toc {}", level), "Normal",
                        fmt::format("<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>"
                                    "<w:spacing w:before=\"{}\" w:after=\"60\"/><w:ind w:left=\"{}\" w:right=\"567\"/>",
                                    text_width, level == 1 ? 120 : 0, (level - 1) * 440),
                        level == 1 ? bold_rpr : std::string_view{}, "builtin");
    }
    x += "</w:styles>";
    return x;
}

std::string field(std::string_view instruction, std::string_view shown, std::string_view rpr = {}) {
    std::string x;
    x += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ";
    x += instruction;
    x += " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    append_run(x, shown, rpr);
    x += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    return x;
}

std::string footer() {
    std::string x(xml_declaration);
    x += fmt::format("<w:ftr xmlns:w=\"{}\" xmlns:r=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>", ns_w,
                     ns_r);
    append_run(x, "Halaman ");
    x += field("PAGE", "1");
    append_run(x, " dari ");
    x += field("NUMPAGES", "1");
    x += "</w:p></w:ftr>";
    return x;
}

// The draft watermark the way Word writes one (Design > Watermark): a VML WordArt shape in the header,
// centred on the page behind the text. A grey text line in the header says the same as real text,
// which every reader, pdftotext and a screen reader see even where the WordArt is drawn as outlines.
std::string draft_header() {
    std::string x(xml_declaration);
    x += fmt::format("<w:hdr xmlns:w=\"{}\" xmlns:r=\"{}\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
                     "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                     "xmlns:w10=\"urn:schemas-microsoft-com:office:word\">",
                     ns_w, ns_r);
    x += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>"
         "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" "
         "path=\"m@7,l@8,m@5,21600l@6,21600e\"><v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/>"
         "<v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/><v:f eqn=\"sum 21600 0 @3\"/>"
         "<v:f eqn=\"if @0 @3 0\"/><v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/>"
         "<v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/>"
         "<v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>"
         "<v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" "
         "o:connectangles=\"270,180,90,0\"/><v:textpath on=\"t\" fitshape=\"t\"/>"
         "<v:handles><v:h position=\"#0,bottomRight\" xrange=\"6629,14971\"/></v:handles>"
         "<o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>"
         "<v:shape id=\"PowerPlusWaterMarkObject1\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\" "
         "style=\"position:absolute;margin-left:0;margin-top:0;width:460pt;height:70pt;rotation:315;"
         "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
         "mso-position-vertical:center;mso-position-vertical-relative:margin\" o:allowincell=\"f\" "
         "fillcolor=\"silver\" stroked=\"f\"><v:fill opacity=\".5\"/>"
         "<v:textpath style=\"font-family:&quot;Noto Sans&quot;;font-size:1pt\" string=\"";
    append_escaped(x, draft_watermark);
    x += "\"/><w10:wrap anchorx=\"margin\" anchory=\"margin\"/></v:shape></w:pict></w:r>";
    append_run(x, draft_watermark,
               "<w:b/><w:bCs/><w:color w:val=\"A6A6A6\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
    x += "</w:p></w:hdr>";
    return x;
}

std::string document_rels(bool with_header, size_t images) {
    std::string x(xml_declaration);
    constexpr std::string_view type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    x += fmt::format("<Relationship Id=\"rIdStyles\" Type=\"{}styles\" Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rIdSettings\" Type=\"{}settings\" Target=\"settings.xml\"/>"
                     "<Relationship Id=\"rIdFooter1\" Type=\"{}footer\" Target=\"footer1.xml\"/>",
                     type, type, type);
    if (with_header)
        x += fmt::format("<Relationship Id=\"rIdHeader1\" Type=\"{}header\" Target=\"header1.xml\"/>", type);
    for (size_t i = 1; i <= images; ++i)
        x += fmt::format("<Relationship Id=\"rIdChart{0}\" Type=\"{1}image\" Target=\"media/chart{0}.png\"/>", i, type);
    x += "</Relationships>";
    return x;
}

// --- the body ----------------------------------------------------------------------------------

std::string_view paragraph_style_id(ParagraphStyle s) {
    switch (s) {
    case ParagraphStyle::body:
        return "BodyText";
    case ParagraphStyle::centered:
        return "Centered";
    case ParagraphStyle::title:
        return "Title";
    case ParagraphStyle::note:
        return "Note";
    case ParagraphStyle::missing:
        return "Missing";
    }
    return "BodyText";
}

std::string_view jc(Align a) {
    switch (a) {
    case Align::left:
        return "left";
    case Align::center:
        return "center";
    case Align::right:
        return "right";
    }
    return "left";
}

int clamp_level(int level) {
    return std::clamp(level, 1, 3);
}

// "94,44": the way the builders print, for the text fallback of a chart without a picture.
std::string printed_value(const ChartSeries& s, size_t i) {
    if (i < s.labels.size() && !s.labels[i].empty()) return s.labels[i];
    if (i >= s.values.size() || !s.values[i]) return "-";
    std::string v = fmt::format("{:.2f}", *s.values[i]);
    std::replace(v.begin(), v.end(), '.', ',');
    return v;
}

// A rough size of document.xml, so the string grows once or twice instead of twenty times.
size_t estimated_size(const Document& doc) {
    size_t n = 8192;
    for (const auto& block : doc.blocks) {
        if (const auto* p = std::get_if<Paragraph>(&block)) {
            n += p->text.size() + 200;
        } else if (const auto* t = std::get_if<Table>(&block)) {
            for (const auto* rows : {&t->header, &t->body})
                for (const auto& row : *rows) {
                    n += 80;
                    for (const auto& c : row.cells)
                        n += c.text.size() + 260;
                }
        } else {
            n += 1024;
        }
    }
    return n;
}

class BodyWriter {
public:
    BodyWriter(const Document& doc, int text_width, int text_height)
        : doc_(doc), text_width_(text_width), text_height_(text_height) {
        out_.reserve(estimated_size(doc));
    }

    std::string take() { return std::move(out_); }
    std::vector<std::string>& pictures() { return pictures_; }

    void operator()(const Heading& h) {
        const int level = clamp_level(h.level);
        if (level == 1) pending_break_ = false; // the Heading1 style already starts a page
        open_paragraph(fmt::format("Heading{}{}", level, h.in_toc ? "" : "NoToc"));
        append_run(out_, h.text);
        out_ += "</w:p>";
    }

    void operator()(const Paragraph& p) {
        // A cover title opening a page sits in the upper third, as in the PDF, not at the top edge.
        const bool cover = p.style == ParagraphStyle::title && (!started_ || pending_break_);
        open_paragraph(paragraph_style_id(p.style), {},
                       cover ? fmt::format("<w:spacing w:before=\"{}\"/>", text_height_ * 22 / 100) : std::string());
        append_run(out_, p.text, p.bold ? bold_rpr : std::string_view{});
        out_ += "</w:p>";
    }

    void operator()(const Table& t) {
        if (!t.caption.empty()) {
            open_paragraph("Caption");
            append_run(out_, t.caption);
            out_ += "</w:p>";
        }
        table(t);
        open_paragraph(t.note.empty() ? "TableEnd" : "Note");
        append_run(out_, t.note);
        out_ += "</w:p>";
    }

    void operator()(const Chart& c) {
        if (!c.caption.empty()) {
            open_paragraph("Caption");
            append_run(out_, c.caption);
            out_ += "</w:p>";
        }
        std::string png = chart_png(c, chart_width_px, chart_height_px);
        if (!png.empty()) {
            pictures_.push_back(std::move(png));
            picture(c, pictures_.size());
            return;
        }
        // No picture (the chart could not be drawn): the numbers as text, so nothing is lost.
        std::string text;
        for (size_t i = 0; i < c.categories.size(); ++i) {
            if (i > 0) text += '\n';
            text += c.categories[i];
            text += ':';
            for (size_t k = 0; k < c.series.size(); ++k) {
                text += k == 0 ? " " : "; ";
                text += c.series[k].name;
                text += ' ';
                text += printed_value(c.series[k], i);
            }
        }
        open_paragraph("Note");
        append_run(out_, text);
        out_ += "</w:p>";
    }

    void operator()(const Signatures& s) {
        if (!s.place_date.empty()) {
            open_paragraph("Signature", "<w:keepNext/>",
                           "<w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"right\"/>");
            append_run(out_, s.place_date);
            out_ += "</w:p>";
        }
        if (!s.parties.empty()) signature_table(s);
        open_paragraph("TableEnd");
        out_ += "</w:p>";
    }

    void operator()(const PageBreak&) { pending_break_ = started_; }

    void operator()(const TableOfContents&) {
        open_paragraph("TOCHeading");
        append_run(out_, "DAFTAR ISI");
        out_ += "</w:p>";
        std::vector<const Heading*> entries;
        for (const auto& block : doc_.blocks)
            if (const auto* h = std::get_if<Heading>(&block); h && h->in_toc) entries.push_back(h);
        // The entries stand between "separate" and "end": what shows until Word or LibreOffice updates
        // the field (with page numbers) is the list of headings itself.
        const std::string begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                                  "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText>"
                                  "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        const std::string_view end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if (entries.empty()) {
            open_paragraph("TOC1");
            out_ += begin;
            out_ += end;
            out_ += "</w:p>";
        }
        for (size_t i = 0; i < entries.size(); ++i) {
            open_paragraph(fmt::format("TOC{}", clamp_level(entries[i]->level)));
            if (i == 0) out_ += begin;
            append_run(out_, entries[i]->text);
            if (i + 1 == entries.size()) out_ += end;
            out_ += "</w:p>";
        }
    }

private:
    // Opens <w:p> with its style. A pending PageBreak becomes pageBreakBefore on this paragraph rather
    // than a paragraph of its own, which would leave an empty line atop the page (or a blank page
    // before a Heading1). `keep` goes before pageBreakBefore and `rest` after it (schema order).
    void open_paragraph(std::string_view style, std::string_view keep = {}, std::string_view rest = {}) {
        out_ += "<w:p><w:pPr><w:pStyle w:val=\"";
        out_ += style;
        out_ += "\"/>";
        out_ += keep;
        if (pending_break_) out_ += "<w:pageBreakBefore/>";
        out_ += rest;
        out_ += "</w:pPr>";
        pending_break_ = false;
        started_ = true;
    }

    std::vector<int> grid(size_t columns, const std::vector<int>& weights) const {
        std::vector<long> w(columns, 1);
        for (size_t i = 0; i < columns && i < weights.size(); ++i)
            w[i] = std::max(weights[i], 1);
        long total = 0;
        for (long v : w)
            total += v;
        std::vector<int> cols(columns);
        int used = 0;
        for (size_t i = 0; i < columns; ++i) {
            cols[i] = i + 1 == columns ? text_width_ - used : static_cast<int>(text_width_ * w[i] / total);
            used += cols[i];
        }
        return cols;
    }

    static size_t columns_of(const Table& t) {
        size_t n = 0;
        for (const auto* rows : {&t.header, &t.body})
            for (const auto& row : *rows) {
                size_t sum = 0;
                for (const auto& c : row.cells)
                    sum += static_cast<size_t>(std::max(c.span, 1));
                n = std::max(n, sum);
            }
        return n;
    }

    void table_start(const std::vector<int>& cols, std::string_view borders) {
        out_ += fmt::format("<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>", text_width_);
        for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            out_ += fmt::format("<w:{} {}/>", side, borders);
        out_ += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/>"
                "<w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/>"
                "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
        for (int c : cols)
            out_ += fmt::format("<w:gridCol w:w=\"{}\"/>", c);
        out_ += "</w:tblGrid>";
    }

    void table(const Table& t) {
        const size_t ncols = columns_of(t);
        if (ncols == 0) return;
        const std::vector<int> cols = grid(ncols, t.widths);
        if (pending_break_) { // no caption took the break: an empty paragraph carries it
            open_paragraph("TableEnd");
            out_ += "</w:p>";
        }
        table_start(cols, "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"");
        for (const auto& row : t.header)
            table_row(row, cols, true);
        for (const auto& row : t.body)
            table_row(row, cols, false);
        out_ += "</w:tbl>";
        started_ = true;
    }

    void table_row(const Row& row, const std::vector<int>& cols, bool header) {
        // cantSplit: a row never breaks across pages; tblHeader: Word and LibreOffice repeat the row.
        out_ +=
            header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        const std::string_view fill = header ? "D9D9D9" : row.style == RowStyle::group ? "F2F2F2" : "";
        const bool row_bold = row.style == RowStyle::total;
        size_t col = 0;
        for (size_t k = 0; k < row.cells.size() && col < cols.size(); ++k) {
            const Cell& c = row.cells[k];
            size_t span = std::min(static_cast<size_t>(std::max(c.span, 1)), cols.size() - col);
            if (k + 1 == row.cells.size()) span = cols.size() - col; // a short row: the last cell fills it
            int width = 0;
            for (size_t i = col; i < col + span; ++i)
                width += cols[i];
            col += span;
            cell(c.text, width, span, fill, header ? Align::center : c.align, !header && (row_bold || c.bold), header);
        }
        if (row.cells.empty()) cell("", text_width_, cols.size(), fill, Align::left, false, header);
        out_ += "</w:tr>";
    }

    void cell(std::string_view text, int width, size_t span, std::string_view fill, Align align, bool bold,
              bool header) {
        out_ += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>", width);
        if (span > 1) out_ += fmt::format("<w:gridSpan w:val=\"{}\"/>", span);
        if (!fill.empty()) out_ += fmt::format("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>", fill);
        if (header) out_ += "<w:vAlign w:val=\"center\"/>";
        out_ += header ? "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/><w:jc w:val=\""
                       : "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"";
        out_ += jc(align);
        out_ += "\"/></w:pPr>";
        append_run(out_, text, bold ? bold_rpr : std::string_view{});
        out_ += "</w:p></w:tc>";
    }

    // One borderless column per party: role, position, room to sign, name (bold, underlined), NIP.
    void signature_table(const Signatures& s) {
        // A single signer signs on the right half, as on a letter; several share the width.
        const size_t n = s.parties.size();
        const size_t blank = n == 1 ? 1 : 0;
        const std::vector<int> cols = grid(n + blank, {});
        const bool any_role =
            std::any_of(s.parties.begin(), s.parties.end(), [](const Signature& p) { return !p.role.empty(); });
        if (pending_break_) {
            open_paragraph("TableEnd");
            out_ += "</w:p>";
        }
        table_start(cols, "w:val=\"nil\"");
        out_ += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        if (blank)
            out_ += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>", cols[0]);
        for (size_t i = 0; i < n; ++i) {
            const Signature& p = s.parties[i];
            out_ += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", cols[i + blank]);
            auto line = [&](std::string_view text, std::string_view rpr) {
                out_ += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr>";
                append_run(out_, text, rpr);
                out_ += "</w:p>";
            };
            if (any_role) line(p.role, bold_rpr); // an empty line keeps the columns level
            line(p.position, {});
            for (int k = 0; k < 4; ++k)
                line({}, {});
            line(p.name, "<w:b/><w:bCs/><w:u w:val=\"single\"/>");
            if (!p.nip.empty()) line("NIP. " + p.nip, {});
            out_ += "</w:tc>";
        }
        out_ += "</w:tr></w:tbl>";
        started_ = true;
    }

    // An inline picture the width of the text, half as high (the PNG is 2:1).
    void picture(const Chart& c, size_t n) {
        const long cx = text_width_ * emu_per_twip;
        const long cy = cx / 2;
        open_paragraph("Figure");
        out_ += fmt::format("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                            "<wp:extent cx=\"{0}\" cy=\"{1}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                            "<wp:docPr id=\"{2}\" name=\"Grafik {2}\" descr=\"",
                            cx, cy, n);
        append_escaped(out_, c.caption);
        out_ += fmt::format(
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"chart{2}.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
            "<pic:blipFill><a:blip r:embed=\"rIdChart{2}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{0}\" cy=\"{1}\"/></a:xfrm>"
            "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
            "</wp:inline></w:drawing></w:r></w:p>",
            cx, cy, n);
    }

    const Document& doc_;
    const int text_width_;
    const int text_height_;
    std::string out_;
    std::vector<std::string> pictures_;
    bool pending_break_ = false;
    bool started_ = false; // something is on the first page: a PageBreak before it would be a blank page
};

std::string document_xml(const Document& doc, BodyWriter& body, int page_w, int page_h) {
    std::string x(xml_declaration);
    x += fmt::format("<w:document xmlns:w=\"{}\" xmlns:r=\"{}\" "
                     "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                     "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                     "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>",
                     ns_w, ns_r);
    x += body.take();
    x += "<w:sectPr>";
    if (doc.draft) x += "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>";
    x += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>";
    x += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\"{}/>", page_w, page_h,
                     doc.landscape ? " w:orient=\"landscape\"" : "");
    x += fmt::format("<w:pgMar w:top=\"{0}\" w:right=\"{0}\" w:bottom=\"{0}\" w:left=\"{0}\" w:header=\"{1}\" "
                     "w:footer=\"{1}\" w:gutter=\"0\"/>",
                     margin, header_distance);
    x += "<w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body></w:document>";
    return x;
}

// --- the package -------------------------------------------------------------------------------

struct Part {
    std::string name;
    std::string data;
    bool deflate = true; // PNG is compressed already
};

std::string zip_message(zip_error_t* e) {
    return zip_error_strerror(e);
}

Result<std::string> zip_parts(const std::vector<Part>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) {
        auto message = zip_message(&error);
        zip_error_fini(&error);
        return fail(ErrorCode::internal, "Berkas DOCX tidak dapat disiapkan di memori: " + message);
    }
    zip_t* archive = zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) {
        auto message = zip_message(&error);
        zip_error_fini(&error);
        zip_source_free(buffer);
        return fail(ErrorCode::internal, "Berkas DOCX tidak dapat dibuat: " + message);
    }
    zip_error_fini(&error);
    zip_source_keep(buffer); // zip_close releases the source; its bytes are the result

    auto give_up = [&](const std::string& what) {
        std::string message = what + ": " + zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        return fail(ErrorCode::internal, "Berkas DOCX tidak dapat dibuat (" + message + ")");
    };
    for (const auto& part : parts) {
        zip_source_t* source = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
        if (!source) return give_up(part.name);
        const zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return give_up(part.name);
        }
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                     part.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0)
            return give_up(part.name);
    }
    if (zip_close(archive) < 0) return give_up("zip_close");

    std::string bytes;
    zip_stat_t st;
    zip_stat_init(&st);
    bool ok = zip_source_stat(buffer, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(buffer) == 0;
    if (ok) {
        bytes.resize(st.size);
        ok = zip_source_read(buffer, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size);
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (!ok) return fail(ErrorCode::internal, "Isi berkas DOCX tidak dapat dibaca kembali dari memori");
    return bytes;
}

} // namespace

Result<std::string> render_docx(const Document& doc) {
    const int page_w = doc.landscape ? a4_long : a4_short;
    const int page_h = doc.landscape ? a4_short : a4_long;
    const int text_width = page_w - 2 * margin;

    BodyWriter body(doc, text_width, page_h - 2 * margin);
    for (const auto& block : doc.blocks)
        std::visit(body, block);
    std::vector<std::string> pictures = std::move(body.pictures());

    std::vector<Part> parts;
    parts.reserve(10 + pictures.size());
    parts.push_back({"[Content_Types].xml", content_types(doc.draft, !pictures.empty())});
    parts.push_back({"_rels/.rels", package_rels()});
    parts.push_back({"docProps/core.xml", core_properties(doc)});
    parts.push_back({"docProps/app.xml", app_properties(doc)});
    parts.push_back({"word/document.xml", document_xml(doc, body, page_w, page_h)});
    parts.push_back({"word/_rels/document.xml.rels", document_rels(doc.draft, pictures.size())});
    parts.push_back({"word/styles.xml", styles(text_width)});
    parts.push_back({"word/settings.xml", settings()});
    parts.push_back({"word/footer1.xml", footer()});
    if (doc.draft) parts.push_back({"word/header1.xml", draft_header()});
    for (size_t i = 0; i < pictures.size(); ++i)
        parts.push_back({fmt::format("word/media/chart{}.png", i + 1), std::move(pictures[i]), false});
    return zip_parts(parts);
}

} // namespace kinerja::report_out
