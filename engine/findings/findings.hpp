#pragma once
// What an audit produced: per rule its status and population counts, and the findings
// with their explanations. Reporters read only this (and the program and the bundle summary).
#include <string>
#include <utility>
#include <vector>

#include "../../dsl/check/program.hpp"

namespace shall {

struct EvidenceRecord {
    std::string type, id, source;
    std::vector<std::pair<std::string, std::string>> fields;   // canonical text, in the order read
    std::vector<std::string> absent;                           // fields read that have no value
};

struct Finding {
    const CheckedRule* rule = nullptr;
    std::string severity;                       // after grading
    bool has_focus = false;
    std::string focus_type, focus_id, focus_source;
    std::string message;
    std::vector<std::string> details;           // e.g. periodicity gaps
    std::vector<EvidenceRecord> evidence;       // the focus first, then what the failing condition read
};

enum class RuleStatus { pass, fail, not_evaluated };

struct RuleResult {
    const CheckedRule* rule = nullptr;
    RuleStatus status = RuleStatus::pass;
    std::size_t checked = 0, failed = 0;
    std::vector<std::string> missing_types, missing_fields;   // why not_evaluated
    std::string note;                                         // e.g. "empty population: no Change records"
    std::vector<Finding> findings;
};

struct AuditResult {
    std::vector<RuleResult> rules;          // in program order (clause, id); disabled rules left out
    std::vector<const CheckedRule*> disabled;
    std::vector<const Finding*> findings() const;   // sorted as the contract says
};

std::string_view to_string(RuleStatus s);

}  // namespace shall
