#pragma once
// What several report formats show alike, computed once from the audit result: grade
// names, the clause summary, the clause heat map, findings grouped by grade and rule,
// population sentences, evidence locations and the as_of timestamps.
#include <string>
#include <utility>
#include <vector>

#include "report.hpp"

namespace shall {

// Grades from most to least serious: major, minor, observation, ofi.
const std::vector<std::string>& grade_order();
std::string grade_label(const std::string& grade);        // "MAJOR NC", "MINOR NC", "OBSERVATION", "OFI"
std::string grade_heading(const std::string& grade);      // "Major nonconformities", …
int grade_rank(const std::string& grade);                 // 0 = major … 3 = ofi
std::string worst_grade(const RuleResult& r);             // "" when the rule has no findings

int top_clause(const std::string& clause);                // "8.5.1.3" -> 8
std::string clause_title(int top);                        // 8 -> "Operation of the service management system"

std::string as_of_date(const ReportInput& in);            // 2026-10-31
std::string as_of_timestamp(const ReportInput& in);       // 2026-10-31T00:00:00Z
std::string organization_or_path(const ReportInput& in);

// Per top-level clause: rule outcomes and findings by grade (only clauses that have rules).
struct ClauseRow {
    int top = 0;
    std::size_t pass = 0, fail = 0, not_evaluated = 0, major = 0, minor = 0, observation = 0, ofi = 0;
};
std::vector<ClauseRow> clause_rows(const AuditResult& result);

// Heat map of clauses 4 to 10: one row per top-level clause, one cell per sub-clause of the
// rulesets' clause catalogues (or per sub-clause the rules name when there is none).
struct HeatCell {
    std::string clause, title;
    std::string status;                          // "fail", "not-evaluated", "pass", "none"
    std::vector<const RuleResult*> rules;
};
struct HeatRow {
    int top = 0;
    std::vector<HeatCell> cells;
};
std::vector<HeatRow> heat_map(const Program& program, const AuditResult& result);

// Findings grouped by grade (grade_order), then by rule in program order.
struct RuleFindings {
    const RuleResult* rule = nullptr;
    std::vector<const Finding*> findings;
};
struct GradeGroup {
    std::string grade;
    std::vector<RuleFindings> rules;
    std::size_t count = 0;
};
std::vector<GradeGroup> findings_by_grade(const AuditResult& result);

// "37 of 412 Change records (9.0 %) fall short" for a rule over a population, with up to
// `ids` focus ids appended ("— CHG1, CHG2, +35 more"); "" for a population-level rule.
std::string population_line(const RuleResult& r, std::size_t ids = 0);

// "Change.csv:58" -> {"Change.csv", 58}; line 0 when the source names no line.
std::pair<std::string, unsigned> split_source(const std::string& source);
// The evidence file as a path from where shall ran: <evidence path>/<file>.
std::string evidence_file_path(const ReportInput& in, const std::string& file);

std::string record_label(const EvidenceRecord& e);        // "Change CHG0004711"
std::string finding_subject(const Finding& f);            // focus "Change CHG0004711" or "Whole population"

}  // namespace shall
