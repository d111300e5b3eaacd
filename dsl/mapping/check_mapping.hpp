#pragma once
// A parsed mapping resolved against the evidence schema: every target type and field found
// (did-you-mean otherwise), every value-map target and constant valid for its field's kind.
#include <vector>

#include "../check/schema.hpp"
#include "../diagnostics.hpp"
#include "mapping_ast.hpp"

namespace shall::mapping {

struct ResolvedField {
    const FieldAssign* assign = nullptr;
    const FieldDecl* field = nullptr;
};

struct ResolvedRecord {
    const RecordMap* map = nullptr;
    const RecordType* type = nullptr;
    std::vector<ResolvedField> fields;          // in the mapping's order
    const RecordType* state_change = nullptr;   // set when the record keeps a history
};

struct CheckedMapping {
    const Mapping* mapping = nullptr;
    std::vector<ResolvedRecord> records;
};

// Errors go to `diagnostics`; the result is usable only when there are none.
CheckedMapping check_mapping(const Mapping& mapping, const Schema& schema, Diagnostics& diagnostics);

// Whether `text` is a valid value for a field of this kind (an enum value, an int …).
bool literal_fits(const FieldDecl& field, const std::string& text);

}  // namespace shall::mapping
