#pragma once
// Runs every enabled rule of a checked, planned program over the evidence and collects
// results: status (pass / fail / not_evaluated), population counts, graded findings with
// their explanations. Rules run in parallel; the result does not depend on the thread count.
#include <functional>

#include "../findings/findings.hpp"
#include "evaluator.hpp"

namespace shall {

struct AuditOptions {
    unsigned threads = 0;   // 0: all cores
    std::vector<std::string> only_rules;   // empty: every enabled rule
    // called after each rule with (rules done, rules in all), from one thread at a time
    std::function<void(std::size_t, std::size_t)> on_rule_done;
    // when set, called after each rule with the rule and its wall time in seconds, from one
    // thread at a time (for --timings: which rules are slow)
    std::function<void(const CheckedRule&, double)> on_rule_timed;
};

AuditResult run_audit(const Program& program, const Plan& plan, const EvidenceStore& store,
                      const EvidenceGraph& graph, const AuditOptions& options);

}  // namespace shall
