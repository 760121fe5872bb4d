#include "core/checks.h"
#include "core/format.h"

#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "core/nip.h"
#include "core/quantity.h"
#include "core/scale.h"

namespace kinerja {
namespace {

struct Collector {
    std::vector<Finding>& out;
    std::string document; // set by each check before it adds: see Finding::document
    void add(std::string id, Severity s, std::string message, const SourceRef& ref) {
        out.push_back({std::move(id), s, std::move(message), ref.where(), ref.line, document});
    }
    void add(std::string id, Severity s, std::string message, const std::string& source, int line) {
        add(std::move(id), s, std::move(message), SourceRef{source, line});
    }
};

// Number of decimals printed in a number text ("94,73" -> 2, "100" -> 0).
int printed_decimals(std::string_view text) {
    const auto comma = text.find(',');
    return comma == std::string_view::npos ? 0 : static_cast<int>(text.size() - comma - 1);
}

// A printed percentage agrees with the exact value when it equals the value rounded half-up or
// truncated at the printed precision (domain.md §2.8: both conventions occur in one document).
bool printed_matches(const Decimal& printed, const Ratio& exact, int decimals) {
    return exact.round(decimals, Rounding::half_up) == printed || exact.round(decimals, Rounding::truncate) == printed;
}

bool starts_with_word(std::string_view s, std::string_view word) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ')
        ++i;
    s.remove_prefix(i);
    if (s.size() < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(s[k])) != std::tolower(static_cast<unsigned char>(word[k])))
            return false;
    return s.size() == word.size() || s[word.size()] == ' ';
}

void check_achievements(const OfficeYear& d, Collector& c) {
    for (const auto& obj : d.objectives)
        for (const auto& ind : obj.indicators) {
            if (!ind.target_error.empty())
                c.add("malformed-number", Severity::error,
                      "Target indikator '" + ind.statement + "': " + ind.target_error, ind.target_ref);
            for (const auto& a : ind.actuals) {
                if (!a.value) {
                    c.add("malformed-number", Severity::error,
                          "Realisasi '" + a.text + "' indikator '" + ind.statement + "' tidak sah", a.ref);
                    continue;
                }
                if (a.reported_achievement.empty() || !ind.target) continue;
                const Achievement ach = compute_achievement(ind.rule, *ind.target, Ratio::of(*a.value));
                // An achievement is a percent: "94,44" and "94,44%" are the same printed figure.
                std::string_view shown = a.reported_achievement;
                while (!shown.empty() && (shown.back() == '%' || shown.back() == ' '))
                    shown.remove_suffix(1);
                auto printed = parse_indonesian_decimal(shown);
                if (!printed) {
                    c.add("malformed-number", Severity::error,
                          "Capaian tercetak '" + a.reported_achievement + "': " + printed.error().message, a.ref);
                } else if (!ach.percent) {
                    c.add("achievement-mismatch", Severity::warning,
                          "Capaian tercetak " + a.reported_achievement +
                              " padahal capaian tidak dapat dihitung: " + ach.reason,
                          a.ref);
                } else if (!printed_matches(*printed, *ach.percent, printed_decimals(shown))) {
                    c.add("achievement-mismatch", Severity::error,
                          "Capaian tercetak " + a.reported_achievement + " tidak sama dengan " + a.text + " / " +
                              ind.target_text + " × 100 = " + percent_text(*ach.percent),
                          a.ref);
                }
            }
        }
}

