// The Laporan Kinerja (LKj) in the structure of PermenPANRB 53/2014 Lampiran II (domain.md §1.8), in
// the chapter names of the seed LKj. Every figure comes from measure(); the analysis of each objective
// follows the seven points of 53/2014: the standard sentences of points 1–4 and 6 are generated, the
// office writes points 5–7 (causes, efficiency, supporting activities) as narrative sections.
#include <fmt/format.h>
#include <map>

#include "app/report_builder.h"
#include "app/report_cells.h"
#include "core/checks.h"
#include "core/measurement.h"
#include "core/scale.h"

namespace kinerja::app {
namespace {

using namespace report;

std::string objective_title(const ObjectiveData& o) {
    std::string t = o.name;
    if (!o.code.empty() && t.find(o.code) == std::string::npos) t += " (" + o.code + ")";
    return t;
}

std::string objective_number(const ObjectiveData& o, std::size_t index) {
    return o.number.empty() ? std::to_string(index + 1) : o.number;
}

std::string objective_label(const ObjectiveData& o, std::size_t index) {
    return "Sasaran " + objective_number(o, index);
}

double as_double(const std::optional<Ratio>& r) {
    return r ? std::stod(r->round(2).canonical()) : 0.0;
}

// The text of a narrative section, or the marker that says it is still to be written.
class Narratives {
public:
    explicit Narratives(const std::vector<NarrativeRecord>& records) {
        for (const auto& r : records)
            m_text[r.section] = r.text;
    }
    void append(std::vector<Block>& out, const std::string& key, const std::string& what) const {
        auto it = m_text.find(key);
        if (it == m_text.end() || it->second.empty())
            out.push_back(missing(what + " belum ditulis oleh satker."));
        else
            out.push_back(body(it->second));
    }

private:
    std::map<std::string, std::string> m_text;
};

// The indicator of last year matching this one: the same indicator, or one with the same statement.
const MeasuredIndicator* previous_indicator(const Measurement* prev, const IndicatorData& ind) {
    if (!prev) return nullptr;
    const std::string key = normalize_text(ind.statement);
    const MeasuredIndicator* by_text = nullptr;
    for (const auto& mo : prev->objectives)
        for (const auto& mi : mo.indicators) {
            if (mi.indicator->id == ind.id) return &mi;
            if (!by_text && normalize_text(mi.indicator->statement) == key) by_text = &mi;
        }
    return by_text;
}

const MeasuredObjective* previous_objective(const Measurement* prev, const ObjectiveData& o) {
    if (!prev) return nullptr;
    for (const auto& mo : prev->objectives)
        if (mo.objective->id == o.id || (!o.code.empty() && mo.objective->code == o.code)) return &mo;
    return nullptr;
}

const RenstraIndicatorData* renstra_indicator(const OfficeYear& d, std::int64_t indicator_id) {
    for (const auto& r : d.renstra)
        for (const auto& ri : r.indicators)
            if (ri.indicator_id == indicator_id) return &ri;
    return nullptr;
}

// a − b of two printed percentages (both at 2 decimals): the difference a reader can check.
Decimal minus(const Decimal& a, const Decimal& b) {
    return Decimal(a.rescaled(2).mantissa() - b.rescaled(2).mantissa(), 2);
}

std::string signed_points(const Ratio& now, const Ratio& before, Rounding rounding) {
    const Decimal diff = minus(now.round(2, rounding), before.round(2, rounding));
    if (diff.is_zero()) return "sama dengan";
    return (diff.is_negative() ? "turun " + Decimal(-diff.mantissa(), 2).indonesian(2) : "naik " + diff.indonesian(2)) +
           " poin dari";
}

// Point 1 of 53/2014: target against realization, honest when the target is missed.
std::string target_sentence(const MeasuredIndicator& mi, Rounding rounding) {
    const auto& ind = *mi.indicator;
    const std::string target = with_unit(ind.target_text, ind.unit);
    const std::string actual = with_unit(mi.actual_text, ind.unit);
    if (ind.target_text.empty()) return "Target tahun ini belum ditetapkan, sehingga capaian tidak dapat dihitung.";
    if (!mi.achievement.percent)
        return fmt::format("Target {}, realisasi {}; capaian tidak dapat dihitung ({}).", target, actual,
                           mi.achievement.reason);
    const Decimal p = mi.achievement.percent->round(2, rounding);
    const std::string pct = p.indonesian(2);
    if (p < Decimal::integer(100))
        return fmt::format("Target {} dengan realisasi {}: capaian {}% ({}). Target tidak tercapai; capaian kurang {} "
                           "poin dari 100%.",
                           target, actual, pct, mi.band, minus(Decimal::integer(100), p).indonesian(2));
    return fmt::format("Target {} dengan realisasi {}: capaian {}% ({}). Target tercapai{}.", target, actual, pct,
                       mi.band, p > Decimal::integer(100) ? " dan terlampaui" : "");
}

report::Table measurement_table(const OfficeYear& d, const Measurement& m, Rounding rounding) {
    report::Table t;
    t.id = "pengukuran";
    t.caption = fmt::format("Tabel 3.1 Pengukuran Kinerja {} Tahun {}", d.office.name, d.year);
    t.sheet_name = "Pengukuran Kinerja";
    t.widths = {1, 7, 2, 2, 2, 4};
    t.header.push_back(
        header_row({"No", "Sasaran / Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"}));
    for (std::size_t i = 0; i < m.objectives.size(); ++i) {
        const auto& mo = m.objectives[i];
        t.body.push_back(Row{{bold_text(objective_label(*mo.objective, i) + ". " + objective_title(*mo.objective), 6)},
                             RowStyle::group});
        int n = 0;
        for (const auto& mi : mo.indicators) {
            const auto& ind = *mi.indicator;
            Cell achievement = percent(mi.achievement.percent, rounding);
            if (!mi.achievement.percent) achievement.text = "tidak dapat dihitung";
            t.body.push_back(Row{
                {count(++n), text(ind.statement),
                 centered(ind.target_text.empty() ? "belum ditetapkan" : with_unit(ind.target_text, ind.unit)),
                 centered(with_unit(mi.actual_text, ind.unit)), achievement, centered(mi.band.empty() ? "-" : mi.band)},
                RowStyle::normal});
        }
        t.body.push_back(Row{
            {text("Capaian " + objective_label(*mo.objective, i) + " (" + describe_rollup(mo.rollup, "indikator") + ")",
                  4),
             percent(mo.rollup.value, rounding), centered(mo.band.empty() ? "-" : mo.band)},
            RowStyle::total});
    }
    t.body.push_back(
        Row{{bold_text("Capaian kinerja " + d.office.name + " (" + describe_rollup(m.rollup, "sasaran") + ")", 4),
             percent(m.rollup.value, rounding), centered(m.band.empty() ? "-" : m.band)},
            RowStyle::total});
    t.note = fmt::format("Capaian = realisasi / target × 100 (semakin tinggi semakin baik) atau rumus LAN (2 × target "
                         "− realisasi) / target × 100 (semakin rendah semakin baik); dibulatkan {} ke 2 desimal. "
                         "Kategori menurut skala {}.",
                         rounding == Rounding::half_up ? "setengah ke atas" : "dengan dipotong", m.scale->label);
    return t;
}

report::Table scale_table(const Scale& scale) {
    report::Table t;
    t.id = "skala";
    t.caption = "Tabel 3.2 Skala Nilai Capaian Kinerja (" + scale.label + ")";
    t.sheet_name = "Skala";
    t.widths = {6, 6};
    t.header.push_back(header_row({"Rentang capaian (x, %)", "Kategori"}));
    for (const auto& line : scale.describe()) {
        const auto colon = line.find(':');
        t.body.push_back(Row{{text(line.substr(colon + 2)), text(line.substr(0, colon))}, RowStyle::normal});
    }
    t.note = "Sumber: " + scale.citation + (scale.note.empty() ? "" : " (" + scale.note + ")");
    return t;
}

Chart objective_chart(const Measurement& m) {
    Chart c;
    c.id = "capaian-sasaran";
    c.caption = "Grafik 3.1 Capaian Kinerja per Sasaran Strategis (%)";
    c.value_axis = "%";
    ChartSeries s{"Capaian (%)", {}, {}};
    for (std::size_t i = 0; i < m.objectives.size(); ++i) {
        const auto& mo = m.objectives[i];
        c.categories.push_back(objective_label(*mo.objective, i));
        s.values.push_back(mo.rollup.value ? std::optional<double>(as_double(mo.rollup.value)) : std::nullopt);
        s.labels.push_back(percent_text(mo.rollup.value, Rounding::half_up));
    }
    c.series.push_back(std::move(s));
    return c;
}

Chart budget_chart(const Measurement& m, Rounding rounding) {
    Chart c;
    c.id = "capaian-anggaran";
    c.caption = "Grafik 3.2 Capaian Kinerja dan Penyerapan Anggaran per Kegiatan (%)";
    c.value_axis = "%";
    ChartSeries a{"Capaian kinerja (%)", {}, {}}, b{"Penyerapan anggaran (%)", {}, {}};
    for (std::size_t i = 0; i < m.objectives.size(); ++i) {
        const auto& mo = m.objectives[i];
        if (!mo.budget) continue;
        c.categories.push_back(mo.objective->code.empty() ? objective_label(*mo.objective, i) : mo.objective->code);
        a.values.push_back(mo.rollup.value ? std::optional<double>(as_double(mo.rollup.value)) : std::nullopt);
        a.labels.push_back(percent_text(mo.rollup.value, rounding));
        b.values.push_back(mo.absorption ? std::optional<double>(as_double(mo.absorption)) : std::nullopt);
        b.labels.push_back(percent_text(mo.absorption, rounding));
    }
    c.series.push_back(std::move(a));
    c.series.push_back(std::move(b));
    return c;
}

report::Table budget_table(const OfficeYear& d, const Measurement& m, Rounding rounding) {
    report::Table t;
    t.id = "anggaran";
    t.caption = fmt::format("Tabel 3.3 Realisasi Anggaran per Kegiatan Tahun {}", d.year);
    t.sheet_name = "Realisasi Anggaran";
    t.widths = {2, 2, 7, 4, 4, 2};
    // The objective each line supports stands beside it: the reader of the report (and the importer
    // reading it back) sees which spending belongs to which result without matching names.
    t.header.push_back(header_row({"Sasaran", "Kode", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)"}));
    for (const BudgetLineData* b : m.budget_lines) {
        std::optional<Ratio> abs;
        if (b->ceiling && b->actual) abs = absorption(BudgetTotal{*b->ceiling, *b->actual});
        std::string objective = "-";
        for (std::size_t i = 0; i < m.objectives.size(); ++i)
            if (b->objective_id && m.objectives[i].objective->id == *b->objective_id)
                objective = objective_number(*m.objectives[i].objective, i);
        t.body.push_back(Row{{centered(objective), centered(b->code), text(b->name), rupiah(b->ceiling),
                              rupiah(b->actual), percent(abs, rounding)},
                             RowStyle::normal});
    }
    if (m.budget_lines.empty())
        t.body.push_back(Row{{text("Pagu dan realisasi anggaran tahun ini belum tercatat.", 6)}, RowStyle::normal});
    t.body.push_back(Row{
        {bold_text("Jumlah", 3), rupiah(m.budget.ceiling), rupiah(m.budget.actual), percent(m.absorption, rounding)},
        RowStyle::total});
    t.note = "Penyerapan = Σ realisasi / Σ pagu × 100, bukan rata-rata persentase.";
    return t;
}

// Point 6: the resources used for the result. Efficient when the objective reached its target with
// less than its ceiling.
std::string efficiency_sentence(const MeasuredObjective& mo, Rounding rounding) {
    if (!mo.budget || !mo.absorption)
        return "Anggaran yang mendukung sasaran ini belum tercatat, sehingga efisiensi belum dapat dinilai.";
    const Rupiah rest{mo.budget->ceiling.value - mo.budget->actual.value};
    std::string s = fmt::format("Sasaran ini didukung pagu Rp {} dengan realisasi Rp {} (penyerapan {}%).",
                                format_rupiah(mo.budget->ceiling), format_rupiah(mo.budget->actual),
                                percent_text(mo.absorption, rounding));
    if (rest.value < 0)
        return s + fmt::format(" Realisasi melampaui pagu sebesar Rp {}.", format_rupiah({-rest.value}));
    if (mo.rollup.value && mo.rollup.value->round(2, rounding) >= Decimal::integer(100) && rest.value > 0)
        return s + fmt::format(" Target tercapai dengan sisa anggaran Rp {}: penggunaan sumber daya efisien.",
                               format_rupiah(rest));
    if (mo.rollup.value && mo.rollup.value->round(2, rounding) < Decimal::integer(100))
        return s + " Capaian belum 100%, sehingga penyerapan belum sepenuhnya menghasilkan target yang ditetapkan.";
    return s;
}

void objective_analysis(std::vector<Block>& out, const LkjSource& src, const Measurement& m, const Measurement* prev,
                        std::size_t i, const Narratives& narratives) {
    const OfficeYear& d = *src.data;
    const auto& mo = m.objectives[i];
    const ObjectiveData& o = *mo.objective;
    const Rounding r = src.rounding;
    out.push_back(Heading{3, objective_label(o, i) + ": " + objective_title(o), true});
    out.push_back(body(fmt::format("Capaian {} tahun {} sebesar {}% ({}), {}.", objective_label(o, i), d.year,
                                   percent_text(mo.rollup.value, r), mo.band.empty() ? "-" : mo.band,
                                   describe_rollup(mo.rollup, "indikator"))));

    report::Table t;
    t.id = "analisis-" + std::to_string(i + 1);
    t.caption = fmt::format("Tabel 3.{} Analisis {}", i + 4, objective_label(o, i));
    t.sheet_name = "Analisis " + objective_label(o, i);
    t.widths = {6, 2, 2, 2, 2, 2, 2, 2};
    t.header.push_back(header_row(
        {"Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", ("Realisasi " + std::to_string(d.year - 1)).c_str(),
         ("Capaian " + std::to_string(d.year - 1) + " (%)").c_str(), "Target akhir Renstra", "Standar nasional"}));
    bool any_renstra = false, any_standard = false;
    for (const auto& mi : mo.indicators) {
        const auto& ind = *mi.indicator;
        const MeasuredIndicator* pm = previous_indicator(prev, ind);
        const RenstraIndicatorData* ri = renstra_indicator(d, ind.id);
        const std::string end = ri ? ri->end_target : "";
        any_renstra = any_renstra || !end.empty();
        any_standard = any_standard || !ind.national_standard.empty();
        t.body.push_back(
            Row{{text(ind.statement), centered(with_unit(ind.target_text, ind.unit)),
                 centered(with_unit(mi.actual_text, ind.unit)), percent(mi.achievement.percent, r),
                 centered(pm ? with_unit(pm->actual_text, pm->indicator->unit) : "-"),
                 pm ? percent(pm->achievement.percent, r) : centered("-"), centered(end.empty() ? "-" : end),
                 centered(ind.national_standard.empty() ? "-" : ind.national_standard)},
                RowStyle::normal});
    }
    out.push_back(std::move(t));

    // 1. Target against realization.
    for (std::size_t k = 0; k < mo.indicators.size(); ++k)
        out.push_back(body(fmt::format("{}. {}: {}", k + 1, mo.indicators[k].indicator->statement,
                                       target_sentence(mo.indicators[k], r))));
    // 2. Against last year.
    if (const MeasuredObjective* po = previous_objective(prev, o); po && po->rollup.value && mo.rollup.value)
        out.push_back(body(fmt::format("Dibandingkan tahun {} (capaian {}%), capaian sasaran tahun {} {} tahun "
                                       "sebelumnya.",
                                       d.year - 1, percent_text(po->rollup.value, r), d.year,
                                       signed_points(*mo.rollup.value, *po->rollup.value, r))));
    else
        out.push_back(missing(fmt::format("Data capaian tahun {} untuk sasaran ini tidak tersedia, sehingga "
                                          "perbandingan dengan tahun sebelumnya belum dapat dibuat.",
                                          d.year - 1)));
    // 3. Against the Renstra's end target; 4. against a national standard.
    if (!any_renstra)
        out.push_back(missing("Target akhir periode Renstra untuk indikator sasaran ini belum tercatat, sehingga "
                              "perbandingan dengan target jangka menengah belum dapat dibuat."));
    else
        out.push_back(body("Realisasi dibandingkan dengan target akhir periode Renstra tercantum pada tabel di atas."));
    if (any_standard)
        out.push_back(body("Realisasi dibandingkan dengan standar nasional tercantum pada tabel di atas."));
    else
        out.push_back(body("Tidak ada standar nasional yang ditetapkan untuk indikator sasaran ini."));
    // 5–7: the office's own analysis, and the generated efficiency figures.
    out.push_back(Paragraph{"Penyebab keberhasilan/kegagalan dan alternatif solusi", ParagraphStyle::body, true});
    narratives.append(out, "sasaran-" + std::to_string(o.id) + "-sebab", "Analisis penyebab dan solusi");
    out.push_back(Paragraph{"Efisiensi penggunaan sumber daya", ParagraphStyle::body, true});
    out.push_back(body(efficiency_sentence(mo, r)));
    narratives.append(out, "sasaran-" + std::to_string(o.id) + "-efisiensi", "Uraian efisiensi");
    out.push_back(Paragraph{"Program/kegiatan yang menunjang keberhasilan atau kegagalan", ParagraphStyle::body, true});
    narratives.append(out, "sasaran-" + std::to_string(o.id) + "-kegiatan", "Uraian program/kegiatan penunjang");
}

struct Counts {
    int measured = 0, met = 0, missed = 0, not_computable = 0;
};
Counts count_indicators(const Measurement& m, Rounding r) {
    Counts c;
    for (const auto& mo : m.objectives)
        for (const auto& mi : mo.indicators) {
            ++c.measured;
            if (!mi.achievement.percent)
                ++c.not_computable;
            else if (mi.achievement.percent->round(2, r) >= Decimal::integer(100))
                ++c.met;
            else
                ++c.missed;
        }
    return c;
}

std::string summary_sentence(const OfficeYear& d, const Measurement& m, Rounding r) {
    const Counts c = count_indicators(m, r);
    std::string s = fmt::format("Pada tahun {} {} mengukur {} indikator kinerja dalam {} sasaran strategis. ", d.year,
                                d.office.name, c.measured, m.objectives.size());
    s += fmt::format("{} indikator mencapai atau melampaui target, {} indikator di bawah target", c.met, c.missed);
    s += c.not_computable ? fmt::format(", dan capaian {} indikator tidak dapat dihitung. ", c.not_computable) : ". ";
    if (m.rollup.value)
        s += fmt::format("Capaian kinerja {} sebesar {}% ({}), {}, menurut skala {}. ", d.office.name,
                         percent_text(m.rollup.value, r), m.band, describe_rollup(m.rollup, "sasaran"), m.scale->label);
    if (m.absorption)
        s += fmt::format("Realisasi anggaran Rp {} dari pagu Rp {} ({}%).", format_rupiah(m.budget.actual),
                         format_rupiah(m.budget.ceiling), percent_text(m.absorption, r));
    else
        s += "Pagu dan realisasi anggaran belum tercatat.";
    return s;
}

void renstra_blocks(std::vector<Block>& out, const OfficeYear& d) {
    if (d.renstra.empty()) {
        out.push_back(missing(fmt::format("Rencana Strategis yang mencakup tahun {} belum tercatat.", d.year)));
        return;
    }
    for (const auto& r : d.renstra) {
        out.push_back(body(fmt::format("Rencana Strategis periode {}–{}{}.", r.period_start, r.period_end,
                                       r.decree.empty() ? "" : ", ditetapkan dengan " + r.decree)));
        if (!r.vision.empty()) out.push_back(body("Visi: " + r.vision));
        for (const char* kind : {"mission", "goal", "objective"}) {
            std::string list;
            for (const auto& it : r.items)
                if (it.kind == kind)
                    list += (list.empty() ? "" : "\n") + (it.number.empty() ? "" : it.number + ". ") + it.text;
            if (list.empty()) continue;
            const std::string title = std::string(kind) == "mission" ? "Misi"
                                      : std::string(kind) == "goal"  ? "Tujuan"
                                                                     : "Sasaran";
            out.push_back(Paragraph{title, ParagraphStyle::body, true});
            out.push_back(body(list));
        }
        if (r.indicators.empty()) continue;
        report::Table t;
        t.id = "renstra";
        t.caption =
            fmt::format("Tabel 2.1 Indikator Kinerja Utama dan Target Renstra {}–{}", r.period_start, r.period_end);
        t.sheet_name = "IKU Renstra";
        Row h = header_row({"Indikator Kinerja"});
        t.widths = {8};
        for (int y = r.period_start; y <= r.period_end; ++y) {
            h.cells.push_back(centered(std::to_string(y)));
            h.cells.back().bold = true;
            t.widths.push_back(2);
        }
        h.cells.push_back(centered("Target akhir"));
        h.cells.back().bold = true;
        t.widths.push_back(2);
        t.header.push_back(std::move(h));
        for (const auto& ri : r.indicators) {
            Row row{{text(ri.statement)}, RowStyle::normal};
            for (int y = r.period_start; y <= r.period_end; ++y) {
                auto it = ri.targets.find(y);
                row.cells.push_back(centered(it == ri.targets.end() || it->second.empty() ? "-" : it->second));
            }
            row.cells.push_back(centered(ri.end_target.empty() ? "-" : ri.end_target));
            t.body.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
}

void obstacles_blocks(std::vector<Block>& out, const std::vector<ObstacleRecord>& obstacles) {
    if (obstacles.empty()) {
        out.push_back(missing("Hambatan dan upaya tahun ini belum dicatat."));
        return;
    }
    report::Table t;
    t.id = "hambatan";
    t.caption = "Tabel 4.1 Hambatan dan Upaya Mengatasinya";
    t.sheet_name = "Hambatan dan Upaya";
    t.widths = {1, 3, 7, 7};
    t.header.push_back(header_row({"No", "Aspek", "Hambatan", "Upaya"}));
    int n = 0;
    for (const auto& o : obstacles)
        t.body.push_back(Row{{count(++n), text(o.aspect), text(o.obstacle + (o.remark.empty() ? "" : "\n" + o.remark)),
                              text(o.remedy.empty() ? "(upaya belum dicatat)" : o.remedy)},
                             RowStyle::normal});
    out.push_back(std::move(t));
}

// The signer of the LKj: the first party of the office's own agreement (the Sekretaris).
const PartyData* office_head(const OfficeYear& d) {
    for (const auto& ag : d.agreements)
        if (ag.unit_name.empty() && ag.kind != "cited" && ag.latest()) return &ag.latest()->first_party;
    return nullptr;
}

} // namespace

std::vector<NarrativeSection> narrative_sections(const OfficeYear& data) {
    std::vector<NarrativeSection> out = {
        {"kata-pengantar", "Kata Pengantar", "Pengantar dari pimpinan satker."},
        {"ikhtisar", "Ikhtisar Eksekutif",
         "Uraian singkat tambahan; angka capaian dan anggaran dibuat otomatis dari data."},
        {"latar-belakang", "BAB I A. Latar Belakang dan Gambaran Umum Organisasi",
         "Kedudukan, tugas, fungsi dan struktur organisasi."},
        {"aspek-strategis", "BAB I B. Aspek Strategis Organisasi", "Peran strategis satker."},
        {"permasalahan", "BAB I C. Permasalahan Utama (Isu Strategis)", "Masalah utama yang dihadapi tahun ini."},
    };
    for (std::size_t i = 0; i < data.objectives.size(); ++i) {
        const auto& o = data.objectives[i];
        const std::string label = objective_label(o, i), id = std::to_string(o.id);
        out.push_back(
            {"sasaran-" + id + "-sebab", label + ": penyebab keberhasilan/kegagalan dan solusi", objective_title(o)});
        out.push_back(
            {"sasaran-" + id + "-efisiensi", label + ": efisiensi penggunaan sumber daya", objective_title(o)});
        out.push_back({"sasaran-" + id + "-kegiatan", label + ": program/kegiatan penunjang", objective_title(o)});
    }
    out.push_back({"kesimpulan", "BAB IV Kesimpulan dan Langkah ke Depan", "Simpulan umum dan rencana perbaikan."});
    return out;
}

report::Document build_lkj(const LkjSource& src) {
    const OfficeYear& d = *src.data;
    const Rounding r = src.rounding;
    const Measurement m = measure(d);
    std::optional<Measurement> prev_m;
    if (src.previous) prev_m = measure(*src.previous);
    const Measurement* prev = prev_m ? &*prev_m : nullptr;
    const Narratives narratives(src.narratives);

    Document doc;
    doc.kind = "lkj";
    doc.office = d.office.name;
    doc.year = d.year;
    doc.title = fmt::format("Laporan Kinerja {} Tahun {}", d.office.name, d.year);
    auto& out = doc.blocks;

    // Cover.
    out.push_back(Paragraph{"LAPORAN KINERJA", ParagraphStyle::title, true});
    out.push_back(Paragraph{"(LKj)", ParagraphStyle::centered, false});
    out.push_back(Paragraph{"SEKRETARIAT " + upper(d.office.name), ParagraphStyle::centered, true});
    out.push_back(Paragraph{"TAHUN " + std::to_string(d.year), ParagraphStyle::centered, true});
    if (!d.office.place.empty())
        out.push_back(
            Paragraph{upper(d.office.place) + "\n" + std::to_string(d.year + 1), ParagraphStyle::centered, false});
    out.push_back(PageBreak{});

    out.push_back(Heading{1, "KATA PENGANTAR", true});
    narratives.append(out, "kata-pengantar", "Kata Pengantar");
    if (const PartyData* head = office_head(d))
        out.push_back(Signatures{(d.office.place.empty() ? std::string("(tempat)") : d.office.place) +
                                     ", ................ " + std::to_string(d.year + 1),
                                 {Signature{"", head->position + ",", head->name, head->nip}}});

    out.push_back(Heading{1, "IKHTISAR EKSEKUTIF", true});
    out.push_back(body(summary_sentence(d, m, r)));
    narratives.append(out, "ikhtisar", "Uraian ikhtisar eksekutif");
    out.push_back(TableOfContents{});

    out.push_back(Heading{1, "BAB I PENDAHULUAN", true});
    out.push_back(Heading{2, "A. Latar Belakang dan Gambaran Umum Organisasi", true});
    narratives.append(out, "latar-belakang", "Latar belakang dan gambaran umum organisasi");
    out.push_back(Heading{2, "B. Aspek Strategis Organisasi", true});
    narratives.append(out, "aspek-strategis", "Uraian aspek strategis");
    out.push_back(Heading{2, "C. Permasalahan Utama (Isu Strategis)", true});
    narratives.append(out, "permasalahan", "Uraian permasalahan utama");

    out.push_back(Heading{1, "BAB II PERENCANAAN DAN PERJANJIAN KINERJA", true});
    out.push_back(Heading{2, "A. Rencana Strategis", true});
    renstra_blocks(out, d);
    out.push_back(Heading{2, fmt::format("B. Rencana Kinerja Tahunan {}", d.year), true});
    append_rkt_blocks(out, d, 3);
    out.push_back(Heading{2, fmt::format("C. Perjanjian Kinerja Tahun {}", d.year), true});
    bool any_pk = false;
    for (const auto& ag : d.agreements)
        if (ag.unit_name.empty() && ag.latest()) {
            any_pk = true;
            const auto& v = *ag.latest();
            // A party the agreement does not name (a summary transcribed without its signatures) is said so.
            const auto party = [](const auto& p) {
                if (p.name.empty() && p.position.empty()) return std::string("(belum tercatat)");
                return p.position.empty() ? p.name : p.name.empty() ? p.position : p.name + " (" + p.position + ")";
            };
            out.push_back(body(fmt::format("Perjanjian Kinerja tahun {} ditandatangani oleh {} sebagai pihak "
                                           "pertama dan {} sebagai pihak kedua{}, memuat {} indikator kinerja {}. "
                                           "Naskah lengkap terlampir.",
                                           d.year, party(v.first_party), party(v.second_party),
                                           v.date ? " pada " + v.date->indonesian() : "", v.items.size(),
                                           v.total ? "dengan anggaran Rp " + format_rupiah(*v.total)
                                                   : std::string("tanpa anggaran tercatat"))));
            break;
        }
    if (!any_pk) out.push_back(missing(fmt::format("Perjanjian Kinerja tahun {} belum tercatat.", d.year)));

    out.push_back(Heading{1, "BAB III AKUNTABILITAS KINERJA", true});
    out.push_back(Heading{2, "A. Capaian Kinerja Organisasi", true});
    if (m.objectives.empty())
        out.push_back(missing(fmt::format("Belum ada indikator dengan target atau realisasi untuk tahun {}.", d.year)));
    out.push_back(measurement_table(d, m, r));
    out.push_back(scale_table(*m.scale));
    out.push_back(objective_chart(m));
    for (std::size_t i = 0; i < m.objectives.size(); ++i)
        objective_analysis(out, src, m, prev, i, narratives);
    out.push_back(Heading{2, "B. Realisasi Anggaran", true});
    out.push_back(body(m.absorption ? fmt::format("Realisasi anggaran tahun {} sebesar Rp {} dari pagu Rp {}, "
                                                  "atau penyerapan {}%.",
                                                  d.year, format_rupiah(m.budget.actual),
                                                  format_rupiah(m.budget.ceiling), percent_text(m.absorption, r))
                                    : std::string("Pagu dan realisasi anggaran tahun ini belum tercatat.")));
    out.push_back(budget_table(d, m, r));
    out.push_back(budget_chart(m, r));

    out.push_back(Heading{1, "BAB IV PENUTUP", true});
    out.push_back(Heading{2, "A. Hambatan dan Upaya", true});
    obstacles_blocks(out, src.obstacles);
    out.push_back(Heading{2, "B. Efisiensi Penggunaan Sumber Daya", true});
    {
        std::string s = m.absorption ? fmt::format("Dengan penyerapan anggaran {}% (sisa Rp {}), capaian kinerja {} "
                                                   "sebesar {}%.",
                                                   percent_text(m.absorption, r),
                                                   format_rupiah({m.budget.ceiling.value - m.budget.actual.value}),
                                                   d.office.name, percent_text(m.rollup.value, r))
                                     : std::string("Anggaran belum tercatat, sehingga efisiensi belum dapat dinilai.");
        out.push_back(body(s));
    }
    out.push_back(Heading{2, "C. Kesimpulan", true});
    out.push_back(body(summary_sentence(d, m, r)));
    narratives.append(out, "kesimpulan", "Kesimpulan dan langkah ke depan");

    out.push_back(Heading{1, "LAMPIRAN", true});
    out.push_back(Heading{2, "Lampiran 1. Perjanjian Kinerja", true});
    bool attached = false;
    for (const auto& ag : d.agreements)
        if (ag.kind != "cited" && ag.latest()) {
            if (attached) out.push_back(PageBreak{});
            append_pk_blocks(out, d, ag, *ag.latest());
            attached = true;
        }
    if (!attached) out.push_back(missing("Perjanjian Kinerja belum tercatat."));
    out.push_back(PageBreak{});
    out.push_back(Heading{2, "Lampiran 2. Rencana Kinerja Tahunan", true});
    append_rkt_blocks(out, d, 3);
    return doc;
}

} // namespace kinerja::app
