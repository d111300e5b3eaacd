// The planner: how each `for each`, quantifier and aggregate reaches its domain, as
// `shall check --explain` prints it, and that an index gives the same answers as a scan.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

const char* const plan_rules = R"shall(import evidence
rule TRN {
  clause 7.2
  title "t"
  severity minor
  for each p in Person where p.active
  require some t in TrainingRecord where t.person = p and t.completed_on >= as_of - 12 months
}
rule HASH {
  clause 8.5.1
  title "t"
  severity minor
  for each p in Person
  require some c in Change where c.risk = high and c.title = p.name
}
rule NAV {
  clause 8.5.1
  title "t"
  severity minor
  for each c in Change
  require every a in c.approved_by satisfies a.active
}
rule CLOSURE {
  clause 8.2.6
  title "t"
  severity minor
  for each ci in ConfigurationItem where ci.status = active
  require no d in ci.depends_on+ where d.status = retired
}
rule REVERSE {
  clause 8.6.3
  title "t"
  severity minor
  for each ci in ConfigurationItem
  let n = count(i in ci <- Incident.cis where i.major)
  require n < 3 and every j in ci.depends_on* satisfies j.status != retired
}
rule POPULATION {
  clause 9.2
  title "t"
  severity minor
  require some a in InternalAudit where a.status = done satisfies (some x in a.processes satisfies x = change_management)
      and periodic(a in InternalAudit where not (a.status = cancelled) of a.performed_on, 12 months)
}
rule SET {
  clause 8.5.1
  title "t"
  severity minor
  for each c in Change where some t in {"x", "y"} satisfies c.title = t
  require true
}
rule OR-NOT-INDEXED {
  clause 8.5.1
  title "t"
  severity minor
  for each p in Person
  require some c in Change where c.title = p.name or c.risk = low
}
)shall";

}  // namespace

TEST_CASE("explain_rule: scans, graph indexes, hash indexes, navigation, closures", "[engine][planner]") {
    auto l = load({[] {
        static TempDir dir;
        return dir.write("plans.shall", plan_rules);
    }()});
    REQUIRE(rendered(l->diags) == "");
    Plan plan = plan_program(*l->program);
    const Program& p = *l->program;
    CHECK(explain(p, "TRN") == std::vector<std::string>{
              "6:3: for each p in Person: scan Person, filter (where: 1 condition on the columns)",
              "7:11: some t in TrainingRecord: reverse edges TrainingRecord.person of p (graph index), then filter "
              "(where: 1 condition on the columns, the rest per record)"});
    CHECK(explain(p, "HASH") == std::vector<std::string>{
              "13:3: for each p in Person: scan Person",
              "14:11: some c in Change: hash index Change.risk = high, then filter"});
    CHECK(explain(p, "NAV") == std::vector<std::string>{
              "20:3: for each c in Change: scan Change",
              "21:11: every a in c.approved_by: navigate Change.approved_by"});
    CHECK(explain(p, "CLOSURE") == std::vector<std::string>{
              "27:3: for each ci in ConfigurationItem: hash index ConfigurationItem.status = active, then filter",
              "28:11: no d in ci.depends_on+: transitive closure over ConfigurationItem.depends_on (graph), filter"});
    CHECK(explain(p, "REVERSE") == std::vector<std::string>{
              "34:3: for each ci in ConfigurationItem: scan ConfigurationItem",
              "35:11: aggregate i in ci <- Incident.cis: reverse edges Incident.cis (graph index), filter (where: 1 condition on the columns)",
              "36:21: every j in ci.depends_on*: transitive closure over ConfigurationItem.depends_on (graph)"});
    CHECK(explain(p, "POPULATION") == std::vector<std::string>{
              "population check (no 'for each'): evaluated once",
              "42:11: some a in InternalAudit: hash index InternalAudit.status = done, then filter",
              "42:68: some x in a.processes: list items of InternalAudit.processes",
              "43:11: periodic a in InternalAudit: scan InternalAudit, filter (where: 1 condition on the columns)"});
    CHECK(explain(p, "SET") == std::vector<std::string>{
              "49:3: for each c in Change: scan Change, filter",
              "49:30: some t in (…): evaluate set"});
    CHECK(explain(p, "OR-NOT-INDEXED") == std::vector<std::string>{
              "56:3: for each p in Person: scan Person",
              "57:11: some c in Change: scan Change, filter"});
    // the hash indexes the engine builds before evaluating, in (type, field) order
    std::vector<std::string> indexes;
    for (const auto& k : plan.equality_indexes) indexes.push_back(k.type->name + "." + k.field->name);
    CHECK(indexes == std::vector<std::string>{"Change.risk", "ConfigurationItem.status", "InternalAudit.status"});
}

