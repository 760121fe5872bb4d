#pragma once
// How an XLSX cell's number is printed: in the form the Indonesian documents use, so that the
// understanding step reads one convention whatever the file was. "20518557000" with a grouping
// format is "20.518.557.000", "94.44" is "94,44", 0.9444 under a percent format "94,44%", a date
// serial "25 Januari 2024". The arithmetic is on the decimal text of the XML (no double), rounded
// half-up to the decimals the cell's format shows, so the line says what the sheet shows.
#include <string>
#include <string_view>

namespace kinerja::import::read {

struct CellFormat {
    enum class Kind { general, number, percent, date, time, datetime, text };
    Kind kind = Kind::general;
    int min_decimals = 0;   // '0' placeholders after the decimal point: always shown
    int max_decimals = 0;   // '0', '#' and '?' after the point: rounded to these
    int min_int_digits = 0; // '0' placeholders before the point: "00" prints 7 as "07"
    bool grouping = false;  // a thousands separator in the format
    bool seconds = false;   // a time that shows seconds
    bool elapsed = false;   // [h]: hours past 24
};

// A format code from styles.xml ("#,##0.00", "0.00%", "d mmmm yyyy", "[$-421]dd/mm/yyyy").
CellFormat classify_format(std::string_view code);
// One of the built-in formats (numFmtId 0..163 without a numFmt element).
CellFormat builtin_format(int id);

// The cell's numeric text printed under `format`; the text itself when it is not a number or is out
// of the range a format can print (a date past 9999).
std::string format_number(std::string_view value, const CellFormat& format, bool date1904);

} // namespace kinerja::import::read
