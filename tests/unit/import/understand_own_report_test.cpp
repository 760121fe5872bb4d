// The layouts of Kinerja's own reports, as the readers give them back (the round trips in
// tests/integration/round_trip_test.cpp run the whole way; these name each rule on a few lines):
// - a spreadsheet row leaves its empty cells out at the end and never slides (Line::positioned);
// - the RKT's "Jumlah" row is no item;
// - a spreadsheet of agreements prints only "Lampiran Perjanjian Kinerja Tahun 2024 <unit>" titles;
// - the LKj's Tabel 3.1 has one "Sasaran / Indikator Kinerja" column under "Sasaran N." rows (one
//   merged cell in a spreadsheet), and Tabel 3.3 one row per activity with its objective's number.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/import/understand/understand.h"

namespace kinerja::import {
namespace {

namespace bj = boost::json;

// `|` stands for the tab between cells.
SourceText source(std::string format, std::vector<std::string> lines) {
    for (auto& l : lines)
        for (auto& c : l)
            if (c == '|') c = '\t';
    return SourceText{"laporan." + format, std::move(format), std::move(lines)};
}

bj::object understood(const SourceText& s, std::string_view type) {
    auto u = understand(s, type);
    EXPECT_TRUE(u.has_value()) << (u ? "" : u.error().message);
    return u ? u->seed : bj::object{};
}

std::string str(const bj::value& v) {
    return v.is_string() ? std::string(v.as_string()) : v.is_null() ? "null" : bj::serialize(v);
}

const std::vector<std::string> k_rkt_sheet = {
    "Rencana Kinerja Tahunan KPU Kabupaten OKU Selatan Tahun 2024",
    "No|Program|Sasaran Strategis|Indikator Kinerja Strategis|Target|Kegiatan|Anggaran (Rp)|Pelaksana",
    "1|2|3|4|5|6|7|8",
    "1|Program A|Sasaran Satu (6709)|Persentase satu|97|Kegiatan satu|840.977.000|Subbagian A",
    "1|Program A|Sasaran Satu (6709)|Persentase dua|95|Kegiatan dua",
    "|Program A|Sasaran Dua (6867)|Persentase tiga|90",
    "Jumlah||||||840.977.000",
};

TEST(OwnReport, SpreadsheetRowsKeepTheirColumns) {
    const auto seed = understood(source("xlsx", k_rkt_sheet), "rkt");
    const auto& rows = seed.at("rkt").as_array().at(0).as_object().at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u) << bj::serialize(rows); // the Jumlah row is no item
    EXPECT_EQ(str(rows[1].at("indicator")), "Persentase dua");
    EXPECT_EQ(str(rows[1].at("target")), "95");
    EXPECT_EQ(str(rows[2].at("objective")), "Sasaran Dua (6867)");
    EXPECT_EQ(str(rows[2].at("indicator")), "Persentase tiga");
    EXPECT_EQ(str(rows[2].at("target")), "90");
}

TEST(OwnReport, TextRowsShorterThanTheHeaderStillSlide) {
    // The same short row in a text document is a row whose first cells were lost (merged cells of a
    // Word table copied as text): its cells belong to the last columns.
    auto lines = k_rkt_sheet;
    lines[5] = "Persentase tiga|90|Kegiatan tiga|1.000|Subbagian B";
    const auto seed = understood(source("text", lines), "rkt");
    const auto& rows = seed.at("rkt").as_array().at(0).as_object().at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u) << bj::serialize(rows);
    EXPECT_EQ(str(rows[2].at("indicator")), "Persentase tiga");
    EXPECT_EQ(str(rows[2].at("objective")), "Sasaran Satu (6709)");
}

