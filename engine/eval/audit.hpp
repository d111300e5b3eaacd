#pragma once
// Runs every enabled rule of a checked, planned program over the evidence and collects
// results: status (pass / fail / not_evaluated), population counts, graded findings with
// their explanations. Rules run in parallel; the result does not depend on the thread count.
#include "../findings/findings.hpp"
#include "evaluator.hpp"

namespace shall {

struct AuditOptions {
    unsigned threads = 0;   // 0: all cores
    std::vector<std::string> only_rules;   // empty: every enabled rule
};

AuditResult run_audit(const Program& program, const Plan& plan, const EvidenceStore& store,
                      const EvidenceGraph& graph, const AuditOptions& options);

}  // namespace shall
