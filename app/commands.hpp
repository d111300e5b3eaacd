#pragma once
// The `shall` subcommands. Each registers its options on the CLI11 app and returns the
// process exit status when run.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

namespace shall {
struct Schema;
class Diagnostics;
}  // namespace shall

namespace shall::cli {

using Command = std::function<int()>;

Command add_audit(CLI::App& app);
Command add_check(CLI::App& app);
Command add_test(CLI::App& app);
Command add_coverage(CLI::App& app);
Command add_import(CLI::App& app);

// `shall audit --mapping`: imports the raw export(s) at `raw` into a temporary bundle and
// returns its directory; nullopt (diagnostics filled) when the mapping or the inputs are broken.
std::optional<std::string> import_for_audit(const Schema& schema, const std::string& mapping, const std::string& raw,
                                            const std::string& timezone, Diagnostics& diags);
Command add_generate(CLI::App& app);
Command add_batch(CLI::App& app);

// Prints diagnostics to stderr; returns true when there were errors.
bool report_diagnostics(class Diagnostics& diagnostics);

}  // namespace shall::cli
