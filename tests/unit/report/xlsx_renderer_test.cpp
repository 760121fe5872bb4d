#include <gtest/gtest.h>

#include "adapters/report/renderers.h"
#include "tests/unit/report/sample_document.h"

// Placeholder until the xlsx renderer lands: its real tests replace this file.
TEST(XlsxRenderer, Placeholder) {
    auto doc = kinerja::testing::sample_document();
    EXPECT_FALSE(doc.blocks.empty());
}
