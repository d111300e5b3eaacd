#pragma once
// Rule tests a consultant writes: a `.shalltest` file holds cases, each a few evidence
// files (layered over a base bundle, or alone) and the outcome expected of one rule.
//
//   rules ..                       settings before the first case (paths relative to the file)
//   base ../../../fixtures/northwind
//   as_of 2026-10-31
//   rule CHG-APPROVED-BEFORE-IMPL
//   param review_interval=6 months
//
//   === case approval one day late fires
//   --- Change.csv                 rows merged into the base file by id ("replace": the whole file)
//   id,kind,status,approved_on,approved_by,implemented_on
//   CHG1,normal,implemented,2026-03-03,P1,2026-03-02T10:00:00Z
//   --- expect
//   fail CHG1
//
// Expectations: `pass`, `fail ID…` (exactly these focus ids; `-` for a population-level
// finding), `not_evaluated [Type | Type.field]…`, `grade G` (every finding), `findings N`.
#include <string>
#include <utility>
#include <vector>

namespace shall::ruletest {

struct Section {
    std::string file;        // "Change.csv", "bundle.json"
    enum class Mode { merge, replace, remove } mode = Mode::merge;
    std::string content;
    unsigned line = 0;
};

struct Expectation {
    enum class Kind { pass, fail, not_evaluated } kind = Kind::pass;
    std::vector<std::string> ids;        // fail: focus ids ("-" = none); not_evaluated: missing entries
    std::string grade;                   // empty: not checked
    long findings = -1;                  // -1: not checked
    unsigned line = 0;
};

struct Settings {
    std::string rules, base, as_of, rule;
    std::vector<std::pair<std::string, std::string>> params;
};

struct Case {
    std::string name;
    unsigned line = 0;
    Settings settings;                   // file settings with the case's own on top
    std::vector<Section> sections;
    Expectation expect;
    bool has_expect = false;
};

struct TestFile {
    std::string path;
    std::vector<Case> cases;
};

// Throws std::runtime_error("file:line: message") on a malformed file.
TestFile read_test_file(const std::string& path);

}  // namespace shall::ruletest