void check_budgets(const OfficeYear& d, Collector& c) {
    std::map<std::string, std::vector<const BudgetLineData*>> by_code;
    for (const auto& b : d.budgets) {
        if (!b.ceiling)
            if (auto p = parse_rupiah(b.ceiling_text); !p)
                c.add("malformed-number", Severity::error, "Pagu '" + b.name + "': " + p.error().message, b.ref);
        for (const auto& [text, value] : b.spending)
            if (!value)
                if (auto p = parse_rupiah(text); !p)
                    c.add("malformed-number", Severity::error,
                          "Realisasi anggaran '" + b.name + "': " + p.error().message, b.ref);
        if (b.ceiling && b.actual && b.actual->value > b.ceiling->value)
            c.add("budget-over-ceiling", Severity::error,
                  "Realisasi anggaran " + b.name + " Rp " + format_rupiah(*b.actual) + " melebihi pagu Rp " +
                      format_rupiah(*b.ceiling) + " (" +
                      percent_text(Ratio(b.actual->value * Ratio::Int{100}, b.ceiling->value)) + "%)",
                  b.ref);
        if (b.ceiling && b.actual && !b.reported_percent.empty() && b.ceiling->value != 0) {
            const Ratio exact(static_cast<Ratio::Int>(b.actual->value) * 100, b.ceiling->value);
            auto printed = parse_indonesian_decimal(b.reported_percent);
            if (!printed)
                c.add("malformed-number", Severity::error,
                      "Persentase anggaran tercetak '" + b.reported_percent + "': " + printed.error().message, b.ref);
            else if (!printed_matches(*printed, exact, printed_decimals(b.reported_percent)))
                c.add("absorption-mismatch", Severity::error,
                      "Persentase realisasi anggaran tercetak " + b.reported_percent + " tidak sama dengan " +
                          format_rupiah(*b.actual) + " / " + format_rupiah(*b.ceiling) +
                          " × 100 = " + percent_text(exact),
                      b.ref);
        }
        by_code[b.code.empty() ? normalize_text(b.name) : b.code].push_back(&b);
    }
    for (const auto& [code, lines] : by_code) {
        if (lines.size() < 2) continue;
        const auto* first = lines.front();
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const auto* other = lines[i];
            const bool same = first->ceiling == other->ceiling && first->actual == other->actual;
            c.add("budget-duplicate", same ? Severity::info : Severity::error,
                  "Anggaran kegiatan " + (code.empty() ? first->name : code) + " tahun " + std::to_string(d.year) +
                      " tercantum dua kali" +
                      (same ? " dengan angka yang sama"
                            : ": pagu Rp " + first->ceiling_text + " / realisasi " +
                                  (first->actual ? format_rupiah(*first->actual) : "-") + " (" + first->ref.where() +
                                  ") dan pagu Rp " + other->ceiling_text + " / realisasi " +
                                  (other->actual ? format_rupiah(*other->actual) : "-")),
                  other->ref);
        }
    }
}

// Σ of an agreement's budget lines against its printed total.
void check_agreement_totals(const OfficeYear& d, Collector& c) {
    for (const auto& ag : d.agreements)
        for (const auto& v : ag.versions) {
            Rupiah sum{};
            bool complete = true;
            for (const auto& b : v.budgets) {
                if (b.amount)
                    sum += *b.amount;
                else {
                    complete = false;
                    auto p = parse_rupiah(b.amount_text);
                    c.add("malformed-number", Severity::error,
                          "Anggaran '" + b.name + "': " + (p ? std::string("tidak sah") : p.error().message), v.source,
                          b.line);
                }
            }
            if (complete && v.total && sum != *v.total)
                c.add("total-mismatch", Severity::error,
                      "Total anggaran PK tercetak Rp " + format_rupiah(*v.total) +
                          " tidak sama dengan jumlah rinciannya Rp " + format_rupiah(sum),
                      v.source, v.line);
        }
}

const AgreementData* office_agreement(const OfficeYear& d) {
    const AgreementData* found = nullptr;
    for (const auto& ag : d.agreements)
        if (ag.unit_name.empty() && ag.kind == "signed") found = &ag;
    return found;
}

// The signed items by indicator statement (normalized): what the RKT plans and the LKj measures are
// looked up in it.
std::map<std::string, const AgreementItemData*> items_by_indicator(const AgreementVersionData& v) {
    std::map<std::string, const AgreementItemData*> agreed;
    for (const auto& it : v.items)
        agreed.emplace(normalize_text(it.indicator_text), &it);
    return agreed;
}

// A target against the signed one, `unit` being the indicator's own unit ("" when unknown): a bare number
// on either side takes the other side's unit, so "95" and "95%" are the same target. nullopt when
// either is no number (nothing to compare).
std::optional<bool> target_differs(const std::string& target_text, const std::string& signed_text,
                                   const std::string& unit) {
    auto signed_target = parse_quantity(signed_text, unit);
    if (!signed_target || !signed_target->value) return std::nullopt;
    auto target = parse_quantity(target_text, unit.empty() ? signed_target->unit : unit);
    if (!target || !target->value) return std::nullopt;
    if (signed_target->unit.empty()) signed_target->unit = target->unit;
    return *target->value != *signed_target->value || target->unit != signed_target->unit;
}

