#pragma once
// Values by their form, as the documents print them (domain.md §6). Nothing here corrects a value:
// a malformed number is recognized as "meant to be a number" and kept as printed, so the checks can
// report it ("822,654,000", "2.57.212.000", "87.5%").
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace kinerja::import {

// A digit string with optional grouping/decimal separators and optional trailing '%' or leading
// "Rp": "95", "94,44", "77,5%", "20.518.557.000", "Rp 822.654.000", "822,654,000", "2.57.212.000",
// "1,183,500,000.00". Not "2024-2025", not "6709" inside "(6709)", not a NIP.
bool looks_numeric(std::string_view cell);
bool looks_like_rupiah(std::string_view cell); // numeric and either "Rp" or at least 4 digits grouped

// A target or actual cell split into what seed/1 keeps: the printed text (without "Rp" and
// surrounding spaces) and the unit the cell itself prints ("%" for "95%", "keg" for "5 keg").
// The value is NOT parsed here; core::parse_quantity does that when the document is loaded.
struct PrintedQuantity {
    std::string text; // "95%", "36,36% (4 satker)", "WTP", "5 keg"
    std::string unit; // "%", "keg", "" when the cell prints none
};
PrintedQuantity printed_quantity(std::string_view cell);

// A rupiah amount as printed without "Rp" and spaces: "Rp 822.654.000" -> "822.654.000".
std::string printed_amount(std::string_view cell);

// Years and dates.
std::optional<int> year_in(std::string_view text);    // first 19xx/20xx standing alone
std::optional<int> title_year(std::string_view text); // "TAHUN 2024", "Tahun Anggaran 2024", "T A H U N 2 0 1 6"
// "Prabumulih, 25 Januari 2024" -> place "Prabumulih", date_text "25 Januari 2024".
struct PlaceDate {
    std::string place, date_text;
    std::optional<Date> date;
};
std::optional<PlaceDate> place_date(std::string_view text);

// "… (6709)" -> "6709" (a 4-digit activity code or a KRO code like "6709.QDB") at the end of a name.
std::optional<std::string> trailing_code(std::string_view name);

// An NIP as printed after "NIP." / "NIP :" (digits and spaces, any count: a wrong count is a finding later).
std::optional<std::string> nip_in(std::string_view text);

// Office names: "KPU Kota Prabumulih", "Komisi Pemilihan Umum Kabupaten Mesuji" -> "KPU Kabupaten Mesuji";
// "DINAS PERHUBUNGAN PROVINSI JAWA BARAT" -> "Dinas Perhubungan Provinsi Jawa Barat".
std::string title_case(std::string_view text);
std::string office_code(std::string_view agency); // contracts.md: lowercase slug, "kpu-kota-prabumulih"

} // namespace kinerja::import
