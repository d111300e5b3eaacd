// The HTML report: one self-contained page (inline style and script, a Content-Security-
// Policy that forbids every network load) an auditor opens in a browser. Every string that
// comes from evidence or rules goes through html_escape.
#include <fmt/format.h>
#include <set>

#include "audit_view.hpp"
#include "escape.hpp"
#include "html_assets.hpp"
#include "report.hpp"

namespace shall {
namespace {

std::string h(std::string_view s) { return html_escape(s); }

std::string facts(const ReportInput& in, const Summary& s) {
    std::string out = "<table class=\"facts\">\n";
    auto row = [&](const char* name, const std::string& value) { out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, value); };
    row("Organisation", h(organization_or_path(in)));
    row("Evidence", fmt::format("{} ({} records, <span class=\"muted\">{}</span>)", h(in.evidence_path), in.bundle.record_count,
                                h(in.bundle.digest)));
    row("As of", as_of_date(in));
    row("Audit period", fmt::format("{} to {}", format_date(in.bundle.info.period_start.value_or(0)),
                                    format_date(in.bundle.info.period_end.value_or(0))));
    for (const auto& r : in.program.rulesets)
        row("Ruleset", fmt::format("{} {} ({} rules, <span class=\"muted\">{}</span>)", h(r.name), h(r.version), r.rules, h(r.digest)));
    row("Rules", fmt::format("{} passed, {} failed, {} not evaluated", s.passed, s.failed, s.not_evaluated));
    row("Findings", fmt::format("<span class=\"badge major\">{} major</span> <span class=\"badge minor\">{} minor</span> "
                                "<span class=\"badge observation\">{} observations</span> <span class=\"badge ofi\">{} OFI</span>",
                                s.major, s.minor, s.observation, s.ofi));
    return out + "</table>\n";
}

std::string clause_summary(const AuditResult& result, const Summary& s) {
    std::string out = "<table class=\"summary\">\n<thead><tr><th>Clause</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th>"
                      "<th class=\"num\">Not evaluated</th><th class=\"num\">Major</th><th class=\"num\">Minor</th>"
                      "<th class=\"num\">Observation</th><th class=\"num\">OFI</th></tr></thead>\n<tbody>\n";
    auto num = [](std::size_t n) { return fmt::format("<td class=\"num\">{}</td>", n); };
    for (const auto& row : clause_rows(result))
        out += fmt::format("<tr><td>{} {}</td>{}{}{}{}{}{}{}</tr>\n", row.top, h(clause_title(row.top)), num(row.pass), num(row.fail),
                           num(row.not_evaluated), num(row.major), num(row.minor), num(row.observation), num(row.ofi));
    out += fmt::format("<tr><th>Total</th>{}{}{}{}{}{}{}</tr>\n", num(s.passed), num(s.failed), num(s.not_evaluated), num(s.major),
                       num(s.minor), num(s.observation), num(s.ofi));
    return out + "</tbody>\n</table>\n";
}

std::string heat_section(const ReportInput& in) {
    std::string out = "<table class=\"heat\">\n";
    for (const auto& row : heat_map(in.program, in.result)) {
        out += fmt::format("<tr><th>{} {}</th><td><div class=\"cells\">", row.top, h(clause_title(row.top)));
        for (const auto& c : row.cells) {
            std::size_t pass = 0, fail = 0, ne = 0;
            for (const auto* r : c.rules) {
                pass += r->status == RuleStatus::pass;
                fail += r->status == RuleStatus::fail;
                ne += r->status == RuleStatus::not_evaluated;
            }
            std::string tip = c.rules.empty() ? fmt::format("{} {}: no rules", c.clause, c.title)
                                              : fmt::format("{} {}: {} rules — {} pass, {} fail, {} not evaluated", c.clause,
                                                            c.title, c.rules.size(), pass, fail, ne);
            out += fmt::format("<span class=\"cell {}\" title=\"{}\">{}</span>", c.status, h(tip), h(c.clause));
        }
        if (row.cells.empty()) out += "<span class=\"cell none\" title=\"no rules\">—</span>";
        out += "</div></td></tr>\n";
    }
    out += "</table>\n<p class=\"legend\"><span class=\"badge\" style=\"background:var(--pass)\">pass</span>"
           "<span class=\"badge\" style=\"background:var(--fail)\">fail</span>"
           "<span class=\"badge\" style=\"background:var(--ne);color:#000\">not evaluated</span>"
           "<span class=\"badge\" style=\"background:var(--none);color:#000\">no rules</span></p>\n";
    return out;
}

std::string filters(const std::vector<GradeGroup>& groups, const AuditResult& result) {
    std::size_t total = 0;
    for (const auto& g : groups) total += g.count;
    std::string out = "<div class=\"filters\" role=\"toolbar\" aria-label=\"Filter findings\">Grade: ";
    out += fmt::format("<button type=\"button\" data-grade=\"all\" aria-pressed=\"true\">all ({})</button> ", total);
    for (const auto& g : groups)
        out += fmt::format("<button type=\"button\" data-grade=\"{}\" aria-pressed=\"false\">{} ({})</button> ", g.grade, g.grade,
                           g.count);
    std::set<int> clauses;
    std::set<std::string> processes;
    for (const auto& r : result.rules)
        if (!r.findings.empty()) {
            clauses.insert(top_clause(r.rule->clause()));
            if (!r.rule->decl->process.empty()) processes.insert(r.rule->decl->process);
        }
    out += "<label>Clause: <select id=\"filter-clause\"><option value=\"all\">all</option>";
    for (int c : clauses) out += fmt::format("<option value=\"{}\">{} {}</option>", c, c, h(clause_title(c)));
    out += "</select></label><label>Process: <select id=\"filter-process\"><option value=\"all\">all</option>";
    for (const auto& p : processes) out += fmt::format("<option value=\"{}\">{}</option>", h(p), h(p));
    out += "</select></label> <span id=\"shown\" class=\"muted\"></span></div>\n";
    return out;
}

std::string evidence_table(const Finding& f) {
    if (f.evidence.empty()) return "";
    std::string out = "<table class=\"evidence\"><thead><tr><th>Record</th><th>Field</th><th>Value</th><th>Source</th></tr></thead><tbody>\n";
    for (const auto& e : f.evidence) {
        if (e.fields.empty() && e.absent.empty())
            out += fmt::format("<tr><td>{}</td><td></td><td></td><td class=\"source\">{}</td></tr>\n", h(record_label(e)), h(e.source));
        for (const auto& [field, value] : e.fields)
            out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"source\">{}</td></tr>\n",
                               h(record_label(e)), h(field), h(value), h(e.source));
        for (const auto& field : e.absent)
            out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td class=\"absent\">absent</td><td class=\"source\">{}</td></tr>\n",
                               h(record_label(e)), h(field), h(e.source));
    }
    return out + "</tbody></table>\n";
}

