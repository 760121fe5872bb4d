// The kind, office, year, place and date of each real document, checked by reading them by hand.
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {

struct Expected {
    const char* file;
    const char* type;
    const char* agency;
    int year; // 0: none
    const char* place;
    const char* date_text;
};

DocumentFacts facts_of(const std::string& path) {
    const auto source = testing::text_file(path);
    return document_facts(make_lines(source));
}

TEST(DocumentFacts, Seeds) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const Expected cases[] = {
        {"lkj-2024-kpu-kota-prabumulih.txt", "lkj", "KPU Kota Prabumulih", 2024, "Prabumulih", "16 Januari 2025"},
        {"renaksi-2024-kpu-kota-prabumulih.txt", "renaksi", "KPU Kota Prabumulih", 2024, "Prabumulih",
         "25 Januari 2024"},
        {"rkt-2024-kpu-kab-oku-selatan.txt", "rkt", "KPU Kabupaten OKU Selatan", 2024, "Mubaradiah", "11 Januari 2024"},
        {"rkt-2024-kpu-prov-kalimantan-timur.txt", "rkt", "KPU Provinsi Kalimantan Timur", 2024, "Samarinda",
         "1 Maret 2024"},
        {"iku-2020-2024-kpu-kab-mesuji.txt", "iku", "KPU Kabupaten Mesuji", 2022, "Mesuji", "21 April 2022"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const auto f = facts_of(testing::seeds_dir() + "/" + c.file);
        EXPECT_EQ(f.type, c.type);
        EXPECT_EQ(f.agency, c.agency);
        EXPECT_EQ(f.year.value_or(0), c.year);
        EXPECT_EQ(f.place, c.place);
        EXPECT_EQ(f.date_text, c.date_text);
    }
}

TEST(DocumentFacts, MesujiIkuHasItsPlanPeriod) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    const auto f = facts_of(testing::seeds_dir() + "/iku-2020-2024-kpu-kab-mesuji.txt");
    EXPECT_EQ(f.period_start.value_or(0), 2020);
    EXPECT_EQ(f.period_end.value_or(0), 2024);
    EXPECT_EQ(f.level, "regency");
}

// The agencies as each sample names itself: a heading cell (04: "1.1 Gambaran Umum ⇥ Biro Humas,
// Protokol dan Umum"), a title (09), a head's position (06: "KEPALA DINAS PETERNAKAN …"), a running
// footer letter-spaced (07, 08: "INSPEKTORAT P R O V I N S I J A W A B A R A T"), a bold title printed
// twice over two lines (11: "Dinas Kelautan ddaann PPeerriikkaannaann" over "Provinsi Jawa Barat").
// Sample 10 names its hospital only in prose: no agency. A year of 0 is not checked.
// An LKj of 2025 whose title area cites the Renstra 2020-2024 is of 2025, with no plan period.
TEST(DocumentFacts, AOneYearDocumentCitingItsRenstraKeepsItsYear) {
    const auto lines = make_lines(SourceText{"lkj.txt",
                                             "text",
                                             {"LAPORAN KINERJA", "KPU KOTA PRABUMULIH TAHUN 2025",
                                              "Disusun berdasarkan Renstra KPU Tahun 2020-2024", "BAB I PENDAHULUAN"}});
    const auto f = document_facts(lines);
    EXPECT_EQ(f.type, "lkj");
    EXPECT_EQ(f.year.value_or(0), 2025);
    EXPECT_FALSE(f.period_start.has_value());
}

// The office its title names stays the document's when a footer names another on the last lines.
TEST(DocumentFacts, TheTitlesAgencyIsNotTakenOverByAFooter) {
    const auto lines =
        make_lines(SourceText{"rkt.txt",
                              "text",
                              {"RENCANA KINERJA TAHUNAN TAHUN 2016", "DINAS PERHUBUNGAN PROVINSI JAWA BARAT", "",
                               "Sasaran\tIndikator\tTarget", "Meningkatnya A\tPersentase B\t95",
                               "INSPEKTORAT PROVINSI JAWA BARAT", "INSPEKTORAT PROVINSI JAWA BARAT"}});
    EXPECT_EQ(document_facts(lines).agency, "Dinas Perhubungan Provinsi Jawa Barat");
}

TEST(DocumentFacts, Samples) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    const Expected cases[] = {
        {"01-lkj-bab3-2016-dishub-jabar.txt", "lkj", "Dinas Perhubungan Provinsi Jawa Barat", 2016, "", ""},
        {"02-rkt-2016-dishub-jabar.txt", "rkt", "Dinas Perhubungan Provinsi Jawa Barat", 2016, "", ""},
        {"03-monev-renaksi-2016-dishub-jabar.txt", "renaksi", "Dinas Perhubungan Provinsi Jawa Barat", 2016, "", ""},
        {"04-lkj-2016-biro-hpu-setda-jabar.txt", "lkj", "Biro Humas, Protokol dan Umum", 2016, "", ""},
        {"05-pk-2016-bpmpd-jabar.txt", "pk", "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa", 2016, "", ""},
        {"06-pk-2016-disnak-jabar.txt", "pk", "Dinas Peternakan Provinsi Jawa Barat", 2016, "", ""},
        {"07-renaksi-2016-inspektorat-jabar.txt", "renaksi", "Inspektorat Provinsi Jawa Barat", 2016, "", ""},
        {"08-iku-capaian-2016-inspektorat-jabar.txt", "iku", "Inspektorat Provinsi Jawa Barat", 2016, "", ""},
        {"09-lakip-ringkasan-2016-bkpd-jabar.txt", "lkj", "Badan Ketahanan Pangan Daerah Provinsi Jawa Barat", 2016, "",
         ""},
        {"10-lkj-2016-rsj-jabar.txt", "lkj", "", 0, "", ""}, // its introduction's 2015 (see UnderstandLkjSamples)
        {"11-renstra-review-2017-2018-dkp-jabar-bab6.txt", "renstra",
         "Dinas Kelautan dan Perikanan Provinsi Jawa Barat", 0, "", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const auto f = facts_of(testing::samples_dir() + "/" + c.file);
        EXPECT_EQ(f.type, c.type);
        EXPECT_EQ(f.agency, c.agency);
        if (c.year) {
            EXPECT_EQ(f.year.value_or(0), c.year);
        }
    }
}

} // namespace
} // namespace kinerja::import
