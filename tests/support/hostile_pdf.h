#pragma once
// PDFs for the tests of the reading limits, written by hand with a correct cross-reference table:
// one with many pages, and one that takes pdftotext practically forever (a form that draws another
// form ten times, nine levels deep: a billion text draws in a file of 2 KB).
#include <string>
#include <vector>

namespace kinerja::testing {

// objects[i] is the dictionary (and stream) of object i + 1; object 1 must be the catalog.
inline std::string pdf_from_objects(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t o : offsets) {
        std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

inline std::string pdf_stream(const std::string& dict_entries, const std::string& content) {
    return "<< " + dict_entries + " /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
           "\nendstream";
}

// `pages` pages, each with the text "Halaman <n>".
inline std::string pdf_with_pages(int pages) {
    // 1 catalog, 2 pages, 3 font, then a page and its content per page.
    std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string kids;
    for (int p = 0; p < pages; ++p) {
        const int page = static_cast<int>(objects.size()) + 1;
        kids += std::to_string(page) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                          ">> >> /Contents " +
                          std::to_string(page + 1) + " 0 R >>");
        objects.push_back(pdf_stream("", "BT /F1 12 Tf 72 770 Td (Halaman " + std::to_string(p + 1) + ") Tj ET"));
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
    return pdf_from_objects(objects);
}

// One page whose content draws form X1; each form Xk draws X(k+1) `fanout` times; the last one draws text.
inline std::string pdf_that_takes_forever(int depth = 9, int fanout = 10) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
        "/XObject << /X 6 0 R >> >> /Contents 4 0 R >>",
        pdf_stream("", "/X Do"), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    for (int level = 0; level < depth; ++level) {
        const bool last = level + 1 == depth;
        const int next = static_cast<int>(objects.size()) + 2; // the form this one draws
        std::string draw;
        for (int k = 0; k < fanout; ++k)
            draw += last ? "BT /F1 9 Tf 72 700 Td (Kinerja lambat) Tj ET\n" : "/X Do\n";
        const std::string resources = last ? "/Resources << /Font << /F1 5 0 R >> >>"
                                           : "/Resources << /XObject << /X " + std::to_string(next) + " 0 R >> >>";
        objects.push_back(pdf_stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + resources, draw));
    }
    return pdf_from_objects(objects);
}

} // namespace kinerja::testing
