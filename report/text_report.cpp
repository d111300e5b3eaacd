// The terminal report: summary table by clause and grade first, then the findings grouped
// by clause with population summaries (every record with --all), what could not be
// evaluated, and the evidence-quality problems in a section of their own.
#include <algorithm>
#include <fmt/format.h>

#include "audit_view.hpp"
#include "report.hpp"

namespace shall {
namespace {

constexpr std::size_t listed_ids = 3;        // focus ids named in a population summary
constexpr std::size_t listed_findings = 3;   // findings shown in full without --all
constexpr std::size_t listed_quality = 3;    // evidence-quality entries per code without --all

struct Style {
    bool on;
    std::string operator()(const char* code, const std::string& s) const {
        return on ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
    }
};

const char* grade_colour(const std::string& g) {
    return g == "major" ? "1;31" : g == "minor" ? "31" : g == "observation" ? "33" : "36";
}

std::string finding_lines(const Finding& f, const char* lead = "    - ") {
    std::string out = fmt::format("{}{}{}\n", lead, f.message, f.has_focus ? fmt::format("  ({})", f.focus_source) : "");
    for (const auto& d : f.details) out += fmt::format("        {}\n", d);
    return out;
}

// One failing rule; `summarised` set when its findings were cut to a population summary.
std::string rule_block(const RuleResult& r, const Style& st, bool all, bool& summarised) {
    const std::string grade = worst_grade(r);
    std::string out = fmt::format("  {} {} {} {}\n", st(grade_colour(grade), fmt::format("[{}]", grade_label(grade))),
                                  r.rule->clause(), r.rule->id(), r.rule->title);
    if (!r.rule->decl->requirement.empty()) out += fmt::format("      requirement: {}\n", r.rule->decl->requirement);
    bool cut = !all && r.findings.size() > listed_findings;
    std::string population = population_line(r, cut ? listed_ids : 0);
    if (!population.empty()) out += fmt::format("      {}\n", population);
    if (cut) {
        out += finding_lines(r.findings.front(), "      e.g. ");
        summarised = true;
    } else {
        for (const auto& f : r.findings) out += finding_lines(f);
    }
    if (!r.rule->prompt.empty()) out += fmt::format("      auditor: {}\n", r.rule->prompt);
    return out;
}

std::string quality_section(const std::vector<EvidenceQuality>& quality, const Style& st, bool all) {
    if (quality.empty()) return "";
    std::string out = "\n" + st("1", fmt::format("Evidence quality ({} {})", quality.size(), quality.size() == 1 ? "entry" : "entries")) + "\n";
    // grouped by level and code, in the order the codes first appear
    std::vector<std::pair<std::string, std::vector<const EvidenceQuality*>>> groups;
    for (const auto& q : quality) {
        std::string key = q.level + " " + q.code;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
        if (it == groups.end()) {
            groups.push_back({key, {}});
            it = groups.end() - 1;
        }
        it->second.push_back(&q);
    }
    for (const auto& [key, entries] : groups) {
        out += fmt::format("  {} [{}] — {} {}\n", entries.front()->level, entries.front()->code, entries.size(),
                           entries.size() == 1 ? "entry" : "entries");
        std::size_t shown = all ? entries.size() : std::min(entries.size(), listed_quality);
        for (std::size_t i = 0; i < shown; ++i) out += fmt::format("    {}: {}\n", entries[i]->source, entries[i]->message);
        if (shown < entries.size()) out += fmt::format("    +{} more (--all lists them)\n", entries.size() - shown);
    }
    return out;
}

}  // namespace

std::string text_report(const ReportInput& in, bool colour) { return text_report(in, ReportOptions{colour, false}); }

std::string text_report(const ReportInput& in, const ReportOptions& options) {
    Style st{options.colour};
    Summary s = summarize(in.result);
    std::string out;
    out += fmt::format("shall {} audit of {}{}\n", tool_version, in.evidence_path,
                       in.bundle.info.organization.empty() ? "" : " (" + in.bundle.info.organization + ")");
    out += fmt::format("as of {}, audit period {} to {}; {} records; ", as_of_date(in),
                       format_date(in.bundle.info.period_start.value_or(0)), format_date(in.bundle.info.period_end.value_or(0)),
                       in.bundle.record_count);
    std::vector<std::string> rs;
    for (const auto& r : in.program.rulesets) rs.push_back(fmt::format("{} {} ({} rules)", r.name, r.version, r.rules));
    out += fmt::format("rules: {}\n\n", fmt::join(rs, ", "));

    out += st("1", "Summary by clause") + "\n";
    const char* row_format = "  {:<48} {:>5} {:>5} {:>7}  {:>5} {:>5} {:>5} {:>5}\n";
    out += fmt::format(fmt::runtime(row_format), "clause", "pass", "fail", "not-ev", "major", "minor", "obs", "ofi");
    for (const auto& row : clause_rows(in.result))
        out += fmt::format(fmt::runtime(row_format), fmt::format("{} {}", row.top, clause_title(row.top)), row.pass, row.fail,
                           row.not_evaluated, row.major, row.minor, row.observation, row.ofi);
    out += fmt::format(fmt::runtime(row_format), "total", s.passed, s.failed, s.not_evaluated, s.major, s.minor,
                       s.observation, s.ofi);
    out += "\n";

    int current_top = -1;
    bool summarised = false;
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::fail || r.findings.empty()) continue;
        int top = top_clause(r.rule->clause());
        if (top != current_top) {
            out += st("1", fmt::format("Clause {} {}", top, clause_title(top))) + "\n";
            current_top = top;
        }
        out += rule_block(r, st, options.all, summarised);
    }
    if (s.failed == 0) out += "No findings.\n";
    if (summarised) out += fmt::format("(populations summarised: {} records named each; --all lists every record)\n", listed_ids);

    bool any_ne = false;
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::not_evaluated) continue;
        if (!any_ne) out += "\n" + st("1", "Not evaluated (evidence absent)") + "\n";
        any_ne = true;
        std::vector<std::string> missing = r.missing_types;
        for (const auto& f : r.missing_fields) missing.push_back(f);
        out += fmt::format("  {} {} — missing {}\n", r.rule->clause(), r.rule->id(), fmt::join(missing, ", "));
    }
    bool any_empty = false;
    for (const auto& r : in.result.rules) {
        if (r.note.empty()) continue;
        if (!any_empty) out += "\n" + st("1", "Passed with nothing to check (confirm against the export)") + "\n";
        any_empty = true;
        out += fmt::format("  {} {} — {}\n", r.rule->clause(), r.rule->id(), r.note);
    }
    out += quality_section(in.bundle.quality, st, options.all);
    out += fmt::format("\nResult: {} major, {} minor nonconformities, {} observations, {} opportunities for improvement\n",
                       s.major, s.minor, s.observation, s.ofi);
    return out;
}

}  // namespace shall
