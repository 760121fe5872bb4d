// The demo data is a hand transcription of the seed documents (data/demo/*.json). This test reads
// each seed at the line every transcribed item names and checks that the item's words and printed
// numbers stand there, so a typo in the transcription, or a silent "correction", fails.
#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

#include "tests/integration/test_support.h"
#include "tests/support/shared_documents.h"

namespace kinerja::test {
namespace {

namespace bj = boost::json;

std::string fold(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') { // markup such as <p>, <i>, <ul ...>
            const auto end = s.find('>', i);
            if (end != std::string_view::npos) {
                i = end;
                space = true;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c) || c == '*') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream ss(text);
    std::string l;
    while (std::getline(ss, l))
        lines.push_back(l);
    return lines;
}

std::string first_words(const std::string& s, int n) {
    std::stringstream ss(fold(s));
    std::string w, out;
    for (int i = 0; i < n && ss >> w; ++i)
        out += (i ? " " : "") + w;
    return out;
}

struct Counts {
    int items = 0, numbers = 0;
};

class Checker {
public:
    Checker(std::string file, std::vector<std::string> seed) : m_file(std::move(file)), m_seed(std::move(seed)) {}

    void walk(const bj::value& v, const std::string& path) {
        if (v.is_array()) {
            int i = 0;
            for (const auto& x : v.as_array())
                walk(x, path + "[" + std::to_string(i++) + "]");
        } else if (v.is_object()) {
            const auto& o = v.as_object();
            if (const auto* line = o.if_contains("line"); line && line->is_int64()) check(o, line->as_int64(), path);
            for (const auto& [k, x] : o)
                if (k != "line" && k != "notes") walk(x, path + "." + std::string(k)); // notes are ours, not the seed's
        }
    }
    Counts counts;

private:
    std::string window(std::int64_t line, int extra) const {
        std::string w;
        for (std::int64_t l = line; l <= line + extra && l <= static_cast<std::int64_t>(m_seed.size()); ++l)
            w += m_seed[static_cast<std::size_t>(l - 1)] + " ";
        return fold(w);
    }

    void check(const bj::object& o, std::int64_t line, const std::string& path) {
        ASSERT_GE(line, 1) << m_file << path;
        ASSERT_LE(line, static_cast<std::int64_t>(m_seed.size())) << m_file << path;
        ++counts.items;
        // A budget row's name is its table's heading, a few lines above the figures.
        const bool budget_row = o.contains("ceiling") || o.contains("amount");
        const auto* heading = o.if_contains("objective_line");
        const std::string here = heading && heading->is_int64() ? window(heading->as_int64(), 0)
                                 : budget_row                   ? window(std::max<std::int64_t>(1, line - 14), 14)
                                                                : fold(m_seed[static_cast<std::size_t>(line - 1)]);
        for (const char* key : {"indicator", "name", "text", "aspect", "obstacle"}) {
            const auto* v = o.if_contains(key);
            if (!v || !v->is_string() || v->as_string().empty()) continue;
            const std::string text(v->as_string());
            // Wrapped cells continue on the next lines: the first word stands on the line, the
            // first three words within the next few lines.
            const std::string word = first_words(text, 1);
            EXPECT_NE(here.find(word), std::string::npos)
                << m_file << ":" << line << " " << path << " first word '" << word << "'";
            const std::string three = first_words(text, 3);
            EXPECT_NE((budget_row ? here : window(line, 12)).find(three), std::string::npos)
                << m_file << ":" << line << " " << path << " words '" << three << "'";
            break;
        }
        // Printed numbers stand on the line itself (tables keep a row on one line).
        for (const char* key :
             {"target", "actual", "achievement_printed", "ceiling", "percent_printed", "amount", "budget", "score"}) {
            const auto* v = o.if_contains(key);
            if (!v || !v->is_string() || v->as_string().empty() || !m_same_line_numbers) continue;
            ++counts.numbers;
            EXPECT_NE(window(line, 0).find(fold(v->as_string())), std::string::npos)
                << m_file << ":" << line << " " << path << "." << key << " '" << v->as_string() << "'";
        }
    }

public:
    bool m_same_line_numbers = true;

private:
    std::string m_file;
    std::vector<std::string> m_seed;
};

std::vector<std::filesystem::path> transcriptions() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(KINERJA_SOURCE_DIR) + "/data/demo"))
        if (e.path().extension() == ".json" && e.path().filename() != "offices.json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(SeedTranscription, EveryItemStandsAtItsLineInTheSeed) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const auto files = transcriptions();
    ASSERT_EQ(files.size(), 5u);
    int total = 0;
    for (const auto& f : files) {
        const auto root = bj::parse(read_file(f.string())).as_object();
        const std::string source(root.at("source").as_string());
        const std::string seed_path = std::string(KINERJA_SEEDS_DIR) + "/" + source;
        ASSERT_TRUE(file_exists(seed_path)) << seed_path;
        Checker c(source, lines_of(read_file(seed_path)));
        // In the action plan the PDF extraction moved costs away from their rows (FORMAT.md).
        c.m_same_line_numbers = root.at("kind").as_string() != "renaksi";
        c.walk(root, "");
        EXPECT_GT(c.counts.items, 30) << source;
        total += c.counts.items;
    }
    EXPECT_GT(total, 600);
}

TEST(SeedTranscription, PrabumulihMeasurementIsComplete) {
    const auto root =
        bj::parse(read_file(std::string(KINERJA_SOURCE_DIR) + "/data/demo/lkj-2024-kpu-kota-prabumulih.json"))
            .as_object();
    const auto& objectives = root.at("measurement").at("objectives").as_array();
    ASSERT_EQ(objectives.size(), 10u);
    const std::vector<std::size_t> per_objective = {3, 4, 4, 4, 3, 1, 1, 6, 10, 1};
    for (std::size_t i = 0; i < objectives.size(); ++i)
        EXPECT_EQ(objectives[i].at("indicators").as_array().size(), per_objective[i]) << "objective " << i + 1;
    EXPECT_EQ(root.at("agreements").as_array().size(), 6u);
    EXPECT_EQ(root.at("obstacles").as_array().size(), 21u);
}

TEST(SeedTranscription, ActionPlanCostsAreTheDocumentsOwnText) {
    KINERJA_SKIP_WITHOUT_SHARED(KINERJA_SEEDS_DIR);
    const auto root =
        bj::parse(read_file(std::string(KINERJA_SOURCE_DIR) + "/data/demo/renaksi-2024-kpu-kota-prabumulih.json"))
            .as_object();
    const std::string seed = read_file(std::string(KINERJA_SEEDS_DIR) + "/renaksi-2024-kpu-kota-prabumulih.txt");
    const auto& objectives = root.at("action_plan").at("objectives").as_array();
    ASSERT_EQ(objectives.size(), 9u);
    for (const auto& o : objectives) {
        const std::string cost(o.at("cost").as_string());
        EXPECT_NE(seed.find(cost), std::string::npos) << cost;
    }
}

} // namespace
} // namespace kinerja::test
