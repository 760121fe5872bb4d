#pragma once
// What an uploaded file is, from its name and its content together: the name's ending and the bytes
// must agree. An office document is a zip whose package says it is that document (OOXML's
// [Content_Types].xml names the main part and the part is there; ODF's first member `mimetype`), so
// any other zip renamed .docx is refused.
#include <optional>
#include <string>
#include <string_view>

namespace kinerja::files {

// The media type to store and serve the file with, or nullopt when it is not an accepted kind
// (PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS) or its content does not match its name.
std::optional<std::string> evidence_media_type(std::string_view filename, std::string_view data);

} // namespace kinerja::files
