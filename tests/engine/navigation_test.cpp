// Navigation: along references and over sets, reverse navigation `x <- T.f`, closures `.f+`
// and `.f*`, and presence tests, including dangling references that stay visible.
#include <catch2/catch.hpp>

#include <optional>
#include <tuple>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

TEST_CASE("navigation along references and over sets", "[engine][navigation]") {
    auto r = run(R"(import evidence
rule NAV {
  clause 8.5.1
  title "nav"
  severity ofi
  for each c in Change
  require false
  message "{c.id}: by={c.approved_by} names={c.approved_by.name} roles={c.approved_by.roles.kind} requester={c.requested_by.name}"
}
rule NO-BOB {
  clause 8.5.1
  title "Bob approves nothing"
  severity minor
  for each c in Change
  require not (c.approved_by.name contains "Bob")
}
rule TOP {
  clause 8.5.1
  title "A top manager approved"
  severity minor
  for each c in Change
  require c.approved_by.roles.kind contains top_management
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Role.csv", "id,kind\nR1,top_management\nR2,cab_member\n"},
        {"Person.csv", "id,name,roles\nP1,Ann,R1;R2\nP2,Bob,R2\nP3,Cy,\n"},
        {"Change.csv", "id,approved_by,requested_by\nC1,P1;P2,P3\nC2,P2;P2,\nC3,,P1\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    // a set's field is flattened, absent values dropped, duplicates kept
    CHECK(r->messages("NAV") == std::vector<std::string>{
              "C1: by=P1, P2 names=Ann, Bob roles=top_management, cab_member, cab_member requester=Cy",
              "C2: by=P2, P2 names=Bob, Bob roles=cab_member, cab_member requester=(none)",
              "C3: by= names= roles= requester=Ann"});
    CHECK(r->focus_ids("NO-BOB") == std::vector<std::string>{"C1", "C2"});
    CHECK(r->focus_ids("TOP") == std::vector<std::string>{"C2", "C3"});
}

TEST_CASE("reverse navigation over single and multiple references, from a record and from a set", "[engine][navigation]") {
    auto r = run(R"(import evidence
rule REV {
  clause 8.6.1
  title "rev"
  severity ofi
  for each ci in ConfigurationItem
  require false
  message "{ci.id}: incidents={ci <- Incident.cis} via-set={ci.depends_on <- Incident.cis} n={count(i in ci <- Incident.cis where i.major)}"
}
rule SVC {
  clause 8.6.1
  title "Every service has an incident route"
  severity minor
  for each s in Service
  require some i in s <- Incident.service
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Service.csv", "id,name\nS1,Mail\nS2,Web\n"},
        {"ConfigurationItem.csv", "id,status,depends_on\nCI1,active,CI2;CI3\nCI2,active,\nCI3,active,\n"},
        {"Incident.csv", "id,service,cis,major\n"
                         "I1,S1,CI1;CI2,true\n"
                         "I2,S1,CI2,false\n"
                         "I3,,CI3;CI1,true\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("REV") == std::vector<std::string>{
              "CI1: incidents=I1, I3 via-set=I1, I2, I3 n=2",
              "CI2: incidents=I1, I2 via-set= n=1",
              "CI3: incidents=I3 via-set= n=1"});
    CHECK(r->focus_ids("SVC") == std::vector<std::string>{"S2"});
}

TEST_CASE("closures .f+ and .f*: transitive, cycle-safe, without duplicates", "[engine][navigation]") {
    auto r = run(R"(import evidence
rule REACH {
  clause 8.2.6
  title "reach"
  severity ofi
  for each ci in ConfigurationItem
  require false
  message "{ci.id}: plus={ci.depends_on+} star={ci.depends_on*}"
}
rule NO-RETIRED-DEPENDENCY {
  clause 8.2.6
  title "Active CIs do not depend on retired ones"
  severity minor
  for each ci in ConfigurationItem where ci.status = active
  require no d in ci.depends_on+ where d.status = retired
}
rule NOT-RETIRED-ITSELF {
  clause 8.2.6
  title "Nothing reachable, itself included, is retired"
  severity minor
  for each ci in ConfigurationItem
  require no d in ci.depends_on* where d.status = retired
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        // CI1 -> CI2 -> CI3 (retired); CI4 -> CI1; CI5 <-> CI6 (a cycle); CI7 -> CI7; CI8 -> CI404 (dangling)
        {"ConfigurationItem.csv", "id,status,depends_on\n"
                                  "CI1,active,CI2\n"
                                  "CI2,active,CI3;CI2\n"
                                  "CI3,retired,\n"
                                  "CI4,active,CI1;CI3\n"
                                  "CI5,active,CI6\n"
                                  "CI6,active,CI5\n"
                                  "CI7,active,CI7\n"
                                  "CI8,active,CI404\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("REACH") == std::vector<std::string>{
              "CI1: plus=CI2, CI3 star=CI1, CI2, CI3",
              "CI2: plus=CI3, CI2 star=CI2, CI3",
              "CI3: plus= star=CI3",
              "CI4: plus=CI1, CI3, CI2 star=CI4, CI1, CI3, CI2",
              "CI5: plus=CI6, CI5 star=CI5, CI6",
              "CI6: plus=CI5, CI6 star=CI6, CI5",
              "CI7: plus=CI7 star=CI7",
              "CI8: plus= star=CI8"});
    CHECK(r->focus_ids("NO-RETIRED-DEPENDENCY") == std::vector<std::string>{"CI1", "CI2", "CI4"});
    CHECK(r->focus_ids("NOT-RETIRED-ITSELF") == std::vector<std::string>{"CI1", "CI2", "CI3", "CI4"});
}

TEST_CASE("is present / is absent / is dangling; a dangling reference stays visible", "[engine][presence]") {
    auto r = run(R"(import evidence
rule PRESENCE {
  clause 8.6.1
  title "presence"
  severity ofi
  for each i in Incident
  require false
  message "{i.id}: present={i.problem is present} absent={i.problem is absent} dangling={i.problem is dangling} not-dangling={i.problem is not dangling} title={i.problem.title} problem={i.problem} cis={i.cis} n={count((i.cis))} cis-dangling={i.cis is dangling} res={i.resolution is present}"
}
rule LINKED {
  clause 8.6.1
  title "Incidents link an existing problem"
  severity minor
  for each i in Incident
  require i.problem is present and i.problem is not dangling
}
rule DANGLING-EQUAL {
  clause 8.6.1
  title "Two dangling references to one id are equal"
  severity minor
  for each i in Incident where i.problem is dangling
  require some j in Incident where j.id != i.id satisfies j.problem = i.problem
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Problem.csv", "id,title\nPRB1,Disk full\n"},
        {"ConfigurationItem.csv", "id,status\nCI1,active\n"},
        {"Incident.csv", "id,problem,cis,resolution\n"
                         "I1,PRB1,CI1,Rebooted\n"
                         "I2,PRB404,CI1;CI999,\n"
                         "I3,,,\n"
                         "I4,PRB404,,\" \"\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("PRESENCE") == std::vector<std::string>{
              "I1: present=true absent=false dangling=false not-dangling=true title=Disk full problem=PRB1 cis=CI1 n=1 "
              "cis-dangling=false res=true",
              "I2: present=true absent=false dangling=true not-dangling=false title=(none) problem=PRB404 (missing) "
              "cis=CI1, CI999 (missing) n=2 cis-dangling=true res=false",
              "I3: present=false absent=true dangling=false not-dangling=true title=(none) problem=(none) cis= n=0 "
              "cis-dangling=false res=false",
              "I4: present=true absent=false dangling=true not-dangling=false title=(none) problem=PRB404 (missing) cis= n=0 "
              "cis-dangling=false res=false"});
    CHECK(r->focus_ids("LINKED") == std::vector<std::string>{"I2", "I3", "I4"});
    CHECK(r->rule("DANGLING-EQUAL").status == RuleStatus::pass);
    CHECK(r->rule("DANGLING-EQUAL").checked == 2);
    // the broken links are evidence-quality entries too
    std::vector<std::string> quality;
    for (const auto& q : r->store->quality) quality.push_back(q.level + " " + q.code + " " + q.source);
    CHECK(quality == std::vector<std::string>{"error dangling-reference Incident.csv:3",
                                              "error dangling-reference Incident.csv:3",
                                              "error dangling-reference Incident.csv:5"});
}

TEST_CASE("reverse navigation as a quantifier's domain: read where the graph holds it, or copied when a list names a record twice",
          "[engine][navigation]") {
    const std::string rules = R"(import evidence
rule LOOPS {
  clause 8.6.1
  title "loops"
  severity ofi
  for each ci in ConfigurationItem
  require false
  message "{ci.id}: n={count(i in ci <- Incident.cis)} major={count(i in ci <- Incident.cis where i.major)} some={some i in ci <- Incident.cis where not i.major} every={every i in ci <- Incident.cis satisfies i.major}"
}
)";
    auto lines = [&](const std::string& incidents) {
        auto r = run(rules, {
                                {"bundle.json", R"({"as_of": "2024-06-30"})"},
                                {"ConfigurationItem.csv", "id,status\nCI1,active\nCI2,active\nCI3,active\n"},
                                {"Incident.csv", incidents},
                            });
        REQUIRE(rendered(r->diags) == "");
        const std::uint32_t ci1 = r->store->tables[r->program->schema.type("ConfigurationItem")->index].first;
        const std::uint32_t key = field_key(*r->program->schema.type("Incident"), *r->program->schema.type("Incident")->field("cis"));
        std::vector<std::uint32_t> copied;
        r->graph->referrers(ci1, key, copied);
        const auto in_place = r->graph->referrers_in_place(ci1, key);
        return std::make_tuple(r->messages("LOOPS"), copied, in_place ? std::optional(std::vector<std::uint32_t>(in_place->begin(), in_place->end())) : std::nullopt);
    };
    const std::vector<std::string> expected = {"CI1: n=3 major=2 some=true every=false", "CI2: n=1 major=1 some=false every=true",
                                               "CI3: n=0 major=0 some=false every=true"};
    // each list names a CI once: the graph's own lists serve, in record order
    auto [once, once_copied, once_in_place] = lines("id,cis,major\nI1,CI1;CI2,true\nI2,CI1,false\nI3,CI1,true\n");
    CHECK(once == expected);
    REQUIRE(once_in_place);
    CHECK(*once_in_place == once_copied);
    CHECK(once_copied.size() == 3);
    // I1 names CI1 twice: no in-place lists for the field, and the copy counts I1 once
    auto [twice, twice_copied, twice_in_place] = lines("id,cis,major\nI1,CI1;CI2;CI1,true\nI2,CI1,false\nI3,CI1,true\n");
    CHECK(twice == expected);
    CHECK_FALSE(twice_in_place);
    CHECK(twice_copied == once_copied);
}
