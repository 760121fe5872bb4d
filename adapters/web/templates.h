#pragma once
// Mustache templates (kainjow, escaping by default), embedded in the binary or read from
// --dev-assets. A parsed template is not thread-safe, so each worker thread keeps its own.
#include <kainjow/mustache.hpp>
#include <string>

namespace kinerja::web {

using Data = kainjow::mustache::data;

// Renders web/templates/<name>.mustache; throws std::runtime_error for an unknown template (a bug).
std::string render(const std::string& name, const Data& data, const std::string& dev_assets = {});

} // namespace kinerja::web
