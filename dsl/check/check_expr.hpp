#pragma once
// Name resolution and typing of expressions. Fills Expr::r; reports every problem with
// file:line:col, what was expected and, for unknown names, the closest known one.
#include <set>
#include <string>
#include <vector>

#include "../diagnostics.hpp"
#include "program.hpp"

namespace shall {

enum class Builtin { count, months, days, years, lower, upper, length, days_between, date_of, abs, max2, min2 };

struct Scope {
    struct Var { std::string name; Type type; int slot; };
    std::vector<Var> vars;
    int next_slot = 0;
    int frame_size = 0;
    bool grade_context = false;   // failed / checked / failed_ratio are visible
    int push(std::string name, Type type);
    void pop_to(std::size_t depth) { vars.resize(depth); }
    const Var* find(std::string_view name) const;
};

struct ExprChecker {
    const Program& program;
    Diagnostics& diags;
    // what the expression reads; the rule collects these for not_evaluated
    std::set<const RecordType*> types_read;
    std::set<std::pair<const RecordType*, const FieldDecl*>> fields_read;
    // the deepest chain of definitions the expression calls (a def calling a def calling …)
    std::size_t def_depth = 0;
    // definitions may call each other at most this deep: evaluation recurses through them
    static constexpr std::size_t max_def_depth = 16;

    Type check(ast::Expr& e, Scope& scope, const Type* expected = nullptr);
    Type check_bool(ast::Expr& e, Scope& scope, const char* what);
    // A definition's body, once, in its own scope; a definition reached again while it is being
    // checked is recursive, which the language does not allow (evaluation would not end).
    void check_definition(ast::DefDecl& d, Location used_at);
    Type parameter_type(const std::string& name) const;   // a record type or a scalar type name
    // the parameter value forms: literals and simple constant arithmetic
    static bool is_constant(const ast::Expr& e);
};

}  // namespace shall
