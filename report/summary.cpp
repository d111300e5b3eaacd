#include "report.hpp"

namespace shall {

const char* const tool_version = "0.1.0";

Summary summarize(const AuditResult& result) {
    Summary s;
    for (const auto& r : result.rules) {
        ++s.rules;
        if (r.status == RuleStatus::pass) ++s.passed;
        else if (r.status == RuleStatus::fail) ++s.failed;
        else ++s.not_evaluated;
        for (const auto& f : r.findings) {
            if (f.severity == "major") ++s.major;
            else if (f.severity == "minor") ++s.minor;
            else if (f.severity == "observation") ++s.observation;
            else ++s.ofi;
        }
    }
    return s;
}

}  // namespace shall