TEST_CASE("an index gives the same answers as a scan, whatever the types on each side of '='", "[engine][planner]") {
    // each rule twice: `where A = B` may use an index; `where (A = B or false)` never does
    auto pair = [](const std::string& id, const std::string& var, const std::string& type, const std::string& quant,
                   const std::string& eq) {
        std::string out;
        for (int scan = 0; scan < 2; ++scan)
            out += "rule " + id + (scan ? "-SCAN" : "") + " {\n  clause 9.1\n  title \"t\"\n  severity minor\n  for each " + var +
                   " in " + type + "\n  require " + quant + " where " + (scan ? "(" + eq + " or false)" : eq) + "\n}\n";
        return out;
    };
    std::string rules = "import evidence\n";
    rules += pair("TEXT-TEXT", "p", "Person", "some c in Change", "c.title = p.name");
    rules += pair("ENUM-TEXT", "p", "Person", "some c in Change", "c.kind = p.name");
    rules += pair("TEXT-ENUM", "c", "Change", "some r in Role", "r.process = c.kind");
    rules += pair("DECIMAL-INT", "i", "Incident", "some s in Service", "s.availability_target = i.priority");
    rules += pair("INT-DECIMAL", "s", "Service", "some i in Incident", "i.priority = s.availability_target");
    rules += pair("DATETIME-DATE", "c", "Change", "some i in Incident", "i.opened_at = c.approved_on");
    rules += pair("DATE-DATETIME", "i", "Incident", "some c in Change", "c.approved_on = i.opened_at");
    rules += pair("DATE-DATE", "c", "Change", "some d in Change", "d.requested_on = c.approved_on");
    rules += pair("BOOL-BOOL", "p", "Person", "some q in Person", "q.active = p.active and q.id != p.id");
    rules += pair("REF-REF", "i", "Incident", "some j in Incident", "j.assigned_to = i.assigned_to and j.id != i.id");
    auto r = run(rules, {
        {"bundle.json", R"({"as_of": "2024-06-30"})"},
        {"Person.csv", "id,name,active\nP1,emergency,true\nP2,Patch,true\nP3,normal,false\nP4,Nobody,\n"},
        {"Role.csv", "id,process\nR1,Emergency\nR2,standard\n"},
        {"Change.csv", "id,kind,title,requested_on,approved_on\n"
                       "C1,emergency,Patch,2024-03-01,2024-03-02\n"
                       "C2,normal,Reboot,2024-03-02,2024-03-05\n"
                       "C3,standard,,,2024-04-01\n"},
        {"Service.csv", "id,availability_target\nS1,99\nS2,99.5\nS3,2.0\n"},
        {"Incident.csv", "id,priority,opened_at,assigned_to\n"
                         "I1,2,2024-03-02T10:00:00Z,P1\n"
                         "I2,99,2024-03-05T23:00:00Z,P1\n"
                         "I3,3,2024-04-02T00:00:00Z,P404\n"
                         "I4,1,2024-01-01T00:00:00Z,P404\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    // an index is planned only where it finds exactly what the comparison finds
    CHECK(explain(*r->program, "TEXT-TEXT").back() == "7:11: some c in Change: hash index Change.title = p.name, then filter");
    CHECK(explain(*r->program, "DATE-DATE").back() ==
          "105:11: some d in Change: hash index Change.requested_on = c.approved_on, then filter");
    CHECK(explain(*r->program, "REF-REF").back() ==
          "133:11: some j in Incident: reverse edges Incident.assigned_to of i.assigned_to (graph index), then filter");
    CHECK(explain(*r->program, "ENUM-TEXT").back() == "21:11: some c in Change: scan Change, filter");
    // no index either where the two sides are of different types, but a comparison with the
    // outer record's field on the columns, its value read again for each outer record
    CHECK(explain(*r->program, "DECIMAL-INT").back() == "49:11: some s in Service: scan Service, filter (where: 1 condition on the columns)");
    CHECK(explain(*r->program, "DATETIME-DATE").back() == "77:11: some i in Incident: scan Incident, filter (where: 1 condition on the columns)");
    for (const char* id : {"TEXT-TEXT", "ENUM-TEXT", "TEXT-ENUM", "DECIMAL-INT", "INT-DECIMAL", "DATETIME-DATE",
                           "DATE-DATETIME", "DATE-DATE", "BOOL-BOOL", "REF-REF"}) {
        INFO(id);
        CHECK(r->focus_ids(id) == r->focus_ids(std::string(id) + "-SCAN"));
    }
    // the expected answers themselves
    CHECK(r->focus_ids("TEXT-TEXT-SCAN") == std::vector<std::string>{"P1", "P3", "P4"});
    CHECK(r->focus_ids("ENUM-TEXT-SCAN") == std::vector<std::string>{"P2", "P4"});
    CHECK(r->focus_ids("TEXT-ENUM-SCAN") == std::vector<std::string>{"C2"});
    CHECK(r->focus_ids("DECIMAL-INT-SCAN") == std::vector<std::string>{"I3", "I4"});
    CHECK(r->focus_ids("INT-DECIMAL-SCAN") == std::vector<std::string>{"S2"});
    CHECK(r->focus_ids("DATETIME-DATE-SCAN") == std::vector<std::string>{"C3"});
    CHECK(r->focus_ids("DATE-DATETIME-SCAN") == std::vector<std::string>{"I3", "I4"});
    CHECK(r->focus_ids("DATE-DATE-SCAN") == std::vector<std::string>{"C2", "C3"});
    CHECK(r->focus_ids("BOOL-BOOL-SCAN") == std::vector<std::string>{"P3", "P4"});
    // two dangling references to the same missing id are equal (docs/language.md 8.6)
    CHECK(r->focus_ids("REF-REF-SCAN").empty());
}
