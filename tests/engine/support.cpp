#include "support.hpp"

#include <atomic>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "report/report.hpp"

namespace shall::etest {

namespace fs = std::filesystem;

std::string source_dir() { return SHALL_SOURCE_DIR; }
std::string rules_data(const std::string& name) { return source_dir() + "/tests/data/rules/" + name; }

ProgramOptions program_options(std::vector<std::pair<std::string, std::string>> params) {
    ProgramOptions o;
    o.include_dirs = {source_dir() + "/rulesets"};
    o.params = std::move(params);
    return o;
}

std::string rendered(Diagnostics& diags, const std::string& strip) {
    diags.sort();
    std::string out;
    for (const auto& d : diags.all()) out += render(d);
    if (!strip.empty())
        for (auto at = out.find(strip); at != std::string::npos; at = out.find(strip, at)) out.erase(at, strip.size());
    return out;
}

std::unique_ptr<Loaded> load(const std::vector<std::string>& paths, std::vector<std::pair<std::string, std::string>> params) {
    auto l = std::make_unique<Loaded>();
    l->program = load_program(paths, program_options(std::move(params)), l->diags);
    return l;
}

const RuleResult& Run::rule(const std::string& id) const {
    for (const auto& r : result.rules)
        if (r.rule->id() == id) return r;
    throw std::runtime_error("rule " + id + " did not run");
}

std::vector<std::string> Run::focus_ids(const std::string& id) const {
    std::vector<std::string> out;
    for (const Finding* f : result.findings())
        if (f->rule->id() == id) out.push_back(f->has_focus ? f->focus_id : "<population>");
    return out;
}

std::vector<std::string> Run::messages(const std::string& id) const {
    std::vector<std::string> out;
    for (const Finding* f : result.findings())
        if (f->rule->id() == id) out.push_back(f->message);
    return out;
}

const Finding& Run::finding(const std::string& id, const std::string& focus_id) const {
    for (const Finding* f : result.findings())
        if (f->rule->id() == id && f->focus_id == focus_id) return *f;
    throw std::runtime_error("no finding of " + id + " for " + focus_id);
}

std::string Run::json() const {
    const BundleSummary bundle = store->summary();
    ReportInput in{*program, bundle, result, "bundle"};
    return json_report(in);
}

std::unique_ptr<Run> run_paths(const std::vector<std::string>& rule_paths, const std::string& bundle_dir,
                               const RunOptions& options) {
    auto r = std::make_unique<Run>();
    r->program = load_program(rule_paths, program_options(options.params), r->diags);
    if (r->diags.has_errors()) return r;
    r->plan = plan_program(*r->program);
    LoadOptions load;
    load.as_of = options.as_of;
    load.threads = options.threads;
    r->store = std::make_unique<EvidenceStore>(load_bundle(r->program->schema, bundle_dir, load));
    if (!r->store->info.as_of) throw std::runtime_error("test bundle has no as_of");
    r->graph = std::make_unique<EvidenceGraph>(*r->store);
    AuditOptions audit;
    audit.threads = options.threads;
    r->result = run_audit(*r->program, r->plan, *r->store, *r->graph, audit);
    return r;
}

std::unique_ptr<Run> run(const std::string& rules, const Files& bundle, const RunOptions& options) {
    TempDir dir;
    std::string rule_file = dir.write("rules/rules.shall", rules);
    for (const auto& [name, bytes] : bundle) dir.write("bundle/" + name, bytes);
    fs::create_directories(dir.path("bundle"));
    auto r = run_paths({rule_file}, dir.path("bundle"), options);
    // the program keeps its own copies of the source text; the directory can go
    return r;
}

std::vector<std::string> evidence_lines(const Finding& f) {
    std::vector<std::string> out;
    for (const auto& e : f.evidence) {
        std::vector<std::string> fields;
        for (const auto& [k, v] : e.fields) fields.push_back(k + "=" + v);
        std::string line = fmt::format("{} {} {} {{{}}}", e.type, e.id, e.source, fmt::join(fields, ", "));
        if (!e.absent.empty()) line += fmt::format(" absent[{}]", fmt::join(e.absent, ", "));
        out.push_back(std::move(line));
    }
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> explain(const Program& p, const std::string& id) {
    for (const auto& r : p.rules)
        if (r.id() == id) return explain_rule(r);
    return {"no rule " + id};
}

}  // namespace shall::etest
