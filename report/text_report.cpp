#include <fmt/format.h>
#include <map>

#include "report.hpp"

namespace shall {
namespace {

struct Style {
    bool on;
    std::string operator()(const char* code, const std::string& s) const {
        return on ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
    }
};

const char* grade_colour(const std::string& g) {
    return g == "major" ? "1;31" : g == "minor" ? "31" : g == "observation" ? "33" : "36";
}

std::string grade_label(const std::string& g) {
    if (g == "major") return "MAJOR NC";
    if (g == "minor") return "MINOR NC";
    if (g == "observation") return "OBSERVATION";
    return "OFI";
}

std::string top_clause(const std::string& clause) { return clause.substr(0, clause.find('.')); }

const char* clause_title(const std::string& top) {
    static const std::map<std::string, const char*> titles = {
        {"4", "Context of the organization"}, {"5", "Leadership"}, {"6", "Planning"},
        {"7", "Support of the service management system"}, {"8", "Operation of the service management system"},
        {"9", "Performance evaluation"}, {"10", "Improvement"}};
    auto it = titles.find(top);
    return it == titles.end() ? "" : it->second;
}

}  // namespace

std::string text_report(const ReportInput& in, bool colour) {
    Style st{colour};
    Summary s = summarize(in.result);
    std::string out;
    out += fmt::format("shall {} audit of {}{}\n", tool_version, in.evidence_path,
                       in.store.info.organization.empty() ? "" : " (" + in.store.info.organization + ")");
    out += fmt::format("as of {}, audit period {} to {}; {} records; ", format_date(*in.store.info.as_of),
                       format_date(in.store.info.period_start.value_or(0)), format_date(in.store.info.period_end.value_or(0)),
                       in.store.record_count);
    std::vector<std::string> rs;
    for (const auto& r : in.program.rulesets) rs.push_back(fmt::format("{} {} ({} rules)", r.name, r.version, r.rules));
    out += fmt::format("rules: {}\n\n", fmt::join(rs, ", "));

    // summary by clause
    struct Row { std::size_t pass = 0, fail = 0, ne = 0, major = 0, minor = 0, obs = 0, ofi = 0; };
    std::map<int, Row> rows;
    for (const auto& r : in.result.rules) {
        Row& row = rows[std::stoi(top_clause(r.rule->clause()))];
        if (r.status == RuleStatus::pass) ++row.pass;
        else if (r.status == RuleStatus::fail) ++row.fail;
        else ++row.ne;
        for (const auto& f : r.findings) {
            if (f.severity == "major") ++row.major;
            else if (f.severity == "minor") ++row.minor;
            else if (f.severity == "observation") ++row.obs;
            else ++row.ofi;
        }
    }
    out += st("1", "Summary by clause") + "\n";
    out += fmt::format("  {:<48} {:>5} {:>5} {:>7}  {:>5} {:>5} {:>5} {:>5}\n", "clause", "pass", "fail", "not-ev",
                       "major", "minor", "obs", "ofi");
    for (const auto& [c, row] : rows)
        out += fmt::format("  {:<48} {:>5} {:>5} {:>7}  {:>5} {:>5} {:>5} {:>5}\n",
                           fmt::format("{} {}", c, clause_title(std::to_string(c))), row.pass, row.fail, row.ne, row.major,
                           row.minor, row.obs, row.ofi);
    out += fmt::format("  {:<48} {:>5} {:>5} {:>7}  {:>5} {:>5} {:>5} {:>5}\n\n", "total", s.passed, s.failed,
                       s.not_evaluated, s.major, s.minor, s.observation, s.ofi);

    // findings grouped by clause, one block per failing rule
    std::string current_top;
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::fail) continue;
        auto top = top_clause(r.rule->clause());
        if (top != current_top) {
            out += st("1", fmt::format("Clause {} {}", top, clause_title(top))) + "\n";
            current_top = top;
        }
        const std::string& grade = r.findings.front().severity;
        std::string population = r.rule->decl->focus_domain
            ? fmt::format(" — {} of {} ({:.1f} %) fall short", r.failed, r.checked,
                          100.0 * static_cast<double>(r.failed) / static_cast<double>(r.checked))
            : "";
        out += fmt::format("  {} {} {} {}{}\n", st(grade_colour(grade), fmt::format("[{}]", grade_label(grade))),
                           r.rule->clause(), r.rule->id(), r.rule->title, population);
        if (!r.rule->decl->requirement.empty()) out += fmt::format("      requirement: {}\n", r.rule->decl->requirement);
        constexpr std::size_t shown = 10;
        for (std::size_t i = 0; i < r.findings.size() && i < shown; ++i) {
            const Finding& f = r.findings[i];
            out += fmt::format("    - {}{}\n", f.message, f.has_focus ? fmt::format("  ({})", f.focus_source) : "");
            for (const auto& d : f.details) out += fmt::format("        {}\n", d);
        }
        if (r.findings.size() > shown) out += fmt::format("    … and {} more\n", r.findings.size() - shown);
        if (!r.rule->prompt.empty()) out += fmt::format("      auditor: {}\n", r.rule->prompt);
    }
    if (s.failed == 0) out += "No findings.\n";

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
    if (!in.store.quality.empty()) {
        out += "\n" + st("1", fmt::format("Evidence quality ({} entries)", in.store.quality.size())) + "\n";
        for (const auto& q : in.store.quality) out += fmt::format("  {}: {} [{}] {}\n", q.source, q.level, q.code, q.message);
    }
    out += fmt::format("\nResult: {} major, {} minor nonconformities, {} observations, {} opportunities for improvement\n",
                       s.major, s.minor, s.observation, s.ofi);
    return out;
}

}  // namespace shall
