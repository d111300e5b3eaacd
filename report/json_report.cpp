// The JSON report, streamed with JsonWriter: the same bytes nlohmann's
// dump(2, ' ', false, error_handler_t::replace) printed for the ordered_json tree this file
// used to build, without building the tree (a million-record audit has ~20k findings).
#include "json_writer.hpp"
#include "report.hpp"

namespace shall {

namespace {

// Generous: reserving too much costs only address space, too little a copy of the whole
// report. Per value, room for the indentation, the quotes, the key and some escaping.
constexpr std::size_t per_value_overhead = 32;

std::size_t strings_size(const std::vector<std::string>& texts) {
    std::size_t size = 0;
    for (const auto& t : texts) size += t.size() + per_value_overhead;
    return size;
}

std::size_t evidence_size_estimate(const EvidenceRecord& e) {
    std::size_t size = 8 * per_value_overhead + e.type.size() + e.id.size() + e.source.size() + strings_size(e.absent);
    for (const auto& [k, v] : e.fields) size += k.size() + v.size() + per_value_overhead;
    return size;
}

std::size_t report_size_estimate(const ReportInput& in, const std::vector<const Finding*>& findings) {
    std::size_t size = 4096 + in.evidence_path.size() + in.bundle.info.organization.size();
    size += (in.program.rulesets.size() + in.result.disabled.size()) * 8 * per_value_overhead;
    for (const auto& q : in.bundle.quality) size += 6 * per_value_overhead + q.source.size() + q.message.size();
    for (const auto& r : in.result.rules)
        size += 16 * per_value_overhead + r.note.size() + r.rule->prompt.size() + strings_size(r.missing_types) +
                strings_size(r.missing_fields);
    for (const Finding* f : findings) {
        const auto& decl = *f->rule->decl;
        size += 24 * per_value_overhead + decl.refs.size() * 6 * per_value_overhead + strings_size(decl.clauses) +
                f->rule->title.size() + decl.requirement.size() + decl.process.size() + f->focus_id.size() +
                f->focus_source.size() + f->message.size() + strings_size(f->details);
        for (const auto& e : f->evidence) size += evidence_size_estimate(e);
    }
    return size;
}

// A record's fields as an object. A field read twice appears once, where it was first read,
// with the value read last (what assigning into an ordered_json object did).
void write_fields(JsonWriter& w, const std::vector<std::pair<std::string, std::string>>& fields) {
    w.begin_object();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& name = fields[i].first;
        bool seen_before = false;
        for (std::size_t j = 0; j < i && !seen_before; ++j) seen_before = fields[j].first == name;
        if (seen_before) continue;
        const std::string* last_value = &fields[i].second;
        for (std::size_t j = i + 1; j < fields.size(); ++j)
            if (fields[j].first == name) last_value = &fields[j].second;
        w.member(name, *last_value);
    }
    w.end_object();
}

void write_evidence(JsonWriter& w, const EvidenceRecord& e) {
    w.begin_object();
    w.member("type", e.type);
    w.member("id", e.id);
    w.member("source", e.source);
    w.key("fields");
    write_fields(w, e.fields);
    if (!e.absent.empty()) w.member("absent", e.absent);
    w.end_object();
}

void write_finding(JsonWriter& w, const Finding& f) {
    const auto& decl = *f.rule->decl;
    w.begin_object();
    w.member("rule", f.rule->id());
    w.member("clause", f.rule->clause());
    w.member("clauses", decl.clauses);
    w.key("refs");
    w.begin_array();
    for (const auto& ref : decl.refs) {
        w.begin_object();
        w.member("standard", ref.standard);
        w.member("clause", ref.clause);
        w.end_object();
    }
    w.end_array();
    w.member("severity", f.severity);
    w.member("title", f.rule->title);
    w.member("requirement", decl.requirement);
    if (!decl.process.empty()) w.member("process", decl.process);
    w.key("focus");
    if (f.has_focus) {
        w.begin_object();
        w.member("type", f.focus_type);
        w.member("id", f.focus_id);
        w.member("source", f.focus_source);
        w.end_object();
    } else {
        w.value(nullptr);
    }
    w.member("message", f.message);
    if (!f.details.empty()) w.member("details", f.details);
    w.key("evidence");
    w.begin_array();
    for (const auto& e : f.evidence) write_evidence(w, e);
    w.end_array();
    w.end_object();
}

void write_rule_result(JsonWriter& w, const RuleResult& r) {
    w.begin_object();
    w.member("id", r.rule->id());
    w.member("clause", r.rule->clause());
    w.member("severity", r.rule->severity);
    w.member("status", to_string(r.status));
    w.member("checked", r.checked);
    w.member("failed", r.failed);
    if (r.status == RuleStatus::not_evaluated) {
        w.key("missing");
        w.begin_object();
        w.member("types", r.missing_types);
        w.member("fields", r.missing_fields);
        w.end_object();
    }
    if (!r.note.empty()) w.member("note", r.note);
    if (!r.rule->prompt.empty()) w.member("auditor_prompt", r.rule->prompt);
    w.end_object();
}

void write_report(const ReportInput& in, const std::vector<const Finding*>& findings, JsonWriter& w) {
    const Summary s = summarize(in.result);
    w.begin_object();

    w.key("tool");
    w.begin_object();
    w.member("name", "shall");
    w.member("version", tool_version);
    w.end_object();
    w.member("as_of", format_date(*in.bundle.info.as_of));
    w.key("period");
    w.begin_object();
    w.member("start", format_date(in.bundle.info.period_start.value_or(0)));
    w.member("end", format_date(in.bundle.info.period_end.value_or(0)));
    w.end_object();

    w.key("evidence");
    w.begin_object();
    w.member("path", in.evidence_path);
    w.member("records", in.bundle.record_count);
    w.member("digest", in.bundle.digest);
    if (!in.bundle.info.organization.empty()) w.member("organization", in.bundle.info.organization);
    w.end_object();

    w.key("rulesets");
    w.begin_array();
    for (const auto& r : in.program.rulesets) {
        w.begin_object();
        w.member("name", r.name);
        w.member("version", r.version);
        w.member("rules", r.rules);
        w.member("digest", r.digest);
        w.end_object();
    }
    w.end_array();

    w.key("evidence_quality");
    w.begin_array();
    for (const auto& q : in.bundle.quality) {
        w.begin_object();
        w.member("level", q.level);
        w.member("code", q.code);
        w.member("source", q.source);
        w.member("message", q.message);
        w.end_object();
    }
    w.end_array();

    w.key("summary");
    w.begin_object();
    w.member("rules", s.rules);
    w.member("passed", s.passed);
    w.member("failed", s.failed);
    w.member("not_evaluated", s.not_evaluated);
    w.key("findings");
    w.begin_object();
    w.member("major", s.major);
    w.member("minor", s.minor);
    w.member("observation", s.observation);
    w.member("ofi", s.ofi);
    w.end_object();
    w.end_object();

    w.key("rules");
    w.begin_array();
    for (const auto& r : in.result.rules) write_rule_result(w, r);
    w.end_array();

    if (!in.result.disabled.empty()) {
        w.key("disabled");
        w.begin_array();
        for (const auto* r : in.result.disabled) {
            w.begin_object();
            w.member("id", r->id());
            w.member("reason", r->disabled_reason);
            w.end_object();
        }
        w.end_array();
    }

    w.key("findings");
    w.begin_array();
    for (const Finding* f : findings) write_finding(w, *f);
    w.end_array();

    w.end_object();
}

}  // namespace

std::string json_report(const ReportInput& in) {
    const std::vector<const Finding*> findings = in.result.findings();
    JsonWriter w(report_size_estimate(in, findings));
    write_report(in, findings, w);
    std::string out = w.take();
    out += '\n';
    return out;
}

void json_report(const ReportInput& in, const ReportSink& sink) {
    JsonWriter w(sink);
    write_report(in, in.result.findings(), w);
    w.finish();
    sink("\n");
}

}  // namespace shall
