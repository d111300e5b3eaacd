#include "store.hpp"

#include <algorithm>
#include <string>

#include "loaded_file.hpp"
#include "value_parse.hpp"

namespace shall {

EvidenceStore::EvidenceStore(const Schema& schema) : schema_(&schema) {
    tables.reserve(schema.types.size());
    for (const auto& t : schema.types) tables.push_back(absent_table(*t));
}

void TypeTable::reserve(std::size_t rows) {
    line.reserve(rows);
    for (auto& column : columns) column.reserve(rows);
    for (auto& column : extra_columns) column.reserve(rows);
}

EvidenceStore::RecordRef EvidenceStore::locate(std::uint32_t global) const {
    // the last table whose first row is at or before `global`, skipping empty tables
    auto it = std::upper_bound(tables.begin(), tables.end(), global, [](std::uint32_t g, const TypeTable& t) { return g < t.first; });
    while (it != tables.begin()) {
        --it;
        if (global < it->first + it->rows()) return {static_cast<std::uint32_t>(it - tables.begin()), global - it->first};
    }
    return {0, global};  // out of range: callers only pass indexes they got from the store
}

std::string EvidenceStore::source_of(std::uint32_t global) const {
    auto r = locate(global);
    const TypeTable& t = tables[r.type];
    return t.file + ":" + std::to_string(t.line[r.row]);
}

std::string_view EvidenceStore::id_of(std::uint32_t global) const {
    const Value v = value(global, 0);
    return v.tag == Tag::text ? strings.view(static_cast<std::uint32_t>(v.i)) : std::string_view();
}

Value EvidenceStore::value(std::uint32_t global, std::size_t field) const {
    auto r = locate(global);
    return tables[r.type].columns[field][r.row];
}

std::string EvidenceStore::canonical(const FieldDecl& field, const Value& v) const {
    switch (v.tag) {
        case Tag::absent: return {};
        case Tag::text:
        case Tag::dangling_ref: return std::string(strings.view(static_cast<std::uint32_t>(v.i)));
        case Tag::int_: return std::to_string(v.i);
        case Tag::decimal: return format_decimal(v.d);
        case Tag::bool_: return v.i ? "true" : "false";
        case Tag::date: return format_date(static_cast<Days>(v.i));
        case Tag::datetime: return format_datetime(v.i);
        case Tag::enum_:
            if (field.enumeration && static_cast<std::size_t>(v.i) < field.enumeration->values.size())
                return field.enumeration->values[static_cast<std::size_t>(v.i)];
            return std::to_string(v.i);
        case Tag::ref: return std::string(id_of(static_cast<std::uint32_t>(v.i)));
        case Tag::list: {
            std::string out;
            for (std::uint32_t k = 0; k < v.count; ++k) {
                if (k) out += ';';
                out += canonical(field, list_items[static_cast<std::size_t>(v.i) + k]);
            }
            return out;
        }
    }
    return {};
}

}  // namespace shall
