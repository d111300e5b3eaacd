// JUnit XML (the Ant schema CI systems read): one testsuite per top-level clause, one
// testcase per rule; a failing rule fails with its findings, a rule that could not be
// evaluated is skipped. Timestamps are as_of (no time zone, as the schema wants), times 0.
#include <fmt/format.h>
#include <map>

#include "audit_view.hpp"
#include "escape.hpp"
#include "report.hpp"

namespace shall {
namespace {

std::string attr(std::string_view s) { return xml_escape(s, true); }
std::string text(std::string_view s) { return xml_escape(s, false); }

std::string testcase(const RuleResult& r) {
    std::string out = fmt::format("    <testcase name=\"{}\" classname=\"clause {}\" time=\"0\"", attr(r.rule->id() + " " + r.rule->title),
                                  attr(r.rule->clause()));
    if (r.status == RuleStatus::pass) return out + "/>\n";
    out += ">\n";
    if (r.status == RuleStatus::not_evaluated) {
        std::vector<std::string> missing = r.missing_types;
        missing.insert(missing.end(), r.missing_fields.begin(), r.missing_fields.end());
        out += fmt::format("      <skipped message=\"{}\"/>\n", attr(fmt::format("not evaluated: missing {}", fmt::join(missing, ", "))));
    } else {
        std::string grade = worst_grade(r);
        std::string summary = population_line(r);
        if (summary.empty()) summary = r.findings.empty() ? std::string("failed") : r.findings.front().message;
        std::string body;
        for (const auto& f : r.findings) {
            body += fmt::format("[{}] {}{}\n", grade_label(f.severity), f.message, f.has_focus ? fmt::format(" ({})", f.focus_source) : "");
            for (const auto& d : f.details) body += fmt::format("    {}\n", d);
        }
        if (!r.rule->decl->requirement.empty()) body += fmt::format("requirement: {}\n", r.rule->decl->requirement);
        if (!r.rule->prompt.empty()) body += fmt::format("auditor: {}\n", r.rule->prompt);
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           attr(fmt::format("{}: {}", grade_label(grade), summary)), attr(grade), text(body));
    }
    return out + "    </testcase>\n";
}

}  // namespace

std::string junit_report(const ReportInput& in) {
    std::map<int, std::vector<const RuleResult*>> by_clause;
    for (const auto& r : in.result.rules) by_clause[top_clause(r.rule->clause())].push_back(&r);
    std::string package = in.program.rulesets.empty() ? std::string("shall") : in.program.rulesets.front().name;
    std::string timestamp = as_of_date(in) + "T00:00:00";

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
    int id = 0;
    for (const auto& [top, rules] : by_clause) {
        std::size_t failures = 0, skipped = 0;
        for (const auto* r : rules) {
            failures += r->status == RuleStatus::fail;
            skipped += r->status == RuleStatus::not_evaluated;
        }
        std::string name = clause_title(top).empty() ? fmt::format("Clause {}", top) : fmt::format("Clause {} {}", top, clause_title(top));
        out += fmt::format("  <testsuite name=\"{}\" package=\"{}\" id=\"{}\" timestamp=\"{}\" hostname=\"localhost\" tests=\"{}\" "
                           "failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
                           attr(name), attr(package), id++, timestamp, rules.size(), failures, skipped);
        out += "    <properties>\n";
        out += fmt::format("      <property name=\"evidence\" value=\"{}\"/>\n", attr(in.evidence_path));
        out += fmt::format("      <property name=\"evidence.digest\" value=\"{}\"/>\n", attr(in.bundle.digest));
        out += fmt::format("      <property name=\"as_of\" value=\"{}\"/>\n", as_of_date(in));
        for (const auto& rs : in.program.rulesets)
            out += fmt::format("      <property name=\"ruleset\" value=\"{}\"/>\n", attr(fmt::format("{} {} {}", rs.name, rs.version, rs.digest)));
        out += "    </properties>\n";
        for (const auto* r : rules) out += testcase(*r);
        out += "    <system-out/>\n    <system-err/>\n  </testsuite>\n";
    }
    return out + "</testsuites>\n";
}

}  // namespace shall
