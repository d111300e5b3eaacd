// Findings: the exact evidence of a failing condition (focus first, then the records and fields
// read, with their sources), message templates, the report order, and thread independence.
#include <catch2/catch.hpp>

#include "report/report.hpp"
#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

const char* const competence_rule = R"shall(import evidence
rule COMP-ROLE-COMPETENCE {
  clause 7.2
  title "People in SMS roles hold the competence their roles require"
  severity minor
  for each p in Person where p.active
  require every r in p.roles satisfies
            every k in r.required_competences satisfies
              (some t in TrainingRecord where t.person = p and t.competence = k
                                          and (t.expires_on is absent or t.expires_on >= as_of))
  message "{p.name} lacks a current training for a competence of {p.roles}"
}
)shall";

const Files competence_bundle = {
    {"bundle.json", R"({"as_of": "2024-06-30"})"},
    {"Competence.csv", "id,name\nK1,ITIL\nK2,ISO 20000\n"},
    {"Role.csv", "id,kind,required_competences\nR1,process_owner,K1;K2\nR2,other,K2\n"},
    {"Person.csv", "id,name,active,roles\nP1,Ann,true,R1\nP2,Bob,true,R2;R1\nP3,Cy,false,R1\n"},
    {"TrainingRecord.csv", "id,person,competence,completed_on,expires_on\n"
                           "T1,P1,K1,2023-01-01,\n"
                           "T2,P1,K2,2023-01-01,2025-01-01\n"
                           "T3,P2,K2,2023-01-01,2024-01-01\n"
                           "T4,P2,K1,2023-01-01,\n"
                           "T5,P2,K2,2022-01-01,2023-01-01\n"},
};

}  // namespace

TEST_CASE("the evidence of a nested quantifier finding", "[engine][findings]") {
    auto r = run(competence_rule, competence_bundle);
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->rule("COMP-ROLE-COMPETENCE").checked == 2);
    REQUIRE(r->focus_ids("COMP-ROLE-COMPETENCE") == std::vector<std::string>{"P2"});
    const Finding& f = r->finding("COMP-ROLE-COMPETENCE", "P2");
    CHECK(f.focus_type == "Person");
    CHECK(f.focus_source == "Person.csv:3");
    CHECK(f.message == "Bob lacks a current training for a competence of R2, R1");
    // the focus; each role failing (witness) with its competences; the competence not covered;
    // every training record examined for it, with the part of `where` it did not pass
    CHECK(evidence_lines(f) == std::vector<std::string>{
              "Person P2 Person.csv:3 {roles=R2;R1}",
              "Role R2 Role.csv:3 {required_competences=K2}",
              "Competence K2 Competence.csv:3 {}",
              "TrainingRecord T3 TrainingRecord.csv:4 {expires_on=2024-01-01}",
              "TrainingRecord T4 TrainingRecord.csv:5 {competence=K1}",
              "TrainingRecord T5 TrainingRecord.csv:6 {expires_on=2023-01-01}",
              "Role R1 Role.csv:2 {required_competences=K1;K2}"});
    CHECK(f.details.empty());
}

