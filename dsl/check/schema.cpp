#include "schema.hpp"

#include <algorithm>
#include <cctype>

namespace shall {

static std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<std::size_t> EnumDecl::index_of(std::string_view value) const {
    value = trim(value);
    for (std::size_t i = 0; i < values.size(); ++i)   // exports mostly spell values as declared
        if (values[i] == value) return i;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& v = values[i];
        if (v.size() == value.size() &&
            std::equal(v.begin(), v.end(), value.begin(), [](char a, char b) {
                auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };   // ASCII, as in the C locale
                return lower(a) == lower(b);
            }))
            return i;
    }
    return std::nullopt;
}

const FieldDecl* RecordType::field(std::string_view n) const {
    for (const auto& f : fields)
        if (f.name == n) return &f;
    return nullptr;
}

std::vector<std::string> RecordType::field_names() const {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.name);
    return out;
}

const RecordType* Schema::type(std::string_view n) const {
    for (const auto& t : types)
        if (t->name == n) return t.get();
    return nullptr;
}

std::vector<std::string> Schema::type_names() const {
    std::vector<std::string> out;
    for (const auto& t : types) out.push_back(t->name);
    return out;
}

std::string_view to_string(FieldKind k) {
    switch (k) {
        case FieldKind::text: return "text";
        case FieldKind::int_: return "int";
        case FieldKind::decimal: return "decimal";
        case FieldKind::bool_: return "bool";
        case FieldKind::date: return "date";
        case FieldKind::datetime: return "datetime";
        case FieldKind::enum_: return "enum";
        case FieldKind::list: return "list";
        case FieldKind::ref: return "reference";
    }
    return "text";
}

}  // namespace shall
