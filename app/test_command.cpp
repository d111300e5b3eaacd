#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>
#include <unistd.h>

#include "../dsl/check/program.hpp"
#include "../engine/eval/audit.hpp"
#include "../engine/graph/evidence_graph.hpp"
#include "../engine/plan/planner.hpp"
#include "commands.hpp"
#include "ruletest/overlay.hpp"
#include "ruletest/test_file.hpp"

namespace shall::cli {
namespace {

namespace fs = std::filesystem;
using ruletest::Expectation;

struct LoadedRules {
    std::unique_ptr<Program> program;
    Plan plan;
};

std::string describe_expectation(const Expectation& e) {
    switch (e.kind) {
        case Expectation::Kind::pass: return "pass";
        case Expectation::Kind::fail: return fmt::format("fail {}", fmt::join(e.ids, " "));
        case Expectation::Kind::not_evaluated:
            return e.ids.empty() ? "not_evaluated" : fmt::format("not_evaluated {}", fmt::join(e.ids, " "));
    }
    return "";
}

std::string describe_result(const RuleResult& r) {
    std::vector<std::string> ids;
    for (const auto& f : r.findings) ids.push_back(f.has_focus ? f.focus_id : "-");
    switch (r.status) {
        case RuleStatus::pass: return fmt::format("pass (checked {})", r.checked);
        case RuleStatus::fail:
            return fmt::format("fail {} (grade {}, checked {})", fmt::join(ids, " "), r.findings.front().severity, r.checked);
        case RuleStatus::not_evaluated: {
            std::vector<std::string> missing = r.missing_types;
            missing.insert(missing.end(), r.missing_fields.begin(), r.missing_fields.end());
            return fmt::format("not_evaluated {}", fmt::join(missing, " "));
        }
    }
    return "";
}

bool matches(const Expectation& e, const RuleResult& r) {
    switch (e.kind) {
        case Expectation::Kind::pass:
            if (r.status != RuleStatus::pass) return false;
            break;
        case Expectation::Kind::fail: {
            if (r.status != RuleStatus::fail) return false;
            std::multiset<std::string> want(e.ids.begin(), e.ids.end()), got;
            for (const auto& f : r.findings) got.insert(f.has_focus ? f.focus_id : "-");
            if (want != got) return false;
            break;
        }
        case Expectation::Kind::not_evaluated: {
            if (r.status != RuleStatus::not_evaluated) return false;
            if (!e.ids.empty()) {
                std::set<std::string> want(e.ids.begin(), e.ids.end()), got(r.missing_types.begin(), r.missing_types.end());
                got.insert(r.missing_fields.begin(), r.missing_fields.end());
                if (want != got) return false;
            }
            break;
        }
    }
    if (!e.grade.empty())
        for (const auto& f : r.findings)
            if (f.severity != e.grade) return false;
    if (e.findings >= 0 && static_cast<long>(r.findings.size()) != e.findings) return false;
    return true;
}

std::vector<std::string> collect_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        if (fs::is_directory(p)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(p))
                if (entry.is_regular_file() && entry.path().extension() == ".shalltest") found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(p)) {
            out.push_back(p);
        } else {
            throw std::runtime_error(fmt::format("{}: no such test file or directory", p));
        }
    }
    return out;
}

}  // namespace

