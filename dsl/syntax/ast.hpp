#pragma once
// The abstract syntax of Shall. Every node carries its file:line:column.
// The checker fills the `Resolved` part of expressions (names and types); the planner
// fills `Access` (how a quantifier reaches its domain). The parser leaves both empty.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../check/types.hpp"
#include "../source.hpp"

namespace shall::ast {

enum class LitKind { int_, decimal, percent, string, date, datetime, duration, boolean };
enum class DurationUnit { minutes, hours, days, weeks, months, years };

enum class Op {
    or_, and_, implies, eq, ne, lt, le, gt, ge, add, sub, mul, div, otherwise, in, not_in, contains, matches,
};
enum class Test { present, absent, dangling };
enum class Quant { every, some, no };
enum class Agg { count, sum, min, max, avg, ratio };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// What a name or call turned out to mean.
enum class NameKind { unresolved, variable, parameter, special, record_type, enum_value, definition, builtin };
enum class Special { as_of, period_start, period_end, failed, checked, failed_ratio };

struct Resolved {
    Type type;
    NameKind name = NameKind::unresolved;
    int slot = -1;                       // variable: frame slot; parameter: index; builtin: id
    Special special = Special::as_of;
    const FieldDecl* field = nullptr;    // member, closure, reverse
    const RecordType* record = nullptr;  // record_type domain, reverse source type
    const EnumDecl* enumeration = nullptr;
    std::size_t enum_index = 0;
    const struct DefDecl* definition = nullptr;
    bool over_set = false;               // member applied to a set: maps over every element
};

// How a quantifier or aggregate reaches its domain (chosen by the planner).
enum class AccessKind { scan, navigate, reverse_index, equality_index, list };
// A conjunct of a scan's `where` that the engine tests straight on the table's columns, row by
// row, instead of evaluating it (engine/eval/column_filter.hpp). `row_slot` is the variable
// that stands for the row in `test`: the binder's slot, or a definition's parameter when the
// conjunct was a call of that definition on the binder.
struct ColumnTest {
    const Expr* test = nullptr;
    int row_slot = -1;
};

// A condition on one record cut in two by the planner: the conjuncts tested on the columns,
// and the others, evaluated on the records that pass those. Empty: evaluate it whole.
struct ColumnSplit {
    std::vector<ColumnTest> column_tests;
    std::vector<const Expr*> row_tests;
    // Some column test compares with a value read from the frame (an outer variable's field):
    // the engine reads those values again each time the condition is used.
    bool frame_constants = false;
    bool empty() const { return column_tests.empty(); }
};

struct Access {
    AccessKind kind = AccessKind::scan;
    const FieldDecl* key_field = nullptr;   // reverse_index / equality_index: the field of the domain type
    const Expr* key = nullptr;              // equality_index / reverse_index: the outer expression it must equal
    const Expr* residual = nullptr;         // the part of `where` still to test (nullptr: nothing left)
    ColumnSplit where_split;                // a rule's `for each` over a type name: its `where`, cut
    std::string describe;                   // one line for `shall check --explain`
};

struct Expr {
    enum class Kind {
        literal, name, member, closure, reverse, negate, not_, binary, is_test, quantifier, aggregate, periodic,
        call, set_literal, template_text,
    };
    Kind kind = Kind::literal;
    Location where;

    // syntax
    std::string text;            // name, field, call name, binder variable, literal text
    std::string text2;           // reverse: the field name (`s <- Incident.service`)
    LitKind lit = LitKind::int_;
    std::int64_t int_value = 0;  // int, duration amount, date days, datetime millis
    double decimal_value = 0;    // decimal, percent (as a fraction)
    DurationUnit unit = DurationUnit::days;
    Op op = Op::eq;
    Test test = Test::present;
    Quant quant = Quant::every;
    Agg agg = Agg::count;
    bool negated = false;        // `is not present`
    bool reflexive = false;      // closure `*` (zero or more steps) vs `+`
    // operands. quantifier/aggregate/periodic: [0] domain, [1] where (may be null), [2] body / of (may be
    // null), [3] interval (periodic). member/closure/reverse/negate/not_/is_test: [0]. binary: [0], [1].
    std::vector<ExprPtr> kids;

