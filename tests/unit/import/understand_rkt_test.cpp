// Golden tests of read_rkt: the importer's seed/1 output against hand transcriptions.
#include <gtest/gtest.h>

#include "adapters/import/understand/understand.h"
#include "tests/unit/import/seed_compare.h"
