#pragma once
// Mapping file text -> Mapping. Syntax errors become diagnostics (file:line:col, what was
// expected and what was found); the result is then only partly filled.
#include <memory>

#include "../diagnostics.hpp"
#include "mapping_ast.hpp"

namespace shall::mapping {

std::unique_ptr<Mapping> parse_mapping(std::shared_ptr<SourceFile> source, Diagnostics& diagnostics);

}  // namespace shall::mapping