// Indicators measured = indicators of the last signed PK version (same text, target, unit).
void check_against_agreement(const OfficeYear& d, Collector& c) {
    const AgreementData* ag = office_agreement(d);
    if (!ag || !ag->latest()) {
        bool measured = false;
        for (const auto& o : d.objectives)
            for (const auto& i : o.indicators)
                measured |= !i.actuals.empty();
        if (measured)
            c.add("agreement-missing", Severity::warning,
                  "Ada realisasi indikator tahun " + std::to_string(d.year) +
                      " tetapi tidak ada PK kantor yang ditandatangani",
                  SourceRef{d.office.code, 0});
        return;
    }
    const AgreementVersionData& v = *ag->latest();
    const auto agreed = items_by_indicator(v);
    std::set<std::string> measured;
    for (const auto& o : d.objectives)
        for (const auto& i : o.indicators) {
            if (i.actuals.empty()) continue;
            const std::string key = normalize_text(i.statement);
            measured.insert(key);
            const auto hit = agreed.find(key);
            if (hit == agreed.end()) {
                c.add("indicator-not-agreed", Severity::warning,
                      "Indikator '" + i.statement + "' diukur tetapi tidak ada dalam PK versi " +
                          std::to_string(v.version_no) + " yang ditandatangani " + v.date_text,
                      i.ref);
                continue;
            }
            if (target_differs(i.target_text, hit->second->target_text, i.unit).value_or(false))
                c.add("target-differs-from-agreement", Severity::warning,
                      "Target indikator '" + i.statement + "' " + i.target_text + " berbeda dengan target PK " +
                          hit->second->target_text + " (" + v.source + ":" + std::to_string(hit->second->line) + ")",
                      i.target_ref);
        }
    bool any_measured = !measured.empty();
    if (any_measured)
        for (const auto& it : v.items)
            if (!measured.count(normalize_text(it.indicator_text)))
                c.add("agreed-not-measured", Severity::warning,
                      "Indikator PK '" + it.indicator_text + "' tidak diukur dalam tahun " + std::to_string(d.year),
                      v.source, it.line);
}

// The RKT plans the targets the PK then signs (domain.md §1.4, §7.3): a planned indicator that is in the
// signed PK with another target is a finding at the RKT row (target_differs: the same rule as the LKj's).
void check_plans_against_agreement(const OfficeYear& d, Collector& c) {
    const AgreementData* ag = office_agreement(d);
    if (!ag || !ag->latest()) return;
    const AgreementVersionData& v = *ag->latest();
    const auto agreed = items_by_indicator(v);
    for (const auto& p : d.plans)
        for (const auto& r : p.rows) {
            const auto hit = agreed.find(normalize_text(r.indicator_text));
            if (r.target_text.empty() || hit == agreed.end()) continue;
            if (target_differs(r.target_text, hit->second->target_text, "").value_or(false))
                c.add("target-differs-from-agreement", Severity::warning,
                      "Target RKT indikator '" + r.indicator_text + "' " + r.target_text +
                          " berbeda dengan target PK " + hit->second->target_text + " (" + v.source + ":" +
                          std::to_string(hit->second->line) + ")",
                      SourceRef{p.source, r.line});
        }
}

