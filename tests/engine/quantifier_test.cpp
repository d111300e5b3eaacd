// every / some / no with `where` and `satisfies`, and the aggregates, evaluated through the
// whole pipeline over small bundles.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

const Files approvals = {
    {"bundle.json", R"({"as_of": "2024-06-30"})"},
    {"Person.csv", "id,name,active\n"
                   "P1,Ann,true\n"
                   "P2,Bob,false\n"
                   "P3,Cy,true\n"},
    {"Change.csv", "id,kind,approved_by\n"
                   "C1,normal,P1;P3\n"
                   "C2,normal,P1;P2\n"
                   "C3,emergency,\n"
                   "C4,standard,P2\n"},
};

std::string over_changes(const std::string& id, const std::string& require) {
    return "rule " + id + " {\n  clause 8.5.1\n  title \"" + id + "\"\n  severity minor\n  for each c in Change\n  require " +
           require + "\n}\n";
}

}  // namespace

TEST_CASE("every / some / no, with and without where and satisfies", "[engine][quantifier]") {
    std::string rules = "import evidence\n";
    rules += over_changes("EVERY", "every p in c.approved_by satisfies p.active");
    rules += over_changes("EVERY-WHERE", "every p in c.approved_by where p.name != \"Bob\" satisfies p.active");
    rules += over_changes("EVERY-BARE", "every p in c.approved_by where p.active");   // no satisfies: trivially true
    rules += over_changes("SOME", "some p in c.approved_by satisfies p.active");
    rules += over_changes("SOME-WHERE", "some p in c.approved_by where p.active");
    rules += over_changes("SOME-BOTH", "some p in c.approved_by where p.active satisfies p.name = \"Cy\"");
    rules += over_changes("NO", "no p in c.approved_by where not p.active");
    rules += over_changes("NO-SATISFIES", "no p in c.approved_by satisfies p.name = \"Ann\"");
    rules += over_changes("NO-BOTH", "no p in c.approved_by where p.active satisfies p.name = \"Ann\"");
    rules += over_changes("NESTED", "some p in c.approved_by satisfies every q in c.approved_by satisfies q.active = p.active");
    auto r = run(rules, approvals);
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->focus_ids("EVERY") == std::vector<std::string>{"C2", "C4"});    // C3: vacuously true
    CHECK(r->focus_ids("EVERY-WHERE").empty());
    CHECK(r->focus_ids("EVERY-BARE").empty());
    CHECK(r->focus_ids("SOME") == std::vector<std::string>{"C3", "C4"});
    CHECK(r->focus_ids("SOME-WHERE") == std::vector<std::string>{"C3", "C4"});
    CHECK(r->focus_ids("SOME-BOTH") == std::vector<std::string>{"C2", "C3", "C4"});
    CHECK(r->focus_ids("NO") == std::vector<std::string>{"C2", "C4"});
    CHECK(r->focus_ids("NO-SATISFIES") == std::vector<std::string>{"C1", "C2"});
    CHECK(r->focus_ids("NO-BOTH") == std::vector<std::string>{"C1", "C2"});
    CHECK(r->focus_ids("NESTED") == std::vector<std::string>{"C2", "C3"});   // mixed approvers; C3 has none
    for (const char* id : {"EVERY", "SOME", "NO"}) {
        CHECK(r->rule(id).checked == 4);
        CHECK(r->rule(id).status == RuleStatus::fail);
    }
    CHECK(r->rule("EVERY-WHERE").status == RuleStatus::pass);
    CHECK(r->rule("EVERY-WHERE").checked == 4);
}

TEST_CASE("quantifiers over a record type, and 'for each ... where' filters the population", "[engine][quantifier]") {
    auto r = run(R"(import evidence
rule POP-SOME {
  clause 8.5.1
  title "Some emergency change exists"
  severity minor
  require some c in Change where c.kind = emergency
}
rule POP-NO {
  clause 8.5.1
  title "No standard change"
  severity minor
  require no c in Change where c.kind = standard
}
rule POP-EVERY {
  clause 8.5.1
  title "Every change names a kind"
  severity minor
  require every c in Change satisfies c.kind is present
}
rule FILTERED {
  clause 8.5.1
  title "Normal changes have two approvers"
  severity minor
  for each c in Change where c.kind = normal
  require count((c.approved_by)) = 2
}
)", approvals);
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->rule("POP-SOME").status == RuleStatus::pass);
    CHECK(r->rule("POP-SOME").checked == 1);
    CHECK(r->rule("POP-NO").status == RuleStatus::fail);
    CHECK(r->focus_ids("POP-NO") == std::vector<std::string>{"<population>"});
    CHECK(r->messages("POP-NO") == std::vector<std::string>{"Not met: No standard change"});
    CHECK(r->rule("POP-EVERY").status == RuleStatus::pass);
    CHECK(r->rule("FILTERED").checked == 2);
    CHECK(r->rule("FILTERED").status == RuleStatus::pass);
}