TEST_CASE("the evidence of a conjunction names only the first false part; absent fields are listed", "[engine][findings]") {
    auto r = run(R"shall(import evidence
rule AND {
  clause 8.5.1.3
  title "Approved before implemented"
  severity major
  for each c in Change where c.implemented_on is present
  require c.approved_on is present and c.approved_by is present and c.approved_on <= c.implemented_on
}
rule OR {
  clause 8.5.1.3
  title "Backed out or successful"
  severity minor
  for each c in Change
  require c.outcome = successful or c.remediation is present
}
rule IMPLIES {
  clause 8.5.1.3
  title "Emergency changes go to the ECAB"
  severity minor
  for each c in Change
  require c.kind = emergency implies c.approval_authority = ecab
}
def approved(c: Change) = c.approved_on is present
rule DEF {
  clause 8.5.1.3
  title "Approved"
  severity minor
  for each c in Change
  require approved(c)
}
)shall", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name\nP1,Ann\n"},
        {"Change.csv", "id,kind,implemented_on,approved_on,approved_by,outcome,remediation,approval_authority\n"
                       "C1,emergency,2024-03-02T10:00:00Z,,P1,failed,,cab\n"
                       "C2,normal,2024-03-02T10:00:00Z,2024-03-01,,successful,,\n"
                       "C3,normal,2024-03-02T10:00:00Z,2024-03-05,P1,successful,,cab\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(evidence_lines(r->finding("AND", "C1")) == std::vector<std::string>{"Change C1 Change.csv:2 {} absent[approved_on]"});
    CHECK(evidence_lines(r->finding("AND", "C2")) == std::vector<std::string>{"Change C2 Change.csv:3 {} absent[approved_by]"});
    CHECK(evidence_lines(r->finding("AND", "C3")) == std::vector<std::string>{
              "Change C3 Change.csv:4 {approved_on=2024-03-05, implemented_on=2024-03-02T10:00:00Z}"});
    CHECK(evidence_lines(r->finding("OR", "C1")) == std::vector<std::string>{
              "Change C1 Change.csv:2 {outcome=failed} absent[remediation]"});
    CHECK(evidence_lines(r->finding("IMPLIES", "C1")) == std::vector<std::string>{
              "Change C1 Change.csv:2 {kind=emergency, approval_authority=cab}"});
    CHECK(evidence_lines(r->finding("DEF", "C1")) == std::vector<std::string>{"Change C1 Change.csv:2 {} absent[approved_on]"});
    CHECK(r->messages("DEF") == std::vector<std::string>{"Change C1 does not meet: Approved"});
}

TEST_CASE("at most 5 elements are explained per quantifier", "[engine][findings]") {
    std::string training = "id,person,competence\n";
    for (int i = 1; i <= 7; ++i) training += "T" + std::to_string(i) + ",P1,K1\n";
    auto r = run(R"shall(import evidence
rule SOME {
  clause 7.2
  title "Someone trained in K2"
  severity minor
  for each p in Person
  require some t in TrainingRecord where t.person = p satisfies t.competence.name = "ISO"
}
)shall", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Competence.csv", "id,name\nK1,ITIL\n"},
        {"Person.csv", "id,name\nP1,Ann\n"},
        {"TrainingRecord.csv", training},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(evidence_lines(r->finding("SOME", "P1")) == std::vector<std::string>{
              "Person P1 Person.csv:2 {}",
              "TrainingRecord T1 TrainingRecord.csv:2 {competence=K1}",
              "Competence K1 Competence.csv:2 {name=ITIL}",
              "TrainingRecord T2 TrainingRecord.csv:3 {competence=K1}",
              "TrainingRecord T3 TrainingRecord.csv:4 {competence=K1}",
              "TrainingRecord T4 TrainingRecord.csv:5 {competence=K1}",
              "TrainingRecord T5 TrainingRecord.csv:6 {competence=K1}"});
}

