#pragma once
// What the web import shows of an understood document (the preview: its sections with the findings of
// each line beside them and inputs for the values a person may correct) and which corrections a form
// may carry: exactly the inputs the preview draws.
#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "adapters/import/understand/understand.h"
#include "adapters/web/import_pages.h"
#include "adapters/web/templates.h"
#include "core/checks.h"

namespace kinerja::web::import_view {

// One accepted correction, as the audit record keeps it.
struct Correction {
    std::string field, before, after;
};

// The names of the inputs the preview of `seed` draws.
std::set<std::string> drawn_fields(const boost::json::object& seed);
// Applies the form's `fix.<path>` fields to the seed. A `fix.` field the preview did not draw refuses
// the whole form (nothing applied); an empty field means the document gives no value (null).
Result<std::vector<Correction>> apply_corrections(boost::json::object& seed,
                                                  const std::map<std::string, std::string>& form,
                                                  const std::set<std::string>& drawn);

bool is_type(const std::string& t); // "auto" or a document kind's code

// The import page of one office for one actor: the upload form and the preview.
struct Page {
    const app::Actor& actor;
    const OfficeInfo& office;
    const ImportSettings& settings;

    Data base() const;
    ImportView upload_form(int status, const std::string& error, const std::string& type = "auto") const;
    ImportView preview(int status, const app::ImportDraft& draft, const std::string& type,
                       const import::Understood& doc, const std::vector<Finding>& findings, int corrections,
                       const std::string& error) const;
};

} // namespace kinerja::web::import_view
