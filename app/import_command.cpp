// `shall import --mapping NAME RAW… --out BUNDLE`, and the same import on the fly for
// `shall audit --mapping`.
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "../dsl/check/program.hpp"
#include "../engine/importer/bundle_writer.hpp"
#include "../engine/importer/import_pipeline.hpp"
#include "../engine/importer/import_report.hpp"
#include "../engine/evidence/time.hpp"
#include "../engine/importer/locate.hpp"
#include "commands.hpp"

namespace shall::cli {
namespace {

void note_timezone(const importer::ImportResult& r, const std::string& flag) {
    if (flag.empty() && r.timezone == "UTC")
        std::cerr << "shall: note: times without an offset were read as UTC; give --timezone ZONE when the export was made elsewhere\n";
}

bool all_add_up(const importer::ImportResult& r) {
    for (const auto& f : r.files)
        if (!f.adds_up()) return false;
    return true;
}

}  // namespace

std::optional<std::string> import_for_audit(const Schema& schema, const std::string& mapping, const std::string& raw,
                                            const std::string& timezone, Diagnostics& diags) {
    importer::ImportRequest request{mapping, {raw}, timezone};
    auto result = importer::import_raw(request, schema, diags);
    if (!result) return std::nullopt;
    note_timezone(*result, timezone);
    // the bundle lives as long as the audit: removed when the process ends
    struct TemporaryDir {
        std::filesystem::path path;
        ~TemporaryDir() {
            std::error_code ec;
            if (!path.empty()) std::filesystem::remove_all(path, ec);
        }
    };
    static TemporaryDir dir;
    dir.path = std::filesystem::temp_directory_path() / fmt::format("shall-import-{}", getpid());
    std::filesystem::remove_all(dir.path);
    importer::write_bundle(*result, dir.path.string(), {});
    std::cerr << importer::report_text(*result, 3)
              << "shall: audit of the imported bundle (temporary; `shall import --out DIR` keeps one to open the rows findings cite)\n";
    return dir.path.string();
}

Command add_import(CLI::App& app) {
    struct Options {
        std::string mapping, out, timezone, as_of, organization, model;
        std::vector<std::string> raw;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--mapping", o->mapping, "A shipped mapping's name (see mappings/) or a mapping file")->required();
    app.add_option("raw", o->raw, "Raw exports (files, or directories of them)")->required();
    app.add_option("--out", o->out, "The evidence bundle directory to write")->required();
    app.add_option("--timezone", o->timezone, "IANA time zone of times that carry no offset (overrides the mapping's)");
    app.add_option("--as-of", o->as_of, "Audit date written into bundle.json (YYYY-MM-DD)");
    app.add_option("--organization", o->organization, "Organisation name written into bundle.json");
    app.add_option("--model", o->model, "The evidence model directory (default: the shipped rulesets/evidence)");
    return [o]() -> int {
        Diagnostics diags;
        importer::BundleMeta meta;
        meta.organization = o->organization;
        if (!o->as_of.empty() && !(meta.as_of = parse_date(o->as_of)))
            diags.error({}, fmt::format("--as-of {}: expected a date YYYY-MM-DD", o->as_of));
        std::string model = o->model;
        if (model.empty()) {
            auto found = importer::find_evidence_model();
            if (!found) diags.error({}, "cannot find the evidence model (rulesets/evidence); give --model DIR");
            else model = *found;
        }
        if (report_diagnostics(diags)) return 2;
        auto program = load_program({model}, {}, diags);
        if (report_diagnostics(diags)) return 2;
        Diagnostics import_diags;
        auto result = importer::import_raw({o->mapping, o->raw, o->timezone}, program->schema, import_diags);
        if (report_diagnostics(import_diags) || !result) return 2;
        note_timezone(*result, o->timezone);
        importer::write_bundle(*result, o->out, meta);
        std::cout << importer::report_text(*result) << fmt::format("bundle written to {}\n", o->out);
        return all_add_up(*result) ? 0 : 2;
    };
}

}  // namespace shall::cli
