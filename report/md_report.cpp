// The Markdown report (wikis, tickets): the same content as the HTML report. Every string
// that comes from evidence or rules goes through md_escape.
#include <fmt/format.h>

#include "audit_view.hpp"
#include "escape.hpp"
#include "report.hpp"

namespace shall {
namespace {

const char* heat_mark(const std::string& status) {
    if (status == "fail") return "🟥";
    if (status == "not-evaluated") return "🟨";
    if (status == "pass") return "🟩";
    return "⬜";
}

std::string evidence_table(const Finding& f) {
    if (f.evidence.empty()) return "";
    std::string out = "| Record | Field | Value | Source |\n|---|---|---|---|\n";
    for (const auto& e : f.evidence) {
        if (e.fields.empty() && e.absent.empty())
            out += fmt::format("| {} | | | {} |\n", md_escape(record_label(e)), md_escape(e.source));
        for (const auto& [field, value] : e.fields)
            out += fmt::format("| {} | {} | {} | {} |\n", md_escape(record_label(e)), md_escape(field), md_escape(value),
                               md_escape(e.source));
        for (const auto& field : e.absent)
            out += fmt::format("| {} | {} | *(absent)* | {} |\n", md_escape(record_label(e)), md_escape(field), md_escape(e.source));
    }
    return out + "\n";
}

std::string finding_block(const Finding& f) {
    std::string out = fmt::format("**{}**{}: {}\n", md_escape(finding_subject(f)),
                                  f.has_focus ? " — " + md_escape(f.focus_source) : "", md_escape(f.message));
    if (!f.details.empty()) {
        out += "\n";
        for (const auto& d : f.details) out += fmt::format("- {}\n", md_escape(d, true));
    }
    out += "\n" + evidence_table(f);
    return out;
}

std::string rule_section(const RuleFindings& rf) {
    const RuleResult& r = *rf.rule;
    const auto& decl = *r.rule->decl;
    std::string out = fmt::format("#### {} {} — {}\n\n", r.rule->clause(), md_escape(r.rule->id()),
                                  md_escape(r.rule->title));
    if (!decl.requirement.empty()) out += fmt::format("*Requirement:* {}  \n", md_escape(decl.requirement));
    if (!decl.process.empty()) out += fmt::format("*Process:* {}  \n", md_escape(decl.process));
    std::string population = population_line(r);
    if (!population.empty()) out += fmt::format("*Population:* {}  \n", md_escape(population));
    if (!r.rule->prompt.empty()) out += fmt::format("*Auditor:* {}  \n", md_escape(r.rule->prompt));
    out += "\n";
    for (const Finding* f : rf.findings) out += finding_block(*f);
    return out;
}

}  // namespace

std::string md_report(const ReportInput& in) {
    Summary s = summarize(in.result);
    std::string out = fmt::format("# Audit of {} as of {}\n\n", md_escape(organization_or_path(in)), as_of_date(in));
    out += "| | |\n|---|---|\n";
    out += fmt::format("| Evidence | {} ({} records, {}) |\n", md_escape(in.evidence_path), in.bundle.record_count,
                       md_escape(in.bundle.digest));
    out += fmt::format("| As of | {} |\n", as_of_date(in));
    out += fmt::format("| Audit period | {} to {} |\n", format_date(in.bundle.info.period_start.value_or(0)),
                       format_date(in.bundle.info.period_end.value_or(0)));
    for (const auto& r : in.program.rulesets)
        out += fmt::format("| Ruleset | {} {} ({} rules, {}) |\n", md_escape(r.name), md_escape(r.version), r.rules,
                           md_escape(r.digest));
    out += fmt::format("| Rules | {} passed, {} failed, {} not evaluated |\n", s.passed, s.failed, s.not_evaluated);
    out += fmt::format("| Findings | {} major, {} minor nonconformities, {} observations, {} opportunities for improvement |\n",
                       s.major, s.minor, s.observation, s.ofi);
    out += fmt::format("| Tool | shall {} |\n\n", tool_version);

    out += "## Summary by clause\n\n";
    out += "| Clause | Pass | Fail | Not evaluated | Major | Minor | Observation | OFI |\n";
    out += "|---|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const auto& row : clause_rows(in.result))
        out += fmt::format("| {} {} | {} | {} | {} | {} | {} | {} | {} |\n", row.top, clause_title(row.top), row.pass, row.fail,
                           row.not_evaluated, row.major, row.minor, row.observation, row.ofi);
    out += fmt::format("| **Total** | {} | {} | {} | {} | {} | {} | {} |\n\n", s.passed, s.failed, s.not_evaluated, s.major,
                       s.minor, s.observation, s.ofi);

    out += "## Clauses 4–10\n\n";
    out += "🟩 pass · 🟥 fail · 🟨 not evaluated · ⬜ no rules\n\n";
    out += "| Clause | Sub-clauses |\n|---|---|\n";
    for (const auto& row : heat_map(in.program, in.result)) {
        std::vector<std::string> cells;
        for (const auto& c : row.cells) cells.push_back(fmt::format("{} {}", heat_mark(c.status), c.clause));
        out += fmt::format("| {} {} | {} |\n", row.top, clause_title(row.top), fmt::join(cells, " · "));
    }
    out += "\n## Findings\n\n";
    if (s.failed == 0) out += "No findings.\n\n";
    for (const auto& group : findings_by_grade(in.result)) {
        if (group.count == 0) continue;
        out += fmt::format("### {} ({})\n\n", grade_heading(group.grade), group.count);
        for (const auto& rf : group.rules) out += rule_section(rf);
    }

    bool any = false;
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::not_evaluated) continue;
        if (!any) out += "## Not evaluated (evidence absent)\n\n| Clause | Rule | Missing |\n|---|---|---|\n";
        any = true;
        std::vector<std::string> missing;
        for (const auto& m : r.missing_types) missing.push_back(md_escape(m));
        for (const auto& m : r.missing_fields) missing.push_back(md_escape(m));
        out += fmt::format("| {} | {} | {} |\n", r.rule->clause(), md_escape(r.rule->id()), fmt::join(missing, ", "));
    }
    if (any) out += "\n";
    any = false;
    for (const auto& r : in.result.rules) {
        if (r.note.empty()) continue;
        if (!any) out += "## Passed with nothing to check\n\n| Clause | Rule | Note |\n|---|---|---|\n";
        any = true;
        out += fmt::format("| {} | {} | {} |\n", r.rule->clause(), md_escape(r.rule->id()), md_escape(r.note));
    }
    if (any) out += "\n";
    if (!in.bundle.quality.empty()) {
        out += fmt::format("## Evidence quality ({})\n\n| Level | Code | Source | Message |\n|---|---|---|---|\n",
                           in.bundle.quality.size());
        for (const auto& q : in.bundle.quality)
            out += fmt::format("| {} | {} | {} | {} |\n", md_escape(q.level), md_escape(q.code), md_escape(q.source),
                               md_escape(q.message));
        out += "\n";
    }
    return out;
}

}  // namespace shall
