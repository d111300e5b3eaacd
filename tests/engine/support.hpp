#pragma once
// Helpers shared by the DSL and engine tests: temporary directories, the real audit pipeline
// (load_program -> plan_program -> load_bundle -> EvidenceGraph -> run_audit) over rules and a
// bundle written to disk, and lookups into the result.
#include <filesystem>

#include "temp_dir.hpp"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl/check/program.hpp"
#include "engine/eval/audit.hpp"
#include "engine/evidence/store.hpp"
#include "engine/graph/evidence_graph.hpp"
#include "engine/plan/planner.hpp"

namespace shall::etest {


using testing::TempDir;

std::string source_dir();                          // SHALL_SOURCE_DIR
std::string rules_data(const std::string& name);   // tests/data/rules/<name>
ProgramOptions program_options(std::vector<std::pair<std::string, std::string>> params = {});

// Every diagnostic rendered (sorted, as the CLI prints them), with `strip` removed from paths.
std::string rendered(Diagnostics& diags, const std::string& strip = "");

// Loads rule files / ruleset directories with the repository's rulesets/ as include directory.
struct Loaded {
    Diagnostics diags;
    std::unique_ptr<Program> program;
};
std::unique_ptr<Loaded> load(const std::vector<std::string>& paths,
                             std::vector<std::pair<std::string, std::string>> params = {});

using Files = std::map<std::string, std::string>;   // bundle file name -> bytes

struct RunOptions {
    std::vector<std::pair<std::string, std::string>> params;
    unsigned threads = 1;
    std::optional<Days> as_of;
};

struct Run {
    Diagnostics diags;
    std::unique_ptr<Program> program;
    Plan plan;
    std::unique_ptr<EvidenceStore> store;
    std::unique_ptr<EvidenceGraph> graph;
    AuditResult result;

    const RuleResult& rule(const std::string& id) const;     // throws when the rule did not run
    std::vector<std::string> focus_ids(const std::string& id) const;  // the rule's findings, in report order
    std::vector<std::string> messages(const std::string& id) const;
    const Finding& finding(const std::string& id, const std::string& focus_id) const;
    std::string json() const;
};

// The whole pipeline over rule paths and a bundle directory. When the rules do not check,
// the run stops after load_program: `diags` says why, `store` stays null.
std::unique_ptr<Run> run_paths(const std::vector<std::string>& rule_paths, const std::string& bundle_dir,
                               const RunOptions& options = {});
// The same over a rule text (written as rules.shall in a temp directory) and bundle files.
std::unique_ptr<Run> run(const std::string& rules, const Files& bundle, const RunOptions& options = {});

// "Type id source {field=value, ...} absent[...]" for comparing a finding's evidence whole.
std::vector<std::string> evidence_lines(const Finding& f);

std::string read_file(const std::string& path);

// The plan of rule `id` (explain_rule), one line per domain access.
std::vector<std::string> explain(const Program& p, const std::string& id);

}  // namespace shall::etest
