#pragma once
// Building blocks of the report builders: cells that carry both the printed Indonesian text and the
// exact value (for XLSX), and the few printing rules every report shares.
#include <optional>
#include <string>

#include "app/report_model.h"
#include "core/format.h" // percent_text
#include "core/ratio.h"
#include "core/rupiah.h"

namespace kinerja::app::report {

Cell text(std::string t, int span = 1);
Cell bold_text(std::string t, int span = 1);
Cell centered(std::string t);
// "94,44" (kind decimal, number "94.44"); "-" as text when there is no value.
Cell percent(const std::optional<Ratio>& r, Rounding rounding);
// "41.579.911.818" (kind integer); "-" when there is no value.
Cell rupiah(const std::optional<Rupiah>& r);
Cell count(long long n);

// A target or actual as written with its unit: "95%", "5 keg", "WTP"; "-" when empty.
std::string with_unit(const std::string& text, const std::string& unit);
Row header_row(std::initializer_list<const char*> titles);

Paragraph body(std::string t);
// Said where the missing thing would stand, marked so that it is not overlooked.
Paragraph missing(std::string t);
std::string upper(std::string s); // ASCII upper case, for titles ("KPU KOTA PRABUMULIH")

} // namespace kinerja::app::report
