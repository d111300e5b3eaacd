#include <fmt/format.h>
#include <iostream>

#include "../dsl/check/program.hpp"
#include "../engine/plan/planner.hpp"
#include "commands.hpp"
#include "param_option.hpp"

namespace shall::cli {

Command add_check(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, params, include;
        bool explain = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("rules", o->rules, "Rule files or ruleset directories")->required();
    app.add_flag("--explain", o->explain, "Print each rule's evaluation plan (scans, navigations, indexes)");
    app.add_option("--param", o->params, "Override a parameter: NAME=VALUE (e.g. review_interval=\"6 months\")");
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    return [o] {
        Diagnostics diags;
        ProgramOptions options;
        options.include_dirs = o->include;
        options.params = split_params(o->params, diags);
        auto program = load_program(o->rules, options, diags);
        if (report_diagnostics(diags)) return 2;
        plan_program(*program);
        std::size_t types = program->schema.types.size();
        std::cout << fmt::format("ok: {} rules, {} record types, {} parameters\n", program->rules.size(), types,
                                 program->params.size());
        if (o->explain)
            for (const auto& r : program->rules) {
                std::cout << fmt::format("\nrule {} ({}:{})\n", r.id(), r.decl->where.file->path, r.decl->where.line);
                for (const auto& line : explain_rule(r)) std::cout << "  " << line << "\n";
            }
        return 0;
    };
}

}  // namespace shall::cli
