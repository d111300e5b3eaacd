#pragma once
// The grammar of Shall as small named PEGTL rules. No actions here: the parse tree
// selector (parse_tree.cpp) chooses which rules become nodes, and build_ast.cpp turns
// the tree into the AST.
#include <tao/pegtl.hpp>

namespace shall::grammar {

namespace p = tao::pegtl;

// ---- lexical ------------------------------------------------------------------------
struct comment : p::seq<p::one<'#'>, p::until<p::eolf>> {};
struct sp : p::sor<p::space, comment> {};
struct _ : p::star<sp> {};  // optional white space and comments

struct ident_first : p::ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : p::ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};

template <typename Key>
struct kw : p::seq<Key, p::not_at<ident_other>> {};

#define SHALL_KW(name, text) struct kw_##name : kw<TAO_PEGTL_STRING(text)> {}
SHALL_KW(and, "and");
SHALL_KW(or, "or");
SHALL_KW(not, "not");
SHALL_KW(implies, "implies");
SHALL_KW(in, "in");
SHALL_KW(is, "is");
SHALL_KW(present, "present");
SHALL_KW(absent, "absent");
SHALL_KW(dangling, "dangling");
SHALL_KW(contains, "contains");
SHALL_KW(matches, "matches");
SHALL_KW(otherwise, "otherwise");
SHALL_KW(every, "every");
SHALL_KW(some, "some");
SHALL_KW(no, "no");
SHALL_KW(where, "where");
SHALL_KW(satisfies, "satisfies");
SHALL_KW(of, "of");
SHALL_KW(for, "for");
SHALL_KW(each, "each");
SHALL_KW(let, "let");
SHALL_KW(require, "require");
SHALL_KW(message, "message");
SHALL_KW(true, "true");
SHALL_KW(false, "false");
SHALL_KW(ruleset, "ruleset");
SHALL_KW(extends, "extends");
SHALL_KW(version, "version");
SHALL_KW(import, "import");
SHALL_KW(param, "param");
SHALL_KW(def, "def");
SHALL_KW(enum, "enum");
SHALL_KW(type, "type");
SHALL_KW(mandatory, "mandatory");
SHALL_KW(extend, "extend");
SHALL_KW(list, "list");
SHALL_KW(rule, "rule");
SHALL_KW(override, "override");
SHALL_KW(disable, "disable");
SHALL_KW(clause, "clause");
SHALL_KW(title, "title");
SHALL_KW(requirement, "requirement");
SHALL_KW(severity, "severity");
SHALL_KW(process, "process");
SHALL_KW(tags, "tags");
SHALL_KW(ref, "ref");
SHALL_KW(prompt, "prompt");
SHALL_KW(grade, "grade");
SHALL_KW(when, "when");
SHALL_KW(periodic, "periodic");
SHALL_KW(clauses, "clauses");
#undef SHALL_KW

struct duration_unit
    : p::seq<p::sor<TAO_PEGTL_STRING("minutes"), TAO_PEGTL_STRING("minute"), TAO_PEGTL_STRING("hours"),
                    TAO_PEGTL_STRING("hour"), TAO_PEGTL_STRING("days"), TAO_PEGTL_STRING("day"),
                    TAO_PEGTL_STRING("weeks"), TAO_PEGTL_STRING("week"), TAO_PEGTL_STRING("months"),
                    TAO_PEGTL_STRING("month"), TAO_PEGTL_STRING("years"), TAO_PEGTL_STRING("year")>,
             p::not_at<ident_other>> {};

// Words that cannot name a variable. Field names after '.' may be any identifier; duration
// units stay names (`d.kind = minutes`) because a duration literal always starts with digits.
struct reserved
    : p::sor<kw_and, kw_or, kw_not, kw_implies, kw_in, kw_is, kw_present, kw_absent, kw_dangling, kw_contains,
             kw_matches, kw_otherwise, kw_every, kw_some, kw_no, kw_where, kw_satisfies, kw_of, kw_for, kw_let,
             kw_require, kw_message, kw_true, kw_false, kw_grade, kw_when> {};

struct raw_ident : p::seq<ident_first, p::star<ident_other>> {};
struct ident : p::seq<p::not_at<reserved>, raw_ident> {};
struct field_name : raw_ident {};

