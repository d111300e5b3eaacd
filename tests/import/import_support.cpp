#include "import_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>

#include "../../dsl/check/program.hpp"
#include "../../dsl/mapping/check_mapping.hpp"
#include "../../dsl/mapping/mapping_parser.hpp"
#include "../../engine/importer/import_pipeline.hpp"

namespace shall::test {

const Schema& evidence_schema() {
    static std::unique_ptr<Program> program = [] {
        Diagnostics d;
        auto p = load_program({source_path("rulesets/evidence")}, {}, d);
        if (d.has_errors()) throw std::runtime_error("the evidence model does not load");
        return p;
    }();
    return program->schema;
}

std::string source_path(const std::string& relative) { return std::string(SHALL_SOURCE_DIR) + "/" + relative; }

std::string shared_data(const std::string& relative) {
    std::string path = std::string(SHALL_SHARED_DATA) + "/" + relative;
    if (!std::filesystem::exists(path))
        FAIL("missing shared data file " << path << " (a copy of shared/ must sit next to the repository clone)");
    return path;
}

importer::ImportResult import_with(const std::string& mapping, const std::vector<std::string>& inputs, const std::string& timezone) {
    Diagnostics d;
    auto r = importer::import_raw({mapping, inputs, timezone}, evidence_schema(), d);
    std::string text;
    for (const auto& x : d.all()) text += render(x) + "\n";
    INFO(text);
    REQUIRE(r.has_value());
    return std::move(*r);
}

std::string mapping_errors(const std::string& mapping_text) {
    auto src = std::make_shared<SourceFile>(SourceFile{"test.shall", mapping_text});
    Diagnostics d;
    auto m = mapping::parse_mapping(src, d);
    if (!d.has_errors()) mapping::check_mapping(*m, evidence_schema(), d);
    std::string out;
    for (const auto& x : d.all()) out += render(x) + "\n";
    return out;
}

static std::map<std::string, std::string> as_map(const importer::OutputTable& t, const std::vector<std::string>& row) {
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < row.size(); ++i)
        if (t.used[i]) out[t.type->fields[i].name] = row[i];
    return out;
}

std::map<std::string, std::string> record(const importer::ImportResult& r, const std::string& type, const std::string& id) {
    for (const auto& t : r.tables)
        if (t.type->name == type)
            for (const auto& row : t.rows)
                if (row[0] == id) return as_map(t, row);
    return {};
}

std::vector<std::map<std::string, std::string>> records_where(const importer::ImportResult& r, const std::string& type,
                                                             const std::string& field, const std::string& value) {
    std::vector<std::map<std::string, std::string>> out;
    for (const auto& t : r.tables)
        if (t.type->name == type)
            for (const auto& row : t.rows) {
                auto m = as_map(t, row);
                if (m[field] == value) out.push_back(m);
            }
    return out;
}

const importer::FileReport& file_report(const importer::ImportResult& r, const std::string& file) {
    for (const auto& f : r.files)
        if (f.file == file) return f;
    FAIL("no report for " << file);
    throw std::logic_error("unreachable");
}

}  // namespace shall::test
