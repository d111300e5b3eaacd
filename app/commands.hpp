#pragma once
// The `shall` subcommands. Each registers its options on the CLI11 app and returns the
// process exit status when run.
#include <CLI/CLI.hpp>
#include <functional>

namespace shall::cli {

using Command = std::function<int()>;

Command add_audit(CLI::App& app);
Command add_check(CLI::App& app);
Command add_test(CLI::App& app);
Command add_coverage(CLI::App& app);

// Prints diagnostics to stderr; returns true when there were errors.
bool report_diagnostics(class Diagnostics& diagnostics);

}  // namespace shall::cli