// ---- literals -------------------------------------------------------------------------
struct digits : p::plus<p::digit> {};
struct d2 : p::rep<2, p::digit> {};
struct d4 : p::rep<4, p::digit> {};
struct date_text : p::seq<d4, p::one<'-'>, d2, p::one<'-'>, d2> {};
struct time_offset : p::sor<p::one<'Z'>, p::seq<p::one<'+', '-'>, d2, p::opt<p::one<':'>>, d2>> {};
struct time_text
    : p::seq<d2, p::one<':'>, d2, p::opt<p::one<':'>, d2, p::opt<p::one<'.'>, digits>>, p::opt<time_offset>> {};
struct datetime_lit : p::seq<date_text, p::one<'T'>, time_text> {};
struct date_lit : p::seq<date_text, p::not_at<ident_other>> {};
struct number_text : p::seq<digits, p::opt<p::one<'.'>, digits>> {};
struct percent_lit : p::seq<number_text, p::one<'%'>> {};
struct duration_lit : p::seq<digits, p::plus<p::blank>, duration_unit> {};
struct decimal_lit : p::seq<digits, p::one<'.'>, digits, p::not_at<ident_other>> {};
struct int_lit : p::seq<digits, p::not_at<ident_other>> {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};

// \" \\ \n \t \{ \} are escapes; any other backslash pair is kept as written, so that
// patterns such as "\s+" read naturally.
struct escape : p::seq<p::one<'\\'>, p::not_one<'\n', '\r'>> {};
struct string_char : p::sor<escape, p::not_one<'"', '\\', '\n', '\r'>> {};
struct string_part : p::seq<p::one<'"'>, p::star<string_char>, p::must<p::one<'"'>>> {};
// Adjacent strings join, so a long text can be written over several lines.
struct string_lit : p::seq<string_part, p::star<_, string_part>> {};

// A message template: text with {expression} holes.
struct expr;
struct tmpl_text : p::plus<p::sor<escape, p::not_one<'"', '\\', '\n', '\r', '{', '}'>>> {};
struct tmpl_hole : p::seq<p::one<'{'>, _, p::must<expr>, _, p::must<p::one<'}'>>> {};
struct tmpl_part : p::seq<p::one<'"'>, p::star<p::sor<tmpl_text, tmpl_hole>>, p::must<p::one<'"'>>> {};
struct template_lit : p::seq<tmpl_part, p::star<_, tmpl_part>> {};

struct literal : p::sor<datetime_lit, date_lit, duration_lit, percent_lit, decimal_lit, int_lit, string_lit,
                        true_lit, false_lit> {};

// ---- expressions ------------------------------------------------------------------------
struct type_name : ident {};
struct var_name : ident {};
struct domain;

struct where_part : p::seq<_, kw_where, _, p::must<expr>> {};
struct satisfies_part : p::seq<_, kw_satisfies, _, p::must<expr>> {};
struct of_part : p::seq<_, kw_of, _, p::must<expr>> {};
struct binder : p::seq<var_name, _, kw_in, _, p::must<domain>> {};

struct q_every : kw_every {};
struct q_some : kw_some {};
struct q_no : kw_no {};
struct quantifier
    : p::seq<p::sor<q_every, q_some, q_no>, _, p::must<binder>, p::opt<where_part>, p::opt<satisfies_part>> {};

struct agg_name : p::sor<TAO_PEGTL_KEYWORD("count"), TAO_PEGTL_KEYWORD("sum"), TAO_PEGTL_KEYWORD("min"),
                         TAO_PEGTL_KEYWORD("max"), TAO_PEGTL_KEYWORD("avg"), TAO_PEGTL_KEYWORD("ratio")> {};
struct aggregate
    : p::seq<agg_name, _, p::one<'('>, _, binder, p::opt<where_part>, p::opt<of_part>, _, p::must<p::one<')'>>> {};
struct periodic_call : p::seq<kw_periodic, _, p::must<p::one<'('>>, _, p::must<binder>, p::opt<where_part>,
                              p::must<of_part>, _, p::must<p::one<','>>, _, p::must<expr>, _,
                              p::must<p::one<')'>>> {};

