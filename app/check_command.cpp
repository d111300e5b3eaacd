#include <fmt/format.h>
#include <iostream>

#include "../dsl/check/program.hpp"
#include "../engine/plan/planner.hpp"
#include "../report/report.hpp"
#include "commands.hpp"
#include "output_files.hpp"
#include "param_option.hpp"

namespace shall::cli {

Command add_check(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, params, include, formats;
        bool explain = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("rules", o->rules, "Rule files or ruleset directories")->required();
    app.add_flag("--explain", o->explain, "Print each rule's evaluation plan (scans, navigations, indexes)");
    app.add_option("--param", o->params, "Override a parameter: NAME=VALUE (e.g. review_interval=\"6 months\")");
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    app.add_option("--format", o->formats,
                   "FORMAT[:FILE], repeatable: text (diagnostics on standard error, the default) or sarif (a SARIF 2.1.0 log "
                   "of the diagnostics, for editors and code scanning)");
    return [o] {
        Diagnostics diags;
        static const std::vector<std::string> formats = {"text", "sarif"};
        std::vector<OutputRequest> outputs = parse_outputs(o->formats, "", diags, formats);
        if (report_diagnostics(diags)) return 2;

        ProgramOptions options;
        options.include_dirs = o->include;
        options.params = split_params(o->params, diags);
        auto program = load_program(o->rules, options, diags);
        bool failed = report_diagnostics(diags);   // sorts them too

        // the summary and plans go to standard output only when no SARIF log goes there
        bool text_on_stdout = true;
        std::vector<RenderedOutput> rendered;
        for (const auto& req : outputs) {
            if (req.format != "sarif") continue;
            text_on_stdout = text_on_stdout && !req.file.empty();
            rendered.push_back({req, sarif_diagnostics(diags.all())});
        }
        if (!write_outputs(rendered) || failed) return 2;
        std::ostream& out = text_on_stdout ? std::cout : std::cerr;

        plan_program(*program);
        std::size_t types = program->schema.types.size();
        out << fmt::format("ok: {} rules, {} record types, {} parameters\n", program->rules.size(), types, program->params.size());
        if (o->explain)
            for (const auto& r : program->rules) {
                out << fmt::format("\nrule {} ({}:{})\n", r.id(), r.decl->where.file->path, r.decl->where.line);
                for (const auto& line : explain_rule(r)) out << "  " << line << "\n";
            }
        return 0;
    };
}

}  // namespace shall::cli
