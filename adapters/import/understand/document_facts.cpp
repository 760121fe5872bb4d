// What a document is and whose: its kind, office, year, place and date, read from its title area
// and its signature line. Each reader may refine them from its own sections.
#include <map>

#include "adapters/import/understand/understand.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace {

struct KindWord {
    std::string_view words; // folded
    std::string_view type;
};
// Order matters within one line: "penetapan indikator kinerja utama" is an IKU, not a PK.
constexpr KindWord k_kind_words[] = {
    {"indikator kinerja utama", "iku"},
    {"rencana kinerja tahunan", "rkt"},
    {"rencana aksi", "renaksi"},
    {"perjanjian kinerja", "pk"},
    {"penetapan kinerja", "pk"},
    {"laporan kinerja", "lkj"},
    {"laporan akuntabilitas kinerja", "lkj"},
    {"lakip", "lkj"},
    {"lkip", "lkj"},
    {"rencana strategis", "renstra"}, // a Renstra (chapter) names no other kind in its page header
};

std::string_view kind_of(const std::string& folded) {
    for (const auto& k : k_kind_words)
        if (folded.find(k.words) != std::string::npos) return k.type;
    return {};
}

// Office names start with one of these (folded); a KPU office is named after its region.
constexpr std::string_view k_office_heads[] = {"komisi pemilihan umum", "kpu",         "dinas",  "badan",        "biro",
                                               "inspektorat",           "rumah sakit", "kantor", "satuan polisi"};
constexpr std::string_view k_regions[] = {"kota", "kabupaten", "kab.", "provinsi", "prov.", "republik indonesia"};

// A line's cells as printed: its tab-separated cells, or a column-aligned line's runs between wide
// gaps (two signatures side by side, "Ketua Komisi Pemilihan Umum Kota      Sekretaris Komisi …"). A
// name never reaches from one cell into the next.
std::vector<std::string> printed_cells(const Line& line) {
    if (line.tabbed()) return line.cells;
    std::vector<std::string> out;
    for (const auto& c : layout_cells(line.raw))
        out.push_back(clean_text(c.text));
    return out;
}

// "… KOMISI PEMILIHAN UMUM KOTA PRABUMULIH Tahun 2024" -> "KPU Kota Prabumulih".
std::string kpu_office_in(const std::string& text) {
    const std::string f = fold(text);
    for (std::string_view head : {"komisi pemilihan umum ", "kpu "}) {
        for (std::size_t at = f.find(head); at != std::string::npos; at = f.find(head, at + 1)) {
            if (at > 0 && f[at - 1] != ' ' && f[at - 1] != '(') continue;
            const std::size_t region_at = at + head.size();
            for (auto region : k_regions) {
                if (f.compare(region_at, region.size(), region) != 0) continue;
                if (region == "republik indonesia") return "KPU Republik Indonesia";
                // The region name: words up to a word that cannot belong to it.
                std::size_t i = region_at + region.size();
                std::string name;
                int words = 0;
                while (i < f.size() && words < 4) {
                    while (i < f.size() && f[i] == ' ')
                        ++i;
                    std::size_t end = f.find(' ', i);
                    if (end == std::string::npos) end = f.size();
                    std::string w = f.substr(i, end - i);
                    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ')' || w.back() == ':'))
                        w.pop_back();
                    static const std::string_view stops[] = {"tahun", "yang",    "sesuai",  "dalam", "pada",
                                                             "dan",   "untuk",   "tentang", "nomor", "di",
                                                             "ke",    "sebagai", "dengan",  "telah"};
                    bool stop = w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]));
                    for (auto s : stops)
                        stop = stop || w == s;
                    if (stop) break;
                    name += (name.empty() ? "" : " ") + w;
                    ++words;
                    const bool ended = end < f.size() && f[end - 1] != w.back();
                    i = end;
                    if (ended) break; // punctuation closed the name
                }
                if (name.empty()) continue;
                std::string r(region);
                if (r == "kab.") r = "kabupaten";
                if (r == "prov.") r = "provinsi";
                return title_case("kpu " + r + " " + name);
            }
        }
    }
    return {};
}

std::string level_of(const std::string& agency) {
    const std::string f = fold(agency);
    if (!f.starts_with("kpu")) return {};
    if (f.find("republik indonesia") != std::string::npos) return "national";
    if (f.find("provinsi") != std::string::npos) return "province";
    return "regency";
}

// "KPU Kabupaten OKU Selatan" -> "oku selatan": the words after "KPU" and the region kind, folded.
std::string region_of(const std::string& kpu_office) {
    const std::string f = fold(kpu_office);
    const auto first = f.find(' ');
    const auto second = first == std::string::npos ? first : f.find(' ', first + 1);
    return second == std::string::npos ? f : f.substr(second + 1);
}

