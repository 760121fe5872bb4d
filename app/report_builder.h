#pragma once
// The report builders: stored data of an office and year → report::Document. Every number, table and
// standard sentence is computed here from core (measure(), the scales); the narrative sections are the
// office's own text. What is missing is said where it would stand ("Target belum ditetapkan").
#include <optional>
#include <string>
#include <vector>

#include "app/report_model.h"
#include "app/repository.h"
#include "core/checks.h"
#include "core/office_year.h"

namespace kinerja::app {

// A narrative section the office writes: a fixed key, its title, and a hint of what belongs there.
struct NarrativeSection {
    std::string key, title, hint;
};
// The sections of an LKj for this data: the fixed ones and three per objective (causes, efficiency,
// supporting activities: points 5–7 of PermenPANRB 53/2014 Lampiran II).
std::vector<NarrativeSection> narrative_sections(const OfficeYear& data);

struct LkjSource {
    const OfficeYear* data = nullptr;
    const OfficeYear* previous = nullptr; // the year before, for point 2; may be null
    std::vector<ObstacleRecord> obstacles;
    std::vector<NarrativeRecord> narratives;
    Rounding rounding = Rounding::half_up;
};
report::Document build_lkj(const LkjSource& source);

// The PK of the office (unit_name empty) or of one sub-unit, in the given version (0: the latest).
struct PkSelection {
    const AgreementData* agreement = nullptr;
    const AgreementVersionData* version = nullptr;
};
report::Document build_pk(const OfficeYear& data, const std::vector<PkSelection>& agreements);
report::Document build_rkt(const OfficeYear& data);
report::Document build_renaksi(const OfficeYear& data);

// The blocks of one PK / the RKT, also used as the LKj's attachments.
void append_pk_blocks(std::vector<report::Block>& out, const OfficeYear& data, const AgreementData& agreement,
                      const AgreementVersionData& version);
void append_rkt_blocks(std::vector<report::Block>& out, const OfficeYear& data, int heading_level);

// The error findings listed at the end of a draft.
void append_findings_blocks(std::vector<report::Block>& out, const std::vector<Finding>& errors);

} // namespace kinerja::app
