// Populations and outcomes: not_evaluated for an absent type or a column present in no row,
// mandatory rules and types on empty populations, the notes, and grading by failure rate.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

const char* const release_rules = R"shall(import evidence
rule REL-TESTED {
  clause 8.5.3
  title "Releases are tested before deployment"
  severity major
  for each r in Release where r.deployed_on is present
  require r.tested_on is present and r.tested_on <= r.deployed_on
}
rule REL-APPROVED {
  clause 8.5.3
  title "Releases are approved by an active person"
  severity minor
  for each r in Release
  require some p in r.approved_by satisfies p.active
}
rule REL-MESSAGE-ONLY {
  clause 8.5.3
  title "Releases have a kind"
  severity minor
  for each r in Release
  require r.kind is present
  message "Release {r.id} ({r.title}) has no kind"
}
)shall";

const std::string releases_csv = "id,kind,title,deployed_on,tested_on,approved_by\n"
                                 "R1,major,Big,2024-03-02T10:00:00Z,2024-03-01,P1\n"
                                 "R2,minor,Small,2024-03-02T10:00:00Z,,P1\n";

// the same CSV without one column
std::string without_column(const std::string& csv, const std::string& column) {
    std::vector<std::vector<std::string>> rows;
    std::size_t drop = std::string::npos;
    std::string out;
    for (std::size_t start = 0; start < csv.size();) {
        auto end = csv.find('\n', start);
        std::string line = csv.substr(start, end - start);
        start = end + 1;
        std::vector<std::string> cells;
        for (std::size_t c = 0;;) {
            auto comma = line.find(',', c);
            cells.push_back(line.substr(c, comma - c));
            if (comma == std::string::npos) break;
            c = comma + 1;
        }
        if (drop == std::string::npos)
            for (std::size_t i = 0; i < cells.size(); ++i)
                if (cells[i] == column) drop = i;
        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(drop));
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a type with no file: its rules are not_evaluated, naming the type", "[engine][population]") {
    auto r = run(release_rules, {{"bundle.json", R"({"as_of": "2024-06-30"})"}, {"Person.csv", "id,active\nP1,true\n"}});
    REQUIRE(rendered(r->diags) == "");
    for (const char* id : {"REL-TESTED", "REL-APPROVED", "REL-MESSAGE-ONLY"}) {
        INFO(id);
        const RuleResult& rr = r->rule(id);
        CHECK(rr.status == RuleStatus::not_evaluated);
        CHECK(rr.missing_types == std::vector<std::string>{"Release"});
        CHECK(rr.missing_fields.empty());
        CHECK(rr.checked == 0);
        CHECK(rr.findings.empty());
    }
    // a type reached only by navigation counts too
    auto no_people = run(release_rules, {{"bundle.json", R"({"as_of": "2024-06-30"})"}, {"Release.csv", releases_csv}});
    CHECK(no_people->rule("REL-APPROVED").status == RuleStatus::not_evaluated);
    CHECK(no_people->rule("REL-APPROVED").missing_types == std::vector<std::string>{"Person"});
    CHECK(no_people->rule("REL-TESTED").status == RuleStatus::fail);
}

