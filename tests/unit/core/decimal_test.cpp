#include <gtest/gtest.h>
#include "core/decimal.h"
TEST(Decimal, Placeholder) { EXPECT_EQ(kinerja::parse_indonesian_decimal("94,44")->canonical(), "94.44"); }
