#include <iostream>

#include "../dsl/check/program.hpp"
#include "../report/coverage.hpp"
#include "commands.hpp"
#include "output_files.hpp"

namespace shall::cli {

Command add_coverage(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, include;
        std::string format = "text", out;
    };
    auto o = std::make_shared<Options>();
    app.add_option("rules", o->rules, "Ruleset directories or rule files")->required();
    app.add_option("--format", o->format, "text, json, or md (the ruleset reference)")->check(CLI::IsMember({"text", "json", "md"}));
    app.add_option("--out", o->out, "Write to FILE instead of stdout");
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    return [o]() -> int {
        Diagnostics diags;
        ProgramOptions options;
        options.include_dirs = o->include;
        auto program = load_program(o->rules, options, diags);
        if (report_diagnostics(diags)) return 2;
        auto rows = clause_coverage(*program);
        std::string text = o->format == "json" ? coverage_json(rows) : o->format == "md" ? ruleset_markdown(*program, rows)
                                                                                        : coverage_text(rows);
        return write_outputs({{{o->format, o->out}, text}}) ? 0 : 2;
    };
}

}  // namespace shall::cli