TEST_CASE("a column present in no row: not_evaluated, naming Type.field", "[engine][population]") {
    const Files people = {{"bundle.json", R"({"as_of": "2024-06-30"})"}, {"Person.csv", "id,active\nP1,true\n"}};
    SECTION("all columns: the rules run") {
        Files files = people;
        files["Release.csv"] = releases_csv;
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-TESTED").status == RuleStatus::fail);
        CHECK(r->focus_ids("REL-TESTED") == std::vector<std::string>{"R2"});
        CHECK(r->rule("REL-APPROVED").status == RuleStatus::pass);
        CHECK(r->rule("REL-MESSAGE-ONLY").status == RuleStatus::pass);
    }
    SECTION("CSV without tested_on") {
        Files files = people;
        files["Release.csv"] = without_column(releases_csv, "tested_on");
        CHECK(files["Release.csv"] == "id,kind,title,deployed_on,approved_by\n"
                                      "R1,major,Big,2024-03-02T10:00:00Z,P1\n"
                                      "R2,minor,Small,2024-03-02T10:00:00Z,P1\n");
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-TESTED").status == RuleStatus::not_evaluated);
        CHECK(r->rule("REL-TESTED").missing_types.empty());
        CHECK(r->rule("REL-TESTED").missing_fields == std::vector<std::string>{"Release.tested_on"});
        CHECK(r->rule("REL-APPROVED").status == RuleStatus::pass);
    }
    SECTION("CSV without a column read only by a message: the rule still runs, the hole prints (none)") {
        Files files = people;
        files["Release.csv"] = without_column(releases_csv, "title") + "R3,,2024-03-02T10:00:00Z,2024-03-01,P1\n";
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-MESSAGE-ONLY").status == RuleStatus::fail);
        CHECK(r->messages("REL-MESSAGE-ONLY") == std::vector<std::string>{"Release R3 ((none)) has no kind"});
    }
    SECTION("CSV without the navigated field and the filter's field") {
        Files files = people;
        files["Release.csv"] = without_column(without_column(releases_csv, "approved_by"), "deployed_on");
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-APPROVED").missing_fields == std::vector<std::string>{"Release.approved_by"});
        CHECK(r->rule("REL-TESTED").missing_fields == std::vector<std::string>{"Release.deployed_on"});
    }
    SECTION("JSONL: a key no object has") {
        Files files = people;
        files["Release.jsonl"] = "{\"id\": \"R1\", \"deployed_on\": \"2024-03-02T10:00:00Z\", \"approved_by\": [\"P1\"]}\n"
                                 "{\"id\": \"R2\", \"deployed_on\": null, \"approved_by\": [\"P1\"], \"kind\": \"minor\"}\n";
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-TESTED").status == RuleStatus::not_evaluated);
        CHECK(r->rule("REL-TESTED").missing_fields == std::vector<std::string>{"Release.tested_on"});
        CHECK(r->rule("REL-APPROVED").status == RuleStatus::pass);
        CHECK(r->rule("REL-MESSAGE-ONLY").status == RuleStatus::fail);   // kind is a column, absent in R1
        CHECK(r->focus_ids("REL-MESSAGE-ONLY") == std::vector<std::string>{"R1"});
    }
    SECTION("a column that exists but is empty in every row is not missing") {
        Files files = people;
        files["Release.csv"] = "id,kind,title,deployed_on,tested_on,approved_by\nR1,major,Big,2024-03-02T10:00:00Z,,P1\n";
        auto r = run(release_rules, files);
        CHECK(r->rule("REL-TESTED").status == RuleStatus::fail);
        CHECK(r->focus_ids("REL-TESTED") == std::vector<std::string>{"R1"});
    }
}

TEST_CASE("an empty file means none: the rule runs on an empty population and says so", "[engine][population]") {
    auto r = run(release_rules, {{"bundle.json", R"({"as_of": "2024-06-30"})"},
                                 {"Person.csv", "id,active\nP1,true\n"},
                                 {"Release.csv", "id,kind,title,deployed_on,tested_on,approved_by\n"}});
    REQUIRE(rendered(r->diags) == "");
    const RuleResult& rr = r->rule("REL-TESTED");
    CHECK(rr.status == RuleStatus::pass);
    CHECK(rr.checked == 0);
    CHECK(rr.note == "empty population: no Release records in the evidence");
    // records exist, but the filter matched none of them
    auto filtered = run(release_rules, {{"bundle.json", R"({"as_of": "2024-06-30"})"},
                                        {"Person.csv", "id,active\nP1,true\n"},
                                        {"Release.csv", "id,kind,title,deployed_on,tested_on,approved_by\nR1,major,Big,,,P1\n"}});
    CHECK(filtered->rule("REL-TESTED").status == RuleStatus::pass);
    CHECK(filtered->rule("REL-TESTED").note == "no record matched the rule's 'for each' filter");
    CHECK(filtered->rule("REL-APPROVED").note == "");
}

