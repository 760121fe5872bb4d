#include "core/scale.h"

namespace kinerja {

const ScaleBand* Scale::band_of(const Ratio& v) const {
    for (const auto& b : bands) {
        const Ratio edge = Ratio::of(b.lower);
        if (b.lower_inclusive ? v >= edge : v > edge) return &b;
    }
    return nullptr;
}

std::string Scale::label_of(const Ratio& v) const {
    const ScaleBand* b = band_of(v);
    return b ? b->label : below_label;
}

std::vector<std::string> Scale::describe() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto& b = bands[i];
        std::string line = (b.code.empty() ? "" : b.code + " ") + b.label + ": x " + (b.lower_inclusive ? "≥ " : "> ") +
                           b.lower.indonesian();
        if (i > 0) {
            const auto& up = bands[i - 1];
            line += std::string(" dan x ") + (up.lower_inclusive ? "< " : "≤ ") + up.lower.indonesian();
        }
        out.push_back(line);
    }
    if (!below_label.empty() && !bands.empty())
        out.push_back(below_label + ": x " + (bands.back().lower_inclusive ? "< " : "≤ ") +
                      bands.back().lower.indonesian());
    return out;
}

const Scale& lan_scale() {
    static const Scale s{
        "lan-4",
        "LAN (4 bands)",
        "LAN (4 kategori)",
        "Skala pengukuran Lembaga Administrasi Negara, Keputusan Kepala LAN Nomor 239/IX/6/8/2003",
        "Ambang batas sebagaimana lazim dikutip dalam LKj; belum dikonfirmasi terhadap naskah pedoman LAN",
        {{Decimal::integer(85), true, "Sangat Berhasil", ""},
         {Decimal::integer(70), true, "Berhasil", ""},
         {Decimal::integer(55), true, "Cukup Berhasil", ""}},
        "Tidak Berhasil"};
    return s;
}

const Scale& lke_predicate_scale() {
    static const Scale s{
        "lke-88-2021",
        "Predikat AKIP (PermenPANRB 88/2021)",
        "Predikat AKIP (PermenPANRB 88/2021)",
        "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
        "Batas bawah eksklusif, batas atas inklusif: 80,00 = BB, 80,01 = A",
        {{Decimal::integer(90), false, "Sangat Memuaskan", "AA"},
         {Decimal::integer(80), false, "Memuaskan", "A"},
         {Decimal::integer(70), false, "Sangat Baik", "BB"},
         {Decimal::integer(60), false, "Baik", "B"},
         {Decimal::integer(50), false, "Cukup (Memadai)", "CC"},
         {Decimal::integer(30), false, "Kurang", "C"},
         {Decimal::integer(0), true, "Sangat Kurang", "D"}},
        ""};
    return s;
}

const LkeTemplate& lke_88_2021() {
    auto comp = [](std::string name, std::int64_t weight_tenths) {
        const Decimal w(weight_tenths, 1);
        // 20/30/50 % of the weight, exact to two decimals (7,5 -> 1,5 / 2,25 / 3,75).
        return LkeComponent{std::move(name), w, Decimal(weight_tenths * 2, 2), Decimal(weight_tenths * 3, 2),
                            Decimal(weight_tenths * 5, 2)};
    };
    static const LkeTemplate t{"lke-88-2021",
                               "LKE AKIP PermenPANRB 88/2021",
                               {comp("Perencanaan Kinerja", 300), comp("Pengukuran Kinerja", 300),
                                comp("Pelaporan Kinerja", 150), comp("Evaluasi Akuntabilitas Kinerja Internal", 250)}};
    return t;
}

} // namespace kinerja
