// The case-table reader itself: a broken table must fail loudly, never pass with zero cases.
#include <gtest/gtest.h>

#include "tests/unit/core/cases.h"

namespace kinerja::test {
namespace {

TEST(CaseReader, SectionsHeadersCommentsAndEmptyFields) {
    const CaseFile f =
        parse_cases("# comment\n\n[one]\na\tb\n1\t\"\"\n  # indented comment\nx\ty\r\n[two]\nc\n3\n", "t.tsv");
    ASSERT_EQ(f.sections.size(), 2u);
    const CaseSection& one = f.section("one");
    ASSERT_EQ(one.rows.size(), 2u);
    EXPECT_EQ(one.rows[0]["a"], "1");
    EXPECT_EQ(one.rows[0]["b"], "");
    EXPECT_EQ(one.rows[1]["b"], "y"); // the CR of a CRLF line is not part of the field
    EXPECT_EQ(one.rows[0].line, 5);
    EXPECT_EQ(one.rows[0].where(), "t.tsv:5");
    EXPECT_EQ(f.section("two").rows[0]["c"], "3");
    EXPECT_EQ(f.row_count(), 3u);
    EXPECT_THROW(one.rows[0]["missing"], std::invalid_argument);
    EXPECT_THROW(f.section("three"), std::invalid_argument);
}

TEST(CaseReader, RejectsBrokenTables) {
    EXPECT_THROW(parse_cases("a\tb\n1 2\n", "t.tsv"), std::runtime_error);     // a tab turned into a space
    EXPECT_THROW(parse_cases("a\tb\n1\t2\t3\n", "t.tsv"), std::runtime_error); // an extra field
    EXPECT_THROW(parse_cases("a\tb\n", "t.tsv"), std::runtime_error);          // no case
    EXPECT_THROW(parse_cases("# only a comment\n", "t.tsv"), std::runtime_error);
    EXPECT_THROW(parse_cases("[s]\na\n1\n[empty]\nb\n", "t.tsv"), std::runtime_error);
    EXPECT_THROW(read_cases("no-such-file.tsv"), std::runtime_error);
}

TEST(CaseReader, FieldReaders) {
    EXPECT_EQ(ratio_field("85/90*100", "x"), Ratio(8500, 90));
    EXPECT_EQ(ratio_field("8500/90", "x"), Ratio(8500, 90));
    EXPECT_EQ(ratio_field("94.44", "x"), Ratio(9444, 100));
    EXPECT_THROW(ratio_field("94,44", "x"), std::invalid_argument);
    EXPECT_THROW(ratio_field("1/0", "x"), std::invalid_argument);
    const auto m = monthly_field("1:10 3:20,5", "x");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[1].month, 3);
    EXPECT_EQ(m[1].value, Decimal(205, 1));
    EXPECT_THROW(monthly_field("1-10", "x"), std::invalid_argument);
    EXPECT_THROW(int_field("12a"), std::invalid_argument);
    EXPECT_THROW(rounding_field("half-even"), std::invalid_argument);
}

TEST(CaseReader, EveryCaseFileReads) {
    for (const char* name :
         {"numbers.tsv", "achievement.tsv", "scale.tsv", "nip.tsv", "periods.tsv", "rollup.tsv", "dates.tsv"}) {
        SCOPED_TRACE(name);
        const CaseFile f = read_cases(name);
        EXPECT_GE(f.row_count(), 10u);
    }
}

} // namespace
} // namespace kinerja::test
