#pragma once
// Which clauses of a ruleset's clause catalogue have rules, and of what kind:
// automated (a rule decides on the evidence alone), auditor-prompt (every rule there
// leaves part of the judgement to the auditor) or none.
#include <string>
#include <vector>

#include "../dsl/check/program.hpp"

namespace shall {

struct ClauseCoverage {
    std::string standard, number, title;
    std::string status;                      // "automated", "auditor-prompt", "none"
    std::vector<const CheckedRule*> rules;   // enabled rules naming the clause
};

std::vector<ClauseCoverage> clause_coverage(const Program& program);
std::string coverage_text(const std::vector<ClauseCoverage>& rows);
std::string coverage_json(const std::vector<ClauseCoverage>& rows);
// The ruleset reference (docs/ruleset-*.md): every rule's metadata, grade and parameters.
std::string ruleset_markdown(const Program& program, const std::vector<ClauseCoverage>& rows);

}  // namespace shall