struct call_name : p::sor<ident, duration_unit> {};  // months(n), days(n), years(n) too
struct call_args : p::opt<expr, p::star<_, p::one<','>, _, p::must<expr>>> {};
struct call : p::seq<call_name, _, p::one<'('>, _, call_args, _, p::must<p::one<')'>>> {};

struct set_literal : p::seq<p::one<'{'>, _, p::opt<expr, p::star<_, p::one<','>, _, p::must<expr>>>, _,
                            p::must<p::one<'}'>>> {};
struct paren : p::seq<p::one<'('>, _, p::must<expr>, _, p::must<p::one<')'>>> {};
struct name_ref : ident {};

struct primary : p::sor<quantifier, periodic_call, aggregate, call, literal, set_literal, paren, name_ref> {};

// `ci.depends_on+` (one or more steps) / `ci.depends_on*` (zero or more): the mark follows the
// field name directly and is not followed by an operand, so `a.x + 1` stays arithmetic.
struct no_operand_after : p::not_at<_, p::sor<p::digit, p::one<'(', '"'>, ident>> {};
struct closure_plus : p::seq<p::one<'+'>, no_operand_after> {};
struct closure_star : p::seq<p::one<'*'>, no_operand_after> {};
struct member : p::seq<_, p::one<'.'>, _, p::must<field_name>, p::opt<p::sor<closure_plus, closure_star>>> {};
struct reverse_field : field_name {};
struct reverse : p::seq<_, TAO_PEGTL_STRING("<-"), _, p::must<type_name>, _, p::must<p::one<'.'>>, _,
                        p::must<reverse_field>> {};
struct postfix : p::seq<primary, p::star<p::sor<member, reverse>>> {};

struct neg_op : p::one<'-'> {};
struct unary;
struct negation : p::seq<neg_op, _, p::must<unary>> {};
struct unary : p::sor<negation, postfix> {};

struct mul_op : p::one<'*', '/'> {};
struct mul_expr : p::seq<unary, p::star<_, mul_op, _, p::must<unary>>> {};
struct add_op : p::sor<p::seq<p::one<'+'>, p::not_at<p::one<'+'>>>, p::seq<p::one<'-'>, p::not_at<p::one<'>'>>>> {};
struct add_expr : p::seq<mul_expr, p::star<_, add_op, _, p::must<mul_expr>>> {};
struct otherwise_op : kw_otherwise {};
struct value_expr : p::seq<add_expr, p::star<_, otherwise_op, _, p::must<add_expr>>> {};

struct domain : value_expr {};

struct cmp_op : p::sor<TAO_PEGTL_STRING("<="), TAO_PEGTL_STRING(">="), TAO_PEGTL_STRING("!="),
                       TAO_PEGTL_STRING("="), p::seq<p::one<'<'>, p::not_at<p::one<'-'>>>, p::one<'>'>> {};
struct test_present : kw_present {};
struct test_absent : kw_absent {};
struct test_dangling : kw_dangling {};
struct is_not : kw_not {};
struct is_test : p::seq<kw_is, _, p::opt<is_not, _>, p::must<p::sor<test_present, test_absent, test_dangling>>> {};
struct in_op : kw_in {};
struct not_in_op : p::seq<kw_not, _, kw_in> {};
struct contains_op : kw_contains {};
struct matches_op : kw_matches {};
struct compare_tail
    : p::sor<is_test, p::seq<cmp_op, _, p::must<value_expr>>, p::seq<p::sor<not_in_op, in_op>, _, p::must<value_expr>>,
             p::seq<contains_op, _, p::must<value_expr>>, p::seq<matches_op, _, p::must<string_lit>>> {};
struct compare_expr : p::seq<value_expr, p::opt<_, compare_tail>> {};

struct not_op : kw_not {};
struct not_expr;
struct not_apply : p::seq<not_op, _, p::must<not_expr>> {};
struct not_expr : p::sor<not_apply, compare_expr> {};
struct and_op : kw_and {};
struct and_expr : p::seq<not_expr, p::star<_, and_op, _, p::must<not_expr>>> {};
struct or_op : kw_or {};
struct or_expr : p::seq<and_expr, p::star<_, or_op, _, p::must<and_expr>>> {};
struct implies_op : kw_implies {};
struct implies_expr : p::seq<or_expr, p::opt<_, implies_op, _, p::must<or_expr>>> {};
struct expr : implies_expr {};

