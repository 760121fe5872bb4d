// Golden tests of read_pk / read_agreements: the importer's seed/1 `agreements` against hand
// transcriptions (data/demo for the LKj seed's PKs, tests/import/expected for the PK samples).
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"

namespace kinerja::import {
namespace {
namespace bj = boost::json;

// The LKj seed read the way the LKj reader reads its PKs: read_agreements over the summary (BAB II D)
// and over the attached PKs of the Lampiran, each range found by its headings.
struct LkjSeed {
    SourceText source = testing::text_file(testing::seeds_dir() + "/lkj-2024-kpu-kota-prabumulih.txt");
    std::vector<Line> lines = make_lines(source);
    bj::object seed;
    Context ctx{lines, document_facts(lines), seed, {}, source.name};

    int find(int from, auto&& predicate) const {
        for (int n = from; n <= static_cast<int>(lines.size()); ++n)
            if (predicate(lines[static_cast<std::size_t>(n - 1)])) return n;
        return 0;
    }
    void read() {
        const int summary =
            find(1, [](const Line& l) { return !l.tabbed() && starts_with_folded(l.text, "d. perjanjian kinerja"); });
        const int next_chapter =
            find(summary + 1, [](const Line& l) { return !l.tabbed() && fold(l.text) == "bab iii"; });
        const int appendix = find(next_chapter, [](const Line& l) { return fold(l.text) == "lampiran"; });
        const int attached =
            find(appendix, [](const Line& l) { return starts_with_folded(l.text, "perjanjian kinerja tahun"); });
        ASSERT_GT(summary, 0);
        ASSERT_GT(next_chapter, summary);
        ASSERT_GT(attached, appendix);
        read_agreements(ctx, summary, next_chapter - 1);
        read_agreements(ctx, attached, static_cast<int>(lines.size()));
    }
};

// One agreement of each side, so each is reported (and must be exact) on its own.
bj::object only(const bj::value& document, std::size_t index) {
    bj::array one;
    const auto& all = document.as_object().at("agreements").as_array();
    if (index < all.size()) one.push_back(all[index]);
    return bj::object{{"agreements", std::move(one)}};
}

TEST(UnderstandPk, LkjSeedAgreementsAreExact) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    LkjSeed lkj;
    lkj.read();
    const auto expected = testing::json_file(testing::repo_dir() + "/data/demo/lkj-2024-kpu-kota-prabumulih.json");
    const bj::value actual = lkj.seed;
    const auto& want = expected.as_object().at("agreements").as_array();
    ASSERT_EQ(actual.as_object().at("agreements").as_array().size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto c = testing::compare_seed(only(expected, i), only(actual, i), "agreements");
        SCOPED_TRACE("agreement at line " + std::to_string(want[i].as_object().at("line").as_int64()));
        std::cout << "[pk] seed agreement line " << want[i].as_object().at("line").as_int64() << ": "
                  << testing::describe(c) << "\n";
        EXPECT_TRUE(c.exact()) << testing::describe(c);
    }
    const auto all = testing::compare_seed(expected, actual, "agreements");
    EXPECT_TRUE(all.exact()) << testing::describe(all);
}

TEST(UnderstandPk, LkjSeedFiguresAsPrinted) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::seeds_dir());
    LkjSeed lkj;
    lkj.read();
    const auto& a = lkj.seed.at("agreements").as_array();
    ASSERT_EQ(a.size(), 6u);
    // The summary cited in BAB II has no parties and is marked so the loader keeps it apart.
    EXPECT_EQ(a[0].at("source"), "bab2");
    EXPECT_TRUE(a[0].at("first_party").is_null());
    EXPECT_EQ(a[0].at("items").as_array().size(), 37u);
    // The office's PK: Program budgets and the printed total.
    EXPECT_EQ(a[1].at("budget_kind"), "program");
    EXPECT_EQ(a[1].at("total").at("amount"), "20.518.557.000");
    EXPECT_EQ(a[1].at("items").as_array().size(), 41u);
    // A sub-unit's PK: KRO budgets; the superior's 19-digit NIP kept as printed.
    EXPECT_EQ(a[2].at("unit"), "Subbagian Perencanaan, Data dan Informasi");
    EXPECT_EQ(a[2].at("budget_kind"), "kro");
    EXPECT_EQ(a[2].at("second_party").at("nip"), "19780429 2009021 1 003");
    // A wrapped indicator ("… paling lambat 4" / "(empat) hari kerja") is one item.
    EXPECT_EQ(a[3].at("items").as_array()[16].at("indicator"),
              "Persentase hasil rapat pleno yang ditindaklanjuti paling lambat 4 (empat) hari kerja");
}

