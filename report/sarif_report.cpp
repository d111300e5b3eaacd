// SARIF 2.1.0 logs: the findings of an audit (locations = the evidence file and line, the
// rule file as a related location) and `shall check` diagnostics on rule files, so editors
// and code-scanning UIs show them in place.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "audit_view.hpp"
#include "escape.hpp"
#include "report.hpp"

namespace shall {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* sarif_schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const char* level_of_grade(const std::string& grade) {
    if (grade == "major") return "error";
    if (grade == "minor") return "warning";
    return "note";
}

json driver(json rules) {
    json d = {{"name", "shall"}, {"version", tool_version}, {"semanticVersion", tool_version}};
    if (!rules.empty()) d["rules"] = std::move(rules);
    return d;
}

json location(const std::string& path, unsigned line, unsigned column = 0) {
    json physical = {{"artifactLocation", {{"uri", uri_path(path)}}}};
    if (line > 0) {
        physical["region"] = {{"startLine", line}};
        if (column > 0) physical["region"]["startColumn"] = column;
    }
    return {{"physicalLocation", physical}};
}

json evidence_location(const ReportInput& in, const std::string& source) {
    auto [file, line] = split_source(source);
    return location(evidence_file_path(in, file), line);
}

json rule_location(const CheckedRule& rule) {
    const auto& where = rule.decl->where;
    return location(where.file ? where.file->path : std::string(), where.line, where.column);
}

std::string log_text(const json& log) { return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string sarif_report(const ReportInput& in) {
    json rules = json::array();
    for (const auto& r : in.result.rules) {
        const auto& decl = *r.rule->decl;
        json props = {{"clause", r.rule->clause()}, {"clauses", decl.clauses}, {"status", std::string(to_string(r.status))},
                      {"checked", r.checked}, {"failed", r.failed}};
        if (!decl.process.empty()) props["process"] = decl.process;
        if (!decl.tags.empty()) props["tags"] = decl.tags;
        json rule = {{"id", r.rule->id()},
                     {"shortDescription", {{"text", r.rule->title}}},
                     {"fullDescription", {{"text", decl.requirement.empty() ? r.rule->title : decl.requirement}}},
                     {"defaultConfiguration", {{"level", level_of_grade(r.rule->severity)}}}};
        if (!r.rule->prompt.empty()) rule["help"] = {{"text", r.rule->prompt}};
        rule["properties"] = props;
        rules.push_back(std::move(rule));
    }

    json results = json::array();
    for (std::size_t index = 0; index < in.result.rules.size(); ++index) {
        const RuleResult& r = in.result.rules[index];
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            const Finding& f = r.findings[i];
            std::string text = f.message;
            for (const auto& d : f.details) text += "\n" + d;
            json result = {{"ruleId", r.rule->id()}, {"ruleIndex", index}, {"kind", "fail"}, {"level", level_of_grade(f.severity)},
                           {"message", {{"text", text}}}};
            result["locations"] = json::array({f.has_focus ? evidence_location(in, f.focus_source) : rule_location(*r.rule)});
            json related = json::array();
            int id = 0;
            for (const auto& e : f.evidence) {
                if (f.has_focus && e.type == f.focus_type && e.id == f.focus_id && e.source == f.focus_source) continue;
                json loc = evidence_location(in, e.source);
                loc["id"] = id++;
                loc["message"] = {{"text", record_label(e)}};
                related.push_back(std::move(loc));
            }
            json rule_loc = rule_location(*r.rule);
            rule_loc["id"] = id;
            rule_loc["message"] = {{"text", "rule " + r.rule->id()}};
            related.push_back(std::move(rule_loc));
            result["relatedLocations"] = related;
            result["partialFingerprints"] = {
                {"shallFinding/v1", fmt::format("{}/{}/{}/{}", r.rule->id(), f.focus_type, f.focus_id, f.has_focus ? 0 : i)}};
            result["properties"] = {{"grade", f.severity}, {"clause", r.rule->clause()}};
            results.push_back(std::move(result));
        }
    }

    json notifications = json::array();
    for (const auto& r : in.result.rules) {
        if (r.status != RuleStatus::not_evaluated) continue;
        std::vector<std::string> missing = r.missing_types;
        missing.insert(missing.end(), r.missing_fields.begin(), r.missing_fields.end());
        notifications.push_back({{"level", "warning"},
                                 {"message", {{"text", fmt::format("{} not evaluated: missing {}", r.rule->id(), fmt::join(missing, ", "))}}},
                                 {"locations", json::array({rule_location(*r.rule)})},
                                 {"associatedRule", {{"id", r.rule->id()}}}});
    }
    for (const auto& q : in.bundle.quality)
        notifications.push_back({{"level", q.level == "error" ? "error" : q.level == "warning" ? "warning" : "note"},
                                 {"message", {{"text", fmt::format("[{}] {}", q.code, q.message)}}},
                                 {"locations", json::array({evidence_location(in, q.source)})},
                                 {"descriptor", {{"id", q.code}}}});
    json invocation = {{"executionSuccessful", true}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

    json run = {{"tool", {{"driver", driver(rules)}}},
                {"invocations", json::array({invocation})},
                {"automationDetails", {{"id", fmt::format("shall-audit/{}/", as_of_date(in))}}},
                {"results", results},
                {"properties", {{"as_of", as_of_date(in)},
                                {"evidence", {{"path", in.evidence_path}, {"records", in.bundle.record_count}, {"digest", in.bundle.digest}}}}}};
    return log_text({{"$schema", sarif_schema}, {"version", "2.1.0"}, {"runs", json::array({run})}});
}

std::string sarif_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    json results = json::array();
    for (const auto& d : diagnostics) {
        std::string text = d.message;
        if (!d.hint.empty()) text += "\n" + d.hint;
        json result = {{"level", d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note"},
                       {"message", {{"text", text}}}};
        if (d.where.file) result["locations"] = json::array({location(d.where.file->path, d.where.line, d.where.column)});
        results.push_back(std::move(result));
    }
    json run = {{"tool", {{"driver", driver(json::array())}}},
                {"invocations", json::array({{{"executionSuccessful", true}}})},   // the check ran; the errors are its results
                {"results", results}};
    return log_text({{"$schema", sarif_schema}, {"version", "2.1.0"}, {"runs", json::array({run})}});
}

}  // namespace shall
