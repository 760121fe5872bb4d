#pragma once
// Scales are data, not code: the achievement scale an LKj prints (LAN by default) and the
// predicate bands of the accountability evaluation (LKE, PermenPANRB 88/2021).
#include <optional>
#include <string>
#include <vector>

#include "core/ratio.h"

namespace kinerja {

struct ScaleBand {
    Decimal lower;               // the band starts here
    bool lower_inclusive = true; // LAN: "≥ 85"; LKE: "> 90"
    std::string label;           // "Sangat Berhasil"
    std::string code;            // "AA" for predicates; empty otherwise
};

struct Scale {
    std::string id;               // "lan-4"
    std::string name;             // "LAN (4 bands)", as the JSON contract names it
    std::string label;            // for people: "LAN (4 kategori)"
    std::string citation;         // where it comes from
    std::string note;             // e.g. "ambang batas belum dikonfirmasi"
    std::vector<ScaleBand> bands; // highest first; a value below every band gets `below_label`
    std::string below_label;

    // The band of a value; the last band catches everything at or above its lower edge.
    const ScaleBand* band_of(const Ratio& value) const;
    std::string label_of(const Ratio& value) const;
    // Printable lines for a report: "x ≥ 85: Sangat Berhasil".
    std::vector<std::string> describe() const;
};

// domain.md §3.1: ≥85 Sangat Berhasil, ≥70 Berhasil, ≥55 Cukup Berhasil, else Tidak Berhasil.
const Scale& lan_scale();
// domain.md §4.3: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D 0–30 (lower edge exclusive).
const Scale& lke_predicate_scale();

// Weights of the LKE 88/2021 template (domain.md §4.1), as versioned data.
struct LkeComponent {
    std::string name;
    Decimal weight;
    Decimal fulfilment, quality, use; // 20 %, 30 %, 50 % of the weight
};
struct LkeTemplate {
    std::string id, name;
    std::vector<LkeComponent> components;
};
const LkeTemplate& lke_88_2021();

} // namespace kinerja