// A standalone PK document understood as a whole, compared with its hand transcription.
testing::Comparison sample(const std::string& name, Understood* out = nullptr) {
    const auto understood = understand(testing::text_file(testing::samples_dir() + "/" + name + ".txt"), "pk");
    EXPECT_TRUE(understood.has_value());
    if (!understood) return {};
    const auto expected = testing::json_file(testing::repo_dir() + "/tests/import/expected/" + name + ".json");
    const auto c = testing::compare_seed(expected, understood->seed, "agreements");
    std::cout << "[pk] " << name << ": " << testing::describe(c) << "\n";
    if (out) *out = *understood;
    return c;
}

TEST(UnderstandPk, LayoutSampleIsExact) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    // Column-aligned text: "Nama : / Jabatan :" blocks, names side by side with the NIP under one,
    // indicators numbered and wrapped in their column, a target glued to its indicator, "Rp. …,-".
    const auto c = sample("05-pk-2016-bpmpd-jabar");
    EXPECT_TRUE(c.exact()) << testing::describe(c);
}

TEST(UnderstandPk, ScannedSampleKeepsWhatIsReliablyThere) {
    KINERJA_SKIP_WITHOUT_SHARED(testing::samples_dir());
    // OCR'd flow text: the two columns' words interleave, so objective and indicator texts cannot all
    // be told apart; the parties, the NIP, every indicator's line and target (paired in order, as
    // the counts agree) and every budget are read.
    Understood u;
    const auto c = sample("06-pk-2016-disnak-jabar", &u);
    EXPECT_EQ(c.found_items, c.expected_items) << testing::describe(c);
    // A floor: OCR put the wrapped lines of the objective and indicator columns one under the other.
    EXPECT_GE(c.equal_fields, 165) << testing::describe(c); // of 189
    const auto& a = u.seed.at("agreements").as_array().at(0);
    EXPECT_EQ(a.at("first_party").at("nip"), "19591030 198503 1 008");
    EXPECT_EQ(a.at("second_party").at("name"), "AHMAD HERYAWAN");
    const auto& items = a.at("items").as_array();
    ASSERT_EQ(items.size(), 25u);
    EXPECT_EQ(items[0].at("target"), "768.495");
    EXPECT_EQ(items[24].at("target"), "3");
    const auto& budgets = a.at("budgets").as_array();
    ASSERT_EQ(budgets.size(), 6u);
    EXPECT_EQ(budgets[2].at("amount"), "A.868.180.000,-"); // OCR noise kept as printed, reported later
}

TEST(UnderstandPk, UnpairedFlowTargetsAreLeftOut) {
    // Three indicators but two targets: which is missing cannot be known, so none is paired.
    SourceText s{"pk.txt",
                 "text",
                 {"PERJANJIAN KINERJA TAHUN 2016", "No", "Sasaran Strategis", "Indikator Kinerja", "Target",
                  "1. Meningkatnya produksi", "1.1. Jumlah produksi daging", "1.2. Jumlah produksi susu",
                  "1.3. Jumlah produksi telur", "120", "80"}};
    const auto u = understand(s, "pk");
    ASSERT_TRUE(u.has_value());
    const auto& items = u->seed.at("agreements").as_array().at(0).at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    for (const auto& item : items)
        EXPECT_TRUE(item.at("target").is_null());
    ASSERT_FALSE(u->findings.empty());
    EXPECT_EQ(u->findings[0].id, "pk-target-unpaired");
}

