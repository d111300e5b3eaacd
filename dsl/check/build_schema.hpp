#pragma once
// Type, enum and extend declarations -> the evidence Schema.
#include <vector>

#include "../diagnostics.hpp"
#include "../syntax/ast.hpp"
#include "schema.hpp"

namespace shall {

void build_schema(const std::vector<const ast::File*>& files, Schema& schema, Diagnostics& diagnostics);

}  // namespace shall
