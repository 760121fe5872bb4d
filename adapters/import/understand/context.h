#pragma once
// What every document-kind reader gets: the lines, the facts found on the whole document, and the
// seed/1 document it fills (data/demo/FORMAT.md is the form; the importer writes exactly what a person
// transcribing by hand writes, so `kinerja demo` and `kinerja import` load documents one way).
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/import/understand/lines.h"
#include "core/checks.h"

namespace kinerja::import {

struct DocumentFacts {
    std::string type;   // "iku", "renstra", "rkt", "pk", "renaksi", "lkj", "unknown"
    std::string agency; // "KPU Kota Prabumulih", "" when not found
    std::string level;  // "regency", "province", "national", "" (not a KPU office or unknown)
    std::optional<int> year;
    bool year_in_title = false; // the title says it (else it is the first or most named year of the text)
    std::optional<int> period_start, period_end; // IKU/Renstra "2020-2024"
    std::string place, date_text;                // of the signature line, when there is one
    int date_line = 0;
    // KPU offices of the same level as the document's own named in its text (another office's name
    // pasted in: "Persentase KPU Kota Prabumulih yang ..." in an RKT of KPU Kabupaten OKU Selatan).
    struct NamedOffice {
        std::string name, text;
        int line = 0;
    };
    std::vector<NamedOffice> other_offices;
};

struct Context {
    const std::vector<Line>& lines;
    DocumentFacts facts;
    boost::json::object& seed;     // kinerja.seed/1 being filled
    std::vector<Finding> findings; // what only reading can tell (unreadable row, unknown header)
    std::string source;            // file name, for Finding::where

    void note(std::string id, Severity severity, std::string message, int line);
};

// Readers of each kind fill ctx.seed with the sections of FORMAT.md they find. A section the
// document lacks is left out; a value it does not give is null.
void read_rkt(Context& ctx);
void read_pk(Context& ctx); // one or more agreements -> seed["agreements"]
// The agreements standing between two lines (inclusive) of a larger document: the PK summary and
// the attached PKs of an LKj. Appends to seed["agreements"].
void read_agreements(Context& ctx, int first_line, int last_line);
// A row of cells heading an agreement's table of indicators and targets or its budget table.
bool is_agreement_table_header(const Line& line);
void read_renaksi(Context& ctx); // -> seed["action_plan"]
// A Rencana Aksi table with its header (Kinerja's own report, a Word or Excel form): its rows by
// their columns into plan["objectives"]; false when the lines hold no such table.
bool read_renaksi_grid(Context& ctx, boost::json::object& plan);
void read_iku(Context& ctx);     // -> seed["renstra"] (objectives and indicators with targets)
void read_renstra(Context& ctx); // -> seed["renstra"] (programs, objectives, indicators, yearly targets)
void read_lkj(Context& ctx);     // -> measurement, budgets, previous_year, evaluations, obstacles,
                                 //    agreements (through read_pk on the attachment), rkt, units, people

// JSON building helpers shared by the readers: text or null, the line.
boost::json::value text_or_null(std::string_view s);

} // namespace kinerja::import
