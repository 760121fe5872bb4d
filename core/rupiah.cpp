#include "core/rupiah.h"

#include "core/decimal.h"

namespace kinerja {

Result<Rupiah> parse_rupiah(std::string_view text) {
    std::string_view s = text;
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    if (s.starts_with("Rp."))
        s.remove_prefix(3);
    else if (s.starts_with("Rp"))
        s.remove_prefix(2);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    if (s.ends_with(",-")) s.remove_suffix(2); // "Rp 4.000,-": the dash says "no cents"
    if (s.find('-') != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "Nilai rupiah '" + std::string(text) + "' tidak boleh negatif");
    auto d = parse_indonesian_decimal(s);
    if (!d) {
        // A rupiah amount never has a fraction, so one comma in it is thousands written the English way.
        if (s.find(',') != std::string_view::npos && d.error().message.find("koma") == std::string::npos)
            return fail(ErrorCode::invalid_input,
                        "Nilai rupiah '" + std::string(text) + "' memakai koma; tulis ribuan dengan titik (1.234.567)");
        return tl::unexpected(d.error());
    }
    const Decimal n = d->normalized();
    if (n.scale() != 0)
        return fail(ErrorCode::invalid_input, "Nilai rupiah '" + std::string(text) + "' tidak boleh memuat pecahan");
    return Rupiah{n.mantissa()};
}

std::string format_rupiah(Rupiah r, bool with_prefix) {
    const std::string s = Decimal(r.value, 0).indonesian();
    return with_prefix ? "Rp " + s : s;
}

} // namespace kinerja
