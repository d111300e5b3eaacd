#include "import_pipeline.hpp"

#include <date/tz.h>
#include <filesystem>
#include <fmt/format.h>

#include "../../dsl/mapping/check_mapping.hpp"
#include "../../dsl/mapping/mapping_parser.hpp"
#include "locate.hpp"
#include "raw_table.hpp"
#include "json_table.hpp"
#include "xlsx_table.hpp"
#include "run_mapping.hpp"

namespace shall::importer {

namespace {

// Every column a mapping reads.
std::vector<std::string> columns_read(const mapping::Mapping& m) {
    std::vector<std::string> out;
    auto assign = [&](const mapping::FieldAssign& a) {
        if (!a.column.empty()) out.push_back(a.column);
        if (a.filter) out.push_back(a.filter->column);
    };
    for (const auto& r : m.records) {
        out.push_back(r.key_column);
        if (!r.order_column.empty()) out.push_back(r.order_column);
        if (r.filter) out.push_back(r.filter->column);
        for (const auto& a : r.fields) assign(a);
        if (r.history) {
            out.push_back(r.history->at_column);
            if (!r.history->by_column.empty()) out.push_back(r.history->by_column);
            for (const auto& a : r.history->tracked) assign(a);
        }
    }
    return out;
}

}  // namespace

std::optional<ImportResult> import_raw(const ImportRequest& request, const Schema& schema, Diagnostics& diags) {
    auto path = find_mapping(request.mapping);
    if (!path) {
        diags.error({}, fmt::format("no mapping '{}' (neither a file nor a shipped mapping)", request.mapping),
                    did_you_mean(request.mapping, shipped_mapping_names()));
        return std::nullopt;
    }
    if (!request.timezone.empty() && request.timezone != "UTC") {
        try {
            date::locate_zone(request.timezone);
        } catch (const std::exception&) {
            diags.error({}, fmt::format("--timezone {}: unknown time zone (an IANA name such as Europe/Brussels)", request.timezone));
            return std::nullopt;
        }
    }
    static std::vector<std::shared_ptr<SourceFile>> sources;   // diagnostics point into them after this returns
    auto source = sources.emplace_back(read_source_file(*path));
    auto parsed = mapping::parse_mapping(source, diags);
    if (diags.has_errors()) return std::nullopt;
    auto checked = mapping::check_mapping(*parsed, schema, diags);
    if (diags.has_errors()) return std::nullopt;

    auto inputs = expand_inputs(request.inputs);
    if (inputs.empty()) diags.error({}, "no raw files to import");
    std::vector<RawTable> tables;
    for (const auto& in : inputs) {
        try {
            bool xlsx = std::filesystem::path(in).extension() == ".xlsx";
            if (xlsx != (parsed->format == "xlsx")) {
                diags.error({}, fmt::format("{}: mapping {} reads {} files, and this is {}", in, parsed->name, parsed->format,
                                            xlsx ? "an Excel workbook" : "not an .xlsx workbook"));
                continue;
            }
            if (parsed->format == "json") {
                tables.push_back(read_json_table(in, parsed->records_path, columns_read(*parsed)));
            } else if (xlsx) {
                for (auto& sheet : read_xlsx_tables(in))
                    if (!sheet.header.empty()) tables.push_back(std::move(sheet));   // empty sheets hold nothing
            } else {
                tables.push_back(read_csv_table(in));
            }
        } catch (const std::exception& e) {
            diags.error({}, e.what());
        }
    }
    if (diags.has_errors()) return std::nullopt;
    RunOptions options;
    options.timezone = request.timezone;
    auto result = run_mapping(checked, tables, options, diags);
    if (diags.has_errors()) return std::nullopt;
    return result;
}

}  // namespace shall::importer