TEST_CASE("mandatory types and mandatory rules run on an absent type as on an empty one", "[engine][population]") {
    auto r = run(R"shall(import evidence
rule CHG-ANY {
  clause 8.5.1
  title "Changes record a kind"
  severity minor
  for each c in Change
  require c.kind is present
}
rule POL-EXISTS {
  clause 5.2
  title "An approved service management policy exists"
  severity major
  mandatory
  require some d in Document where d.kind = sms_policy and d.status = approved
}
rule POL-EXISTS-OPTIONAL {
  clause 5.2
  title "A policy exists (not mandatory)"
  severity major
  require some d in Document where d.kind = sms_policy
}
rule CHG-MANDATORY-RULE {
  clause 8.5.1
  title "Releases of changes are tested"
  severity minor
  mandatory
  for each rl in Release
  require rl.tested_on is present
}
)shall", {{"bundle.json", R"({"as_of": "2024-06-30"})"}});
    REQUIRE(rendered(r->diags) == "");
    // Change is a mandatory type: no file = none
    CHECK(r->rule("CHG-ANY").status == RuleStatus::pass);
    CHECK(r->rule("CHG-ANY").checked == 0);
    CHECK(r->rule("CHG-ANY").note == "empty population: no Change records in the evidence");
    // a mandatory rule: Document (not a mandatory type) counts as empty, so the policy is missing
    CHECK(r->rule("POL-EXISTS").status == RuleStatus::fail);
    CHECK(r->rule("POL-EXISTS").checked == 1);
    REQUIRE(r->rule("POL-EXISTS").findings.size() == 1);
    const Finding& f = r->rule("POL-EXISTS").findings[0];
    CHECK_FALSE(f.has_focus);
    CHECK(f.severity == "major");
    CHECK(f.message == "Not met: An approved service management policy exists");
    CHECK(f.evidence.empty());
    CHECK(r->rule("POL-EXISTS-OPTIONAL").status == RuleStatus::not_evaluated);
    CHECK(r->rule("POL-EXISTS-OPTIONAL").missing_types == std::vector<std::string>{"Document"});
    CHECK(r->rule("CHG-MANDATORY-RULE").status == RuleStatus::pass);
    CHECK(r->rule("CHG-MANDATORY-RULE").note == "empty population: no Release records in the evidence");
}

namespace {

// `n` changes of which the first `late` were approved after implementation
Files changes(int n, int late) {
    std::string csv = "id,implemented_on,approved_on\n";
    for (int i = 1; i <= n; ++i)
        csv += "C" + std::to_string(i) + ",2024-03-02T10:00:00Z," + (i <= late ? "2024-03-05" : "2024-03-01") + "\n";
    return {{"bundle.json", R"({"as_of": "2024-06-30"})"}, {"Change.csv", csv}};
}

const char* const graded = R"shall(import evidence
rule CHG-APPROVED-BEFORE-IMPL {
  clause 8.5.1.3
  title "Changes are approved before they are implemented"
  severity major
  grade major when failed_ratio > 5%
  grade minor when failed > 0
  for each c in Change where c.implemented_on is present
  require c.approved_on <= c.implemented_on
}
rule UNGRADED {
  clause 8.5.1.3
  title "Ungraded"
  severity observation
  for each c in Change
  require c.approved_on <= c.implemented_on
}
)shall";

}  // namespace

TEST_CASE("grading by failure rate: the first grade whose condition holds, else the severity", "[engine][grade]") {
    auto grade_of = [](int n, int late) {
        auto r = run(graded, changes(n, late));
        const RuleResult& rr = r->rule("CHG-APPROVED-BEFORE-IMPL");
        std::vector<std::string> grades;
        for (const auto& f : rr.findings) grades.push_back(f.severity);
        std::string first = grades.empty() ? "" : grades[0];
        for (const auto& g : grades)
            if (g != first) return std::string("mixed");
        return first;
    };
    CHECK(grade_of(100, 0) == "");
    CHECK(grade_of(100, 1) == "minor");     // 1 %
    CHECK(grade_of(100, 5) == "minor");     // exactly 5 % is not above 5 %
    CHECK(grade_of(100, 6) == "major");     // 6 %
    CHECK(grade_of(10, 1) == "major");      // 10 %
    auto r = run(graded, changes(100, 6));
    CHECK(r->rule("CHG-APPROVED-BEFORE-IMPL").checked == 100);
    CHECK(r->rule("CHG-APPROVED-BEFORE-IMPL").failed == 6);
    CHECK(r->rule("CHG-APPROVED-BEFORE-IMPL").findings.size() == 6);
    // the declared severity stays on the rule
    CHECK(r->rule("CHG-APPROVED-BEFORE-IMPL").rule->severity == "major");
    CHECK(r->rule("UNGRADED").findings.at(0).severity == "observation");
}
