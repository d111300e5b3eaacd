#pragma once
// Which conjuncts of a scan's `where` the engine can test on the table's columns, row by row,
// without evaluating an expression: comparisons of one of the row's scalar fields with a value
// that is the same for every row, with another of its fields or with the least / greatest of
// two of them, membership of an enum field in a set of enum values, a text field that
// `matches` a pattern, a bool field, `is present` / `is absent`, and `not`, `and`, `or`,
// `implies` of these. A call of a one-parameter definition on the row qualifies when its body
// does.
#include <string>
#include <vector>

#include "../../dsl/syntax/ast.hpp"

namespace shall {

// `var.field` on the variable in `slot` itself (not mapped over a set); nullptr otherwise.
const FieldDecl* binder_field(const ast::Expr& e, int slot);

// The operands of a chain of `and`, left to right.
void conjuncts(const ast::Expr* e, std::vector<const ast::Expr*>& out);

// The record type whose table holds every element of `domain` when its elements are always
// records of one table (a type name, `x <- T.f`), so that conditions on them can be tested on
// the table's columns; nullptr otherwise.
const RecordType* table_domain(const ast::Expr& domain);

// Cuts a condition on the record in `slot` (a `where` or a `require`) into the conjuncts
// tested on the columns and the others (both empty when no conjunct qualifies). With
// `frame_constants` (a quantifier's or aggregate's `where`, evaluated afresh each time it is
// reached), a comparison may also be with a value of variables bound outside the condition,
// such as an enclosing quantifier's element (`j.opened_at >= i.opened_at`).
ast::ColumnSplit split_column_tests(const ast::Expr* condition, int slot, bool frame_constants = false);

// True when `e` has the same value for every row and element of a run: literals, enum values,
// parameters, as_of / period_start / period_end, and arithmetic and builtin calls of these.
bool is_run_constant(const ast::Expr& e);
// True when `e` has the same value for every element of one use of a condition on the record
// in `row`: a run constant, or made of variables other than `row`, their single-valued fields,
// and arithmetic and builtin calls of these.
bool is_frame_constant(const ast::Expr& e, int row);

}  // namespace shall
