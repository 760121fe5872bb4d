#include <gtest/gtest.h>

#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

// Placeholder until the docx renderer lands: its real tests replace this file.
TEST(DocxRenderer, Placeholder) {
    auto doc = kinerja::testing::sample_document();
    EXPECT_FALSE(doc.blocks.empty());
}