TEST_CASE("count, sum, min, max, avg and ratio", "[engine][aggregate]") {
    auto r = run(R"(import evidence
type Sample {
  grp: text
  n: int
  x: decimal
  d: date
  ok: bool
}
rule AGG {
  clause 9.1
  title "aggregates"
  severity ofi
  let n = count(s in Sample)
  let nw = count(s in Sample where s.ok)
  let total = sum(s in Sample of s.n)
  let xs = sum(s in Sample of s.x)
  let lo = min(s in Sample of s.n)
  let hi = max(s in Sample of s.n)
  let first = min(s in Sample of s.d)
  let last = max(s in Sample of s.d)
  let mean = avg(s in Sample of s.n)
  let share = ratio(s in Sample of s.ok)
  let a_share = ratio(s in Sample where s.grp = "a" of s.ok)
  let none = avg(s in Sample where s.n > 100 of s.n)
  let no_ratio = ratio(s in Sample where s.n > 100 of s.ok)
  let no_sum = sum(s in Sample where s.n > 100 of s.n)
  let no_max = max(s in Sample where s.n > 100 of s.d)
  require false
  message "n={n} nw={nw} total={total} xs={xs} lo={lo} hi={hi} first={first} last={last} mean={mean} share={share} a={a_share} none={none} no_ratio={no_ratio} no_sum={no_sum} no_max={no_max}"
}
rule AGG-HOLDS {
  clause 9.1
  title "aggregates compare"
  severity ofi
  require count(s in Sample) = 4 and sum(s in Sample of s.n) = 12 and avg(s in Sample of s.n) = 4
      and ratio(s in Sample of s.ok) = 50% and max(s in Sample of s.d) = 2024-03-01
      and min(s in Sample of s.x) = 0.3 and sum(s in Sample of s.x) > 4.04
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Sample.csv", "id,grp,n,x,d,ok\n"
                       "S1,a,3,1.5,2024-01-10,true\n"
                       "S2,a,4,2.25,2024-03-01,false\n"
                       "S3,b,,0.3,2024-02-01,true\n"
                       "S4,b,5,,,false\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    // an absent value is skipped by sum/min/max/avg (S3.n, S4.x, S4.d); avg divides by the values present
    CHECK(r->messages("AGG") == std::vector<std::string>{
              "n=4 nw=2 total=12 xs=4.05 lo=3 hi=5 first=2024-01-10 last=2024-03-01 mean=4 share=0.5 a=0.5 "
              "none=(none) no_ratio=(none) no_sum=0 no_max=(none)"});
    CHECK(r->rule("AGG-HOLDS").status == RuleStatus::pass);
}

TEST_CASE("aggregates over navigation and reverse navigation", "[engine][aggregate]") {
    auto r = run(R"(import evidence
rule PER-PERSON {
  clause 8.5.1
  title "People approve at most two changes"
  severity minor
  for each p in Person
  let n = count(c in p <- Change.approved_by)
  require n <= 2
  message "{p.name} approved {n} changes: {p <- Change.approved_by}"
}
rule ACTIVE-SHARE {
  clause 8.5.1
  title "Most approvers are active"
  severity minor
  for each c in Change where c.approved_by is present
  require ratio(p in c.approved_by of p.active) > 50%
  message "{c.id}: {ratio(p in c.approved_by of p.active)}"
}
)", approvals);
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("PER-PERSON").empty());
    CHECK(r->rule("PER-PERSON").checked == 3);
    CHECK(r->messages("ACTIVE-SHARE") == std::vector<std::string>{"C2: 0.5", "C4: 0"});
}