TEST(UnderstandPk, PdfTableWithTargetsOnTheirOwnLinesAndBudgetInCells) {
    // An LKj's cited PK as pdftotext gives it (sample 04): a numbered heading, rows cut short with the
    // target on a later line, wrapped pieces of two columns, "Rp." in a cell of its own.
    SourceText s{"lkj.txt",
                 "text",
                 {"2.6\tPerjanjian Kinerja Tahun 2016", "NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET",
                  "(1)\t(2)\t(3)\t(4)", "1\tMeningkatnya jaminan\tPersentase Pelayanan", "100%",
                  "Pemerintah Daerah\tFasilitasi Olahraga Pegawai", "NO\tPROGRAM\tANGGARAN\tKETERANGAN",
                  "1.\tProgram Pengembangan\tRp.\t28.764.500.000,00\tAPBD", "Kompetensi Aparatur",
                  "2.\tProgram Pelayanan Administrasi Rp.\t89.361.539.500,00\tAPBD"}};
    const auto made = make_lines(s);
    bj::object seed;
    Context ctx{made, document_facts(made), seed, {}, s.name};
    read_agreements(ctx, 1, 10);
    const auto& a = seed.at("agreements").as_array().at(0);
    EXPECT_EQ(a.at("title"), "Perjanjian Kinerja Tahun 2016");
    EXPECT_EQ(a.at("year"), 2016);
    const auto& items = a.at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("objective"), "Meningkatnya jaminan Pemerintah Daerah");
    EXPECT_EQ(items[0].at("indicator"), "Persentase Pelayanan Fasilitasi Olahraga Pegawai");
    EXPECT_EQ(items[0].at("target"), "100%");
    EXPECT_EQ(a.at("budget_kind"), "program");
    const auto& budgets = a.at("budgets").as_array();
    ASSERT_EQ(budgets.size(), 2u);
    EXPECT_EQ(budgets[0].at("name"), "Program Pengembangan Kompetensi Aparatur");
    EXPECT_EQ(budgets[0].at("amount"), "28.764.500.000,00");
    EXPECT_EQ(budgets[1].at("name"), "Program Pelayanan Administrasi");
    EXPECT_EQ(budgets[1].at("number"), "2.");
}

// The signatures side by side with the second party on the left ("PIHAK KEDUA ⇥ PIHAK PERTAMA", as
// the seeds sign): each NIP goes to the party whose column it stands in.
TEST(UnderstandPk, SignaturesSideBySideGiveEachPartyItsOwnNip) {
    SourceText s{"pk.txt",
                 "text",
                 {"PERJANJIAN KINERJA TAHUN 2024", "KPU KOTA PRABUMULIH", "Nama : Budi Santoso",
                  "Jabatan : Kepala Subbagian Perencanaan", "Selanjutnya disebut pihak pertama", "Nama : Marta Dinata",
                  "Jabatan : Sekretaris KPU Kota Prabumulih",
                  "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua", "Prabumulih, 2 Januari 2024",
                  "PIHAK KEDUA,\tPIHAK PERTAMA,", "Marta Dinata\tBudi Santoso",
                  "NIP. 19780429 200902 1 003\tNIP. 19830729 200902 1 004", "",
                  "No\tSasaran\tIndikator Kinerja\tTarget", "1\tSasaran A\tPersentase A\t95%"}};
    const auto u = understand(s, "pk");
    ASSERT_TRUE(u.has_value());
    const auto& a = u->seed.at("agreements").as_array().at(0);
    EXPECT_EQ(a.at("first_party").at("name"), "Budi Santoso");
    EXPECT_EQ(a.at("first_party").at("nip"), "19830729 200902 1 004");
    EXPECT_EQ(a.at("second_party").at("name"), "Marta Dinata");
    EXPECT_EQ(a.at("second_party").at("nip"), "19780429 200902 1 003");
}

TEST(UnderstandPk, NoTitleNoAgreementAndNoCrash) {
    for (const auto& lines : std::vector<std::vector<std::string>>{
             {},
             {""},
             {"PERJANJIAN KINERJA TAHUN 2016"},
             {"PERJANJIAN KINERJA TAHUN 2016", "Nama"},
             {"PERJANJIAN KINERJA TAHUN 2016", "Nama :", "Jabatan"},
             {"PERJANJIAN KINERJA TAHUN 2016", "Indikator", "Target"},
             {"PERJANJIAN KINERJA TAHUN 2016", "No\tIndikator\tTarget", "\t\t\t\t\t95%"},
             {"PERJANJIAN KINERJA TAHUN 2016", "Program", "Rp", "1.", "Rp 5"},
             {"Bandung,"}}) {
        SourceText s{"pk.txt", "text", lines};
        bj::object seed;
        const auto made = make_lines(s);
        Context ctx{made, document_facts(made), seed, {}, s.name};
        read_pk(ctx);
        read_agreements(ctx, -5, 1000);
        read_agreements(ctx, 3, 1);
        const bool titled = !lines.empty() && lines[0].starts_with("PERJANJIAN");
        if (!titled) {
            EXPECT_TRUE(!seed.contains("agreements") || seed.at("agreements").as_array().empty());
        }
    }
}

} // namespace
} // namespace kinerja::import
