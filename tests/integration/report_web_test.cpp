// Reports in the web application: the reports page, downloads in every format within the role's
// scope, the draft rule, and the LKj narrative sections the office writes (versions, limits, escaping).
#include <gtest/gtest.h>
#include <regex>

#include "tests/integration/server_process.h"
#include "tests/integration/test_support.h"

namespace kinerja::test {
namespace {

const std::string base = "/kantor/kpu-kota-prabumulih";

std::string pdf_text_of(const std::string& bytes) {
    const std::string path = temp_dir() + "/r.pdf";
    FILE* f = fopen(path.c_str(), "wb");
    fwrite(bytes.data(), 1, bytes.size(), f);
    fclose(f);
    std::string out;
    FILE* p = popen(("pdftotext -layout '" + path + "' - 2>/dev/null").c_str(), "r");
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
        out.append(buf, n);
    pclose(p);
    return out;
}

TEST(ReportWeb, DownloadsInEveryFormatWithinScopeAndOnlyAsDraftOverErrors) {
    ServerProcess s(demo_database());
    Browser viewer(s);
    ASSERT_TRUE(viewer.login("viewer.prabumulih"));
    auto page = viewer.get(base + "/laporan?tahun=2024");
    ASSERT_EQ(page.status, 200);
    for (const char* t : {"Laporan Kinerja (LKj)", "20 galat", "lkj.pdf?tahun=2024&amp;draf=1", "rkt.docx?tahun=2024",
                          "siap cetak", "melebihi pagu"})
        EXPECT_NE(page.body.find(t), std::string::npos) << t;
    // Over error findings the plain download is refused; the draft is given.
    EXPECT_EQ(viewer.get(base + "/laporan/lkj.pdf?tahun=2024").status, 409);
    auto pdf = viewer.get(base + "/laporan/lkj.pdf?tahun=2024&draf=1");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_NE(pdf.header("content-disposition").find("lkj-2024-kpu-kota-prabumulih-draf.pdf"), std::string::npos);
    EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
    const std::string text = pdf_text_of(pdf.body);
    EXPECT_NE(text.find("94,44"), std::string::npos);
    EXPECT_NE(text.find("DRAFT"), std::string::npos);
    auto docx = viewer.get(base + "/laporan/rkt.docx?tahun=2024");
    ASSERT_EQ(docx.status, 200);
    EXPECT_EQ(docx.body.rfind("PK", 0), 0u); // a zip
    EXPECT_NE(docx.header("content-type").find("wordprocessingml"), std::string::npos);
    auto xlsx = viewer.get(base + "/laporan/pk.xlsx?tahun=2024&draf=1");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_NE(xlsx.header("content-type").find("spreadsheetml"), std::string::npos);
    // Unknown kinds and formats, another office, a year without data.
    EXPECT_EQ(viewer.get(base + "/laporan/lkj.odt?tahun=2024").status, 404);
    EXPECT_EQ(viewer.get(base + "/laporan/lke.pdf?tahun=2024").status, 422);
    EXPECT_EQ(viewer.get("/kantor/kpu-kab-mesuji/laporan?tahun=2024").status, 404);
    EXPECT_EQ(viewer.get("/kantor/kpu-kab-mesuji/laporan/lkj.pdf?tahun=2024&draf=1").status, 404);
    EXPECT_EQ(viewer.get(base + "/laporan/lkj.pdf?tahun=2031&draf=1").status, 404);
    // A viewer sees the narrative page but cannot save it.
    auto n = viewer.get(base + "/narasi?tahun=2024");
    ASSERT_EQ(n.status, 200);
    EXPECT_EQ(n.body.find("Simpan narasi"), std::string::npos);
    EXPECT_EQ(viewer
                  .post_form(base + "/narasi", {{"csrf", viewer.csrf()},
                                                {"tahun", "2024"},
                                                {"teks_kata-pengantar", "x"},
                                                {"versi_kata-pengantar", "0"}})
                  .status,
              403);
}

TEST(ReportWeb, NarrativesAreSavedWithVersionsPrintedLiterallyAndCarriedToTheNextYear) {
    ServerProcess s(demo_database());
    Browser planner(s);
    ASSERT_TRUE(planner.login("planner.prabumulih"));
    auto page = planner.get(base + "/narasi?tahun=2024");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Kata Pengantar"), std::string::npos);
    EXPECT_NE(page.body.find("penyebab keberhasilan"), std::string::npos);
    const std::string text = "Puji syukur <b>kami</b> & \"tim\" panjatkan.";
    std::map<std::string, std::string> form{
        {"csrf", planner.csrf()}, {"tahun", "2024"}, {"teks_kata-pengantar", text}, {"versi_kata-pengantar", "0"}};
    auto saved = planner.post_form(base + "/narasi", form);
    ASSERT_EQ(saved.status, 303);
    page = planner.get(base + "/narasi?tahun=2024");
    EXPECT_NE(page.body.find("Puji syukur &lt;b&gt;kami&lt;/b&gt; &amp; &quot;tim&quot;"), std::string::npos);
    // The same form again is stale (version 0, the row is at 1): refused, the typed text kept.
    form["teks_kata-pengantar"] = "Teks kedua yang diketik";
    auto stale = planner.post_form(base + "/narasi", form);
    EXPECT_EQ(stale.status, 409);
    EXPECT_NE(stale.body.find("Teks kedua yang diketik"), std::string::npos);
    // Over the limit: 422 with the count, nothing stored, the text kept.
    form["versi_kata-pengantar"] = "1";
    form["teks_kata-pengantar"] = std::string(20001, 'a');
    auto big = planner.post_form(base + "/narasi", form);
    EXPECT_EQ(big.status, 422);
    EXPECT_NE(big.body.find("20001 karakter"), std::string::npos);
    EXPECT_NE(big.body.find(std::string(20001, 'a')), std::string::npos);
    // The LKj prints the text literally, in place of the "not written yet" marker.
    auto pdf = planner.get(base + "/laporan/lkj.pdf?tahun=2024&draf=1");
    ASSERT_EQ(pdf.status, 200);
    const std::string lkj = pdf_text_of(pdf.body);
    EXPECT_NE(lkj.find("Puji syukur <b>kami</b> & \"tim\" panjatkan."), std::string::npos);
    EXPECT_EQ(lkj.find("Kata Pengantar belum ditulis"), std::string::npos);
    // Next year the text carries over until rewritten.
    page = planner.get(base + "/narasi?tahun=2025");
    EXPECT_NE(page.body.find("(teks tahun 2024)"), std::string::npos);
    EXPECT_NE(page.body.find("Puji syukur"), std::string::npos);
}

} // namespace
} // namespace kinerja::test