bool is_upper_line(const std::string& t) {
    int letters = 0, upper = 0;
    for (char c : t)
        if (std::isalpha(static_cast<unsigned char>(c))) {
            ++letters;
            if (std::isupper(static_cast<unsigned char>(c))) ++upper;
        }
    return letters >= 8 && upper * 10 >= letters * 9;
}

// A heading cell as a PDF's text layer may give it: bold printed twice ("PPeerriikkaannaann") and
// letter-spaced ("P R O V I N S I"), put back together.
std::string heading_cell(const std::string& cell) {
    std::vector<std::string> words;
    bool spaced = true;
    const std::string t = clean_text(cell);
    for (std::size_t i = 0; i < t.size();) {
        const std::size_t end = std::min(t.find(' ', i), t.size());
        std::string w = t.substr(i, end - i);
        bool doubled = w.size() >= 4 && w.size() % 2 == 0;
        for (std::size_t k = 0; doubled && k < w.size(); k += 2)
            doubled = w[k] == w[k + 1] && std::isalpha(static_cast<unsigned char>(w[k]));
        if (doubled) {
            for (std::size_t k = 0; k < w.size() / 2; ++k)
                w[k] = w[2 * k];
            w.resize(w.size() / 2);
        }
        spaced = spaced && w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]));
        words.push_back(std::move(w));
        i = end + 1;
    }
    std::string out;
    for (const auto& w : words)
        out += (out.empty() || (spaced && words.size() >= 3) ? "" : " ") + w;
    return out;
}

// A line's printed cells as headings, joined: "INSPEKTORAT PROVINSI JAWA BARAT".
std::string heading_line(const std::vector<std::string>& cells) {
    std::string out;
    for (const auto& cell : cells)
        out += (out.empty() ? "" : " ") + heading_cell(cell);
    return out;
}

// Whether folded text starts with a region's kind ("provinsi jawa barat", "kab. mesuji").
bool starts_with_region(std::string_view folded) {
    for (auto r : k_regions)
        if (folded.starts_with(r) && folded.size() > r.size() && folded[r.size()] == ' ') return true;
    return false;
}

// An office named by a heading cell, a running header or footer, or a head's position: "Badan
// Ketahanan Pangan Daerah Provinsi Jawa Barat Tahun 2016", "INSPEKTORAT P R O V I N S I J A W A B A R A
// T", "KEPALA DINAS PETERNAKAN PROVINSI JAWA BARAT". Capitals, or a name whose words are capitalized
// (not a sentence of prose); up to "Tahun". "" when the cell names none.
std::string office_heading_in(const std::string& cell) {
    std::string t = heading_cell(cell);
    std::string f = fold(t);
    if (f.starts_with("kepala ")) {
        t = t.substr(7);
        f = f.substr(7);
    }
    if (const auto year = f.find(" tahun"); year != std::string::npos) {
        t.resize(year);
        f.resize(year);
    }
    while (!t.empty() && (t.back() == ',' || t.back() == ':' || t.back() == '.' || t.back() == ' ')) {
        t.pop_back();
        f.pop_back();
    }
    bool head = false;
    for (auto h : k_office_heads)
        head = head || (f.starts_with(h) && f.size() > h.size() && f[h.size()] == ' ');
    if (!head || t.size() > 90) return {};
    int words = 0;
    bool capitalized = true;
    for (std::size_t i = 0; i < t.size();) {
        const std::size_t end = std::min(t.find(' ', i), t.size());
        const std::string_view w = std::string_view(t).substr(i, end - i);
        ++words;
        if (w.size() > 3 && !std::isupper(static_cast<unsigned char>(w[0])) && w != "serta") capitalized = false;
        i = end + 1;
    }
    if (words < 2 || !(capitalized || is_upper_line(t))) return {};
    return title_case(t);
}

} // namespace

