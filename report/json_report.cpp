#include <nlohmann/json.hpp>

#include "report.hpp"

namespace shall {

using json = nlohmann::ordered_json;

static json evidence_json(const EvidenceRecord& e) {
    json fields = json::object();
    for (const auto& [k, v] : e.fields) fields[k] = v;
    json out = {{"type", e.type}, {"id", e.id}, {"source", e.source}, {"fields", fields}};
    if (!e.absent.empty()) out["absent"] = e.absent;
    return out;
}

std::string json_report(const ReportInput& in) {
    Summary s = summarize(in.result);
    json doc;
    doc["tool"] = {{"name", "shall"}, {"version", tool_version}};
    doc["as_of"] = format_date(*in.store.info.as_of);
    doc["period"] = {{"start", format_date(in.store.info.period_start.value_or(0))},
                     {"end", format_date(in.store.info.period_end.value_or(0))}};
    doc["evidence"] = {{"path", in.evidence_path}, {"records", in.store.record_count}, {"digest", in.store.digest}};
    if (!in.store.info.organization.empty()) doc["evidence"]["organization"] = in.store.info.organization;
    json rulesets = json::array();
    for (const auto& r : in.program.rulesets)
        rulesets.push_back({{"name", r.name}, {"version", r.version}, {"rules", r.rules}, {"digest", r.digest}});
    doc["rulesets"] = rulesets;
    json quality = json::array();
    for (const auto& q : in.store.quality)
        quality.push_back({{"level", q.level}, {"code", q.code}, {"source", q.source}, {"message", q.message}});
    doc["evidence_quality"] = quality;
    doc["summary"] = {{"rules", s.rules}, {"passed", s.passed}, {"failed", s.failed}, {"not_evaluated", s.not_evaluated},
                      {"findings", {{"major", s.major}, {"minor", s.minor}, {"observation", s.observation}, {"ofi", s.ofi}}}};
    json rules = json::array();
    for (const auto& r : in.result.rules) {
        json j = {{"id", r.rule->id()}, {"clause", r.rule->clause()}, {"severity", r.rule->severity},
                  {"status", std::string(to_string(r.status))}, {"checked", r.checked}, {"failed", r.failed}};
        if (r.status == RuleStatus::not_evaluated)
            j["missing"] = {{"types", r.missing_types}, {"fields", r.missing_fields}};
        if (!r.note.empty()) j["note"] = r.note;
        if (!r.rule->prompt.empty()) j["auditor_prompt"] = r.rule->prompt;
        rules.push_back(std::move(j));
    }
    doc["rules"] = rules;
    json disabled = json::array();
    for (const auto* r : in.result.disabled) disabled.push_back({{"id", r->id()}, {"reason", r->disabled_reason}});
    if (!disabled.empty()) doc["disabled"] = disabled;
    json findings = json::array();
    for (const Finding* f : in.result.findings()) {
        const auto& decl = *f->rule->decl;
        json refs = json::array();
        for (const auto& ref : decl.refs) refs.push_back({{"standard", ref.standard}, {"clause", ref.clause}});
        json j = {{"rule", f->rule->id()}, {"clause", f->rule->clause()}, {"clauses", decl.clauses}, {"refs", refs},
                  {"severity", f->severity}, {"title", f->rule->title}, {"requirement", decl.requirement}};
        if (!decl.process.empty()) j["process"] = decl.process;
        j["focus"] = f->has_focus ? json{{"type", f->focus_type}, {"id", f->focus_id}, {"source", f->focus_source}} : json(nullptr);
        j["message"] = f->message;
        if (!f->details.empty()) j["details"] = f->details;
        json ev = json::array();
        for (const auto& e : f->evidence) ev.push_back(evidence_json(e));
        j["evidence"] = ev;
        findings.push_back(std::move(j));
    }
    doc["findings"] = findings;
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";   // never throw on bad UTF-8
}

}  // namespace shall
