#include "locate.hpp"

#include <algorithm>
#include <filesystem>
#include <unistd.h>

namespace shall::importer {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> roots() {
    std::vector<fs::path> out{fs::current_path()};
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back(exe.parent_path());
        out.push_back(exe.parent_path().parent_path());
        out.push_back(exe.parent_path().parent_path() / "share" / "shall");
    }
#ifdef SHALL_DATA_DIR
    out.emplace_back(SHALL_DATA_DIR);
#endif
    return out;
}

}  // namespace

std::optional<std::string> find_mapping(const std::string& name) {
    std::error_code ec;
    if (fs::is_regular_file(name, ec)) return name;
    for (const auto& r : roots())
        if (fs::is_regular_file(r / "mappings" / (name + ".shall"), ec)) return (r / "mappings" / (name + ".shall")).string();
    return std::nullopt;
}

std::vector<std::string> shipped_mapping_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& r : roots()) {
        if (!fs::is_directory(r / "mappings", ec)) continue;
        for (const auto& e : fs::directory_iterator(r / "mappings", ec))
            if (e.path().extension() == ".shall") names.push_back(e.path().stem().string());
        break;
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> find_evidence_model() {
    std::error_code ec;
    for (const auto& r : roots())
        if (fs::is_directory(r / "rulesets" / "evidence", ec)) return (r / "rulesets" / "evidence").string();
    return std::nullopt;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (!fs::is_directory(in, ec)) {
            out.push_back(in);
            continue;
        }
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(in, ec))
            if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

}  // namespace shall::importer
