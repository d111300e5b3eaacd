#pragma once
// The evidence schema: record types and their typed fields, as declared in Shall
// (`type`, `enum`, `extend` declarations). Built by the checker; read by the evidence
// loader and the engine. Nothing here knows about files or rules.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../source.hpp"

namespace shall {

enum class FieldKind { text, int_, decimal, bool_, date, datetime, enum_, list, ref };

struct EnumDecl {
    std::string name;  // declared name, or "<Type>.<field>" for an inline enum
    std::vector<std::string> values;  // lowercase, in declaration order
    Location where;
    std::optional<std::size_t> index_of(std::string_view value) const;  // case-insensitive, trimmed
};

struct RecordType;

struct FieldDecl {
    std::string name;
    FieldKind kind = FieldKind::text;
    FieldKind item = FieldKind::text;        // element kind of a list (text, int, decimal, date, enum)
    const EnumDecl* enumeration = nullptr;   // kind == enum_, or a list of enum
    std::string target_name;                 // kind == ref
    const RecordType* target = nullptr;      // resolved by the checker
    bool many = false;                       // `-> T*`: a list of references
    std::size_t index = 0;                   // position within RecordType::fields
    std::string doc;
    Location where;
};

struct RecordType {
    std::string name;
    std::string doc;
    std::vector<FieldDecl> fields;           // fields[0] is always `id: text`
    std::size_t index = 0;                   // position within Schema::types
    bool mandatory = false;                  // a record the standard requires: absent counts as none
    Location where;
    const FieldDecl* field(std::string_view name) const;
    std::vector<std::string> field_names() const;
};

struct Schema {
    std::vector<std::unique_ptr<RecordType>> types;   // in declaration order
    std::vector<std::unique_ptr<EnumDecl>> enums;
    const RecordType* type(std::string_view name) const;
    std::vector<std::string> type_names() const;
};

std::string_view to_string(FieldKind k);

}  // namespace shall