// ---- declarations -----------------------------------------------------------------------
struct dotted_name : p::seq<ident_first, p::star<p::sor<ident_other, p::one<'-', '.'>>>> {};
struct ruleset_name : dotted_name {};
struct base_name : dotted_name {};
struct version_text : string_lit {};
struct ruleset_decl : p::seq<kw_ruleset, _, p::must<ruleset_name>, p::opt<_, kw_extends, _, p::must<base_name>>,
                             p::opt<_, kw_version, _, p::must<version_text>>> {};

struct module_name : p::seq<ident_first, p::star<p::sor<ident_other, p::one<'-'>>>> {};
struct import_decl : p::seq<kw_import, _, p::must<module_name>> {};

struct param_name : ident {};
struct param_type : ident {};
struct param_default : expr {};
struct param_doc : string_lit {};
struct param_body : p::seq<param_name, _, p::opt<p::one<':'>, _, p::must<param_type>, _>, p::must<p::one<'='>>, _,
                           p::must<param_default>, p::opt<_, param_doc>> {};
struct param_decl : p::seq<kw_param, _, p::must<param_body>> {};

struct def_param : p::seq<var_name, _, p::must<p::one<':'>>, _, p::must<type_name>> {};
struct def_params : p::opt<def_param, p::star<_, p::one<','>, _, p::must<def_param>>> {};
struct def_name : ident {};
struct def_decl : p::seq<kw_def, _, p::must<def_name>, _, p::must<p::one<'('>>, _, def_params, _,
                         p::must<p::one<')'>>, _, p::must<p::one<'='>>, _, p::must<expr>> {};

struct enum_value : raw_ident {};
struct enum_values : p::seq<p::one<'{'>, _, p::must<enum_value>, p::star<_, p::one<','>, _, p::opt<enum_value>>, _,
                            p::must<p::one<'}'>>> {};
struct enum_name : raw_ident {};
struct enum_decl : p::seq<kw_enum, _, p::must<enum_name>, _, p::must<enum_values>> {};

struct inline_enum : p::seq<p::one<'('>, _, p::must<enum_value>, p::star<_, p::one<','>, _, p::must<enum_value>>, _,
                            p::must<p::one<')'>>> {};
struct named_enum : raw_ident {};
struct enum_kind : p::seq<kw_enum, _, p::must<p::sor<inline_enum, named_enum>>> {};
struct scalar_kind : raw_ident {};
struct list_item_kind : p::sor<enum_kind, scalar_kind> {};
struct list_kind : p::seq<kw_list, p::opt<_, kw_of, _, p::must<list_item_kind>>> {};
struct ref_many : p::one<'*'> {};
struct ref_kind : p::seq<TAO_PEGTL_STRING("->"), _, p::must<type_name>, p::opt<ref_many>> {};
struct field_kind : p::sor<ref_kind, list_kind, enum_kind, scalar_kind> {};
struct field_doc : string_lit {};
struct field_decl : p::seq<field_name, _, p::must<p::one<':'>>, _, p::must<field_kind>, p::opt<_, field_doc>> {};
struct field_block : p::seq<p::one<'{'>, _, p::star<field_decl, _>, p::must<p::one<'}'>>> {};
struct type_doc : string_lit {};
struct mandatory_mark : kw_mandatory {};
struct type_decl : p::seq<p::opt<mandatory_mark, _>, kw_type, _, p::must<type_name>, _, p::opt<type_doc, _>,
                          p::must<field_block>> {};

struct enum_ref : p::seq<raw_ident, p::opt<p::one<'.'>, raw_ident>> {};
struct extend_type : p::seq<kw_type, _, p::must<type_name>, _, p::must<field_block>> {};
struct extend_enum : p::seq<kw_enum, _, p::must<enum_ref>, _, p::must<enum_values>> {};
struct extend_decl : p::seq<kw_extend, _, p::must<p::sor<extend_type, extend_enum>>> {};

