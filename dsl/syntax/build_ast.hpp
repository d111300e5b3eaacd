#pragma once
// Parse tree -> AST, one top-level declaration at a time.
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "../diagnostics.hpp"
#include "ast.hpp"

namespace shall {

void add_declaration(const tao::pegtl::parse_tree::node& declaration, ast::File& file, Diagnostics& diagnostics);

}  // namespace shall
