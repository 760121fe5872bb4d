#pragma once
// Word's automatic list numbers ("1.", "a.", "II.") are not in the document's text: numbering.xml
// describes each list's levels and Word counts the paragraphs as it lays them out. The DOCX reader
// asks this for each numbered paragraph so that "1. Perencanaan Program ..." reads as printed, the
// way the objectives of an LKj or a PK are numbered. Bullets give no label. Numbering inherited from
// a paragraph style (styles.xml) is not followed: producers put numPr on the paragraph itself.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "adapters/import/read/zip_archive.h"
#include "adapters/import/source_text.h"

namespace kinerja::import::read {

class DocxNumbering {
public:
    // The numbering part the main document refers to (word/numbering.xml); none is no numbering.
    static Result<DocxNumbering> load(ZipArchive& zip, const std::string& document_part, const ReadLimits& limits);

    // The label of the next paragraph of list `num_id` at `level` ("2.", "b)", "IV."), counting it;
    // empty for bullets, unknown lists and levels.
    std::string next(int num_id, int level);

    static constexpr int level_count = 9; // Word's ilvl 0..8

private:
    struct Level {
        std::string format = "decimal"; // numFmt: decimal, lowerLetter, upperRoman, bullet, none, ...
        std::string text;               // lvlText: "%1.", "%1.%2", "(%3)"
        int start = 1;
    };
    struct List {
        std::array<Level, level_count> levels;
        std::array<int, level_count> counters{}; // the number last given at each level
        std::array<bool, level_count> started{}; // whether the level has given a number since it (re)started
    };
    std::map<int, List> lists_; // by numId: each w:num counts its own paragraphs
};

// 1 -> "a", 27 -> "aa" (Word repeats the letter); 4 -> "iv". Exposed for the tests.
std::string list_number(int n, const std::string& format);

} // namespace kinerja::import::read
