// The Renstra an LKj restates in prose (BAB II "B. Rencana Strategis Tahun 2020-2024"): the period of
// its heading, the regulation that sets it, the vision standing alone after the sentence that
// announces it, and the numbered lists of missions, goals and objectives after their introducing
// sentence ("... misi ... sebagai berikut:", "... tujuan yang hendak dicapai ... adalah:", "Sasaran
// strategis untuk tujuan pertama yaitu “<goal>”, yaitu:").
#include <cctype>

#include "adapters/import/understand/read_lkj.h"
#include "adapters/import/understand/values.h"

namespace kinerja::import::lkj {
namespace bj = boost::json;
namespace {

// Where a whole word last stands in folded text; -1 when it does not.
long last_word(const std::string& folded, std::string_view word) {
    long last = -1;
    for (std::size_t at = folded.find(word); at != std::string::npos; at = folded.find(word, at + 1)) {
        const bool start = at == 0 || !std::isalpha(static_cast<unsigned char>(folded[at - 1]));
        const std::size_t end = at + word.size();
        if (start && (end == folded.size() || !std::isalpha(static_cast<unsigned char>(folded[end]))))
            last = static_cast<long>(at);
    }
    return last;
}

// The text between the first “ and ” (or plain quotes).
std::string quoted(const std::string& text) {
    static const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
    std::size_t a = text.find(open), skip = open.size();
    if (a == std::string::npos) {
        a = text.find('"');
        skip = 1;
    }
    if (a == std::string::npos) return {};
    const std::size_t b = skip == 1 ? text.find('"', a + 1) : text.find(close, a + skip);
    return b == std::string::npos ? std::string() : text.substr(a + skip, b - a - skip);
}

// Up to the end of the first sentence: "penyelesaian sengketa hukum yang baik. KPU ..." -> "... baik."
std::string first_sentence(const std::string& text) {
    const std::size_t end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

// "Peraturan Komisi Pemilihan Umum Nomor 63 Tahun 2015 Tentang Rencana Strategis ... 2020-2024."
std::string regulation_in(const std::string& text) {
    const std::size_t at = fold(text).find("peraturan ");
    if (at == std::string::npos) return {};
    std::string rest = text.substr(at);
    const std::size_t end = rest.find(". ");
    if (end != std::string::npos) rest = rest.substr(0, end);
    if (!rest.empty() && rest.back() == '.') rest.pop_back();
    return fold(rest).find("rencana strategis") == std::string::npos ? std::string() : rest;
}

// "... Tahun 2020-2024", "2020 – 2024".
bool period_in(const std::string& text, int& start, int& end) {
    for (std::size_t i = 0; i + 9 <= text.size(); ++i) {
        if (text.compare(i, 2, "20") != 0 && text.compare(i, 2, "19") != 0) continue;
        const auto a = year_in(text.substr(i, 4));
        if (!a) continue;
        std::size_t j = i + 4;
        while (j < text.size() && !std::isdigit(static_cast<unsigned char>(text[j])) && j < i + 10)
            ++j;
        if (j + 4 > text.size()) return false;
        const auto b = year_in(text.substr(j, 4));
        if (b && *b > *a) {
            start = *a;
            end = *b;
            return true;
        }
    }
    return false;
}

class PlanSection {
public:
    PlanSection(const Doc& doc, std::size_t first, std::size_t end) : m_doc(doc) {
        for (std::size_t i = first + 1; i < end; ++i)
            if (!doc.at(i).blank() && !doc.noise(i)) m_content.push_back(i);
    }
    std::size_t size() const { return m_content.size(); }

    bj::object read(const Line& heading) {
        bj::object r;
        int start = 0, end = 0;
        if (period_in(heading.text, start, end)) {
            r["period_start"] = start;
            r["period_end"] = end;
        }
        bj::array missions, goals, objectives;
        for (std::size_t k = 0; k < m_content.size(); ++k) {
            const Line& intro = m_doc.at(m_content[k]);
            if (!r.contains("decree"))
                if (auto reg = regulation_in(intro.text); !reg.empty()) r["decree"] = reg;
            const std::string f = fold(intro.text);
            if (f.empty() || f.back() != ':' || k + 1 >= m_content.size()) continue;
            std::string number, text;
            const Line& next = m_doc.at(m_content[k + 1]);
            if (!numbered_item(next.text, number, text)) {
                if (last_word(f, "visi") >= 0 && !r.contains("vision"))
                    r["vision"] = bj::object{{"text", next.text}, {"line", next.number}};
                continue;
            }
            // The list is what the sentence names last: "... visi dan melaksanakan misi tersebut, maka
            // tujuan ... adalah:" announces the goals.
            const bool objective_list = f.starts_with("sasaran strategis untuk");
            const long mission = last_word(f, "misi"), goal_word = last_word(f, "tujuan");
            bj::array* list = objective_list                        ? &objectives
                              : mission >= 0 && mission > goal_word ? &missions
                              : goal_word >= 0                      ? &goals
                                                                    : nullptr;
            if (!list) continue;
            const std::string goal = objective_list ? quoted(intro.text) : std::string();
            int expected = 0;
            for (std::size_t n = k + 1; n < m_content.size(); ++n) {
                const Line& item = m_doc.at(m_content[n]);
                if (!numbered_item(item.text, number, text)) break;
                // The list counts on; a number out of its order starts something else ("2. Tujuan dan
                // Sasaran Strategis", the next numbered heading, right after the seven missions).
                const int at = std::stoi(number);
                if (expected > 0 && at != expected) break;
                expected = at + 1;
                if (objective_list)
                    list->push_back(bj::object{{"number", number},
                                               {"goal", text_or_null(goal)},
                                               {"name", first_sentence(text)},
                                               {"line", item.number}});
                else
                    list->push_back(bj::object{{"number", number}, {"text", text}, {"line", item.number}});
            }
        }
        if (!missions.empty()) r["missions"] = std::move(missions);
        if (!goals.empty()) r["goals"] = std::move(goals);
        if (!objectives.empty()) r["objectives"] = std::move(objectives);
        return r;
    }

private:
    const Doc& m_doc;
    std::vector<std::size_t> m_content; // the section's lines without blanks and page headers
};

} // namespace

void read_lkj_renstra(Doc& doc) {
    for (std::size_t first = 0; first < doc.lampiran && first < doc.size(); ++first) {
        const Line& heading = doc.at(first);
        if (!lettered_heading(heading) || fold(heading.text).find("rencana strategis") != 3) continue;
        std::size_t end = first + 1;
        while (end < doc.size() && end < doc.lampiran && !lettered_heading(doc.at(end)) &&
               !fold(doc.at(end).text).starts_with("bab "))
            ++end;
        PlanSection section(doc, first, end);
        if (section.size() < 5) continue; // the table of contents
        auto renstra = section.read(heading);
        if (renstra.contains("vision") || renstra.contains("missions") || renstra.contains("objectives")) {
            doc.ctx.seed["renstra"] = std::move(renstra);
            return;
        }
    }
}

} // namespace kinerja::import::lkj