TEST_CASE("message templates: every kind of value", "[engine][findings]") {
    auto r = run(R"shall(import evidence
param window = 30 days
param share = 12.5%
rule MSG {
  clause 8.5.1
  title "Message"
  severity minor
  for each c in Change
  let n = count((c.approved_by))
  require false
  message "{c.id} \{{c.kind}\} by [{c.approved_by}] ({n}) req={c.requested_by} on {c.approved_on} at {c.implemented_on} backout={c.backout_plan} risk={c.risk} title={c.title otherwise "untitled"} within {window} share={share} third={1 / 3} \"quoted\""
}
rule LISTS {
  clause 9.2
  title "Lists"
  severity minor
  for each a in InternalAudit
  require false
  message "{a.id}: {a.processes} / {a.criteria}"
}
rule DEFAULT-MESSAGE {
  clause 8.5.1
  title "Changes have a title"
  severity minor
  for each c in Change
  require c.title is present
}
)shall", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name\nP1,Ann\nP2,Bob\n"},
        {"Change.csv", "id,kind,approved_by,requested_by,approved_on,implemented_on,backout_plan,risk,title\n"
                       "C1,Emergency,P1;P2,P2,2024-03-01,2024-03-02T10:00:00+01:00,yes,,Patch\n"
                       "C2,normal,,,,,,HIGH,\n"},
        {"InternalAudit.csv", "id,processes,criteria\nA1,change_management;incident_management,\nA2,,ISO\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("MSG") == std::vector<std::string>{
              "C1 {emergency} by [P1, P2] (2) req=P2 on 2024-03-01 at 2024-03-02T09:00:00Z backout=true risk=(none) "
              "title=Patch within 30 days share=0.125 third=0.3333 \"quoted\"",
              "C2 {normal} by [] (0) req=(none) on (none) at (none) backout=(none) risk=high title=untitled within 30 days "
              "share=0.125 third=0.3333 \"quoted\""});
    CHECK(r->messages("LISTS") == std::vector<std::string>{"A1: change_management, incident_management / (none)",
                                                           "A2:  / ISO"});
    CHECK(r->messages("DEFAULT-MESSAGE") == std::vector<std::string>{"Change C2 does not meet: Changes have a title"});
}

namespace {

const char* const ordering_rules = R"shall(import evidence
rule Z-FIRST {
  clause 4.1
  title "t"
  severity minor
  for each i in Incident
  require false
}
rule B-TEN {
  clause 8.10
  title "t"
  severity minor
  for each i in Incident
  require false
}
rule A-TEN {
  clause 8.10
  title "t"
  severity minor
  for each c in Change
  require false
}
rule C-TWO {
  clause 8.2
  title "t"
  severity minor
  require false
}
rule D-LAST {
  clause 10.1
  title "t"
  severity minor
  for each i in Incident
  require i.id != "INC2"
}
)shall";

const Files ordering_bundle = {
    {"bundle.json", R"({"as_of": "2024-06-30"})"},
    {"Incident.csv", "id\nINC10\nINC2\nINC1\n"},
    {"Change.csv", "id\nCHG7\n"},
};

}  // namespace

TEST_CASE("findings are sorted by clause numerically, then rule id, then focus (ids naturally)", "[engine][findings]") {
    auto r = run(ordering_rules, ordering_bundle);
    REQUIRE(rendered(r->diags) == "");
    std::vector<std::string> order;
    for (const Finding* f : r->result.findings())
        order.push_back(f->rule->clause() + " " + f->rule->id() + " " + (f->has_focus ? f->focus_id : "-"));
    CHECK(order == std::vector<std::string>{
              "4.1 Z-FIRST INC1", "4.1 Z-FIRST INC2", "4.1 Z-FIRST INC10",
              "8.2 C-TWO -",
              "8.10 A-TEN CHG7",
              "8.10 B-TEN INC1", "8.10 B-TEN INC2", "8.10 B-TEN INC10",
              "10.1 D-LAST INC2"});
    // rules are reported in the same clause order
    std::vector<std::string> rules;
    for (const auto& rr : r->result.rules) rules.push_back(rr.rule->id());
    CHECK(rules == std::vector<std::string>{"Z-FIRST", "C-TWO", "A-TEN", "B-TEN", "D-LAST"});
}

TEST_CASE("the report does not depend on the number of threads", "[engine][findings]") {
    std::string rules = std::string(competence_rule) + std::string(ordering_rules).substr(std::string("import evidence\n").size());
    Files bundle = competence_bundle;
    for (const auto& [k, v] : ordering_bundle) bundle[k] = v;
    RunOptions one, four;
    one.threads = 1;
    four.threads = 4;
    auto a = run(rules, bundle, one);
    auto b = run(rules, bundle, four);
    REQUIRE(rendered(a->diags) == "");
    CHECK(a->result.findings().size() == 10);
    CHECK(a->json() == b->json());
    auto c = run(rules, bundle, four);
    CHECK(b->json() == c->json());
}
