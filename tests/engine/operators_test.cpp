// Membership (`in`, `not in`, `contains`), `matches`, `otherwise`, comparisons with absent
// values, and arithmetic, evaluated over records.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

std::string probe(const std::string& id, const std::string& type, const std::string& var, const std::string& require,
                  const std::string& message = "") {
    return "rule " + id + " {\n  clause 9.1\n  title \"" + id + "\"\n  severity minor\n  for each " + var + " in " + type +
           "\n  require " + require + "\n" + (message.empty() ? "" : "  message \"" + message + "\"\n") + "}\n";
}

}  // namespace

TEST_CASE("in, not in and contains; an absent value is neither in nor not in", "[engine][operators]") {
    std::string rules = "import evidence\n";
    rules += probe("IN-ENUM", "Change", "c", "c.kind in {emergency, major}");
    rules += probe("NOT-IN-ENUM", "Change", "c", "c.kind not in {emergency, major}");
    rules += probe("NOT-OF-IN", "Change", "c", "not (c.kind in {emergency, major})");
    rules += probe("IN-TEXT", "Change", "c", "c.title in {\"Patch\", \"Upgrade\"}");
    rules += probe("REF-IN", "Change", "c", "c.requested_by in c.approved_by");
    rules += probe("CONTAINS-REF", "Change", "c", "c.approved_by contains c.requested_by");
    rules += probe("LIST-CONTAINS", "InternalAudit", "a", "a.processes contains change_management");
    rules += probe("LIST-IN", "InternalAudit", "a", "incident_management in a.processes");
    auto r = run(rules, {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name\nP1,Ann\nP2,Bob\n"},
        {"Change.csv", "id,kind,title,requested_by,approved_by\n"
                       "C1,emergency,Patch,P1,P1;P2\n"
                       "C2,normal,Reboot,P2,P1\n"
                       "C3,,Upgrade,,P1\n"
                       "C4,MAJOR ,patch,P1,\n"},
        {"InternalAudit.csv", "id,processes\n"
                              "A1,change_management;incident_management\n"
                              "A2, Incident_Management ;\n"
                              "A3,\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    // enum values match case-insensitively after trimming
    CHECK(r->focus_ids("IN-ENUM") == std::vector<std::string>{"C2", "C3"});
    CHECK(r->focus_ids("NOT-IN-ENUM") == std::vector<std::string>{"C1", "C3", "C4"});
    CHECK(r->focus_ids("NOT-OF-IN") == std::vector<std::string>{"C1", "C4"});
    // text is compared exactly
    CHECK(r->focus_ids("IN-TEXT") == std::vector<std::string>{"C2", "C4"});
    CHECK(r->focus_ids("REF-IN") == std::vector<std::string>{"C2", "C3", "C4"});
    CHECK(r->focus_ids("CONTAINS-REF") == std::vector<std::string>{"C2", "C3", "C4"});
    CHECK(r->focus_ids("LIST-CONTAINS") == std::vector<std::string>{"A2", "A3"});
    CHECK(r->focus_ids("LIST-IN") == std::vector<std::string>{"A3"});
}

TEST_CASE("matches: RE2, unanchored, case-sensitive unless (?i); absent text matches nothing", "[engine][operators]") {
    std::string rules = "import evidence\n";
    rules += probe("PLACEHOLDER", "Incident", "i",
                   "i.resolution is present and not (i.resolution matches \"(?i)^\\s*(n/?a|none|-+|fixed)\\s*$\")");
    rules += probe("HAS-KB", "Incident", "i", "i.resolution matches \"KB[0-9]+\"");
    rules += probe("NOT-MATCH", "Incident", "i", "not (i.resolution matches \"KB[0-9]+\")");
    auto r = run(rules, {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Incident.csv", "id,resolution\n"
                         "I1,Applied fix from KB1234\n"
                         "I2,N/A\n"
                         "I3,  fixed \n"
                         "I4,see kb99\n"
                         "I5,\n"
                         "I6,---\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->focus_ids("PLACEHOLDER") == std::vector<std::string>{"I2", "I3", "I5", "I6"});
    CHECK(r->focus_ids("HAS-KB") == std::vector<std::string>{"I2", "I3", "I4", "I5", "I6"});
    CHECK(r->focus_ids("NOT-MATCH") == std::vector<std::string>{"I1"});
}

TEST_CASE("otherwise: the left side unless it is absent or an empty set", "[engine][operators]") {
    auto r = run(R"(import evidence
param review_interval = 12 months
rule OTHERWISE {
  clause 7.5.3
  title "otherwise"
  severity ofi
  for each d in Document
  let interval = months(d.review_interval_months) otherwise review_interval
  let last = d.last_reviewed_on otherwise d.approved_on
  let approvers = d.approved_by otherwise {d.owner}
  require false
  message "{d.id}: interval={interval} last={last} approvers={approvers} title={d.title otherwise "untitled"} n={d.review_interval_months otherwise 0.5}"
}
rule REVIEWED {
  clause 7.5.3
  title "Documents are reviewed within their interval"
  severity minor
  for each d in Document
  let interval = months(d.review_interval_months) otherwise review_interval
  let last = d.last_reviewed_on otherwise d.approved_on
  require last is present and last >= as_of - interval
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name\nP1,Ann\nP2,Bob\n"},
        {"Document.csv", "id,title,owner,approved_by,approved_on,review_interval_months,last_reviewed_on\n"
                         "D1,Policy,P1,P2,2023-01-10,6,2024-01-01\n"
                         "D2,,P1,,2023-07-01,,\n"
                         "D3,Plan,P2,P1;P2,2023-06-29,,\n"
                         "D4,Old,P2,,,,\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("OTHERWISE") == std::vector<std::string>{
              "D1: interval=6 months last=2024-01-01 approvers=P2 title=Policy n=6",
              "D2: interval=12 months last=2023-07-01 approvers=P1 title=untitled n=0.5",
              "D3: interval=12 months last=2023-06-29 approvers=P1, P2 title=Plan n=0.5",
              "D4: interval=12 months last=(none) approvers=P2 title=Old n=0.5"});
    // D1: reviewed 2024-01-01 >= 2023-12-30. D2: 2023-07-01 >= 2023-06-30. D3: 2023-06-29 is a day too old.
    CHECK(r->focus_ids("REVIEWED") == std::vector<std::string>{"D3", "D4"});
}

TEST_CASE("comparisons with an absent side are false, != included; bools, enums, text and durations", "[engine][operators]") {
    std::string rules = "import evidence\n";
    rules += probe("NE-ACTIVE", "Person", "p", "p.active != false");
    rules += probe("NOT-FALSE", "Person", "p", "not (p.active = false)");
    rules += probe("BARE-BOOL", "Person", "p", "p.active");
    rules += probe("TEXT-LT", "Person", "p", "p.name < \"B\"");
    rules += probe("ROLE-PROCESS", "Role", "r", "r.process = \"change_management\"");
    rules += probe("DURATIONS", "Person", "p",
                   "12 months = 1 year and 1 month > 30 days and 1 month < 31 days and 36 hours > 1 day and months(3) + days(2) > 3 months");
    auto r = run(rules, {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name,active\nP1,Ann,true\nP2,bob,false\nP3,Cy,\n"},
        {"Role.csv", "id,process\nR1,change_management\nR2,Change_Management\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->focus_ids("NE-ACTIVE") == std::vector<std::string>{"P2", "P3"});
    CHECK(r->focus_ids("NOT-FALSE") == std::vector<std::string>{"P2"});
    CHECK(r->focus_ids("BARE-BOOL") == std::vector<std::string>{"P2", "P3"});
    CHECK(r->focus_ids("TEXT-LT") == std::vector<std::string>{"P2", "P3"});   // byte order: 'b' > 'B'
    CHECK(r->focus_ids("ROLE-PROCESS") == std::vector<std::string>{"R2"});
    CHECK(r->rule("DURATIONS").status == RuleStatus::pass);
}

TEST_CASE("arithmetic: int, decimal, division, absent operands", "[engine][operators]") {
    auto r = run(R"(import evidence
rule ARITH {
  clause 9.1
  title "arithmetic"
  severity ofi
  for each i in Incident
  require false
  message "{i.id}: sum={i.impact + i.urgency} div={i.impact / i.urgency} zero={i.impact / 0} neg={-i.impact} mix={i.impact * 1.5} text={i.title + "!"} abs={abs(i.urgency - i.impact)} len={length(i.title)} up={upper(i.title)}"
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Incident.csv", "id,title,impact,urgency\nI1,Disk,7,2\nI2,,3,\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("ARITH") == std::vector<std::string>{
              "I1: sum=9 div=3.5 zero=(none) neg=-7 mix=10.5 text=Disk! abs=5 len=4 up=DISK",
              "I2: sum=(none) div=(none) zero=(none) neg=-3 mix=4.5 text=(none) abs=(none) len=(none) up=(none)"});
}
