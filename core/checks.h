#pragma once
// Consistency checks (domain.md §7) over stored data. One place: the importer, the web pages and the
// report builder call these same rules.
#include <string>
#include <vector>

#include "core/office_year.h"

namespace kinerja {

enum class Severity { error, warning, info };
std::string_view severity_code(Severity s); // "error", "warning", "info"

struct Finding {
    std::string id; // "achievement-mismatch", "budget-over-ceiling", ...
    Severity severity = Severity::warning;
    std::string message; // Indonesian, names the figures
    std::string where;   // "lkj-2024-kpu-kota-prabumulih.txt:917" or a record description
    int line = 0;
    // The document the finding concerns, so a report is refused only for its own errors: "lkj"
    // (measurement, budget, evaluation), "pk", "rkt", "renaksi"; empty when it concerns every document.
    std::string document;
};

std::vector<Finding> check_office_year(const OfficeYear& data);

// Text helpers shared with the importer: whitespace and case folded, "Persentasi" kept as is.
std::string normalize_text(std::string_view s);

} // namespace kinerja