// ---- rules ------------------------------------------------------------------------------
struct rule_id : p::seq<ident_first, p::star<p::sor<ident_other, p::one<'-', '.'>>>> {};
// after a '.', more digits must follow: `clause 8.x` is a bad clause number, not a missing '}'
struct clause_segment : digits {};
struct clause_number : p::seq<digits, p::star<p::one<'.'>, p::must<clause_segment>>> {};
struct grade_word : p::sor<TAO_PEGTL_KEYWORD("major"), TAO_PEGTL_KEYWORD("minor"), TAO_PEGTL_KEYWORD("observation"),
                           TAO_PEGTL_KEYWORD("ofi")> {};
struct tag : p::seq<ident_first, p::star<p::sor<ident_other, p::one<'-'>>>> {};

struct clause_item : p::seq<kw_clause, _, p::must<clause_number>, p::star<_, p::one<','>, _, p::must<clause_number>>> {};
struct title_item : p::seq<kw_title, _, p::must<string_lit>> {};
struct requirement_item : p::seq<kw_requirement, _, p::must<string_lit>> {};
struct severity_item : p::seq<kw_severity, _, p::must<grade_word>> {};
struct process_item : p::seq<kw_process, _, p::must<raw_ident>> {};
struct tags_item : p::seq<kw_tags, _, p::must<tag>, p::star<_, p::one<','>, _, p::must<tag>>> {};
struct ref_item : p::seq<kw_ref, _, p::must<string_lit>, _, p::must<clause_number>> {};
struct prompt_item : p::seq<kw_prompt, _, p::must<string_lit>> {};
struct mandatory_item : kw_mandatory {};
struct grade_item : p::seq<kw_grade, _, p::must<grade_word>, _, p::must<kw_when>, _, p::must<expr>> {};
struct focus_item : p::seq<kw_for, _, p::must<kw_each>, _, p::must<binder>, p::opt<where_part>> {};
struct let_item : p::seq<kw_let, _, p::must<var_name>, _, p::must<p::one<'='>>, _, p::must<expr>> {};
struct require_item : p::seq<kw_require, _, p::must<expr>> {};
struct message_item : p::seq<kw_message, _, p::must<template_lit>> {};
struct rule_item : p::sor<clause_item, title_item, requirement_item, severity_item, process_item, tags_item, ref_item,
                          prompt_item, mandatory_item, grade_item, focus_item, let_item, require_item, message_item> {};
struct rule_body : p::seq<p::one<'{'>, _, p::star<rule_item, _>, p::must<p::one<'}'>>> {};
struct rule_decl : p::seq<kw_rule, _, p::must<rule_id>, _, p::must<rule_body>> {};

struct override_item : p::sor<severity_item, grade_item, title_item, prompt_item> {};
struct override_body : p::seq<p::one<'{'>, _, p::star<override_item, _>, p::must<p::one<'}'>>> {};
struct override_rule : p::seq<kw_rule, _, p::must<rule_id>, _, p::must<override_body>> {};
struct override_param : p::seq<kw_param, _, p::must<param_body>> {};
struct override_decl : p::seq<kw_override, _, p::must<p::sor<override_rule, override_param>>> {};
struct disable_reason : string_lit {};
struct disable_decl : p::seq<kw_disable, _, p::must<kw_rule>, _, p::must<rule_id>, _, p::must<disable_reason>> {};

// The clause catalogue a ruleset covers: `clauses "ISO/IEC 20000-1:2018" { 4.1 "Title" … }`.
struct clause_title : string_lit {};
struct clause_entry : p::seq<clause_number, _, p::must<clause_title>> {};
struct standard_name : string_lit {};
struct clauses_decl : p::seq<kw_clauses, _, p::must<standard_name>, _, p::must<p::one<'{'>>, _, p::star<clause_entry, _>,
                             p::must<p::one<'}'>>> {};

struct declaration : p::sor<ruleset_decl, clauses_decl, import_decl, param_decl, def_decl, enum_decl, type_decl, extend_decl,
                            rule_decl, override_decl, disable_decl> {};

}  // namespace shall::grammar
