#include "import_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace shall::importer {

std::string report_json(const ImportResult& r) {
    nlohmann::ordered_json j;
    j["mapping"] = r.mapping;
    j["timezone"] = r.timezone;
    j["inputs"] = r.inputs;
    auto& records = j["records"] = nlohmann::ordered_json::object();
    for (const auto& t : r.tables) records[t.type->name] = t.rows.size();
    auto& files = j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : r.files) {
        nlohmann::ordered_json e;
        e["file"] = f.file;
        e["record_type"] = f.record_type;
        e["rows_read"] = f.rows_read;
        e["records_written"] = f.records_written;
        e["rows_merged"] = f.rows_merged;
        e["rows_rejected"] = f.rows_rejected;
        e["rows_for_other_records"] = f.rows_other;
        e["adds_up"] = f.adds_up();
        auto& rej = e["rejections"] = nlohmann::ordered_json::array();
        for (const auto& x : f.rejections) rej.push_back({{"source", fmt::format("{}:{}", f.file, x.line)}, {"reason", x.reason}});
        auto& warn = e["value_warnings"] = nlohmann::ordered_json::array();
        for (const auto& w : f.warnings)
            warn.push_back({{"source", fmt::format("{}:{}", f.file, w.line)}, {"field", w.field}, {"message", w.message}});
        files.push_back(std::move(e));
    }
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string report_text(const ImportResult& r, std::size_t max_listed) {
    std::string out = fmt::format("import with mapping {} (source time zone {})\n", r.mapping, r.timezone);
    for (const auto& f : r.files)
        out += fmt::format("  {}: {} rows read = {} {} records written + {} rows merged + {} rows rejected{}{}\n", f.file, f.rows_read,
                           f.records_written, f.record_type, f.rows_merged, f.rows_rejected,
                           f.rows_other ? fmt::format(" + {} rows for other records", f.rows_other) : std::string(),
                           f.adds_up() ? "" : "  (DOES NOT ADD UP)");
    for (const auto& t : r.tables) out += fmt::format("  {}.csv: {} records\n", t.type->name, t.rows.size());
    for (const auto& f : r.files) {
        for (const auto& x : f.rejections) out += fmt::format("{}:{}: rejected: {}\n", f.file, x.line, x.reason);
        std::size_t n = 0;
        for (const auto& w : f.warnings) {
            if (n++ == max_listed) break;
            out += fmt::format("{}:{}: warning: {}: {} (field left absent)\n", f.file, w.line, w.field, w.message);
        }
        if (f.warnings.size() > max_listed)
            out += fmt::format("{}: {} more value warnings in import-report.json\n", f.file, f.warnings.size() - max_listed);
    }
    return out;
}

}  // namespace shall::importer
