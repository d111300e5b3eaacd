#include "types.hpp"

namespace shall {

bool same_type(const Type& a, const Type& b) {
    if (a.base != b.base || a.set != b.set) return false;
    if (a.base == Type::record) return a.record_type == b.record_type;
    if (a.base == Type::enumeration) return a.enumeration_decl == b.enumeration_decl;
    return true;
}

std::string describe(const Type& t) {
    std::string s;
    switch (t.base) {
        case Type::error: s = "<error>"; break;
        case Type::boolean: s = "bool"; break;
        case Type::int_: s = "int"; break;
        case Type::decimal: s = "decimal"; break;
        case Type::text: s = "text"; break;
        case Type::date: s = "date"; break;
        case Type::datetime: s = "datetime"; break;
        case Type::duration: s = "duration"; break;
        case Type::enumeration: s = "enum " + (t.enumeration_decl ? t.enumeration_decl->name : std::string("?")); break;
        case Type::record: s = t.record_type ? t.record_type->name : std::string("record"); break;
        case Type::any: s = "value"; break;
    }
    return t.set ? "set of " + s : s;
}

Type type_of_field(const FieldDecl& f) {
    auto scalar = [&](FieldKind k) {
        switch (k) {
            case FieldKind::text: return Type::of(Type::text);
            case FieldKind::int_: return Type::of(Type::int_);
            case FieldKind::decimal: return Type::of(Type::decimal);
            case FieldKind::bool_: return Type::of(Type::boolean);
            case FieldKind::date: return Type::of(Type::date);
            case FieldKind::datetime: return Type::of(Type::datetime);
            case FieldKind::enum_: return Type::of_enum(f.enumeration);
            default: return Type::of(Type::text);
        }
    };
    if (f.kind == FieldKind::ref) return Type::of_record(f.target, f.many);
    if (f.kind == FieldKind::list) return scalar(f.item).as_set();
    return scalar(f.kind);
}

}  // namespace shall
