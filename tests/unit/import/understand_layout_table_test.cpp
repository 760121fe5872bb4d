// The column-aligned table reader (layout_table.h): tables of pdftotext -layout text turned into the
// tab-separated rows the table readers read. The texts are small pieces of what pdftotext gives for
// Kinerja's own PDF reports (rows between blank lines, wrapped cells, cells printed in the middle of a
// tall row, a header repeated after a page turn, months under "Jadwal Pelaksanaan").
#include <gtest/gtest.h>

#include "adapters/import/understand/layout_table.h"

namespace kinerja::import {
namespace {

std::vector<Line> lines_of(std::vector<std::string> text) {
    return make_lines(SourceText{"t.pdf", "pdf", std::move(text)});
}

// A header of the test's tables: a row naming "Indikator" and "Target".
bool test_header(const Line& l) {
    bool indicator = false, target = false;
    for (const auto& c : l.cells) {
        indicator = indicator || fold(c).starts_with("indikator");
        target = target || fold(c) == "target";
    }
    return indicator && target;
}

std::vector<Line> converted(std::vector<std::string> text) {
    return tabbed_layout_tables(lines_of(std::move(text)), test_header);
}

std::vector<std::string> cells(const Line& l) {
    return l.cells;
}

using Cells = std::vector<std::string>;

TEST(LayoutTable, WrappedCellsOfARowBecomeOneTabbedRowOnItsFirstLine) {
    const auto out = converted({
        " No   Sasaran              Indikator Kinerja        Target",
        "",
        "  1   Perencanaan          Persentase KPU yang",
        "      Program (6709)       mampu memfasilitasi        95%",
        "                           pengelolaan",
        "",
        "  2   Pembentukan          Persentase pelantikan     100%",
    });
    ASSERT_EQ(out.size(), 7u); // line numbers and indices stay
    EXPECT_EQ(cells(out[0]), (Cells{"No", "Sasaran", "Indikator Kinerja", "Target"}));
    EXPECT_EQ(cells(out[2]),
              (Cells{"1", "Perencanaan Program (6709)", "Persentase KPU yang mampu memfasilitasi pengelolaan", "95%"}));
    EXPECT_TRUE(out[3].blank());
    EXPECT_TRUE(out[4].blank());
    EXPECT_EQ(out[4].number, 5);
    EXPECT_EQ(cells(out[6]), (Cells{"2", "Pembentukan", "Persentase pelantikan", "100%"}));
}

// A tall row's short cells stand on its middle lines (centred vertically); pdftotext also places a
// column's lines a little apart.
TEST(LayoutTable, CellsInTheMiddleOfATallRowAndShiftedColumnsKeepTheirColumn) {
    const auto out = converted({
        " No   Sasaran                     Indikator Kinerja                 Target",
        "",
        "      Terwujudnya koordinasi",
        "      penyelenggaraan          Persentase KPU Provinsi dan",
        "  4   kepemiluan yang sesuai   yang menyelenggarakan                 100%",
        "      dengan Standar",
    });
    EXPECT_EQ(cells(out[2]), (Cells{"4", "Terwujudnya koordinasi penyelenggaraan kepemiluan yang sesuai dengan Standar",
                                    "Persentase KPU Provinsi dan yang menyelenggarakan", "100%"}));
}

// Two cells one space apart: the word that starts where the next column's cell starts on another line.
TEST(LayoutTable, CellsOneSpaceApartAreCutWhereTheNextColumnStarts) {
    const auto out = converted({
        " Sasaran                   Indikator                 Target",
        "",
        " Data hasil Rekapitulasi dan Persentase data hasil     100%",
        " Penetapan hasil             dan Penetapan hasil",
        " penghitungan suara (6872) penghitungan suara",
    });
    EXPECT_EQ(cells(out[2]), (Cells{"Data hasil Rekapitulasi dan Penetapan hasil penghitungan suara (6872)",
                                    "Persentase data hasil dan Penetapan hasil penghitungan suara", "100%"}));
}

// The footer of a page and the next page's banner are no rows: the table goes on under the header
// printed again. Two blank lines followed by other text end it.
TEST(LayoutTable, AHeaderRepeatedAfterAPageTurnContinuesTheTableAndTwoBlankLinesEndIt) {
    const auto out = converted({
        " No   Indikator Kinerja        Target",
        "",
        "  1   Persentase A               95%",
        "",
        "",
        "Rencana Kinerja Tahunan 2024         Halaman 1 dari 2",
        "", // the page turn
        "                     DRAFT",
        " No   Indikator Kinerja        Target",
        "",
        "  2   Persentase B              100%",
        "",
        "",
        "                    Samarinda, 1 Maret 2024",
    });
    EXPECT_EQ(cells(out[2]), (Cells{"1", "Persentase A", "95%"}));
    EXPECT_TRUE(out[5].blank()); // the footer
    EXPECT_TRUE(out[7].blank()); // the next page's banner
    EXPECT_EQ(cells(out[8]), (Cells{"No", "Indikator Kinerja", "Target"}));
    EXPECT_EQ(cells(out[10]), (Cells{"2", "Persentase B", "100%"}));
    EXPECT_FALSE(out[13].tabbed()); // the signature after the table is left as it was
    EXPECT_EQ(out[13].text, "Samarinda, 1 Maret 2024");
}

// After two blank lines, a caption and a header of as many columns but other words start another
// table: the caption stays.
TEST(LayoutTable, AnotherHeaderOfAsManyColumnsIsAnotherTable) {
    const auto out = converted({
        " No   Indikator Kinerja        Target",
        "",
        "  1   Persentase A               95%",
        "",
        "",
        "Tabel 2 Indikator Program",
        " No   Indikator Program        Target",
        "",
        "  1   Jumlah B                     3",
    });
    EXPECT_EQ(out[5].text, "Tabel 2 Indikator Program");
    EXPECT_EQ(cells(out[6]), (Cells{"No", "Indikator Program", "Target"}));
    EXPECT_EQ(cells(out[8]), (Cells{"1", "Jumlah B", "3"}));
}

// The months under "Jadwal Pelaksanaan": that column's parts, on the line under the header.
TEST(LayoutTable, ABandUnderOneHeaderCellSplitsThatColumn) {
    const auto out = converted({
        " No  Indikator    Target       Jadwal Pelaksanaan       Pelaksana",
        "",
        "                             B1    B2    B3    B4",
        "",
        " 1   Persentase A   95         v     v           v      Subbagian",
    });
    EXPECT_EQ(cells(out[0]), (Cells{"No", "Indikator", "Target", "Jadwal Pelaksanaan", "", "", "", "Pelaksana"}));
    EXPECT_EQ(cells(out[1]), (Cells{"", "", "", "B1", "B2", "B3", "B4", ""}));
    EXPECT_TRUE(out[2].blank());
    EXPECT_EQ(cells(out[4]), (Cells{"1", "Persentase A", "95", "v", "v", "", "v", "Subbagian"}));
}

// A header word too wide for its column broken letter by letter ("N" over "o"), a title right above
// the header, a word broken at its hyphen.
TEST(LayoutTable, BrokenHeaderWordsTitlesAndHyphenatedWordsAreReadWhole) {
    const auto out = converted({
        "            Rencana Kinerja Tahunan 2024",
        " N   Indikator                   Target",
        " o   Kinerja",
        "",
        " 1   sesuai peraturan perundang-   100%",
        "     undangan",
    });
    EXPECT_FALSE(out[0].tabbed()); // the title stays a line of text
    EXPECT_EQ(cells(out[1]), (Cells{"No", "Indikator Kinerja", "Target"}));
    EXPECT_EQ(cells(out[4]), (Cells{"1", "sesuai peraturan perundang-undangan", "100%"}));
}

// A signature and a title printed right above the header (no blank line between them) are no part of
// it: the header starts on the line that gives the most columns.
TEST(LayoutTable, ASignatureRightAboveTheHeaderIsNoPartOfIt) {
    const auto out = converted({
        "        Marta Dinata                          Yasrin Abidin",
        "           Lampiran Perjanjian Kinerja Tahun 2024",
        " No        Sasaran          Indikator Kinerja        Target",
        "",
        " 1.        Pembentukan      Persentase pelantikan     100%",
    });
    EXPECT_FALSE(out[0].tabbed());
    EXPECT_EQ(cells(out[2]), (Cells{"No", "Sasaran", "Indikator Kinerja", "Target"}));
    EXPECT_EQ(cells(out[4]), (Cells{"1.", "Pembentukan", "Persentase pelantikan", "100%"}));
}

// A header word printed on a line of its own over its cell ("Capaian" over "(%)") is the top of that
// cell; a title reaching over several cells is not.
TEST(LayoutTable, AWordStandingOverOneHeaderCellIsItsTop) {
    const auto out = converted({
        "         Tabel 3.1 Pengukuran Kinerja Tahun 2024",
        "                                                       Capaian",
        " No   Indikator Kinerja        Target     Realisasi      (%)",
        "",
        "  1   Persentase A               95%         95%      100,00",
    });
    EXPECT_FALSE(out[0].tabbed()); // the title stays
    EXPECT_EQ(cells(out[1]),
              (Cells{"No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"})); // its first line
    EXPECT_TRUE(out[2].blank());
    EXPECT_EQ(cells(out[4]), (Cells{"1", "Persentase A", "95%", "95%", "100,00"}));
}

// A row merged across the table from its first column (an objective over its indicators, an average's
// label) is the first column's, as a DOCX table gives it; its values keep their columns.
TEST(LayoutTable, ACellMergedAcrossTheRowFromTheFirstColumnIsTheFirstColumns) {
    const auto out = converted({
        " No   Indikator Kinerja        Target     Realisasi",
        "",
        "Sasaran 1. Perencanaan Program dan Anggaran, serta Penyusunan",
        "Peraturan (6709)",
        "",
        "  1   Persentase A               95%         95%",
        "",
        "Capaian Sasaran 1 (rata-rata)                98,15",
    });
    EXPECT_EQ(cells(out[2]),
              (Cells{"Sasaran 1. Perencanaan Program dan Anggaran, serta Penyusunan Peraturan (6709)", "", "", ""}));
    EXPECT_EQ(cells(out[5]), (Cells{"1", "Persentase A", "95%", "95%"}));
    EXPECT_EQ(cells(out[7]), (Cells{"Capaian Sasaran 1 (rata-rata)", "", "", "98,15"}));
}

// A header right under a paragraph of several lines (no blank line between them) is found at the
// band's end.
TEST(LayoutTable, AHeaderRightUnderAParagraphIsFoundAtTheBandsEnd) {
    const auto out = converted({
        "B. Realisasi Anggaran",
        "Realisasi anggaran tahun 2024 sebesar Rp 41.579.911.818 dari pagu",
        "Rp 41.661.103.000, atau penyerapan 99,81%.",
        "Rincian per kegiatan disajikan pada tabel berikut.",
        "              Tabel 3.3 Realisasi Anggaran",
        " No   Indikator Kinerja        Target",
        "",
        "  1   Persentase A               95%",
    });
    EXPECT_FALSE(out[0].tabbed());
    EXPECT_EQ(out[2].text, "Rp 41.661.103.000, atau penyerapan 99,81%.");
    EXPECT_EQ(cells(out[5]), (Cells{"No", "Indikator Kinerja", "Target"}));
    EXPECT_EQ(cells(out[7]), (Cells{"1", "Persentase A", "95%"}));
}

TEST(LayoutTable, TextWithoutAKnownHeaderAndTabbedRowsAreLeftAlone) {
    const std::vector<std::string> text = {" No   Uraian        Jumlah", "", "  1   Rapat           3",
                                           "Indikator\tTarget", "Persentase A\t95%"};
    const auto in = lines_of(text);
    const auto out = tabbed_layout_tables(in, test_header);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i)
        EXPECT_EQ(out[i].raw, in[i].raw) << i;
}

} // namespace
} // namespace kinerja::import
