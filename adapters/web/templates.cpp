#include "adapters/web/templates.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "platform/embedded.h"

namespace kinerja::web {
namespace {

std::string source_of(const std::string& name, const std::string& dev_assets) {
    const std::string file = "templates/" + name + ".mustache";
    if (!dev_assets.empty()) {
        std::ifstream in(dev_assets + "/" + file);
        std::stringstream ss;
        ss << in.rdbuf();
        if (in) return ss.str();
    }
    for (const auto& f : platform::web_files())
        if (f.path == file) return std::string(f.data);
    throw std::runtime_error("unknown template " + name);
}

} // namespace

std::string render(const std::string& name, const Data& data, const std::string& dev_assets) {
    thread_local std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
    auto it = cache.find(name);
    if (it == cache.end() || !dev_assets.empty()) {
        auto t = std::make_unique<kainjow::mustache::mustache>(source_of(name, dev_assets));
        if (!t->is_valid()) throw std::runtime_error("template " + name + ": " + t->error_message());
        it = cache.insert_or_assign(name, std::move(t)).first;
    }
    return it->second->render(data);
}

} // namespace kinerja::web
