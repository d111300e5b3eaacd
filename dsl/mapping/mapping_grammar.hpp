#pragma once
// The grammar of mapping files (a declarative section of Shall), reusing the lexical rules
// of the rule language: comments, white space, names, quoted strings.
#include "../syntax/grammar.hpp"

namespace shall::mapping::grammar {

namespace p = tao::pegtl;
namespace g = shall::grammar;
using g::_;

#define SHALL_MAP_KW(name, text) struct kw_##name : g::kw<TAO_PEGTL_STRING(text)> {}
SHALL_MAP_KW(mapping, "mapping");
SHALL_MAP_KW(source, "source");
SHALL_MAP_KW(missing, "missing");
SHALL_MAP_KW(timezone, "timezone");
SHALL_MAP_KW(record, "record");
SHALL_MAP_KW(from, "from");
SHALL_MAP_KW(key, "key");
SHALL_MAP_KW(events, "events");
SHALL_MAP_KW(order, "order");
SHALL_MAP_KW(history, "history");
SHALL_MAP_KW(at, "at");
SHALL_MAP_KW(by, "by");
SHALL_MAP_KW(as, "as");
SHALL_MAP_KW(where, "where");
SHALL_MAP_KW(in, "in");
SHALL_MAP_KW(split, "split");
SHALL_MAP_KW(map, "map");
SHALL_MAP_KW(otherwise, "otherwise");
#undef SHALL_MAP_KW

struct str : g::string_lit {};
struct word : g::raw_ident {};
struct number : p::seq<p::opt<p::one<'-'>>, p::plus<p::digit>, p::opt<p::one<'.'>, p::plus<p::digit>>> {};
struct literal : p::sor<str, number, word> {};

struct mapping_name : p::seq<g::ident_first, p::star<p::sor<g::ident_other, p::one<'-'>>>> {};
struct mapping_title : str {};
struct source_format : word {};
struct records_path : str {};
struct source_item : p::seq<kw_source, _, p::must<source_format>, p::opt<_, records_path>> {};
struct missing_item : p::seq<kw_missing, _, p::must<str>, p::star<_, p::one<','>, _, p::must<str>>> {};
struct timezone_item : p::seq<kw_timezone, _, p::must<str>> {};

// ---- field assignments ----------------------------------------------------------------
struct conv_kind : word {};
struct conv_format : str {};
struct as_clause : p::seq<kw_as, _, p::must<conv_kind>, p::opt<_, conv_format>> {};
struct filter_column : str {};
struct filter_values : p::seq<p::one<'('>, _, p::must<str>, p::star<_, p::one<','>, _, p::must<str>>, _, p::must<p::one<')'>>> {};
struct filter_op : p::sor<p::one<'='>, kw_in> {};
struct where_clause : p::seq<kw_where, _, p::must<filter_column>, _, p::must<filter_op>, _, p::must<p::sor<str, filter_values>>> {};
struct changes_from : p::seq<kw_from, _, p::must<str>> {};
struct split_clause : p::seq<kw_split, _, p::must<str>> {};
struct map_entry : p::seq<literal, _, p::must<TAO_PEGTL_STRING("->")>, _, p::must<literal>> {};
struct map_body : p::seq<p::one<'{'>, _, p::opt<map_entry, p::star<_, p::opt<p::one<','>>, _, map_entry>>, _, p::opt<p::one<','>>, _, p::must<p::one<'}'>>> {};
struct map_clause : p::seq<kw_map, _, p::must<map_body>> {};
struct otherwise_clause : p::seq<kw_otherwise, _, p::must<literal>> {};
struct aggregate : p::seq<p::sor<TAO_PEGTL_STRING("last"), TAO_PEGTL_STRING("first"), TAO_PEGTL_STRING("min"), TAO_PEGTL_STRING("max"),
                                 TAO_PEGTL_STRING("count"), TAO_PEGTL_STRING("changes")>,
                          p::not_at<g::ident_other>> {};
struct column : str {};
struct assign_field : g::raw_ident {};
struct clause_seq : p::star<_, p::sor<changes_from, where_clause, as_clause, split_clause, map_clause, otherwise_clause>> {};
struct column_assign : p::seq<TAO_PEGTL_STRING("<-"), _, p::opt<aggregate, _>, p::must<column>, clause_seq> {};
struct constant_assign : p::seq<p::one<'='>, _, p::must<literal>> {};
struct field_assign : p::seq<assign_field, _, p::must<p::sor<column_assign, constant_assign>>> {};

// ---- records ------------------------------------------------------------------------
struct type_name : g::raw_ident {};
struct from_glob : str {};
struct key_item : p::seq<kw_key, _, p::must<str>> {};
struct order_column : str {};
struct events_item : p::seq<kw_events, p::opt<_, kw_order, _, p::must<order_column>, p::opt<_, as_clause>>> {};
struct at_column : str {};
struct by_column : str {};
struct history_body : p::seq<p::one<'{'>, p::star<_, field_assign>, _, p::must<p::one<'}'>>> {};
struct history_item : p::seq<kw_history, _, p::must<kw_at>, _, p::must<at_column>, p::opt<_, as_clause>,
                             p::opt<_, kw_by, _, p::must<by_column>>, _, p::must<history_body>> {};
struct record_item : p::sor<key_item, events_item, history_item, field_assign> {};
struct record_body : p::seq<p::one<'{'>, p::star<_, record_item>, _, p::must<p::one<'}'>>> {};
struct record_decl : p::seq<kw_record, _, p::must<type_name>, p::opt<_, kw_from, _, p::must<from_glob>>, p::opt<_, where_clause>,
                           _, p::must<record_body>> {};

struct mapping_item : p::sor<source_item, missing_item, timezone_item, record_decl> {};
struct mapping_body : p::seq<p::one<'{'>, p::star<_, mapping_item>, _, p::must<p::one<'}'>>> {};
struct mapping_decl : p::seq<kw_mapping, _, p::must<mapping_name>, p::opt<_, mapping_title>, _, p::must<mapping_body>> {};
struct file : p::seq<_, p::must<mapping_decl>, _, p::must<p::eof>> {};

template <typename Rule>
using selector = p::parse_tree::selector<
    Rule, p::parse_tree::store_content::on<
              str, word, number, literal, mapping_name, mapping_title, source_item, source_format, records_path, missing_item,
              timezone_item, conv_kind, conv_format, as_clause, filter_column, filter_op, where_clause, changes_from,
              split_clause, map_entry, map_clause, otherwise_clause, aggregate, column, assign_field, column_assign,
              constant_assign, field_assign, type_name, from_glob, key_item, order_column, events_item, at_column,
              by_column, history_item, record_decl, mapping_decl>>;

}  // namespace shall::mapping::grammar
