#pragma once
// Small hand-built OfficeYear data for the checks and measurement tests. The figures are the seed
// LKj's (lkj-2024-kpu-kota-prabumulih.txt) where a seed figure exists.
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/office_year.h"
#include "core/quantity.h"
#include "core/rupiah.h"
#include "tests/unit/core/printers.h"

namespace kinerja::test {

inline const char* const lkj_source = "lkj-2024-kpu-kota-prabumulih.txt";

struct Entry {
    int month = 12;
    std::string text;
    std::string reported; // the capaian the document printed, "" when none
    int line = 0;
};

inline IndicatorData make_indicator(std::int64_t id, std::string statement, std::string target_text,
                                    std::vector<Entry> entries, std::string unit = "%") {
    IndicatorData ind;
    ind.id = id;
    ind.number = static_cast<int>(id % 100);
    ind.statement = std::move(statement);
    ind.unit = std::move(unit);
    ind.target_text = target_text;
    if (!target_text.empty()) {
        if (auto q = parse_quantity(target_text, ind.unit))
            ind.target = *q;
        else
            ind.target_error = q.error().message;
    }
    for (auto& e : entries) {
        ActualEntry a;
        a.month = e.month;
        a.text = e.text;
        if (auto v = parse_indonesian_decimal(e.text)) a.value = *v;
        a.reported_achievement = e.reported;
        a.ref = SourceRef{lkj_source, e.line};
        ind.actuals.push_back(std::move(a));
    }
    ind.ref = ind.target_ref = SourceRef{lkj_source, entries.empty() ? 0 : entries.front().line};
    return ind;
}

inline std::optional<Rupiah> rupiah_of(const std::string& text) {
    auto r = parse_rupiah(text);
    return r ? std::optional<Rupiah>(*r) : std::nullopt;
}

inline BudgetLineData make_budget(std::int64_t id, std::optional<std::int64_t> objective_id, std::string code,
                                  std::string name, std::string ceiling_text, std::string actual_text, int line = 0) {
    BudgetLineData b;
    b.id = id;
    b.objective_id = objective_id;
    b.code = std::move(code);
    b.name = std::move(name);
    b.ceiling_text = ceiling_text;
    b.ceiling = rupiah_of(ceiling_text);
    if (!actual_text.empty()) {
        b.spending.push_back({actual_text, rupiah_of(actual_text)});
        b.actual = rupiah_of(actual_text);
    }
    b.ref = SourceRef{lkj_source, line};
    return b;
}

inline Date date_of(const std::string& text) {
    auto d = parse_indonesian_date(text);
    if (!d) throw std::invalid_argument(d.error().message);
    return *d;
}

// A 2024 office year without a single problem: every kind of data a check reads is present and right.
inline OfficeYear clean_office_year() {
    OfficeYear y;
    y.office = OfficeInfo{1, "kpu-kota-prabumulih", "KPU Kota Prabumulih", "kabkota", "Prabumulih", std::nullopt};
    y.year = 2024;
    // As the repository gives them: every office but this one and its ancestors.
    y.other_office_names = {"KPU Kabupaten OKU Selatan", "KPU Provinsi Kalimantan Timur"};

    ObjectiveData o1;
    o1.id = 10;
    o1.number = "1";
    o1.code = "6709";
    o1.name = "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan Penyelenggara Pemilu";
    o1.indicators.push_back(make_indicator(
        101,
        "Persentase KPU Kota Prabumulih yang mampu merencanakan, membangun, dan mengembangkan sarana dan prasarana IT",
        "90", {{12, "85", "94,44", 892}}));
    ObjectiveData o6;
    o6.id = 60;
    o6.number = "6";
    o6.code = "6981";
    o6.name = "Pengucapan Sumpah/Janji Presiden serta Anggota DPR, DPD, DPRD Provinsi, dan DPRD Kabupaten/Kota";
    o6.indicators.push_back(
        make_indicator(601, "Persentase Fasilitasi Penyiapan Sumpah Janji", "100", {{12, "100", "100", 917}}));
    y.objectives = {o1, o6};

    y.budgets.push_back(
        make_budget(1, 10, "6709", "Perencanaan Program dan Anggaran", "551.587.000", "496.589.508", 964));
    y.budgets.back().reported_percent = "90,03";
    y.budgets.push_back(make_budget(2, 60, "6981", "Pengucapan Sumpah/Janji", "187.416.000", "186.828.871", 1205));
    y.budgets.back().reported_percent = "99,69";

    AgreementData ag;
    ag.id = 1;
    ag.kind = "signed";
    AgreementVersionData v;
    v.id = 1;
    v.version_no = 1;
    v.date_text = "25 Januari 2024";
    v.date = date_of(v.date_text);
    v.source = "pk-2024.txt";
    v.line = 1576;
    v.first_party = PartyData{"Yasrin Abidin", "Sekretaris KPU Kota Prabumulih", "19830729 200902 1 004"};
    v.second_party = PartyData{"Marta Dinata", "Ketua KPU Kota Prabumulih", ""};
    for (const auto& o : y.objectives)
        for (const auto& i : o.indicators)
            v.items.push_back(AgreementItemData{i.id, o.number, o.name, o.code, i.statement, i.target_text, i.id,
                                                std::nullopt, 1600 + static_cast<int>(v.items.size())});
    // seed lkj:1669-1671: 2.885.908.000 + 17.632.649.000 = 20.518.557.000
    v.budgets.push_back(
        AgreementBudgetData{"1", "Program Dukungan Manajemen", "2.885.908.000", rupiah_of("2.885.908.000"), 1669});
    v.budgets.push_back(AgreementBudgetData{"2", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
                                            "17.632.649.000", rupiah_of("17.632.649.000"), 1670});
    v.total_text = "20.518.557.000";
    v.total = rupiah_of(v.total_text);
    ag.versions.push_back(v);
    y.agreements.push_back(ag);

    PlanData plan;
    plan.id = 1;
    plan.title = "Rencana Kinerja Tahunan 2024";
    plan.date_text = "2 Januari 2024";
    plan.date = date_of(plan.date_text);
    plan.source = "rkt-2024.txt";
    PlanRowData row;
    row.number = "1";
    row.indicator_text = y.objectives[0].indicators[0].statement;
    row.target_text = "90";
    row.budget_text = "551.587.000";
    row.budget = rupiah_of(row.budget_text);
    row.line = 40;
    plan.rows.push_back(row);
    y.plans.push_back(plan);

    ActionPlanData ap;
    ap.id = 1;
    ap.year_text = "2024";
    ap.date_text = "3 Januari 2024";
    ap.date = date_of(ap.date_text);
    ap.source = "renaksi-2024.txt";
    ActionObjectiveData ao;
    ao.number = "1";
    ao.name = "Perencanaan Program dan Anggaran";
    ao.cost_text = "822.654.000";
    ao.cost = rupiah_of(ao.cost_text);
    ao.line = 141;
    ap.objectives.push_back(ao);
    y.action_plans.push_back(ap);

    y.people.push_back(PersonData{"Yasrin Abidin", "19830729 200902 1 004", "Sekretaris", SourceRef{lkj_source, 1690}});
    y.people.push_back(PersonData{"Pegawai", "19790314 200910 2 001", "Kepala Subbagian", SourceRef{lkj_source, 1752}});
    return y;
}

} // namespace kinerja::test