TEST(OwnReport, AgreementSheetsUnderTheirAttachmentTitles) {
    const auto seed = understood(
        source("xlsx",
               {"Lampiran Perjanjian Kinerja Tahun 2024 KPU Kota Prabumulih",
                "No|Sasaran Strategis|Indikator Kinerja|Target", "1.|Sasaran Satu (6709)|Persentase satu|95%", "",
                "Program dan Anggaran", "No|Program|Anggaran (Rp)", "1|Program Dukungan Manajemen|2.885.908.000",
                "|Total Anggaran 2024|2.885.908.000", "", "Lampiran Perjanjian Kinerja Tahun 2024 Subbagian Teknis",
                "No|Sasaran Strategis|Indikator Kinerja|Target", "1.|Sasaran Dua (6870)|Persentase dua|100%", "",
                "Temuan pemeriksaan konsistensi", "No|Jenis|Uraian|Letak", "1|nip-invalid|NIP salah|pk.txt:12"}),
        "pk");
    const auto& agreements = seed.at("agreements").as_array();
    ASSERT_EQ(agreements.size(), 2u) << bj::serialize(agreements);
    EXPECT_EQ(str(agreements[0].at("unit")), "null");
    EXPECT_EQ(agreements[0].at("budgets").as_array().size(), 1u) << bj::serialize(agreements[0]);
    EXPECT_EQ(str(agreements[1].at("unit")), "Subbagian Teknis"); // not the table under the title
    const auto& items = agreements[1].at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << bj::serialize(items);
    EXPECT_EQ(str(items[0].at("indicator")), "Persentase dua");
    // The findings sheet after the last agreement is no budget of it.
    EXPECT_FALSE(agreements[1].as_object().contains("budgets") && !agreements[1].at("budgets").as_array().empty())
        << bj::serialize(agreements[1]);
}

std::vector<std::string> lkj_lines(bool merged_objective_rows) {
    const std::string pad = merged_objective_rows ? "" : "|||||";
    return {"LAPORAN KINERJA KPU KOTA PRABUMULIH TAHUN 2024",
            "BAB III AKUNTABILITAS KINERJA",
            "A. Capaian Kinerja Organisasi",
            "Tabel 3.1 Pengukuran Kinerja KPU Kota Prabumulih Tahun 2024",
            "No|Sasaran / Indikator Kinerja|Target|Realisasi|Capaian (%)|Kategori",
            "Sasaran 1. Perencanaan Program (6709)" + pad,
            "1|Persentase satu|95%|95%|100,00|Sangat Berhasil",
            "2|Persentase dua|90%|85%|94,44|Sangat Berhasil",
            "Capaian Sasaran 1 (rata-rata 2 indikator)||||97,22|Sangat Berhasil",
            "Sasaran 2. Penetapan Hasil Pemilu" + pad,
            "1|Persentase tiga|100%|100%|100,00|Sangat Berhasil",
            "Capaian kinerja KPU Kota Prabumulih (rata-rata 2 sasaran)||||98,61|Sangat Berhasil",
            "B. Realisasi Anggaran",
            "Tabel 3.3 Realisasi Anggaran per Kegiatan Tahun 2024",
            "Sasaran|Kode|Kegiatan|Pagu (Rp)|Realisasi (Rp)|Penyerapan (%)",
            "1|6709|Perencanaan Program (6709)|551.587.000|496.589.508|90,03",
            "2|6982|Penetapan Hasil Pemilu (6982)|5.304.000|5.295.000|99,83",
            "-|3360|Operasional Perkantoran (3360)|1.000|1.000|100,00",
            "Jumlah|||556.892.000|501.885.508|90,12"};
}

void expect_lkj_measurement(const bj::object& seed) {
    ASSERT_TRUE(seed.contains("measurement")) << bj::serialize(seed);
    const auto& objectives = seed.at("measurement").at("objectives").as_array();
    ASSERT_EQ(objectives.size(), 2u) << bj::serialize(objectives);
    EXPECT_EQ(str(objectives[0].at("number")), "1");
    EXPECT_EQ(str(objectives[0].at("code")), "6709");
    EXPECT_EQ(str(objectives[1].at("name")), "Penetapan Hasil Pemilu");
    const auto& first = objectives[0].at("indicators").as_array();
    ASSERT_EQ(first.size(), 2u) << bj::serialize(first); // the "Capaian Sasaran 1" row is no indicator
    EXPECT_EQ(str(first[1].at("target")), "90%");
    EXPECT_EQ(str(first[1].at("actual")), "85%");
    EXPECT_EQ(str(first[1].at("achievement_printed")), "94,44");
    EXPECT_EQ(objectives[1].at("indicators").as_array().size(), 1u);
}

TEST(OwnReport, LkjMeasurementWithObjectiveRowsInATable) {
    expect_lkj_measurement(understood(source("docx", lkj_lines(false)), "lkj"));
}

TEST(OwnReport, LkjMeasurementWithObjectiveRowsAsMergedCells) {
    expect_lkj_measurement(understood(source("xlsx", lkj_lines(true)), "lkj"));
}

