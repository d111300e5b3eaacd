#pragma once
// Which grammar rules become parse-tree nodes, and the error message each `must<>` point
// raises. Shared by parser.cpp (the parse loop) and build_ast.cpp (tree -> AST).
#include <string>
#include <type_traits>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar.hpp"

namespace shall::grammar {

template <typename Rule>
using selector = p::parse_tree::selector<
    Rule,
    p::parse_tree::store_content::on<
        // literals
        datetime_lit, date_lit, duration_lit, duration_unit, percent_lit, decimal_lit, int_lit, digits, string_lit,
        string_part, true_lit, false_lit, template_lit, tmpl_part, tmpl_text, tmpl_hole,
        // expressions
        expr, implies_expr, implies_op, or_expr, and_expr, not_expr, not_apply, compare_expr, cmp_op, is_test, is_not,
        test_present, test_absent, test_dangling, in_op, not_in_op, contains_op, matches_op, value_expr,
        otherwise_op, add_expr, add_op, mul_expr, mul_op, negation, postfix, member, field_name, closure_plus,
        closure_star, reverse, type_name, reverse_field, quantifier, q_every, q_some, q_no, binder, var_name, domain,
        where_part, satisfies_part, of_part, aggregate, agg_name, periodic_call, call, call_name, call_args,
        set_literal, name_ref,
        // declarations
        ruleset_decl, ruleset_name, base_name, version_text, import_decl, module_name, param_decl, param_body,
        param_name, param_type, param_default, param_doc, def_decl, def_name, def_param, enum_decl, enum_name,
        enum_values, enum_value, type_decl, mandatory_mark, type_doc, field_block, field_decl, field_kind, ref_kind,
        ref_many, list_kind, list_item_kind, enum_kind, inline_enum, named_enum, scalar_kind, field_doc, extend_decl,
        extend_type, extend_enum, enum_ref, rule_decl, rule_id, rule_body, clause_item, clause_number, title_item,
        requirement_item, severity_item, grade_word, process_item, tags_item, tag, ref_item, prompt_item,
        mandatory_item, grade_item, focus_item, let_item, require_item, message_item, override_decl, override_rule,
        override_body, override_param, disable_decl, disable_reason, clauses_decl, clause_entry, clause_title,
        standard_name>>;

// What the parser expected where a `must<Rule>` failed: "expected <this>".
std::string expected_text(std::string_view demangled_rule_name);

// Expression nesting (parentheses, `not`, `-`, quantifiers, aggregates, calls, sets: every
// `postfix` — the only way to a `primary` —, `negation` and `not_apply` open at once) is limited
// (they are selected nodes: the parse tree's control calls start/success/failure only for those), so that a hostile rule file
// fails with a diagnostic and never by overflowing the stack of the recursive-descent parser,
// the AST builder, the checker or the evaluator. The parse loop resets the count per declaration.
inline constexpr std::size_t max_nesting = 64;
inline thread_local std::size_t nesting = 0;

struct nesting_error : p::parse_error {
    using p::parse_error::parse_error;
};

template <typename Rule>
inline constexpr bool nests = std::is_same_v<Rule, postfix> || std::is_same_v<Rule, negation> ||
                              std::is_same_v<Rule, not_apply>;

template <typename Rule>
struct control : p::normal<Rule> {
    template <typename Input, typename... States>
    [[noreturn]] static void raise(const Input& in, States&&...) {
        throw p::parse_error("expected " + expected_text(p::demangle<Rule>()), in);
    }
    template <typename Input, typename... States>
    static void start(const Input& in, States&&...) {
        if constexpr (nests<Rule>)
            if (++nesting > max_nesting)
                throw nesting_error("expression nested more than " + std::to_string(max_nesting) +
                                        " levels deep; split it with let or def",
                                    in);
    }
    template <typename Input, typename... States>
    static void success(const Input&, States&&...) {
        if constexpr (nests<Rule>) --nesting;
    }
    template <typename Input, typename... States>
    static void failure(const Input&, States&&...) {
        if constexpr (nests<Rule>) --nesting;
    }
};

}  // namespace shall::grammar
