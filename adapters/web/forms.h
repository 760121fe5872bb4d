#pragma once
// Reading what a form or an address carries, and the small pieces of view data many pages share.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/web/context.h"
#include "adapters/web/templates.h"

namespace kinerja::web {

using Fields = std::map<std::string, std::string>;

// A whole number from a field, within limits; nullopt when absent or malformed.
std::optional<int> int_field(const Fields& f, const char* key, int lo, int hi);
// The field's text, "" when absent.
std::string field(const Fields& f, const char* key);

// The year and month a page shows: `tahun` and `bulan` when given (a malformed one is an error the
// page reports), else the defaults of app/fiscal_calendar.h for the office (or every office in scope).
Result<int> shown_year(const RequestContext& c, const Fields& f);
Result<int> shown_month(const RequestContext& c, const Fields& f, int year);

// The form's fields "<prefix><id>" with the version each was based on ("versi_<id>", 0 when absent);
// nullopt when an id or a version is not a whole number (the form was tampered with or cut).
struct VersionedField {
    std::int64_t id = 0;
    std::string id_text, value;
    std::int64_t version = 0;
};
std::optional<std::vector<VersionedField>> versioned_fields(const Fields& f, const std::string& prefix);

// The confirmation after a redirect: "<n> <what>" for ?tersimpan=<n>. Only a count the server put in
// the address is shown; any other text there shows nothing.
std::string saved_message(const Request& r, const std::string& what);

// Mustache takes an empty string for present: optional fields are set only when they have a value.
void set_if(Data& d, const std::string& key, const std::string& value);
// The text, or core's k_no_value when it is empty.
std::string or_no_value(const std::string& text);
// "Sangat Berhasil" -> "sangat-berhasil", the CSS class of a band.
std::string band_class(const std::string& label);
// The options of a year picker: the years given, and `year` when it is not among them.
kainjow::mustache::list year_options(const std::vector<int>& years, int year);
kainjow::mustache::list month_options(int month);
// "2025-01-16T00:00:00Z" -> "16 Januari 2025 pukul 00.00 UTC"; other text as it is.
std::string readable_time(const std::string& iso);

} // namespace kinerja::web