    Resolved r;
    Access access;

    const Expr* kid(std::size_t i) const { return i < kids.size() ? kids[i].get() : nullptr; }
};

// A message: text pieces and {expression} holes, in order.
struct Template {
    struct Piece { std::string text; ExprPtr hole; };
    std::vector<Piece> pieces;
    Location where;
};

struct FieldSpec {
    std::string name;
    std::string kind;                    // text int decimal bool date datetime enum list ref
    std::string item_kind;               // list item kind (text by default, or "enum")
    std::vector<std::string> inline_enum;
    std::string enum_name;               // a named enum
    std::string target;                  // ref target type
    bool many = false;
    std::string doc;
    Location where;
};

struct TypeDecl {
    std::string name, doc;
    bool mandatory = false;
    bool extend = false;
    std::vector<FieldSpec> fields;
    Location where;
};

struct EnumDeclAst {
    std::string name;                    // "process" or "Risk.category" (extend)
    std::vector<std::string> values;
    std::vector<Location> value_where;
    bool extend = false;
    Location where;
};

struct ParamDecl {
    std::string name, type_name, doc;
    ExprPtr value;
    bool override_ = false;
    Location where;
};

struct DefDecl {
    std::string name;
    struct Param { std::string name, type_name; Location where; };
    std::vector<Param> params;
    ExprPtr body;
    Location where;
    int frame_size = 0;                  // filled by the checker
    Type result;
    enum class State { unchecked, checking, checked } state = State::unchecked;
    std::size_t call_depth = 1;          // filled by the checker: 1 + the deepest definition it calls
};

struct GradeRule {
    std::string grade;
    ExprPtr when;
    Location where;
    int frame_size = 0;                  // filled by the checker
};

struct Ref { std::string standard, clause; };

struct RuleDecl {
    std::string id;
    Location where;
    std::vector<std::string> clauses;
    std::string title, requirement, severity, process, prompt;
    std::vector<std::string> tags;
    std::vector<Ref> refs;
    bool mandatory = false;
    std::vector<GradeRule> grades;
    // for each <focus_var> in <focus_domain> where <focus_filter>
    std::string focus_var;
    ExprPtr focus_domain, focus_filter;
    Location focus_where;
    struct Let { std::string name; ExprPtr value; Location where; int slot = -1; };
    std::vector<Let> lets;
    ExprPtr require;
    std::optional<Template> message;
    int frame_size = 0;                  // filled by the checker
    int focus_slot = -1;
    Access focus_access;                 // filled by the planner
    ColumnSplit require_split;           // filled by the planner: `require` on the focus record
    std::vector<Location> item_where;    // where each metadata item stood (duplicate detection)
};

struct OverrideDecl {
    std::string rule_id;
    std::string severity, title, prompt;
    std::vector<GradeRule> grades;
    Location where;
};

struct DisableDecl {
    std::string rule_id, reason;
    Location where;
};

struct RulesetDecl {
    std::string name, extends, version;
    Location where;
};

struct ImportDecl {
    std::string module;
    Location where;
};

struct ClauseEntry {
    std::string number, title;
    Location where;
};

struct ClauseCatalog {
    std::string standard;
    std::vector<ClauseEntry> clauses;
    Location where;
};

// One parsed .shall file.
struct File {
    std::shared_ptr<SourceFile> source;
    std::vector<RulesetDecl> rulesets;
    std::vector<ImportDecl> imports;
    std::vector<std::unique_ptr<ParamDecl>> params;
    std::vector<std::unique_ptr<DefDecl>> defs;
    std::vector<EnumDeclAst> enums;
    std::vector<TypeDecl> types;
    std::vector<std::unique_ptr<RuleDecl>> rules;
    std::vector<OverrideDecl> overrides;
    std::vector<DisableDecl> disables;
    std::vector<ClauseCatalog> catalogues;
};

}  // namespace shall::ast