// Cascade: a sub-unit indicator carries the target of the office indicator it serves; Σ sub-unit
// budgets equals the office budget; one budget line belongs to one sub-unit.
void check_cascade(const OfficeYear& d, Collector& c) {
    const AgreementData* office = office_agreement(d);
    if (!office || !office->latest()) return;
    const AgreementVersionData& ov = *office->latest();
    std::map<std::int64_t, const AgreementItemData*> office_items;
    for (const auto& it : ov.items)
        office_items[it.id] = &it;
    Rupiah units_total{};
    bool any_unit = false, complete = true;
    std::map<std::string, std::vector<std::pair<const AgreementData*, const AgreementBudgetData*>>> kro_owners;
    for (const auto& ag : d.agreements) {
        if (ag.unit_name.empty() || !ag.latest()) continue;
        any_unit = true;
        const auto& v = *ag.latest();
        for (const auto& it : v.items) {
            if (!it.parent_item_id) {
                c.add("cascade-unlinked", Severity::warning,
                      "Indikator '" + it.indicator_text + "' di PK " + ag.unit_name +
                          " tidak menurun dari indikator PK kantor",
                      v.source, it.line);
                continue;
            }
            const auto p = office_items.find(*it.parent_item_id);
            if (p != office_items.end() && normalize_text(p->second->target_text) != normalize_text(it.target_text))
                c.add("cascade-target-differs", Severity::warning,
                      "Target '" + it.indicator_text + "' di PK " + ag.unit_name + " (" + it.target_text +
                          ") berbeda dengan PK kantor (" + p->second->target_text + ")",
                      v.source, it.line);
        }
        for (const auto& b : v.budgets) {
            if (b.amount)
                units_total += *b.amount;
            else
                complete = false;
            kro_owners[normalize_text(b.name)].push_back({&ag, &b});
        }
    }
    for (const auto& [name, owners] : kro_owners)
        if (owners.size() > 1) {
            std::string units;
            for (const auto& [ag, b] : owners)
                units += (units.empty() ? "" : ", ") + ag->unit_name + " (Rp " + b->amount_text + ")";
            c.add("budget-split-unclear", Severity::error,
                  "Anggaran '" + owners.front().second->name + "' tercantum di " + std::to_string(owners.size()) +
                      " PK subbagian: " + units + "; satu KRO harus milik satu subbagian atau dibagi secara tegas",
                  owners.back().first->latest()->source, owners.back().second->line);
        }
    if (any_unit && complete && ov.total && units_total != *ov.total)
        c.add("cascade-budget-mismatch", Severity::error,
              "Jumlah anggaran PK subbagian Rp " + format_rupiah(units_total) +
                  " tidak sama dengan anggaran PK kantor Rp " + format_rupiah(*ov.total),
              ov.source, ov.line);
}

// "Jumlah" counts, "Persentase" percents (domain.md §7.5).
void check_unit_rules(const OfficeYear& d, Collector& c) {
    auto check = [&](const std::string& statement, const std::string& target_text, const std::string& unit_hint,
                     const SourceRef& ref) {
        if (target_text.empty()) return;
        auto q = parse_quantity(target_text, unit_hint);
        if (!q || q->kind != QuantityKind::numeric) return;
        if (starts_with_word(statement, "Jumlah") && q->unit == "%")
            c.add("count-with-percent", Severity::warning,
                  "Indikator '" + statement + "' menghitung jumlah tetapi targetnya persen (" + target_text + ")", ref);
        if ((starts_with_word(statement, "Persentase") || starts_with_word(statement, "Persentasi")) &&
            !q->unit.empty() && q->unit != "%")
            c.add("percent-with-count", Severity::warning,
                  "Indikator '" + statement + "' berupa persentase tetapi targetnya " + target_text, ref);
    };
    for (const auto& o : d.objectives)
        for (const auto& i : o.indicators)
            check(i.statement, i.target_text, i.unit, i.target_ref);
    for (const auto& p : d.plans)
        for (const auto& r : p.rows)
            check(r.indicator_text, r.target_text, "", SourceRef{p.source, r.line});
    for (const auto& ag : d.agreements)
        for (const auto& v : ag.versions)
            for (const auto& it : v.items)
                check(it.indicator_text, it.target_text, "", SourceRef{v.source, it.line});
}

// An indicator of the year without a target, and one statement with two different targets.
void check_targets(const OfficeYear& d, Collector& c) {
    std::map<std::string, const IndicatorData*> seen;
    for (const auto& o : d.objectives)
        for (const auto& i : o.indicators) {
            if (i.target_text.empty()) {
                c.add("target-missing", Severity::warning,
                      "Indikator '" + i.statement + "' belum memiliki target tahun " + std::to_string(d.year), i.ref);
                continue;
            }
            const auto [it, fresh] = seen.emplace(normalize_text(i.statement), &i);
            if (!fresh && it->second->target && i.target && it->second->target->value && i.target->value &&
                *it->second->target->value != *i.target->value)
                c.add("target-conflict", Severity::warning,
                      "Indikator '" + i.statement + "' bertarget " + i.target_text + " di sini tetapi " +
                          it->second->target_text + " di " + it->second->target_ref.where(),
                      i.target_ref);
        }
}