std::string finding_block(const Finding& f) {
    const auto& decl = *f.rule->decl;
    std::string out = fmt::format("<div class=\"finding\" data-grade=\"{}\" data-clause=\"{}\" data-process=\"{}\">\n", h(f.severity),
                                  top_clause(f.rule->clause()), h(decl.process));
    out += fmt::format("<p class=\"message\"><strong>{}</strong>{}: {}</p>\n", h(finding_subject(f)),
                       f.has_focus ? fmt::format(" <span class=\"source\">{}</span>", h(f.focus_source)) : "", h(f.message));
    if (!f.details.empty()) {
        out += "<ul class=\"details\">";
        for (const auto& d : f.details) out += fmt::format("<li>{}</li>", h(d));
        out += "</ul>\n";
    }
    return out + evidence_table(f) + "</div>\n";
}

std::string rule_block(const RuleFindings& rf, const std::string& grade) {
    const RuleResult& r = *rf.rule;
    const auto& decl = *r.rule->decl;
    std::string out = fmt::format("<article class=\"rule {}\" id=\"rule-{}-{}\">\n", h(grade), h(grade), h(r.rule->id()));
    out += fmt::format("<h4><span class=\"badge {}\">{}</span> {} <code>{}</code> {}</h4>\n", h(grade), grade_label(grade),
                       h(r.rule->clause()), h(r.rule->id()), h(r.rule->title));
    if (!decl.requirement.empty()) out += fmt::format("<p><strong>Requirement:</strong> {}</p>\n", h(decl.requirement));
    if (!decl.process.empty()) out += fmt::format("<p><strong>Process:</strong> {}</p>\n", h(decl.process));
    std::string population = population_line(r);
    if (!population.empty()) out += fmt::format("<p><strong>Population:</strong> {}</p>\n", h(population));
    if (!r.rule->prompt.empty()) out += fmt::format("<p><strong>Auditor:</strong> {}</p>\n", h(r.rule->prompt));
    for (const Finding* f : rf.findings) out += finding_block(*f);
    return out + "</article>\n";
}