TEST(OwnReport, LkjBudgetTableOfActivitiesNamesTheirObjectives) {
    const auto seed = understood(source("docx", lkj_lines(false)), "lkj");
    ASSERT_TRUE(seed.contains("budgets")) << bj::serialize(seed);
    const auto& budgets = seed.at("budgets").as_array();
    ASSERT_EQ(budgets.size(), 3u) << bj::serialize(budgets); // the Jumlah row is no budget line
    EXPECT_EQ(str(budgets[0].at("objective")), "1");
    EXPECT_EQ(str(budgets[0].at("code")), "6709");
    EXPECT_EQ(str(budgets[0].at("ceiling")), "551.587.000");
    EXPECT_EQ(str(budgets[0].at("actual")), "496.589.508");
    EXPECT_EQ(str(budgets[0].at("percent_printed")), "90,03");
    EXPECT_EQ(str(budgets[1].at("objective")), "2");
    EXPECT_FALSE(budgets[2].as_object().contains("objective")); // "-": tied to no objective
}

// Value columns named after the activity ("Pagu Kegiatan (Rp)") are values, not the activity's name.
TEST(OwnReport, LkjBudgetColumnsNamedAfterTheActivityAreItsValues) {
    auto lines = lkj_lines(false);
    for (auto& l : lines)
        if (l.starts_with("Sasaran|Kode|Kegiatan|Pagu (Rp)"))
            l = "Sasaran|Kode|Kegiatan|Pagu Kegiatan (Rp)|Realisasi Kegiatan (Rp)|Penyerapan (%)";
    const auto seed = understood(source("docx", lines), "lkj");
    ASSERT_TRUE(seed.contains("budgets")) << bj::serialize(seed);
    const auto& budgets = seed.at("budgets").as_array();
    ASSERT_EQ(budgets.size(), 3u) << bj::serialize(budgets);
    EXPECT_EQ(str(budgets[0].at("name")), "Perencanaan Program (6709)");
    EXPECT_EQ(str(budgets[0].at("ceiling")), "551.587.000");
    EXPECT_EQ(str(budgets[0].at("actual")), "496.589.508");
}

// A DOCX table cut by a page break prints its header again; a PDF's column-aligned table comes back
// the same way (layout_table.h): the header again is no indicator.
TEST(OwnReport, LkjMeasurementHeaderPrintedAgainIsNoRow) {
    auto lines = lkj_lines(false);
    lines.insert(lines.begin() + 7, "No|Sasaran / Indikator Kinerja|Target|Realisasi|Capaian (%)|Kategori");
    const auto seed = understood(source("docx", lines), "lkj");
    expect_lkj_measurement(seed);
}

// BAB II C only says the agreement is signed and attached; the attachment chapter ("LAMPIRAN") holds
// the agreements under their own titles ("Lampiran 1. Perjanjian Kinerja", "Lampiran Perjanjian
// Kinerja Tahun 2024 …") and then the RKT ("Lampiran 2. …").
TEST(OwnReport, LkjAgreementsAreTheAttachedOnesNotTheSummarysMention) {
    std::vector<std::string> lines = {
        "LAPORAN KINERJA KPU KOTA PRABUMULIH TAHUN 2024", "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
        "C. Perjanjian Kinerja Tahun 2024",
        "Perjanjian Kinerja tahun 2024 ditandatangani oleh (belum tercatat) sebagai pihak "
        "pertama. Naskah lengkap terlampir."};
    const auto measured = lkj_lines(false);
    lines.insert(lines.end(), measured.begin() + 1, measured.end());
    for (const char* l : {"LAMPIRAN", "Lampiran 1. Perjanjian Kinerja",
                          "Perjanjian Kinerja Tahun 2024 KPU Kota Prabumulih", "Yang bertanda tangan di bawah ini:",
                          "Nama : Marta Dinata", "Jabatan : Sekretaris Komisi Pemilihan Umum Kota Prabumulih",
                          "Lampiran Perjanjian Kinerja Tahun 2024 KPU Kota Prabumulih",
                          "No|Sasaran Strategis|Indikator Kinerja|Target", "1.|Sasaran Satu (6709)|Persentase satu|95%",
                          "2.|Sasaran Dua (6982)|Persentase tiga|100%", "Lampiran 2. Rencana Kinerja Tahunan"})
        lines.emplace_back(l);
    const auto seed = understood(source("docx", lines), "lkj");
    expect_lkj_measurement(seed);
    ASSERT_TRUE(seed.contains("agreements")) << bj::serialize(seed);
    const auto& agreements = seed.at("agreements").as_array();
    ASSERT_EQ(agreements.size(), 1u) << bj::serialize(agreements);
    EXPECT_EQ(agreements[0].at("items").as_array().size(), 2u) << bj::serialize(agreements[0]);
}

} // namespace
} // namespace kinerja::import
