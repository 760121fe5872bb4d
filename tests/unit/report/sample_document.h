#pragma once
// A report::Document with every kind of block, for the renderer tests: a table long enough to span
// pages (its header must repeat), text with markup characters that must come out literally, a
// 50.000-character paragraph, two charts, signatures, a missing-data marker.
#include <string>

#include "app/report_model.h"

namespace kinerja::testing {

inline app::report::Cell text_cell(std::string t, int span = 1) {
    app::report::Cell c;
    c.text = std::move(t);
    c.span = span;
    return c;
}
inline app::report::Cell pct_cell(std::string printed, std::string canonical) {
    app::report::Cell c;
    c.text = std::move(printed);
    c.kind = app::report::CellKind::decimal;
    c.number = std::move(canonical);
    c.decimals = 2;
    c.align = app::report::Align::right;
    return c;
}
inline app::report::Cell rupiah_cell(std::string printed, std::string canonical) {
    app::report::Cell c;
    c.text = std::move(printed);
    c.kind = app::report::CellKind::integer;
    c.number = std::move(canonical);
    c.align = app::report::Align::right;
    return c;
}

inline app::report::Document sample_document(bool draft = false, int long_rows = 120) {
    using namespace app::report;
    Document d;
    d.kind = "lkj";
    d.title = "Laporan Kinerja KPU Kota Contoh Tahun 2024";
    d.office = "KPU Kota Contoh";
    d.year = 2024;
    d.draft = draft;
    d.blocks.push_back(Paragraph{"LAPORAN KINERJA", ParagraphStyle::title, true});
    d.blocks.push_back(Paragraph{"KPU Kota Contoh Tahun 2024", ParagraphStyle::centered, true});
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(TableOfContents{});
    d.blocks.push_back(Heading{1, "BAB I PENDAHULUAN", true});
    d.blocks.push_back(
        Paragraph{"Teks dengan <b>tanda</b> & \"kutip\" harus tercetak apa adanya.", ParagraphStyle::body});
    d.blocks.push_back(Paragraph{"Kata Pengantar belum diisi.", ParagraphStyle::missing});
    std::string longtext;
    while (longtext.size() < 50000)
        longtext += "Kalimat panjang tentang kinerja kantor yang terus berulang untuk menguji halaman. ";
    d.blocks.push_back(Paragraph{longtext, ParagraphStyle::body});
    d.blocks.push_back(Heading{2, "A. Pengukuran Capaian Kinerja", true});

    Table t;
    t.id = "pengukuran";
    t.caption = "Tabel 3.1 Pengukuran Kinerja Tahun 2024";
    t.sheet_name = "Pengukuran";
    t.widths = {1, 6, 2, 2, 2, 3};
    t.header.push_back(Row{{text_cell("No"), text_cell("Indikator Kinerja"), text_cell("Target"),
                            text_cell("Realisasi"), text_cell("Capaian (%)"), text_cell("Kategori")},
                           RowStyle::normal});
    t.body.push_back(Row{{text_cell("Sasaran 1. Meningkatnya kualitas layanan", 6)}, RowStyle::group});
    for (int i = 1; i <= long_rows; ++i)
        t.body.push_back(
            Row{{text_cell(std::to_string(i)), text_cell("Persentase layanan nomor " + std::to_string(i)),
                 text_cell("90%"), text_cell("85%"), pct_cell("94,44", "94.44"), text_cell("Sangat Berhasil")},
                RowStyle::normal});
    t.body.push_back(
        Row{{text_cell("Rata-rata", 4), pct_cell("94,44", "94.44"), text_cell("Sangat Berhasil")}, RowStyle::total});
    t.note = "Skala LAN (4 kategori): x \xE2\x89\xA5 85 Sangat Berhasil.";
    d.blocks.push_back(t);

    Table b;
    b.id = "anggaran";
    b.caption = "Tabel 3.2 Realisasi Anggaran";
    b.sheet_name = "Anggaran";
    b.widths = {4, 3, 3, 2};
    b.header.push_back(
        Row{{text_cell("Kegiatan"), text_cell("Pagu (Rp)"), text_cell("Realisasi (Rp)"), text_cell("Penyerapan (%)")},
            RowStyle::normal});
    b.body.push_back(Row{{text_cell("Dukungan manajemen"), rupiah_cell("41.661.103.000", "41661103000"),
                          rupiah_cell("41.579.911.818", "41579911818"), pct_cell("99,81", "99.81")},
                         RowStyle::normal});
    b.body.push_back(Row{{text_cell("Jumlah"), rupiah_cell("41.661.103.000", "41661103000"),
                          rupiah_cell("41.579.911.818", "41579911818"), pct_cell("99,81", "99.81")},
                         RowStyle::total});
    d.blocks.push_back(b);

    Chart c;
    c.id = "capaian-sasaran";
    c.caption = "Grafik 3.1 Capaian per Sasaran";
    c.categories = {"Sasaran 1", "Sasaran 2", "Sasaran 3"};
    c.series.push_back(ChartSeries{"Capaian (%)", {94.44, 100.0, std::nullopt}, {"94,44", "100,00", "-"}});
    c.value_axis = "%";
    d.blocks.push_back(c);
    Chart c2 = c;
    c2.id = "capaian-anggaran";
    c2.caption = "Grafik 3.2 Capaian dan Penyerapan Anggaran per Kegiatan";
    c2.series.push_back(ChartSeries{"Penyerapan anggaran (%)", {90.03, 99.68, 100.68}, {"90,03", "99,68", "100,68"}});
    d.blocks.push_back(c2);

    d.blocks.push_back(Heading{1, "LAMPIRAN", true});
    d.blocks.push_back(Signatures{
        "Contoh, 25 Januari 2024",
        {Signature{"PIHAK KEDUA", "Ketua KPU Kota Contoh,", "Marta Dinata", ""},
         Signature{"PIHAK PERTAMA", "Sekretaris KPU Kota Contoh,", "Yasrin Abidin", "19830729 200902 1 004"}}});
    return d;
}

} // namespace kinerja::testing
