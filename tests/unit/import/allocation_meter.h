#pragma once
// How much memory a piece of code allocates at its peak: this test program replaces operator new
// and delete (allocation_meter.cpp) to keep the bytes live and their high-water mark. The readers'
// limits are promises about memory ("refused before inflating", "stops at 1 MB", "a small multiple
// of the input"); a meter checks the promise itself instead of a wall-clock proxy for it.
#include <cstddef>

namespace kinerja::testing {

class AllocationMeter {
public:
    AllocationMeter(); // starts measuring from what is live now
    // The most bytes live at once since the start, above what was live at the start.
    std::size_t peak() const;

private:
    std::size_t m_base;
};

} // namespace kinerja::testing
