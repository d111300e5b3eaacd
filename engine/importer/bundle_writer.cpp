#include "bundle_writer.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "import_report.hpp"
#include <stdexcept>

namespace shall::importer {
namespace {

namespace fs = std::filesystem;

void csv_cell(std::string& out, const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos && (v.empty() || (v.front() != ' ' && v.back() != ' '))) {
        out += v;
        return;
    }
    out += '"';
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f || !(f << text) || !f.flush()) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
}

std::string table_csv(const OutputTable& t) {
    std::string out;
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < t.used.size(); ++i)
        if (t.used[i]) cols.push_back(i);
    for (std::size_t k = 0; k < cols.size(); ++k) {
        if (k) out += ',';
        csv_cell(out, t.type->fields[cols[k]].name);
    }
    out += '\n';
    for (const auto& row : t.rows) {
        for (std::size_t k = 0; k < cols.size(); ++k) {
            if (k) out += ',';
            csv_cell(out, row[cols[k]]);
        }
        out += '\n';
    }
    return out;
}

}  // namespace

void write_bundle(const ImportResult& r, const std::string& dir, const BundleMeta& meta) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir)) throw std::runtime_error(fmt::format("cannot create the bundle directory {}", dir));
    for (const auto& t : r.tables) write_file(fs::path(dir) / (t.type->name + ".csv"), table_csv(t));
    nlohmann::ordered_json manifest;
    if (!meta.organization.empty()) manifest["organization"] = meta.organization;
    if (meta.as_of) manifest["as_of"] = format_date(*meta.as_of);
    std::string inputs;
    for (const auto& i : r.inputs) inputs += (inputs.empty() ? "" : ", ") + fs::path(i).filename().string();
    manifest["source"] = fmt::format("shall import --mapping {}: {}", r.mapping, inputs);
    manifest["timezone"] = r.timezone;
    write_file(fs::path(dir) / "bundle.json", manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    write_file(fs::path(dir) / "import-report.json", report_json(r));
}

}  // namespace shall::importer
