#pragma once
// The static types of Shall expressions.
#include <string>

#include "schema.hpp"

namespace shall {

struct Type {
    enum Base { error, boolean, int_, decimal, text, date, datetime, duration, enumeration, record, any };
    Base base = error;
    bool set = false;                  // a collection (list field, references, reverse navigation, set literal)
    const EnumDecl* enumeration_decl = nullptr;
    const RecordType* record_type = nullptr;

    static Type of(Base b) { Type t; t.base = b; return t; }
    static Type of_record(const RecordType* r, bool set = false) { Type t; t.base = Base::record; t.record_type = r; t.set = set; return t; }
    static Type of_enum(const EnumDecl* e, bool set = false) { Type t; t.base = enumeration; t.enumeration_decl = e; t.set = set; return t; }
    Type element() const { Type t = *this; t.set = false; return t; }
    Type as_set() const { Type t = *this; t.set = true; return t; }
    bool is_numeric() const { return !set && (base == int_ || base == decimal); }
    bool is_temporal() const { return !set && (base == date || base == datetime); }
    bool ok() const { return base != error; }
};

bool same_type(const Type& a, const Type& b);
std::string describe(const Type& t);   // "date", "set of Person", "enum Change.kind"
Type type_of_field(const FieldDecl& f);

}  // namespace shall
