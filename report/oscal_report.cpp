// OSCAL 1.0.6 assessment-results: one result per audit; one observation per finding,
// carrying its evidence (relevant-evidence with file:line); one finding per rule (the
// requirement it checks) with satisfied / not-satisfied. UUIDs are version 5, derived from
// the content (the JSON report) and a key per object; every time is as_of at midnight UTC.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "audit_view.hpp"
#include "escape.hpp"
#include "report.hpp"
#include "uuid.hpp"

namespace shall {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* oscal_ns = "urn:x-shall:oscal";   // namespace of the props shall adds

// OSCAL strings may not be empty nor begin or end with white space (StringDatatype).
std::string trimmed(std::string s, const char* fallback) {
    for (auto& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return fallback;
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

json prop(const std::string& name, const std::string& value) {
    return {{"name", name}, {"ns", oscal_ns}, {"value", trimmed(value, "none")}};
}

std::string evidence_description(const EvidenceRecord& e) {
    std::vector<std::string> fields;
    for (const auto& [k, v] : e.fields) fields.push_back(k + " = " + v);
    for (const auto& k : e.absent) fields.push_back(k + " absent");
    return fmt::format("{} at {}{}{}", record_label(e), e.source, fields.empty() ? "" : ": ", fmt::join(fields, "; "));
}

json relevant_evidence(const ReportInput& in, const EvidenceRecord& e) {
    auto [file, line] = split_source(e.source);
    std::string href = uri_path(evidence_file_path(in, file));
    if (line > 0) href += fmt::format("#L{}", line);
    return {{"href", href}, {"description", evidence_description(e)}, {"props", json::array({prop("source", e.source)})}};
}

std::string finding_description(const Finding& f) {
    std::string out = f.message;
    for (const auto& d : f.details) out += "\n" + d;
    return out;
}

}  // namespace

std::string oscal_report(const ReportInput& in) {
    const std::string doc_uuid = uuid_v5(shall_uuid_namespace, "oscal-assessment-results\n" + json_report(in));
    auto uuid = [&](const std::string& key) { return uuid_v5(doc_uuid, key); };
    const std::string when = as_of_timestamp(in);
    Summary s = summarize(in.result);

    json metadata = {
        {"title", fmt::format("ISO/IEC 20000-1 audit of {} as of {}", organization_or_path(in), as_of_date(in))},
        {"last-modified", when},
        {"version", as_of_date(in)},
        {"oscal-version", "1.0.6"},
        {"props", json::array({prop("tool", fmt::format("shall {}", tool_version)), prop("evidence-path", in.evidence_path),
                               prop("evidence-digest", in.bundle.digest)})}};
    std::vector<std::string> rulesets;
    for (const auto& r : in.program.rulesets) {
        rulesets.push_back(fmt::format("{} {}", r.name, r.version));
        metadata["props"].push_back(prop("ruleset", fmt::format("{} {} {}", r.name, r.version, r.digest)));
    }

    json observations = json::array();
    json findings = json::array();
    for (const auto& r : in.result.rules) {
        json related = json::array();
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            const Finding& f = r.findings[i];
            std::string id = uuid(fmt::format("observation\n{}\n{}\n{}\n{}", r.rule->id(), f.focus_type, f.focus_id, i));
            json o = {{"uuid", id},
                      {"title", fmt::format("{}: {}", r.rule->id(), finding_subject(f))},
                      {"description", trimmed(finding_description(f), "finding")},
                      {"props", json::array({prop("grade", f.severity), prop("clause", r.rule->clause())})},
                      {"methods", json::array({"TEST"})},
                      {"types", json::array({"finding"})}};
            if (f.has_focus) o["props"].push_back(prop("focus", fmt::format("{} {} {}", f.focus_type, f.focus_id, f.focus_source)));
            json evidence = json::array();
            for (const auto& e : f.evidence) evidence.push_back(relevant_evidence(in, e));
            if (!evidence.empty()) o["relevant-evidence"] = evidence;
            o["collected"] = when;
            observations.push_back(std::move(o));
            related.push_back({{"observation-uuid", id}});
        }
        const auto& decl = *r.rule->decl;
        json status;
        std::string remarks;
        if (r.status == RuleStatus::pass) {
            status = {{"state", "satisfied"}, {"reason", "pass"}};
            remarks = r.note.empty() ? fmt::format("{} records checked, none falls short", r.checked) : r.note;
        } else if (r.status == RuleStatus::fail) {
            status = {{"state", "not-satisfied"}, {"reason", "fail"}};
            remarks = population_line(r);
            if (remarks.empty()) remarks = r.findings.empty() ? "failed" : r.findings.front().message;
        } else {
            std::vector<std::string> missing = r.missing_types;
            missing.insert(missing.end(), r.missing_fields.begin(), r.missing_fields.end());
            status = {{"state", "not-satisfied"}, {"reason", "other"}};
            remarks = fmt::format("Not evaluated: the evidence it needs is absent ({})", fmt::join(missing, ", "));
        }
        status["remarks"] = trimmed(remarks, "none");
        json props = json::array({prop("clause", r.rule->clause()), prop("status", std::string(to_string(r.status))),
                                  prop("severity", r.rule->severity), prop("checked", std::to_string(r.checked)),
                                  prop("failed", std::to_string(r.failed))});
        if (std::string grade = worst_grade(r); !grade.empty()) props.push_back(prop("grade", grade));
        if (!decl.process.empty()) props.push_back(prop("process", decl.process));
        json finding = {
            {"uuid", uuid("finding\n" + r.rule->id())},
            {"title", fmt::format("{} {}", r.rule->clause(), trimmed(r.rule->title, r.rule->id().c_str()))},
            {"description", trimmed(decl.requirement.empty() ? r.rule->title : decl.requirement, "requirement")},
            {"props", props},
            {"target", {{"type", "objective-id"},
                        {"target-id", r.rule->id()},
                        {"title", trimmed(r.rule->title, r.rule->id().c_str())},
                        {"status", status}}}};
        if (!related.empty()) finding["related-observations"] = related;
        if (!r.rule->prompt.empty()) finding["remarks"] = "Auditor: " + r.rule->prompt;
        findings.push_back(std::move(finding));
    }

    json result = {
        {"uuid", uuid("result")},
        {"title", fmt::format("Audit of {} against {}", organization_or_path(in), fmt::join(rulesets, ", "))},
        {"description", fmt::format("{} rules over {} records of {}: {} passed, {} failed, {} not evaluated; {} major, {} minor "
                                    "nonconformities, {} observations, {} opportunities for improvement.",
                                    s.rules, in.bundle.record_count, in.evidence_path, s.passed, s.failed, s.not_evaluated, s.major,
                                    s.minor, s.observation, s.ofi)},
        {"start", when},
        {"end", when},
        {"props", json::array({prop("as-of", as_of_date(in))})},
        {"reviewed-controls", {{"control-selections", json::array({{{"description", "Every enabled rule of the rulesets"},
                                                                     {"include-all", json::object()}}})}}}};
    if (!observations.empty()) result["observations"] = observations;
    if (!findings.empty()) result["findings"] = findings;

    std::string plan = in.program.rulesets.empty() ? std::string() : in.program.rulesets.front().path;
    json doc = {{"assessment-results",
                 {{"uuid", doc_uuid},
                  {"metadata", metadata},
                  {"import-ap", {{"href", plan.empty() ? std::string("#") : uri_path(plan)},
                                 {"remarks", "The assessment plan is the ruleset: each rule is one assessment objective."}}},
                  {"results", json::array({result})}}}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace shall
