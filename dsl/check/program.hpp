#pragma once
// A checked program: every name resolved, every expression typed, overrides applied.
// This is what the planner and the engine consume; nothing after this reads source text.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../diagnostics.hpp"
#include "../syntax/ast.hpp"
#include "schema.hpp"

namespace shall {

struct Parameter {
    std::string name, doc;
    Type type;
    const ast::Expr* value = nullptr;   // a constant expression (the default, an override or --param)
    std::string origin;                 // "default", "override in <file>", "--param"
    Location where;
};

struct FieldRead {
    const RecordType* type;
    const FieldDecl* field;
};

struct CheckedRule {
    const ast::RuleDecl* decl = nullptr;
    std::string ruleset;                      // the ruleset (module) that declares it
    std::string severity, title, prompt;      // after overrides
    const std::vector<ast::GradeRule>* grades = nullptr;
    bool disabled = false;
    std::string disabled_reason;
    std::vector<const RecordType*> reads_types;   // every record type the rule ranges over or navigates to
    std::vector<FieldRead> reads_fields;          // every field it reads (not_evaluated when one is absent)
    const std::string& id() const { return decl->id; }
    const std::string& clause() const { return decl->clauses.front(); }
};

struct RulesetInfo {
    std::string name, version, path, digest;  // digest over the module's .shall files
    std::size_t rules = 0;
};

struct Program {
    std::vector<std::unique_ptr<ast::File>> files;
    std::vector<std::unique_ptr<ast::Expr>> owned_exprs;   // --param values
    Schema schema;
    std::vector<Parameter> params;
    std::vector<const ast::DefDecl*> defs;
    std::vector<CheckedRule> rules;            // sorted by clause (numerically), then id
    std::vector<RulesetInfo> rulesets;         // modules that declare rules, in load order
    std::vector<const ast::ClauseCatalog*> catalogues;   // the clause lists rulesets declare they cover
    const Parameter* param(std::string_view name) const;
};

struct ProgramOptions {
    std::vector<std::string> include_dirs;                    // extra places to find imported modules
    std::vector<std::pair<std::string, std::string>> params;  // --param NAME=VALUE
};

// Loads rule files or ruleset directories (and what they import), parses and checks them.
// Diagnostics collect every problem; the program is usable only when there are no errors.
std::unique_ptr<Program> load_program(const std::vector<std::string>& paths, const ProgramOptions& options,
                                      Diagnostics& diagnostics);

// Clause numbers compared segment by segment as numbers: 4.1 < 8.2 < 8.10 < 10.1.
bool clause_less(std::string_view a, std::string_view b);

}  // namespace shall
