#pragma once
// Helpers for the report tests: run the real `shall` binary from the source directory (so
// paths in reports are the relative ones the golden files hold), temporary directories,
// files, and JSON Schema validation with valijson.
#include <filesystem>

#include "temp_dir.hpp"
#include <string>
#include <vector>

namespace shall::rtest {

struct Run {
    int status = -1;   // exit status, -1 when it did not exit normally
    std::string out, err;
};

// `cd <source dir> && <command>` in sh; stdout and stderr captured.
Run sh(const std::string& command);
// `cd <source dir> && [env] <build dir>/shall <args>`.
Run run_shall(const std::string& args, const std::string& env = "");
std::string shall_binary();

using testing::TempDir;

std::string source_dir();
std::string read_file(const std::string& path);     // throws when missing
void write_file(const std::string& path, const std::string& bytes);
std::string sh_quote(const std::string& s);

// The shared schemas (../shared/schemas next to the repository); "" when the file is missing.
std::string schema_path(const std::string& name);

// Every audit report format, and the --format arguments writing each to <dir>/report.<format>.
const std::vector<std::string>& all_formats();
std::string format_args(const std::string& dir);

// The tiny bundle and ruleset of tests/report/data, as relative paths (golden files name them).
std::string tiny_audit_args();
std::string northwind_audit_args();

// Validates a JSON document against a JSON Schema file with valijson; the errors, one per
// line, or "" when valid. `draft4` for schemas written to draft 4 (SARIF).
std::string schema_errors(const std::string& schema_file, const std::string& document, bool draft4);

}  // namespace shall::rtest
