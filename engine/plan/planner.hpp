#pragma once
// Chooses, for every `for each`, quantifier and aggregate, how to reach its domain: a scan,
// a navigation along a reference, the graph's reverse edges, or a hash index on an
// equality in `where` (Soufflé-style: the indexes are chosen from the rules).
#include <string>
#include <vector>

#include "../../dsl/check/program.hpp"

namespace shall {

struct IndexKey {
    const RecordType* type;
    const FieldDecl* field;
    bool operator<(const IndexKey& o) const {
        return type->index != o.type->index ? type->index < o.type->index : field->index < o.field->index;
    }
    bool operator==(const IndexKey& o) const { return type == o.type && field == o.field; }
};

struct Plan {
    std::vector<IndexKey> equality_indexes;   // hash indexes the engine builds before evaluating
};

Plan plan_program(Program& program);

// One line per domain access of the rule, for `shall check --explain`.
std::vector<std::string> explain_rule(const CheckedRule& rule);

}  // namespace shall
