#include "adapters/web/forms.h"

#include "app/fiscal_calendar.h"
#include "core/date.h"
#include "core/fiscal_year.h"
#include "core/format.h"
#include "core/messages.h"

namespace kinerja::web {

std::optional<int> int_field(const Fields& f, const char* key, int lo, int hi) {
    auto it = f.find(key);
    if (it == f.end() || it->second.empty() || it->second.size() > 9 ||
        it->second.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int v = std::stoi(it->second);
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

std::string field(const Fields& f, const char* key) {
    auto it = f.find(key);
    return it == f.end() ? std::string() : it->second;
}

Result<int> shown_year(const RequestContext& c, const Fields& f) {
    if (auto it = f.find("tahun"); it != f.end()) {
        if (auto y = parse_year(it->second)) return *y;
        return fail(ErrorCode::invalid_input, year_problem(it->second), "tahun");
    }
    if (c.office) return app::year_to_show(c.repo(), *c.office, c.now());
    return app::year_to_show(c.repo(), c.who(), c.now());
}

Result<int> shown_month(const RequestContext& c, const Fields& f, int year) {
    if (auto it = f.find("bulan"); it != f.end()) {
        if (auto m = int_field(f, "bulan", 1, 12)) return *m;
        return fail(ErrorCode::invalid_input, message(Msg::month_invalid, {{"month", it->second}}), "bulan");
    }
    return app::month_to_show(year, c.now());
}

std::optional<std::vector<VersionedField>> versioned_fields(const Fields& f, const std::string& prefix) {
    auto whole = [](const std::string& t) {
        return !t.empty() && t.size() <= 15 && t.find_first_not_of("0123456789") == std::string::npos;
    };
    std::vector<VersionedField> out;
    for (const auto& [key, value] : f) {
        if (key.rfind(prefix, 0) != 0) continue;
        const std::string id = key.substr(prefix.size());
        const auto v = f.find("versi_" + id);
        const std::string version = v == f.end() ? std::string("0") : v->second;
        if (!whole(id) || !whole(version)) return std::nullopt;
        out.push_back({std::stoll(id), id, value, std::stoll(version)});
    }
    return out;
}

std::string saved_message(const Request& r, const std::string& what) {
    const auto count = int_field(r.query_params(), "tersimpan", 0, 1000000);
    return count ? message(Msg::saved_count, {{"count", std::to_string(*count)}, {"what", what}}) : std::string();
}

void set_if(Data& d, const std::string& key, const std::string& value) {
    if (!value.empty()) d.set(key, value);
}

std::string or_no_value(const std::string& text) {
    return text.empty() ? std::string(k_no_value) : text;
}

std::string band_class(const std::string& label) {
    std::string out;
    for (char c : label)
        out.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

kainjow::mustache::list year_options(const std::vector<int>& years, int year) {
    kainjow::mustache::list out;
    bool listed = false;
    for (int y : years) {
        Data yd;
        yd.set("value", std::to_string(y));
        if (y == year) {
            yd.set("selected", true);
            listed = true;
        }
        out.push_back(yd);
    }
    if (!listed) {
        Data yd;
        yd.set("value", std::to_string(year));
        yd.set("selected", true);
        out.push_back(yd);
    }
    return out;
}

kainjow::mustache::list month_options(int month) {
    kainjow::mustache::list months;
    for (int m = 1; m <= 12; ++m) {
        Data md;
        md.set("value", std::to_string(m));
        md.set("label", indonesian_month_name(m));
        if (m == month) md.set("selected", true);
        months.push_back(md);
    }
    return months;
}

std::string readable_time(const std::string& iso) {
    auto date = parse_iso_date(iso.substr(0, 10));
    if (!date || iso.size() < 16) return iso;
    return date->indonesian() + " pukul " + iso.substr(11, 2) + "." + iso.substr(14, 2) + " UTC";
}

} // namespace kinerja::web