Command add_test(CLI::App& app) {
    struct Options {
        std::vector<std::string> paths, include;
        bool require_outcomes = false, verbose = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("tests", o->paths, ".shalltest files or directories of them")->required();
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    app.add_flag("--require-outcomes", o->require_outcomes,
                 "Also fail unless every rule of the tested rulesets has a case where it fails, passes and is not evaluated");
    app.add_flag("-v,--verbose", o->verbose, "Print every case, not only failures");
    return [o]() -> int {
        auto files = collect_files(o->paths);
        std::map<std::string, LoadedRules> cache;
        std::map<std::string, std::set<std::string>> outcomes_seen;   // rule id -> outcomes with a case
        std::map<std::string, const CheckedRule*> rules_tested;
        fs::path scratch = fs::temp_directory_path() / fmt::format("shall-test-{}", getpid());
        std::size_t passed = 0, failed = 0, n = 0;
        for (const auto& path : files) {
            auto file = ruletest::read_test_file(path);
            fs::path dir = fs::path(path).parent_path();
            for (const auto& c : file.cases) {
                auto where = fmt::format("{}:{}", path, c.line);
                auto rules_path = (dir / (c.settings.rules.empty() ? ".." : c.settings.rules)).lexically_normal().string();
                std::string key = rules_path;
                for (const auto& [k, v] : c.settings.params) key += "\n" + k + "=" + v;
                auto it = cache.find(key);
                if (it == cache.end()) {
                    Diagnostics diags;
                    ProgramOptions options;
                    options.include_dirs = o->include;
                    options.params = c.settings.params;
                    LoadedRules loaded;
                    loaded.program = load_program({rules_path}, options, diags);
                    if (report_diagnostics(diags)) {
                        std::cerr << fmt::format("{}: the rules under test do not check\n", where);
                        return 2;
                    }
                    loaded.plan = plan_program(*loaded.program);
                    for (const auto& r : loaded.program->rules) rules_tested[r.id()] = &r;
                    it = cache.emplace(key, std::move(loaded)).first;
                }
                const Program& program = *it->second.program;
                if (c.settings.rule.empty()) throw std::runtime_error(fmt::format("{}: no 'rule' set for this case", where));
                auto rule = std::find_if(program.rules.begin(), program.rules.end(), [&](auto& r) { return r.id() == c.settings.rule; });
                if (rule == program.rules.end()) {
                    std::vector<std::string> ids;
                    for (const auto& r : program.rules) ids.push_back(r.id());
                    throw std::runtime_error(fmt::format("{}: no rule {} in {} ({})", where, c.settings.rule, rules_path,
                                                         did_you_mean(c.settings.rule, ids)));
                }
                std::string base = c.settings.base.empty() ? std::string() : (dir / c.settings.base).lexically_normal().string();
                std::string bundle = (scratch / std::to_string(n++)).string();
                ruletest::write_case_bundle(c, base, path, bundle);
                LoadOptions load;
                EvidenceStore store = load_bundle(program.schema, bundle, load);
                if (!store.info.as_of) throw std::runtime_error(fmt::format("{}: no as_of (set 'as_of' or use a base bundle that has one)", where));
                EvidenceGraph graph(store);
                AuditOptions audit;
                audit.threads = 1;
                audit.only_rules = {c.settings.rule};
                AuditResult result = run_audit(program, it->second.plan, store, graph, audit);
                const char* outcome = c.expect.kind == Expectation::Kind::pass ? "pass"
                                    : c.expect.kind == Expectation::Kind::fail ? "fail" : "not_evaluated";
                outcomes_seen[c.settings.rule].insert(outcome);
                if (result.rules.empty()) {
                    std::cout << fmt::format("FAIL {} {}: rule {} is disabled\n", where, c.name, c.settings.rule);
                    ++failed;
                    continue;
                }
                const RuleResult& r = result.rules.front();
                if (matches(c.expect, r)) {
                    ++passed;
                    if (o->verbose) std::cout << fmt::format("ok   {} {} [{}]\n", where, c.name, c.settings.rule);
                } else {
                    ++failed;
                    std::cout << fmt::format("FAIL {} {} [{}]\n  expected: {}{}\n  actual:   {}\n", where, c.name, c.settings.rule,
                                             describe_expectation(c.expect),
                                             c.expect.grade.empty() ? "" : " grade " + c.expect.grade, describe_result(r));
                    for (const auto& f : r.findings) std::cout << fmt::format("    {}\n", f.message);
                }
            }
        }
        fs::remove_all(scratch);
        if (o->require_outcomes) {
            for (const auto& [id, rule] : rules_tested) {
                if (rule->disabled) continue;
                std::vector<std::string> lacking;
                for (const char* outcome : {"fail", "pass", "not_evaluated"})
                    if (!outcomes_seen[id].count(outcome)) lacking.push_back(outcome);
                if (lacking.empty()) continue;
                ++failed;
                std::cout << fmt::format("FAIL {} ({}:{}) has no test case that expects {}\n", id, rule->decl->where.file->path,
                                         rule->decl->where.line, fmt::join(lacking, ", "));
            }
        }
        std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
        return failed ? 1 : 0;
    };
}

}  // namespace shall::cli
