// Rulesets through the whole audit: parameters with defaults and --param overrides, an
// extending ruleset (severity, grade and param overrides, a disabled rule), and a ruleset that
// declares a record type of its own.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

// C1 approved 2 days after implementation, C2 5 days after, C3 the day before; C4 not implemented
const Files change_bundle = {
    {"bundle.json", R"({"as_of": "2024-06-30"})"},
    {"Person.csv", "id,active\nP1,true\nP2,true\n"},
    {"Change.csv", "id,implemented_on,approved_on,approved_by\n"
                   "C1,2024-03-02T10:00:00Z,2024-03-04,P1\n"
                   "C2,2024-03-02T10:00:00Z,2024-03-07,\n"
                   "C3,2024-03-02T10:00:00Z,2024-03-01,P1;P2\n"
                   "C4,,,\n"},
    {"Incident.csv", "id,status,resolution\nI1,resolved,\nI2,closed,Rebooted\n"},
};

std::unique_ptr<Run> run_ruleset(const std::string& dir, std::vector<std::pair<std::string, std::string>> params = {}) {
    TempDir bundle;
    for (const auto& [name, bytes] : change_bundle) bundle.write(name, bytes);
    RunOptions o;
    o.params = std::move(params);
    auto r = run_paths({rules_data(dir)}, bundle.path(), o);
    if (!r->store) FAIL(rendered(r->diags));
    return r;
}

std::vector<std::string> severities(const Run& r, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& f : r.rule(id).findings) out.push_back(f.severity);
    return out;
}

}  // namespace

TEST_CASE("a base ruleset with its parameters' defaults", "[engine][ruleset]") {
    auto r = run_ruleset("base");
    CHECK(r->focus_ids("BASE-CHG-APPROVED") == std::vector<std::string>{"C1", "C2"});
    CHECK(severities(*r, "BASE-CHG-APPROVED") == std::vector<std::string>{"major", "major"});
    CHECK(r->messages("BASE-CHG-APPROVED") == std::vector<std::string>{
              "Change C1 was approved on 2024-03-04 and implemented on 2024-03-02T10:00:00Z",
              "Change C2 was approved on 2024-03-07 and implemented on 2024-03-02T10:00:00Z"});
    CHECK(r->focus_ids("BASE-CHG-APPROVERS") == std::vector<std::string>{"C2"});
    CHECK(r->focus_ids("BASE-INC-RESOLUTION") == std::vector<std::string>{"I1"});
    CHECK(r->result.disabled.empty());
}

TEST_CASE("ProgramOptions::params (--param) override a default", "[engine][ruleset]") {
    auto r = run_ruleset("base", {{"approval_lag", "2 days"}, {"min_approvers", "2"}});
    CHECK(r->focus_ids("BASE-CHG-APPROVED") == std::vector<std::string>{"C2"});
    CHECK(r->focus_ids("BASE-CHG-APPROVERS") == std::vector<std::string>{"C1", "C2"});
}

TEST_CASE("an extending ruleset: overridden severity, grade and parameter; a disabled rule", "[engine][ruleset]") {
    auto r = run_ruleset("extended");
    // approval_lag is 3 days in the extension: C1 (2 days late) passes, C2 (5 days) does not
    CHECK(r->focus_ids("BASE-CHG-APPROVED") == std::vector<std::string>{"C2"});
    CHECK(severities(*r, "BASE-CHG-APPROVED") == std::vector<std::string>{"observation"});
    const Finding& f = r->finding("BASE-CHG-APPROVED", "C2");
    CHECK(f.rule->title == "Changes are approved in time (tailored)");
    // grade major when failed > 1: one failure keeps the declared minor
    CHECK(severities(*r, "BASE-CHG-APPROVERS") == std::vector<std::string>{"minor"});
    // the disabled rule does not run and is listed with its reason
    CHECK_THROWS(r->rule("BASE-INC-RESOLUTION"));
    REQUIRE(r->result.disabled.size() == 1);
    CHECK(r->result.disabled[0]->id() == "BASE-INC-RESOLUTION");
    CHECK(r->result.disabled[0]->disabled_reason == "Incident management is outsourced and audited at the supplier");
    CHECK(r->result.rules.size() == 2);
    // the extension's grade fires with two failures
    auto strict = run_ruleset("extended", {{"min_approvers", "2"}});
    CHECK(severities(*strict, "BASE-CHG-APPROVERS") == std::vector<std::string>{"major", "major"});
    // --param wins over the extension's override
    auto lenient = run_ruleset("extended", {{"approval_lag", "10 days"}});
    CHECK(lenient->focus_ids("BASE-CHG-APPROVED").empty());
    CHECK(lenient->rule("BASE-CHG-APPROVED").status == RuleStatus::pass);
}

TEST_CASE("a ruleset that declares its own record type audits a bundle with that type's file", "[engine][ruleset]") {
    auto r = run_paths({rules_data("vendor")}, rules_data("vendor-bundle"));
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->store->quality.empty());
    CHECK(r->store->record_count == 7);
    // V2's manager is inactive; V1's is active
    CHECK(r->focus_ids("VND-MANAGED") == std::vector<std::string>{"V2"});
    CHECK(r->messages("VND-MANAGED") == std::vector<std::string>{"Vendor Acme Parts (gold) is managed by P2"});
    CHECK(r->rule("VND-MANAGED").checked == 2);
    // the contract ending on as_of is current; the day before is not
    CHECK(r->focus_ids("VND-CONTRACT-CURRENT") == std::vector<std::string>{"V3"});
    CHECK(r->messages("VND-CONTRACT-CURRENT") == std::vector<std::string>{"Vendor V3: contract ended 2024-06-29"});
    // V3 itself is not certified; V5's group V3 is not either
    CHECK(r->focus_ids("VND-CERTIFIED") == std::vector<std::string>{"V3", "V5"});
    const Finding& v5 = r->finding("VND-CERTIFIED", "V5");
    CHECK(evidence_lines(v5) == std::vector<std::string>{
              "Vendor V5 Vendor.csv:6 {parent=V3}",
              "Vendor V3 Vendor.csv:4 {certifications=ISO9001} absent[parent]"});   // the closure read V3.parent too
    CHECK(r->json().find("\"source\": \"Vendor.csv:6\"") != std::string::npos);
}

TEST_CASE("the new type's own column missing makes its rules not_evaluated", "[engine][ruleset]") {
    TempDir bundle;
    bundle.write("bundle.json", R"({"as_of": "2024-06-30"})");
    bundle.write("Person.csv", "id,name,active\nP1,Ann,true\n");
    bundle.write("Vendor.csv", "id,name,tier,manager,certifications,parent\nV1,Acme,gold,P1,ISO27001,\n");
    auto r = run_paths({rules_data("vendor")}, bundle.path());
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->rule("VND-CONTRACT-CURRENT").status == RuleStatus::not_evaluated);
    CHECK(r->rule("VND-CONTRACT-CURRENT").missing_fields == std::vector<std::string>{"Vendor.contract_end"});
    CHECK(r->rule("VND-MANAGED").status == RuleStatus::pass);
    CHECK(r->rule("VND-CERTIFIED").status == RuleStatus::pass);
    TempDir none;
    none.write("bundle.json", R"({"as_of": "2024-06-30"})");
    none.write("Person.csv", "id,name,active\nP1,Ann,true\n");
    auto absent = run_paths({rules_data("vendor")}, none.path());
    CHECK(absent->rule("VND-CONTRACT-CURRENT").missing_types == std::vector<std::string>{"Vendor"});
}
