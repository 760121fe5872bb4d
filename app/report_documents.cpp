// The planning documents as reports: Perjanjian Kinerja (PermenPANRB 53/2014 Lampiran I wording, as in
// the seed and KPU Kab. Ponorogo's PK), the RKT in its two seed layouts, and the Rencana Aksi grid.
#include <fmt/format.h>

#include "app/report_builder.h"
#include "app/report_cells.h"
#include "core/checks.h"

namespace kinerja::app {
namespace {

using namespace report;

Paragraph center(std::string t, bool bold = true) {
    return Paragraph{std::move(t), ParagraphStyle::centered, bold};
}

std::string or_missing(const std::string& s, const char* what) {
    return s.empty() ? std::string("(") + what + " belum tercatat)" : s;
}

// "Nama : …", "NIP : …", "Jabatan : …" of one party; a missing NIP is said only where NIPs are expected.
std::string party_lines(const PartyData& p, bool expect_nip) {
    std::string out = "Nama\t: " + or_missing(p.name, "nama");
    if (!p.nip.empty())
        out += "\nNIP\t: " + p.nip;
    else if (expect_nip)
        out += "\nNIP\t: (NIP belum tercatat)";
    out += "\nJabatan\t: " + or_missing(p.position, "jabatan");
    return out;
}

std::string place_date(const std::string& place, const std::string& date_text, const std::optional<Date>& date) {
    const std::string d = date ? date->indonesian() : date_text;
    if (place.empty() && d.empty()) return "(tempat dan tanggal belum tercatat)";
    return (place.empty() ? std::string("(tempat belum tercatat)") : place) + ", " +
           (d.empty() ? std::string("(tanggal belum tercatat)") : d);
}

std::string version_label(const AgreementVersionData& v) {
    if (v.version_no <= 1) return "";
    std::string out = "Perubahan ke-" + std::to_string(v.version_no - 1);
    if (!v.reason_code.empty()) out += " (alasan " + v.reason_code + (v.reason.empty() ? "" : ": " + v.reason) + ")";
    return out;
}

} // namespace

void append_pk_blocks(std::vector<Block>& out, const OfficeYear& data, const AgreementData& ag,
                      const AgreementVersionData& v) {
    const bool sub_unit = !ag.unit_name.empty();
    const std::string who = sub_unit ? ag.unit_name : data.office.name;
    out.push_back(
        center("KOMISI PEMILIHAN UMUM " +
               upper(data.office.name.rfind("KPU ", 0) == 0 ? data.office.name.substr(4) : data.office.name)));
    out.push_back(Heading{2, "Perjanjian Kinerja Tahun " + std::to_string(data.year) + " " + who, true});
    if (const std::string label = version_label(v); !label.empty()) out.push_back(center(label, false));
    out.push_back(body("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, akuntabel serta "
                       "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"));
    out.push_back(body(party_lines(v.first_party, sub_unit)));
    out.push_back(body("selanjutnya disebut pihak pertama"));
    out.push_back(body(party_lines(v.second_party, sub_unit)));
    out.push_back(body("selaku atasan pihak pertama, selanjutnya disebut pihak kedua"));
    out.push_back(body("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
                       "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
                       "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
                       "tersebut menjadi tanggung jawab kami."));
    out.push_back(body("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
                       "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
                       "pemberian penghargaan dan sanksi."));
    // The signature blocks are printed PIHAK KEDUA first, then PIHAK PERTAMA (domain.md §1.5).
    auto sign = [&](const char* role, const PartyData& p) {
        return Signature{role, or_missing(p.position, "jabatan") + ",", or_missing(p.name, "nama"), p.nip};
    };
    out.push_back(Signatures{place_date(v.place.empty() ? data.office.place : v.place, v.date_text, v.date),
                             {sign("PIHAK KEDUA", v.second_party), sign("PIHAK PERTAMA", v.first_party)}});

    report::Table t;
    t.id = sub_unit ? "pk-sasaran-unit" : "pk-sasaran";
    t.caption = "Lampiran Perjanjian Kinerja Tahun " + std::to_string(data.year) + " " + who;
    t.sheet_name = sub_unit ? "PK " + ag.unit_name : "PK";
    t.widths = {1, 6, 7, 2};
    t.header.push_back(header_row({"No", "Sasaran Strategis", "Indikator Kinerja", "Target"}));
    if (v.items.empty())
        t.body.push_back(Row{{text("Belum ada indikator kinerja dalam perjanjian ini", 4)}, RowStyle::normal});
    std::string last_objective;
    for (const auto& it : v.items) {
        const bool same = it.objective == last_objective && !it.objective.empty();
        last_objective = it.objective;
        std::string objective = same ? "" : it.objective;
        if (!same && !it.code.empty() && objective.find(it.code) == std::string::npos)
            objective += " (" + it.code + ")";
        t.body.push_back(Row{{centered(same ? "" : it.number), text(objective), text(it.indicator_text),
                              centered(it.target_text.empty() ? "Target belum ditetapkan" : it.target_text)},
                             RowStyle::normal});
    }
    out.push_back(std::move(t));

    report::Table b;
    b.id = sub_unit ? "pk-anggaran-unit" : "pk-anggaran";
    const bool kro = v.budget_kind == "kro";
    b.caption = std::string(kro ? "KRO (Klasifikasi Rincian Output)" : "Program") + " dan Anggaran";
    b.sheet_name = (sub_unit ? "Anggaran PK " + ag.unit_name : std::string("Anggaran PK"));
    b.widths = {1, 10, 4};
    b.header.push_back(header_row({"No", kro ? "KRO" : "Program", "Anggaran (Rp)"}));
    Rupiah sum{};
    bool all_known = true;
    for (const auto& bl : v.budgets) {
        b.body.push_back(Row{{centered(bl.number), text(bl.name), rupiah(bl.amount)}, RowStyle::normal});
        if (bl.amount)
            sum += *bl.amount;
        else
            all_known = false;
    }
    if (v.budgets.empty())
        b.body.push_back(Row{{text("Anggaran belum tercatat dalam perjanjian ini", 3)}, RowStyle::normal});
    // The total is computed from the lines; a different printed total is a finding of the checks.
    Row total{{text("", 1), bold_text("Total Anggaran " + std::to_string(data.year)),
               rupiah(all_known && !v.budgets.empty() ? std::optional<Rupiah>(sum) : std::nullopt)},
              RowStyle::total};
    b.body.push_back(std::move(total));
    if (v.total && v.total->value != sum.value && all_known)
        b.note = "Jumlah tercetak pada dokumen sumber Rp " + format_rupiah(*v.total) +
                 " berbeda dengan jumlah rincian Rp " + format_rupiah(sum) + ".";
    out.push_back(std::move(b));
    out.push_back(Signatures{place_date(v.place, v.date_text, v.date),
                             {Signature{"", or_missing(v.first_party.position, "jabatan") + ",",
                                        or_missing(v.first_party.name, "nama"), v.first_party.nip}}});
}

report::Document build_pk(const OfficeYear& data, const std::vector<PkSelection>& agreements) {
    Document d;
    d.kind = "pk";
    d.office = data.office.name;
    d.year = data.year;
    d.title = "Perjanjian Kinerja " + data.office.name + " Tahun " + std::to_string(data.year);
    bool first = true;
    for (const auto& sel : agreements) {
        if (!first) d.blocks.push_back(PageBreak{});
        first = false;
        append_pk_blocks(d.blocks, data, *sel.agreement, *sel.version);
    }
    if (agreements.empty())
        d.blocks.push_back(missing("Perjanjian Kinerja " + data.office.name + " tahun " + std::to_string(data.year) +
                                   " belum tercatat."));
    return d;
}

void append_rkt_blocks(std::vector<Block>& out, const OfficeYear& data, int heading_level) {
    if (data.plans.empty()) {
        out.push_back(missing("Rencana Kinerja Tahunan " + std::to_string(data.year) + " belum tercatat."));
        return;
    }
    int n = 0;
    for (const auto& p : data.plans) {
        ++n;
        out.push_back(Heading{heading_level,
                              p.title.empty() ? "Rencana Kinerja Tahunan Tahun " + std::to_string(data.year) : p.title,
                              heading_level <= 2});
        if (!p.unit_name.empty()) out.push_back(body("Nama/Unit Organisasi\t: " + p.unit_name));
        out.push_back(body("Tahun Anggaran\t: " + std::to_string(data.year)));
        report::Table t;
        t.id = "rkt-" + std::to_string(n);
        t.caption = "Rencana Kinerja Tahunan " + std::to_string(data.year);
        t.sheet_name = data.plans.size() > 1 ? "RKT " + std::to_string(n) : "RKT";
        if (p.layout == "province") {
            // The province layout: objective, indicator, target.
            t.widths = {6, 7, 2};
            t.header.push_back(header_row({"Sasaran Strategis", "Indikator Kinerja", "Target"}));
            t.header.push_back(header_row({"(1)", "(2)", "(3)"}));
            for (const auto& r : p.rows)
                t.body.push_back(
                    Row{{text(r.objective), text(r.indicator_text), centered(with_unit(r.target_text, ""))},
                        RowStyle::normal});
        } else {
            // The regency layout: program, objective, indicator, target, activity, budget, executor. Eight
            // columns of text on a landscape page: in portrait their words broke inside (PDF).
            t.landscape_hint = true;
            t.widths = {1, 4, 4, 5, 2, 5, 3, 3};
            t.header.push_back(header_row({"No", "Program", "Sasaran Strategis", "Indikator Kinerja Strategis",
                                           "Target", "Kegiatan", "Anggaran (Rp)", "Pelaksana"}));
            t.header.push_back(header_row({"1", "2", "3", "4", "5", "6", "7", "8"}));
            Rupiah sum{};
            for (const auto& r : p.rows) {
                std::string objective = r.objective;
                if (!r.code.empty() && objective.find(r.code) == std::string::npos) objective += " (" + r.code + ")";
                t.body.push_back(Row{{centered(r.number), text(r.program), text(objective), text(r.indicator_text),
                                      centered(with_unit(r.target_text, "")), text(r.activity),
                                      r.budget_text.empty() ? text("") : rupiah(r.budget), text(r.executor)},
                                     RowStyle::normal});
                if (r.budget) sum += *r.budget;
            }
            t.body.push_back(Row{{bold_text("Jumlah", 6), rupiah(sum), text("")}, RowStyle::total});
        }
        if (p.rows.empty())
            t.body.push_back(
                Row{{text("RKT ini belum berisi baris", static_cast<int>(t.widths.size()))}, RowStyle::normal});
        out.push_back(std::move(t));
        if (!p.signer_name.empty() || !p.place.empty())
            out.push_back(Signatures{place_date(p.place, p.date_text, p.date),
                                     {Signature{"", or_missing(p.signer_position, "jabatan") + ",",
                                                or_missing(p.signer_name, "nama"), ""}}});
    }
}

report::Document build_rkt(const OfficeYear& data) {
    Document d;
    d.kind = "rkt";
    d.office = data.office.name;
    d.year = data.year;
    d.title = "Rencana Kinerja Tahunan " + data.office.name + " Tahun " + std::to_string(data.year);
    d.blocks.push_back(center("RENCANA KINERJA TAHUNAN (RKT)"));
    d.blocks.push_back(center(upper(data.office.name) + " TAHUN " + std::to_string(data.year)));
    append_rkt_blocks(d.blocks, data, 2);
    return d;
}

report::Document build_renaksi(const OfficeYear& data) {
    Document d;
    d.kind = "renaksi";
    d.office = data.office.name;
    d.year = data.year;
    d.landscape = true;
    d.title = "Rencana Aksi " + data.office.name + " Tahun " + std::to_string(data.year);
    d.blocks.push_back(center("RENCANA AKSI KINERJA TAHUN " + std::to_string(data.year)));
    if (data.action_plans.empty()) {
        d.blocks.push_back(missing("Rencana Aksi tahun " + std::to_string(data.year) + " belum tercatat."));
        return d;
    }
    int n = 0;
    for (const auto& ap : data.action_plans) {
        ++n;
        d.blocks.push_back(center(ap.unit_name.empty() ? data.office.name : ap.unit_name, false));
        report::Table t;
        t.id = "renaksi-" + std::to_string(n);
        t.caption = "Rencana Aksi " + (ap.unit_name.empty() ? data.office.name : ap.unit_name) + " Tahun " +
                    std::to_string(data.year);
        t.sheet_name = data.action_plans.size() > 1 ? "Rencana Aksi " + std::to_string(n) : "Rencana Aksi";
        t.landscape_hint = true;
        // The month columns hold one mark: their room goes to the columns of text, whose long words
        // ("Pertanggungjawaban") would otherwise break inside (PDF).
        t.widths = {6, 20, 28, 9, 27, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 14, 16};
        Row h1 = header_row({"No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Kegiatan"});
        Cell months = centered("Jadwal Pelaksanaan (bulan)");
        months.bold = true;
        months.span = 12;
        h1.cells.push_back(months);
        for (const char* s : {"Perkiraan Biaya (Rp)", "Pelaksana"}) {
            Cell c = centered(s);
            c.bold = true;
            h1.cells.push_back(c);
        }
        t.header.push_back(std::move(h1));
        Row h2{{text("", 5)}, RowStyle::normal};
        for (int m = 1; m <= 12; ++m) {
            Cell c = centered("B" + std::to_string(m));
            c.bold = true;
            h2.cells.push_back(c);
        }
        h2.cells.push_back(text("", 2));
        t.header.push_back(std::move(h2));
        Rupiah sum{};
        bool unknown_months = false;
        for (const auto& o : ap.objectives) {
            bool first = true;
            std::string objective = o.name;
            if (!o.code.empty() && objective.find(o.code) == std::string::npos) objective += " (" + o.code + ")";
            for (const auto& it : o.items) {
                Row r;
                r.cells.push_back(centered(first ? o.number : ""));
                r.cells.push_back(text(first ? objective : ""));
                r.cells.push_back(text(it.indicator_text));
                r.cells.push_back(centered(with_unit(it.target_text, "")));
                r.cells.push_back(text(it.activity));
                for (int m = 1; m <= 12; ++m)
                    r.cells.push_back(centered(!it.months ? "?" : ((*it.months >> (m - 1)) & 1) ? "v" : ""));
                if (!it.months) unknown_months = true;
                // The cost stands on the objective's first row, as in the seed.
                r.cells.push_back(first ? (o.cost_text.empty() ? text("")
                                           : o.cost            ? rupiah(o.cost)
                                                               : text(o.cost_text))
                                        : text(""));
                r.cells.push_back(text(it.executor));
                t.body.push_back(std::move(r));
                first = false;
            }
            if (o.cost) sum += *o.cost;
        }
        Row total{{bold_text("Jumlah", 17), rupiah(sum), text("")}, RowStyle::total};
        t.body.push_back(std::move(total));
        if (unknown_months)
            t.note = "\"?\": bulan pelaksanaan belum diisi (dokumen sumber tidak menyebutkan bulan yang dicentang).";
        d.blocks.push_back(std::move(t));
        d.blocks.push_back(
            Signatures{place_date(ap.place, ap.date_text, ap.date),
                       {Signature{"", "Sekretaris,", or_missing(ap.signer_name, "nama penanda tangan"), ""}}});
    }
    return d;
}

void append_findings_blocks(std::vector<Block>& out, const std::vector<Finding>& errors) {
    if (errors.empty()) return;
    out.push_back(Heading{1, "DAFTAR TEMUAN", true});
    out.push_back(body(fmt::format("Laporan ini dicetak sebagai draf walaupun pemeriksaan konsistensi menemukan {} "
                                   "galat. Perbaiki data berikut sebelum laporan ditandatangani.",
                                   errors.size())));
    report::Table t;
    t.id = "temuan";
    t.caption = "Temuan pemeriksaan konsistensi";
    t.sheet_name = "Temuan";
    t.widths = {1, 3, 9, 4};
    t.header.push_back(header_row({"No", "Jenis", "Uraian", "Letak"}));
    int n = 0;
    for (const auto& f : errors)
        t.body.push_back(Row{{count(++n), text(f.id), text(f.message), text(f.where)}, RowStyle::normal});
    out.push_back(std::move(t));
}

} // namespace kinerja::app
