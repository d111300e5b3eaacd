#include <malloc.h>

#include <iostream>
#include <map>

#include "../report/report.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
    // Loading a bundle allocates and frees large tables piece by piece; keep freed memory in the
    // process for the next piece instead of returning it to the system and faulting it in again.
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, -1);
    CLI::App app{"shall — checks an organisation's evidence against ISO/IEC 20000-1:2018 rules written in Shall"};
    app.set_version_flag("--version", std::string("shall ") + shall::tool_version);
    app.require_subcommand(1);
    std::map<CLI::App*, shall::cli::Command> commands;
    auto add = [&](const char* name, const char* about, auto adder) {
        auto* sub = app.add_subcommand(name, about);
        commands[sub] = adder(*sub);
    };
    add("audit", "Audit an evidence bundle against a ruleset and report the findings", shall::cli::add_audit);
    add("check", "Parse and type-check rule files; with --explain, print each rule's evaluation plan", shall::cli::add_check);
    add("test", "Run rule tests (.shalltest files): expected findings per case", shall::cli::add_test);
    add("coverage", "Clause-by-clause coverage of a ruleset (text, json), or its reference document (md)", shall::cli::add_coverage);
    add("import", "Turn raw tool exports (ServiceNow, Jira, spreadsheets, event logs) into an evidence bundle with a mapping", shall::cli::add_import);
    add("generate", "Write a synthetic evidence bundle of N records with planted defects (deterministic for a seed)", shall::cli::add_generate);
    add("batch", "Audit many bundles: one report each plus a portfolio summary; --shard I/N, --merge", shall::cli::add_batch);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    for (auto& [sub, run] : commands)
        if (sub->parsed()) {
            try {
                return run();
            } catch (const std::exception& e) {
                std::cerr << "shall: error: " << e.what() << "\n";
                return 2;
            }
        }
    return 2;
}
