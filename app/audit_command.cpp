#include <filesystem>
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
#include "commands.hpp"
#include "output_files.hpp"
#include "param_option.hpp"

namespace shall::cli {

Command add_audit(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, params, include, formats;
        std::string evidence, as_of, out;
        unsigned threads = 0;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--rules", o->rules, "Ruleset directories or rule files")->required();
    app.add_option("--evidence", o->evidence, "The evidence bundle directory")->required();
    app.add_option("--as-of", o->as_of, "Audit date YYYY-MM-DD (overrides bundle.json's as_of)");
    app.add_option("--param", o->params, "Override a parameter: NAME=VALUE (e.g. review_interval=\"18 months\")");
    app.add_option("--threads", o->threads, "Worker threads (default: all cores); never changes the report");
    app.add_option("--format", o->formats, "FORMAT[:FILE], repeatable; formats: text, json (default text to stdout)");
    app.add_option("--out", o->out, "Write the (single) report to FILE instead of stdout");
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    return [o]() -> int {
        Diagnostics diags;
        ProgramOptions options;
        options.include_dirs = o->include;
        options.params = split_params(o->params, diags);
        std::vector<OutputRequest> outputs = parse_outputs(o->formats, o->out, diags);
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
        EvidenceStore store = load_bundle(program->schema, o->evidence, load);
        if (!store.info.as_of) {
            std::cerr << fmt::format("shall: error: no audit date: give --as-of YYYY-MM-DD or set \"as_of\" in {}/bundle.json\n",
                                     o->evidence);
            return 2;
        }
        EvidenceGraph graph(store);
        AuditOptions audit_options;
        audit_options.threads = o->threads;
        AuditResult result = run_audit(*program, plan, store, graph, audit_options);

        ReportInput in{*program, store, result, o->evidence};
        std::vector<RenderedOutput> rendered;
        for (const auto& req : outputs) {
            bool tty = req.file.empty() && isatty(STDOUT_FILENO);
            std::string text = req.format == "json" ? json_report(in) : text_report(in, tty && !std::getenv("NO_COLOR"));
            rendered.push_back({req, std::move(text)});
        }
        if (!write_outputs(rendered)) return 2;
        return summarize(result).has_nonconformity() ? 1 : 0;
    };
}

}  // namespace shall::cli
