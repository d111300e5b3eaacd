#include "json_table.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace shall::importer {
namespace {

using json = nlohmann::json;
using Flat = std::map<std::string, std::string>;

std::string scalar(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return {};
    return v.dump();   // numbers, true / false
}

void append(Flat& out, const std::string& key, const std::string& value) {
    if (value.empty()) {
        out.try_emplace(key);
        return;
    }
    auto& cell = out[key];
    cell += (cell.empty() ? "" : ";") + value;
}

void flatten(const json& v, const std::string& prefix, Flat& out) {
    if (v.is_object()) {
        for (const auto& [k, x] : v.items()) flatten(x, prefix.empty() ? k : prefix + "." + k, out);
    } else if (v.is_array()) {
        out.try_emplace(prefix);
        for (const auto& item : v) flatten(item, prefix, out);
    } else {
        append(out, prefix, scalar(v));
    }
}

}  // namespace

RawTable read_json_table(const std::string& path, const std::string& records_path, const std::vector<std::string>& columns) {
    RawTable t;
    t.path = path;
    t.name = std::filesystem::path(path).filename().string();
    t.text = std::make_unique<std::string>();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
    json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded()) throw std::runtime_error(fmt::format("{} is not JSON", path));
    const json* records = &doc;
    std::size_t start = 0;
    while (start < records_path.size()) {
        auto dot = records_path.find('.', start);
        std::string key = records_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!records->is_object() || !records->contains(key))
            throw std::runtime_error(fmt::format("{} has no \"{}\" (the mapping's path to the records)", path, records_path));
        records = &(*records)[key];
        start = dot == std::string::npos ? records_path.size() : dot + 1;
    }
    if (!records->is_array())
        throw std::runtime_error(fmt::format("{}: \"{}\" is not an array of records", path, records_path.empty() ? "the document" : records_path));

    std::vector<Flat> rows;
    std::map<std::string, std::size_t> column_of;
    for (const auto& c : columns)
        if (column_of.try_emplace(c, t.header.size()).second) t.header.push_back(c);
    for (const auto& r : *records) {
        Flat flat;
        if (r.is_object()) flatten(r, "", flat);
        else {
            t.rejected.push_back({static_cast<std::uint32_t>(rows.size() + t.rejected.size() + 1), "not a JSON object"});
            continue;
        }
        for (const auto& [k, v] : flat)
            if (column_of.try_emplace(k, t.header.size()).second) t.header.push_back(k);
        t.lines.push_back(static_cast<std::uint32_t>(rows.size() + t.rejected.size() + 1));
        rows.push_back(std::move(flat));
    }
    for (const auto& flat : rows) {
        std::vector<std::string_view> cells(t.header.size());
        for (const auto& [k, v] : flat) cells[column_of[k]] = t.unescaped.emplace_back(v);
        t.cells.insert(t.cells.end(), cells.begin(), cells.end());
    }
    return t;
}

}  // namespace shall::importer
