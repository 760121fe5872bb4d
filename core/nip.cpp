#include "core/nip.h"

namespace kinerja {
namespace {
int num(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}
} // namespace

NipCheck check_nip(std::string_view printed) {
    NipCheck out;
    std::string digits;
    for (char c : printed) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
        else if (c != ' ' && c != '.') {
            out.problems.push_back("NIP '" + std::string(printed) + "' memuat karakter selain angka");
            return out;
        }
    }
    if (digits.size() != 18) {
        out.problems.push_back("NIP '" + std::string(printed) + "' memiliki " + std::to_string(digits.size()) +
                               " angka, seharusnya 18");
        return out;
    }
    out.digits = digits;
    const std::string_view d(out.digits);
    const int by = num(d.substr(0, 4)), bm = num(d.substr(4, 2)), bd = num(d.substr(6, 2));
    if (!is_valid_date(by, bm, bd))
        out.problems.push_back("NIP '" + std::string(printed) + "': tanggal lahir " + std::string(d.substr(0, 8)) +
                               " tidak sah");
    else
        out.birth_date = Date{by, bm, bd};
    const int sy = num(d.substr(8, 4)), sm = num(d.substr(12, 2));
    if (sm < 1 || sm > 12 || sy < 1900)
        out.problems.push_back("NIP '" + std::string(printed) + "': bulan/tahun pengangkatan " +
                               std::string(d.substr(8, 6)) + " tidak sah");
    else if (out.birth_date && (sy * 12 + sm) < (by + 17) * 12 + bm)
        out.problems.push_back("NIP '" + std::string(printed) + "': pengangkatan tahun " + std::to_string(sy) +
                               " sebelum usia 17 tahun");
    if (d[14] != '1' && d[14] != '2')
        out.problems.push_back("NIP '" + std::string(printed) + "': kode jenis kelamin " + std::string(1, d[14]) +
                               " harus 1 atau 2");
    if (d.substr(15, 3) == "000")
        out.problems.push_back("NIP '" + std::string(printed) + "': nomor urut 000 tidak sah");
    return out;
}

std::string format_nip(std::string_view d) {
    if (d.size() != 18) return std::string(d);
    return std::string(d.substr(0, 8)) + " " + std::string(d.substr(8, 6)) + " " + std::string(d.substr(14, 1)) + " " +
           std::string(d.substr(15, 3));
}

} // namespace kinerja
