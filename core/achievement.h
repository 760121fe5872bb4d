#pragma once
// The achievement engine (domain.md §0 and §2): how far an actual meets its target, exactly.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/quantity.h"
#include "core/ratio.h"

namespace kinerja {

enum class Polarity { higher_is_better, lower_is_better, stable_range };
// Lower-is-better formula: LAN (2·target − actual)/target × 100 by default; target/actual × 100 by choice.
enum class LowerIsBetterFormula { lan, inverse };
// Target 0 divides by zero: not computable unless the indicator says "achieved when the actual is 0 too".
enum class ZeroTargetRule { not_computable, achieved_when_zero };
// Ordinal targets (predicates, audit opinions): achieved/not achieved (100 or 0) or the ratio of tiers.
enum class OrdinalRule { achieved_or_not, tier_ratio };

struct AchievementRule {
    Polarity polarity = Polarity::higher_is_better;
    LowerIsBetterFormula lower_formula = LowerIsBetterFormula::lan;
    ZeroTargetRule zero_target = ZeroTargetRule::not_computable;
    OrdinalRule ordinal = OrdinalRule::achieved_or_not;
};

struct Achievement {
    std::optional<Ratio> percent; // raw and unrounded; empty when not computable
    std::string reason;           // Indonesian: why not computable, or which special rule gave the value
    bool computed() const { return percent.has_value(); }
};

// Ordinal scales, lowest first. Which one applies is found from the labels.
// SAKIP predicates D < C < CC < B < BB < A < AA (domain.md §2.5); audit opinions TMP < TW < WDP < WTP.
std::optional<int> ordinal_tier(std::string_view label, std::string_view* scale_name = nullptr);

// Numeric core, the hot path: actual against a numeric target.
Achievement achievement_numeric(const AchievementRule& rule, const Ratio& target, const Ratio& actual);
// Any target and actual as written: numbers, ranges, ordinals, missing values.
Achievement compute_achievement(const AchievementRule& rule, const Quantity& target, const Quantity& actual);
// Same, with an actual that is already aggregated over months (a mean may not be a finite decimal).
Achievement compute_achievement(const AchievementRule& rule, const Quantity& target, const Ratio& actual);

std::string_view polarity_code(Polarity p); // "higher-is-better", ...
Result<Polarity> parse_polarity(std::string_view code);
std::string_view lower_formula_code(LowerIsBetterFormula f); // "lan", "inverse"
Result<LowerIsBetterFormula> parse_lower_formula(std::string_view code);

} // namespace kinerja