std::string rest(const ReportInput& in) {
    std::string out;
    bool any = false;
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::not_evaluated) continue;
        if (!any) out += "<section id=\"not-evaluated\"><h2>Not evaluated (evidence absent)</h2>\n<table><thead><tr><th>Clause</th>"
                         "<th>Rule</th><th>Missing</th></tr></thead><tbody>\n";
        any = true;
        std::vector<std::string> missing;
        for (const auto& m : r.missing_types) missing.push_back(h(m));
        for (const auto& m : r.missing_fields) missing.push_back(h(m));
        out += fmt::format("<tr><td>{}</td><td><code>{}</code> {}</td><td>{}</td></tr>\n", h(r.rule->clause()), h(r.rule->id()),
                           h(r.rule->title), fmt::join(missing, ", "));
    }
    if (any) out += "</tbody></table></section>\n";
    any = false;
    for (const auto& r : in.result.rules) {
        if (r.note.empty()) continue;
        if (!any) out += "<section id=\"nothing-to-check\"><h2>Passed with nothing to check</h2>\n<table><thead><tr><th>Clause</th>"
                         "<th>Rule</th><th>Note</th></tr></thead><tbody>\n";
        any = true;
        out += fmt::format("<tr><td>{}</td><td><code>{}</code> {}</td><td>{}</td></tr>\n", h(r.rule->clause()), h(r.rule->id()),
                           h(r.rule->title), h(r.note));
    }
    if (any) out += "</tbody></table></section>\n";
    if (!in.bundle.quality.empty()) {
        out += fmt::format("<section id=\"evidence-quality\"><h2>Evidence quality ({})</h2>\n<table><thead><tr><th>Level</th><th>Code</th>"
                           "<th>Source</th><th>Message</th></tr></thead><tbody>\n", in.bundle.quality.size());
        for (const auto& q : in.bundle.quality)
            out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"source\">{}</td><td>{}</td></tr>\n", h(q.level), h(q.code),
                               h(q.source), h(q.message));
        out += "</tbody></table></section>\n";
    }
    return out;
}

}  // namespace

std::string html_report(const ReportInput& in) {
    Summary s = summarize(in.result);
    auto groups = findings_by_grade(in.result);
    std::string title = fmt::format("Audit of {} as of {}", organization_or_path(in), as_of_date(in));
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"shall {}\">\n", tool_version);
    out += "<link rel=\"icon\" href=\"data:,\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", h(title), html_style);
    out += fmt::format("<header><h1>{}</h1>\n{}</header>\n", h(title), facts(in, s));
    out += "<section id=\"summary\"><h2>Summary by clause</h2>\n" + clause_summary(in.result, s) + "</section>\n";
    out += "<section id=\"heatmap\"><h2>Clauses 4–10</h2>\n" + heat_section(in) + "</section>\n";
    out += "<section id=\"findings\"><h2>Findings</h2>\n" + filters(groups, in.result);
    if (s.major + s.minor + s.observation + s.ofi == 0) out += "<p>No findings.</p>\n";
    for (const auto& g : groups) {
        if (g.count == 0) continue;
        out += fmt::format("<section class=\"grade-group\" data-grade=\"{}\"><h3>{} ({})</h3>\n", g.grade, grade_heading(g.grade), g.count);
        for (const auto& rf : g.rules) out += rule_block(rf, g.grade);
        out += "</section>\n";
    }
    out += "</section>\n" + rest(in);
    out += fmt::format("<footer>Generated by shall {} from the evidence as of {}. Every finding names the record and the "
                       "file:line it was read from.</footer>\n", tool_version, as_of_date(in));
    out += fmt::format("<script>{}</script>\n</body>\n</html>\n", html_script);
    return out;
}

}  // namespace shall
