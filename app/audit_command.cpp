#include <filesystem>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "../dsl/check/program.hpp"
#include "../engine/eval/audit.hpp"
#include "../engine/evidence/store.hpp"
#include "../engine/graph/evidence_graph.hpp"
#include "../engine/plan/planner.hpp"
#include "../report/report.hpp"
#include "../engine/importer/progress.hpp"
#include "commands.hpp"
#include "output_files.hpp"
#include "limit_options.hpp"
#include "param_option.hpp"
#include "stage_timer.hpp"

namespace shall::cli {

Command add_audit(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, params, include, formats;
        std::string evidence, as_of, out;
        unsigned threads = 0;
        bool all = false, timings = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--rules", o->rules, "Ruleset directories or rule files")->required();
    app.add_option("--evidence", o->evidence, "The evidence bundle directory")->required();
    app.add_option("--as-of", o->as_of, "Audit date YYYY-MM-DD (overrides bundle.json's as_of)");
    app.add_option("--param", o->params, "Override a parameter: NAME=VALUE (e.g. review_interval=\"18 months\")");
    app.add_option("--threads", o->threads, "Worker threads (default: all cores); never changes the report");
    app.add_option("--format", o->formats,
                   "FORMAT[:FILE], repeatable; formats: text, json, md, html, oscal, sarif, junit, csv, xlsx (default text to stdout)");
    app.add_flag("--all", o->all, "Text report: list every record that falls short, not a population summary");
    app.add_option("--out", o->out, "Write the (single) report to FILE instead of stdout");
    app.add_flag("--timings", o->timings, "Print the wall and CPU time of each stage (load, graph, rules, reports), the memory resident at its end, and the slowest rules to standard error");
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    auto limits = std::make_shared<EvidenceLimits>();
    add_limit_options(app, limits);
    struct MappingOptions { std::string name, timezone; };   // shall audit --mapping: import raw exports first
    auto mapping = std::make_shared<MappingOptions>();
    app.add_option("--mapping", mapping->name, "Treat --evidence as raw exports (a file or a directory) and import them with this mapping");
    app.add_option("--timezone", mapping->timezone, "With --mapping: IANA time zone of source times that carry no offset");
    return [o, limits, mapping]() -> int {
        Diagnostics diags;
        ProgramOptions options;
        options.include_dirs = o->include;
        options.params = split_params(o->params, diags);
        std::vector<OutputRequest> outputs = parse_outputs(o->formats, o->out, diags);
        for (const auto& req : outputs)
            if (req.format == "xlsx" && req.file.empty() && isatty(STDOUT_FILENO))
                diags.error({}, "--format xlsx: an xlsx report is binary; give it a file (xlsx:FILE) or redirect standard output");
        std::optional<Days> as_of;
        if (!o->as_of.empty()) {
            as_of = parse_date(o->as_of);
            if (!as_of) diags.error({}, fmt::format("--as-of {}: expected a date YYYY-MM-DD", o->as_of));
        }
        auto program = load_program(o->rules, options, diags);
        if (report_diagnostics(diags)) return 2;
        Plan plan = plan_program(*program);

        LoadOptions load;
        load.as_of = as_of;
        load.threads = o->threads;
        load.limits = *limits;
        std::string bundle_dir = o->evidence;   // the reports name what the user gave, never a temporary bundle
        if (!mapping->name.empty()) {
            Diagnostics import_diags;
            auto bundle = import_for_audit(program->schema, mapping->name, o->evidence, mapping->timezone, import_diags);
            if (report_diagnostics(import_diags) || !bundle) return 2;
            bundle_dir = *bundle;
        }
        StageTimer timer(o->timings);
        BundleSummary bundle;
        AuditResult result;
        {   // The records and the graph are freed before the reports are written: the pages they
            // give back then hold the report files' page cache instead of pages the system must
            // find afresh (at 10M records, the 200 MB JSON report took 0.35 s to write, not 0.8).
            EvidenceStore store = load_bundle(program->schema, bundle_dir, load);
            timer.stage("load evidence");
            if (!store.info.as_of) {
                std::cerr << fmt::format("shall: error: no audit date: give --as-of YYYY-MM-DD or set \"as_of\" in {}/bundle.json\n",
                                         o->evidence);
                return 2;
            }
            EvidenceGraph graph(store, o->threads);
            timer.stage("build graph");
            AuditOptions audit_options;
            audit_options.threads = o->threads;
            importer::Progress progress("audit", program->rules.size());   // on a terminal, after ~1 s
            audit_options.on_rule_done = [&progress](std::size_t done, std::size_t) { progress.step(done); };
            std::vector<std::pair<double, std::string>> rule_seconds;
            if (o->timings) audit_options.on_rule_timed = [&rule_seconds](const CheckedRule& r, double s) { rule_seconds.emplace_back(s, r.id()); };
            result = run_audit(*program, plan, store, graph, audit_options);
            timer.stage("evaluate rules");
            timer.slowest("rule", std::move(rule_seconds), 5);
            bundle = store.summary();
        }
        timer.stage("free records");

        ReportInput in{*program, bundle, result, o->evidence};
        std::vector<RenderedOutput> rendered;
        for (const auto& req : outputs) {
            ReportOptions options;
            options.colour = req.file.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
            options.all = o->all;
            rendered.push_back({req, {}, [&in, format = req.format, options](const ReportSink& sink) { stream_report(format, in, options, sink); }});
        }
        if (!write_outputs(rendered)) return 2;
        timer.stage("reports");
        return summarize(result).has_nonconformity() ? 1 : 0;
    };
}

}  // namespace shall::cli