DocumentFacts document_facts(const std::vector<Line>& lines) {
    DocumentFacts facts;
    facts.type = "unknown";
    // The title area: the first 40 non-blank lines. An attachment ("Lampiran 3") is the kind named
    // after it. A document whose title is further down (the Rencana Aksi seed starts with its table)
    // is the first kind named anywhere, or an action plan when it has the month columns B1..B12.
    int seen = 0;
    bool after_attachment = false;
    int title_line = 0;
    for (const auto& line : lines) {
        if (line.blank()) continue;
        const std::string f = fold(line.text);
        ++seen;
        if (seen <= 6 && f.starts_with("lampiran") && f.size() < 20) {
            after_attachment = true;
            facts.type = "unknown";
            title_line = 0;
            continue;
        }
        if (title_line <= 0 && (seen <= 40 || facts.type == "unknown" || title_line < 0)) {
            auto k = kind_of(f);
            if (title_line < 0 && k != "renaksi") k = {};
            // "LKIP TAHUN 2016" over an attachment is the page header of the report it belongs to.
            if (!k.empty() && !(after_attachment && k == "lkj") && f.size() < 160) {
                facts.type = std::string(k);
                title_line = line.number;
            }
        }
        if (title_line == 0 && f.find("b1 b2 b3") != std::string::npos) {
            facts.type = "renaksi";
            title_line = -1; // no title line; keep looking for one below
        }
        if (title_line > 0 && seen > 6) break;
    }

    // The office: the KPU office named most often; else the first capitalized office line of the title area.
    std::map<std::string, int> named;
    std::string first_named;
    for (const auto& line : lines) {
        if (auto name = kpu_office_in(line.text); !name.empty()) {
            if (first_named.empty()) first_named = name;
            ++named[name];
        }
    }
    int best = 0;
    for (const auto& [name, count] : named)
        if (count > best || (count == best && name == first_named)) {
            best = count;
            facts.agency = name;
        }
    if (facts.agency.empty()) {
        // Another agency: the first office heading of the title area (its region may stand on the next
        // line: "Dinas Kelautan dan Perikanan" over "Provinsi Jawa Barat"), else the one a running
        // header or footer names on most pages.
        seen = 0;
        for (std::size_t i = 0; i < lines.size() && facts.agency.empty(); ++i) {
            if (lines[i].blank()) continue;
            if (++seen > 40) break;
            auto cells = printed_cells(lines[i]);
            // A line of prose split by tabs ("dengan perkembangan ⇥ tugas dan fungsi ⇥ Rumah Sakit Jiwa
            // ⇥ dalam …") only mentions an office.
            if (std::any_of(cells.begin(), cells.end(), [](const std::string& c) {
                    return !c.empty() && std::islower(static_cast<unsigned char>(c[0]));
                }))
                continue;
            cells.push_back(heading_line(cells));
            for (std::size_t c = 0; c < cells.size(); ++c) {
                facts.agency = office_heading_in(cells[c]);
                if (facts.agency.empty()) continue;
                // A name cut at a wide gap goes on in the next cell ("Dinas Kelautan dan" "Perikanan").
                const std::string folded = fold(facts.agency);
                if ((folded.ends_with(" dan") || folded.ends_with(" serta")) && c + 2 < cells.size())
                    if (auto longer = office_heading_in(cells[c] + " " + cells[c + 1]); !longer.empty())
                        facts.agency = longer;
                const std::string name = fold(facts.agency);
                bool has_region = false;
                for (std::size_t at = name.find(' '); at != std::string::npos && !has_region;
                     at = name.find(' ', at + 1))
                    has_region = starts_with_region(std::string_view(name).substr(at + 1));
                if (i + 1 < lines.size() && !has_region) {
                    const auto next = printed_cells(lines[i + 1]);
                    if (!next.empty() && starts_with_region(fold(next.front())))
                        facts.agency = title_case(facts.agency + " " + next.front());
                }
                break;
            }
        }
    }
    if (facts.agency.empty()) {
        // A running header or footer: on two pages at least, or on the last lines (a one-page table).
        std::map<std::string, int> repeated;
        std::size_t last_lines = 0;
        for (std::size_t i = lines.size(); i > 0 && last_lines < 5; --i)
            if (!lines[i - 1].blank()) {
                ++last_lines;
                if (auto name = office_heading_in(heading_line(printed_cells(lines[i - 1]))); !name.empty())
                    ++repeated[name];
            }
        for (const auto& line : lines)
            if (line.text.size() < 120 && is_upper_line(line.text))
                if (auto name = office_heading_in(heading_line(printed_cells(line))); !name.empty()) ++repeated[name];
        int most = 1;
        for (const auto& [name, count] : repeated)
            if (count > most) {
                most = count;
                facts.agency = name;
            }
    }
    facts.level = level_of(facts.agency);
    // Another KPU office of the same level is not one the document may speak for: a regency's documents
    // cite their province and KPU RI, never a neighbouring regency (domain.md §7.10, cross-satker names).
    if (!facts.level.empty() && facts.level != "national")
        for (const auto& line : lines) {
            // The name is read up to a word that cannot belong to it, so prose runs on ("KPU Kota Prabumulih
            // Juga Menjalankan", "KPU Provinsi insi Kalimantan Timur"): the office's own region within it is
            // the office itself.
            std::string name;
            for (const auto& cell : printed_cells(line)) {
                name = kpu_office_in(cell);
                if (!name.empty() && level_of(name) == facts.level &&
                    fold(name).find(region_of(facts.agency)) == std::string::npos)
                    break;
                name.clear();
            }
            if (name.empty()) continue;
            // A long paragraph is quoted around the name, cut at spaces (never inside a UTF-8 character).
            const std::string& t = line.text; // clean text: fold() keeps its offsets
            const std::size_t at = fold(t).find(region_of(name));
            std::size_t from = at != std::string::npos && at > 60 ? t.find(' ', at - 60) : std::string::npos;
            from = from == std::string::npos || from >= at ? 0 : from + 1;
            const std::size_t to = at == std::string::npos ? std::string::npos : t.find(' ', at + 100);
            const std::string quote = (from > 0 ? "… " : "") +
                                      t.substr(from, to == std::string::npos ? to : to - from) +
                                      (to != std::string::npos ? " …" : "");
            facts.other_offices.push_back({name, quote, line.number});
        }

    // The year: the title's ("RENCANA AKSI KINERJA / TAHUN 2024"), else the first "Tahun 2024" of the
    // title area (a "Tahun Anggaran" in a form field can be wrong: the checks compare it).
    if (title_line > 0) {
        int after = 0;
        for (const auto& line : lines) {
            if (line.number < title_line || line.blank()) continue;
            if (auto y = title_year(line.text)) {
                facts.year = y;
                facts.year_in_title = true;
                break;
            }
            if (++after > 3) break;
        }
    }
    seen = 0;
    for (const auto& line : lines) {
        if (facts.year) break;
        if (line.blank()) continue;
        if (++seen > 40) break;
        if (auto y = title_year(line.text)) facts.year = y;
    }
    // A plan period ("TAHUN 2020-2024"): two years joined by a dash in the title area of a plan over
    // years (IKU, Renstra); an RKT or LKj citing its Renstra 2020-2024 is still of one year.
    seen = 0;
    const bool over_years = facts.type == "iku" || facts.type == "renstra";
    for (const auto& line : lines) {
        if (!over_years) break;
        if (line.blank()) continue;
        if (++seen > 40) break;
        const std::string& t = line.text;
        for (std::size_t i = 0; i + 9 <= t.size(); ++i) {
            auto a = year_in(t.substr(i, 4));
            if (!a || (i > 0 && std::isdigit(static_cast<unsigned char>(t[i - 1])))) continue;
            std::size_t j = i + 4;
            while (j < t.size() && (t[j] == ' ' || t[j] == '-' || t[j] == '/'))
                ++j;
            if (j == i + 4 || j + 4 > t.size()) continue;
            auto b = year_in(t.substr(j, 4));
            if (b && *b > *a && *b - *a <= 10 &&
                (j + 4 == t.size() || !std::isdigit(static_cast<unsigned char>(t[j + 4])))) {
                facts.period_start = a;
                facts.period_end = b;
                break;
            }
        }
        if (facts.period_start) break;
    }
    // A year outside the plan period belongs to another plan ("RPJMD … Tahun 2013 – 2018" quoted in a
    // Renstra review of 2017-2018): it is not the document's.
    if (facts.year && facts.period_start && (*facts.year < *facts.period_start || *facts.year > *facts.period_end))
        facts.year.reset();
    // No year in the title: the year the document names most often as "Tahun YYYY" (never a
    // regulation's "Nomor 7 Tahun 1999").
    if (!facts.year && !facts.period_start) {
        std::map<int, int> named_years;
        for (const auto& line : lines)
            if (auto y = title_year(line.text)) ++named_years[*y];
        int most = 0;
        for (const auto& [y, count] : named_years)
            if (count > most) {
                most = count;
                facts.year = y;
            }
    }

    // The signature: the first "Place, 25 Januari 2024" with a whole date, or a decree's
    // "Ditetapkan di Mesuji / pada tanggal 21 April 2022".
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string f = fold(lines[i].text);
        if (!f.starts_with("ditetapkan di ")) continue;
        const std::string next = lines[i + 1].text;
        const std::string nf = fold(next);
        if (!nf.starts_with("pada tanggal ")) continue;
        const std::string date = next.substr(13);
        if (auto d = parse_indonesian_date(date)) {
            facts.place = lines[i].text.substr(14);
            facts.date_text = date;
            facts.date_line = lines[i + 1].number;
            break;
        }
    }
    for (const auto& line : lines) {
        if (!facts.date_text.empty()) break;
        if (line.text.size() > 80) continue;
        if (auto pd = place_date(line.text); pd && pd->date) {
            facts.place = pd->place;
            facts.date_text = pd->date_text;
            facts.date_line = line.number;
            break;
        }
    }
    return facts;
}

} // namespace kinerja::import
