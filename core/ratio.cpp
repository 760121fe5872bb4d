#include "core/ratio.h"

#include <cassert>

namespace kinerja {
namespace {

using Int = Ratio::Int;

Int abs128(Int v) {
    return v < 0 ? -v : v;
}

Int gcd128(Int a, Int b) {
    a = abs128(a);
    b = abs128(b);
    while (b != 0) {
        const Int t = a % b;
        a = b;
        b = t;
    }
    return a == 0 ? 1 : a;
}

bool mul(Int a, Int b, Int& out) {
    return !__builtin_mul_overflow(a, b, &out);
}
bool add(Int a, Int b, Int& out) {
    return !__builtin_add_overflow(a, b, &out);
}

Int pow10(int n) {
    Int p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

} // namespace

Ratio::Ratio(Int num, Int den) : m_num(num), m_den(den) {
    assert(den != 0);
    if (m_den < 0) {
        m_num = -m_num;
        m_den = -m_den;
    }
}

Ratio Ratio::of(const Decimal& d) {
    return Ratio(d.mantissa(), pow10(d.scale()));
}

Ratio Ratio::reduced() const {
    const Int g = gcd128(m_num, m_den);
    return Ratio(m_num / g, m_den / g);
}

Decimal Ratio::round(int decimals, Rounding rounding) const {
    // Scale first, divide once: the quotient and remainder decide the last digit exactly.
    Int scaled;
    Ratio r = *this;
    if (!mul(r.m_num, pow10(decimals), scaled)) {
        r = reduced();
        if (!mul(r.m_num, pow10(decimals), scaled)) {
            // Only for absurd magnitudes; fall back to dividing first, which loses nothing we print.
            const Int q = r.m_num / r.m_den;
            return Decimal(static_cast<std::int64_t>(q), 0).rescaled(decimals);
        }
    }
    Int q = scaled / r.m_den;
    const Int rem = scaled % r.m_den;
    if (rounding == Rounding::half_up && abs128(rem) * 2 >= r.m_den) q += scaled < 0 ? -1 : 1;
    return Decimal(static_cast<std::int64_t>(q), decimals);
}

std::optional<Ratio> Ratio::plus(const Ratio& o) const {
    if (m_den == o.m_den) {
        Int n;
        if (add(m_num, o.m_num, n)) return Ratio(n, m_den);
    }
    const Ratio a = reduced(), b = o.reduced();
    const Int g = gcd128(a.m_den, b.m_den);
    Int left, right, n, d;
    if (!mul(a.m_num, b.m_den / g, left) || !mul(b.m_num, a.m_den / g, right) || !add(left, right, n) ||
        !mul(a.m_den / g, b.m_den, d))
        return std::nullopt;
    return Ratio(n, d).reduced();
}

std::optional<Ratio> Ratio::times(const Ratio& o) const {
    Int n, d;
    if (mul(m_num, o.m_num, n) && mul(m_den, o.m_den, d)) return Ratio(n, d);
    const Ratio a = reduced(), b = o.reduced();
    if (mul(a.m_num, b.m_num, n) && mul(a.m_den, b.m_den, d)) return Ratio(n, d).reduced();
    return std::nullopt;
}

std::optional<Ratio> Ratio::divided_by(const Ratio& o) const {
    if (o.m_num == 0) return std::nullopt;
    return times(Ratio(o.m_den, o.m_num));
}

std::strong_ordering operator<=>(const Ratio& a, const Ratio& b) {
    Int x, y;
    if (mul(a.m_num, b.m_den, x) && mul(b.m_num, a.m_den, y)) return x <=> y;
    // Exact without products: compare the floors, then the remainders by their reciprocals
    // (the continued-fraction expansion), which flips the order at each step.
    Int an = a.m_num, ad = a.m_den, bn = b.m_num, bd = b.m_den;
    bool flipped = false;
    while (true) {
        Int qa = an / ad, qb = bn / bd;
        Int ra = an % ad, rb = bn % bd;
        if (ra < 0) { // floor for negatives
            --qa;
            ra += ad;
        }
        if (rb < 0) {
            --qb;
            rb += bd;
        }
        if (qa != qb) return flipped ? qb <=> qa : qa <=> qb;
        if (ra == 0 || rb == 0) {
            if (ra == rb) return std::strong_ordering::equal;
            // The one with a remainder is larger.
            const bool a_larger = ra != 0;
            return (a_larger != flipped) ? std::strong_ordering::greater : std::strong_ordering::less;
        }
        // a' = ad/ra, b' = bd/rb; a < b  <=>  a' > b'.
        an = ad;
        ad = ra;
        bn = bd;
        bd = rb;
        flipped = !flipped;
    }
}

std::optional<Ratio> percent_of(const Ratio& a, const Ratio& b) {
    if (b.is_zero()) return std::nullopt;
    auto q = a.divided_by(b);
    if (!q) return std::nullopt;
    return q->times(Ratio::integer(100));
}

} // namespace kinerja
