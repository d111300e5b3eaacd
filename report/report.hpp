#pragma once
// Reporters: an audit result rendered for people (text) and for tools (json).
#include <string>

#include "../engine/evidence/store.hpp"
#include "../engine/findings/findings.hpp"

namespace shall {

struct ReportInput {
    const Program& program;
    const EvidenceStore& store;
    const AuditResult& result;
    std::string evidence_path;   // as given on the command line
};

struct Summary {
    std::size_t rules = 0, passed = 0, failed = 0, not_evaluated = 0;
    std::size_t major = 0, minor = 0, observation = 0, ofi = 0;
    bool has_nonconformity() const { return major + minor > 0; }
};

Summary summarize(const AuditResult& result);

std::string json_report(const ReportInput& in);
std::string text_report(const ReportInput& in, bool colour);

extern const char* const tool_version;

}  // namespace shall
