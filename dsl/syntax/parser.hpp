#pragma once
// Source text -> AST. Syntax errors become diagnostics; after an error the parser
// resynchronises at the next top-level declaration, so every broken declaration is
// reported once and the rest of the file is still read.
#include <memory>

#include "../diagnostics.hpp"
#include "ast.hpp"

namespace shall {

std::unique_ptr<ast::File> parse_file(std::shared_ptr<SourceFile> source, Diagnostics& diagnostics);

}  // namespace shall
