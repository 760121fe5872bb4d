#pragma once
// GoogleTest printers for the core value types, so a failed EXPECT_EQ shows "94.44" or "850/9",
// not 32 bytes of hex. Found by argument-dependent lookup, hence in namespace kinerja.
#include <ostream>
#include <string>

#include "core/date.h"
#include "core/decimal.h"
#include "core/ratio.h"
#include "core/rupiah.h"

namespace kinerja {

inline std::string int128_text(Ratio::Int v) {
    if (v == 0) return "0";
    const bool negative = v < 0;
    std::string s;
    while (v != 0) {
        const int digit = static_cast<int>(v % 10);
        s.insert(s.begin(), static_cast<char>('0' + (digit < 0 ? -digit : digit)));
        v /= 10;
    }
    return negative ? "-" + s : s;
}

inline void PrintTo(const Decimal& d, std::ostream* os) {
    *os << d.canonical();
}
inline void PrintTo(const Ratio& r, std::ostream* os) {
    *os << int128_text(r.num()) << "/" << int128_text(r.den());
}
inline void PrintTo(const Rupiah& r, std::ostream* os) {
    *os << "Rp " << r.value;
}
inline void PrintTo(const Date& d, std::ostream* os) {
    *os << d.iso();
}

} // namespace kinerja