// A predicate printed beside an LKE score must be the one the score's band gives (domain.md §4.3, §4.5).
void check_predicates(const OfficeYear& d, Collector& c) {
    const Scale& scale = lke_predicate_scale();
    for (const auto& e : d.evaluations) {
        if (!e.score) {
            c.add("malformed-number", Severity::error, "Nilai evaluasi '" + e.score_text + "' tidak sah", e.ref);
            continue;
        }
        const ScaleBand* band = scale.band_of(Ratio::of(*e.score));
        if (!band || e.predicate.empty() || band->code == e.predicate) continue;
        c.add("predicate-mismatch", Severity::error,
              "Nilai evaluasi " + e.score_text + " (tahun " + std::to_string(e.year) + ") berpredikat " + band->code +
                  " (" + band->label + "), bukan " + e.predicate,
              e.ref);
    }
}

void check_years_and_dates(const OfficeYear& d, Collector& c) {
    c.document = "renaksi";
    for (const auto& ap : d.action_plans)
        if (!ap.year_text.empty() && ap.year_text != std::to_string(d.year))
            c.add("year-mismatch", Severity::error,
                  "Rencana Aksi tahun " + std::to_string(d.year) + " mencantumkan Tahun Anggaran " + ap.year_text,
                  SourceRef{ap.source, ap.year_line});
    auto check_date = [&](const std::optional<Date>& date, const std::string& text, const std::string& what,
                          const SourceRef& ref) {
        if (!text.empty() && !date)
            c.add("malformed-date", Severity::error, what + ": tanggal '" + text + "' tidak dikenali", ref);
        if (date && date->year != d.year)
            c.add("year-mismatch", Severity::warning,
                  what + " tahun " + std::to_string(d.year) + " bertanggal " + date->indonesian(), ref);
    };
    std::optional<Date> plan_date;
    c.document = "rkt";
    for (const auto& p : d.plans) {
        check_date(p.date, p.date_text, "RKT", SourceRef{p.source, p.date_line});
        if (p.date && (!plan_date || *p.date > *plan_date)) plan_date = p.date;
    }
    c.document = "pk";
    for (const auto& ag : d.agreements)
        for (const auto& v : ag.versions) {
            check_date(v.date, v.date_text, "PK" + (ag.unit_name.empty() ? std::string() : " " + ag.unit_name),
                       SourceRef{v.source, v.line});
            if (v.date && plan_date && *v.date < *plan_date)
                c.add("date-order", Severity::warning,
                      "PK bertanggal " + v.date->indonesian() + " sebelum RKT bertanggal " + plan_date->indonesian(),
                      SourceRef{v.source, v.line});
        }
    c.document = "renaksi";
    for (const auto& ap : d.action_plans)
        check_date(ap.date, ap.date_text, "Rencana Aksi", SourceRef{ap.source, ap.date_line});
}

void check_nips(const OfficeYear& d, Collector& c) {
    std::set<std::string> seen;
    auto check = [&](const std::string& name, const std::string& nip, const SourceRef& ref) {
        if (nip.empty() || !seen.insert(name + "|" + nip).second) return;
        const NipCheck r = check_nip(nip);
        for (const auto& p : r.problems)
            c.add("nip-invalid", Severity::error, name + ": " + p, ref);
    };
    for (const auto& p : d.people)
        check(p.name, p.nip, p.ref);
    for (const auto& ag : d.agreements)
        for (const auto& v : ag.versions) {
            check(v.first_party.name, v.first_party.nip, SourceRef{v.source, v.line});
            check(v.second_party.name, v.second_party.nip, SourceRef{v.source, v.line});
        }
}

// Another office's name pasted into this office's documents, and digits glued into words ("10upervis").
void check_text(const OfficeYear& d, Collector& c) {
    auto scan = [&](const std::string& text, const SourceRef& ref) {
        for (const auto& other : d.other_office_names) {
            // "KPU Kota Prabumulih" is also pasted as "DPRD Kota Prabumulih": look for the region's name.
            std::string region = normalize_text(other);
            if (region.rfind("kpu ", 0) == 0) region = region.substr(4);
            if (region.empty() || region == normalize_text(d.office.name)) continue;
            if (normalize_text(text).find(region) != std::string::npos) {
                c.add("foreign-office-name", Severity::warning,
                      "Teks menyebut '" + other + "' dalam dokumen " + d.office.name + ": '" + text + "'", ref);
                break;
            }
        }
        for (std::size_t i = 0; i + 1 < text.size(); ++i) {
            const bool word_start = i == 0 || text[i - 1] == ' ';
            if (!word_start || !std::isdigit(static_cast<unsigned char>(text[i]))) continue;
            std::size_t j = i;
            while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
                ++j;
            if (j < text.size() && std::islower(static_cast<unsigned char>(text[j])) && j + 2 < text.size() &&
                std::islower(static_cast<unsigned char>(text[j + 1]))) {
                std::size_t end = text.find(' ', j);
                c.add("garbled-text", Severity::warning,
                      "Teks rusak '" + text.substr(i, end == std::string::npos ? std::string::npos : end - i) +
                          "' dalam '" + text + "'",
                      ref);
                break;
            }
        }
    };
    for (const auto& o : d.objectives)
        for (const auto& i : o.indicators)
            scan(i.statement, i.ref);
    for (const auto& p : d.plans)
        for (const auto& r : p.rows) {
            scan(r.indicator_text, SourceRef{p.source, r.line});
            if (!r.activity.empty()) scan(r.activity, SourceRef{p.source, r.line});
        }
    for (const auto& ag : d.agreements)
        for (const auto& v : ag.versions)
            for (const auto& it : v.items)
                scan(it.indicator_text, SourceRef{v.source, it.line});
}

void check_numbering(const OfficeYear& d, Collector& c) {
    c.document = "rkt";
    for (const auto& p : d.plans) {
        // The rows of one item carry its number (continuation rows are given it by the reader), so a
        // number repeated right after itself is the same item, unless the row names another objective:
        // then it is a new item numbered again ("1 … 1").
        const PlanRowData* last = nullptr;
        std::set<std::string> used;
        for (const auto& r : p.rows) {
            if (r.number.empty()) continue;
            const bool same_item = last && r.number == last->number &&
                                   (r.objective.empty() || last->objective.empty() ||
                                    normalize_text(r.objective) == normalize_text(last->objective));
            if (!same_item && !used.insert(r.number).second)
                c.add("duplicate-number", Severity::warning, "Nomor " + r.number + " dipakai dua kali dalam RKT",
                      SourceRef{p.source, r.line});
            last = &r;
        }
        for (const auto& r : p.rows)
            if (!r.budget_text.empty() && !r.budget)
                if (auto q = parse_rupiah(r.budget_text); !q)
                    c.add("malformed-number", Severity::error, "Anggaran RKT: " + q.error().message,
                          SourceRef{p.source, r.line});
        for (const auto& r : p.rows)
            if (!r.target_text.empty())
                if (auto q = parse_quantity(r.target_text); !q)
                    c.add("malformed-number", Severity::error,
                          "Target RKT '" + r.indicator_text + "': " + q.error().message, SourceRef{p.source, r.line});
    }
    c.document = "renaksi";
    for (const auto& ap : d.action_plans)
        for (const auto& o : ap.objectives)
            if (!o.cost_text.empty() && !o.cost)
                if (auto q = parse_rupiah(o.cost_text); !q)
                    c.add("malformed-number", Severity::error,
                          "Biaya Rencana Aksi '" + o.name + "': " + q.error().message, SourceRef{ap.source, o.line});
}

} // namespace

std::string_view severity_code(Severity s) {
    switch (s) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "info";
    }
    return "?";
}

std::string normalize_text(std::string_view s) {
    std::string out;
    bool space = false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::vector<Finding> check_office_year(const OfficeYear& data) {
    std::vector<Finding> out;
    Collector c{out, ""};
    c.document = "lkj";
    check_achievements(data, c);
    check_budgets(data, c);
    check_predicates(data, c);
    c.document = "pk";
    check_agreement_totals(data, c);
    check_against_agreement(data, c);
    c.document = "rkt";
    check_plans_against_agreement(data, c);
    c.document = "pk";
    check_cascade(data, c);
    check_nips(data, c); // the people sign the agreements
    c.document = "";
    check_unit_rules(data, c);
    check_text(data, c);
    check_targets(data, c);
    check_years_and_dates(data, c); // sets the document per part
    check_numbering(data, c);       // sets the document per part
    // The same fact reached through two records (an indicator and the plan row it came from) is one finding.
    std::vector<Finding> unique;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (auto& f : out)
        if (seen.emplace(f.id, f.where, f.message).second) unique.push_back(std::move(f));
    return unique;
}

} // namespace kinerja
