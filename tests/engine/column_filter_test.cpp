// Column tests: the conjuncts of a `for each ... where` that the engine tests straight on the
// columns must select exactly the records the evaluator would, absent values and time zones
// included; and the planner says which conjuncts it took.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

struct Probe {
    std::string id, type, var, filter;
};

// (A single `=` would reach the records through a hash index instead: the probes with `=` have
// an `or`, which no index serves.)
// Each filter four times: `where F require false` fails exactly the records F selects
// through the column tests; `require not (F)` fails those for which the column tests find F
// true as a requirement, with or without a `where` also on the columns; `require not (F) or
// false` fails the records the evaluator finds F true for (`or false` keeps it off the columns).
std::string pairs(const std::vector<Probe>& probes) {
    std::string out = "import evidence\nparam cut = 2024-02-01\n"
                      "def in_period(x: Incident) = x.opened_at >= period_start and x.opened_at <= as_of\n";
    for (const auto& p : probes) {
        auto rule = [&](const std::string& id, const std::string& body) {
            out += "rule " + id + " {\n  clause 9.1\n  title \"t\"\n  severity minor\n  for each " + p.var + " in " + p.type +
                   body + "\n}\n";
        };
        rule(p.id + "-COLUMNS", " where " + p.filter + "\n  require false");
        rule(p.id + "-REQUIRE", "\n  require not (" + p.filter + ")");
        rule(p.id + "-BOTH", " where " + p.var + ".id is present\n  require not (" + p.filter + ")");
        rule(p.id + "-EVALUATED", "\n  require not (" + p.filter + ") or false");
    }
    return out;
}

const std::vector<Probe>& probes() {
    static const std::vector<Probe> all = {
        {"INT-EQ", "Incident", "i", "i.priority = 1 or i.priority = 3"},
        {"INT-NE", "Incident", "i", "i.priority != 1"},
        {"INT-LT", "Incident", "i", "i.priority < 3"},
        {"INT-FLIPPED", "Incident", "i", "2 <= i.priority"},
        {"INT-DECIMAL", "Incident", "i", "i.priority > 1.5"},
        {"ENUM-EQ", "Incident", "i", "i.status = closed or i.status = new"},
        {"ENUM-NE", "Incident", "i", "i.status != closed"},
        {"NOT-ENUM", "Incident", "i", "not (i.status = cancelled)"},
        {"IN", "Incident", "i", "i.status in {resolved, closed}"},
        {"NOT-IN", "Incident", "i", "i.status not in {resolved, closed}"},
        {"BOOL", "Incident", "i", "i.major"},
        {"NOT-BOOL", "Incident", "i", "not i.major"},
        {"BOOL-EQ", "Incident", "i", "i.major = false or i.priority = 4"},
        {"BOOL-NE", "Incident", "i", "i.major != true"},
        {"DATETIME-START", "Incident", "i", "i.opened_at >= period_start"},
        {"DATETIME-AS-OF", "Incident", "i", "i.opened_at <= as_of"},
        {"DATETIME-DATE", "Incident", "i", "i.opened_at < 2024-04-01"},
        {"DATETIME-DATETIME", "Incident", "i", "i.opened_at > 2024-03-31T23:00:00Z"},
        {"DATETIME-SHIFTED", "Incident", "i", "i.opened_at >= as_of - 120 days"},
        {"DATE-DATE", "Incident", "i", "i.top_management_informed_on >= 2024-01-11"},
        {"DATE-PARAM", "Incident", "i", "i.top_management_informed_on = cut or i.impact = 3"},
        {"DATE-DATETIME", "Incident", "i", "i.top_management_informed_on < 2024-02-01T12:00:00Z"},
        {"DATE-BEFORE-1970", "Incident", "i", "i.review_on < 1970-01-01"},
        {"TWO-DATES", "Incident", "i", "i.top_management_informed_on <= i.review_on"},
        {"PRESENT-REF", "Incident", "i", "i.service is present"},
        {"ABSENT-REF", "Incident", "i", "i.service is absent"},
        {"NOT-PRESENT-TEXT", "Incident", "i", "i.resolution is not present"},
        {"PRESENT-INT", "Incident", "i", "i.impact is present"},
        {"IMPLIES", "Incident", "i", "i.impact = 1 implies i.priority = 1"},
        {"OR", "Incident", "i", "i.impact = 2 or i.major"},
        {"DEFINITION", "Incident", "i", "in_period(i)"},
        {"MIXED", "Incident", "i", "in_period(i) and i.resolution = \"done\" and i.priority >= 1"},
        {"TWO-INTS", "Incident", "i", "i.impact = i.priority"},
        {"TWO-INTS-ORDERED", "Incident", "i", "i.priority < i.impact"},
        {"DATE-AFTER-DATETIME", "Incident", "i", "i.top_management_informed_on >= i.opened_at"},
        {"DATETIME-BEFORE-DATE", "Incident", "i", "i.opened_at < i.top_management_informed_on"},
        {"TWO-BOOLS", "Incident", "i", "i.major = i.major"},
        {"TWO-ENUMS", "Incident", "i", "i.status = i.status"},
        {"LEAST", "Incident", "i", "i.priority <= least(i.impact, i.priority)"},
        {"GREATEST", "Incident", "i", "i.impact = greatest(i.impact, i.priority)"},
        {"GREATEST-FLIPPED", "Incident", "i", "greatest(i.impact, i.priority) > i.priority"},
        {"GREATEST-DAYS", "Incident", "i", "i.top_management_informed_on >= greatest(i.opened_at, i.target_resolve_at)"},
        {"MATCHES", "Incident", "i", "i.resolution matches \"d.*\""},
        {"MATCHES-CASE", "Incident", "i", "i.resolution matches \"(?i)^(X|none)$\""},
        {"NOT-MATCHES", "Incident", "i", "not (i.resolution matches \"^do\")"},
        {"PRESENT-NOT-MATCHES", "Incident", "i", "i.resolution is present and not (i.resolution matches \"(?i)^\\s*(n/?a|done)\\s*$\")"},
        {"MATCHES-OR", "Incident", "i", "i.resolution matches \"x\" or i.priority = 1"},
        {"DECIMAL", "Service", "s", "s.availability_target >= 99"},
        {"DECIMAL-NE", "Service", "s", "s.availability_target != 98"},
    };
    return all;
}

const Files bundle_files(const std::string& bundle_json) {
    return {
        {"bundle.json", bundle_json},
        {"Service.csv", "id,name,availability_target\nS1,Mail,99.5\nS2,Web,\nS3,Files,98\n"},
        {"Incident.csv",
         "id,opened_at,impact,priority,status,major,service,resolution,top_management_informed_on,target_resolve_at,review_on\n"
         "I1,2024-01-10T10:00:00Z,1,1,closed,true,S1,done,2024-01-11,2024-01-11T23:30:00Z,2024-01-11\n"
         "I2,2024-03-31T23:30:00Z,2,,cancelled,false,,,,,1969-12-31\n"
         "I3,,3,4,resolved,,S9,x,,2024-01-02T00:00:00Z,\n"
         "I4,2023-05-01T00:00:00Z,,2,,true,S1,done,2024-02-01,2024-03-01T00:00:00Z,1900-01-01\n"
         "I5,2024-06-30T23:59:59Z,10,3,NEW,false,,,,,2024-07-01\n"
         "I6,2024-06-29T10:00:00+02:00,1,2,in_progress,TRUE,S2,None,2024-01-10,,2024-01-09\n"},
    };
}

}  // namespace

TEST_CASE("column tests select what the evaluator selects, absent values and time zones included", "[engine][columns]") {
    const std::string rules = pairs(probes());
    for (const char* zone : {"UTC", "Europe/Paris", "Pacific/Auckland"}) {
        auto r = run(rules, bundle_files(std::string(R"({"as_of": "2024-06-30", "period_start": "2024-01-01", "timezone": ")") + zone + "\"}"));
        REQUIRE(rendered(r->diags) == "");
        for (const auto& p : probes()) {
            INFO(zone << " " << p.id << ": " << p.filter);
            // the planner took the filter (or, for MIXED, part of it) to the columns
            CHECK(explain(*r->program, p.id + "-COLUMNS").front().find("where: ") != std::string::npos);
            // MIXED is not all on the columns, and `not` keeps its parts together
            if (p.id != "MIXED")
                CHECK(explain(*r->program, p.id + "-REQUIRE").front().find("require: 1 condition on the columns") != std::string::npos);
            CHECK(explain(*r->program, p.id + "-EVALUATED").front().find("on the columns") == std::string::npos);
            CHECK(r->focus_ids(p.id + "-COLUMNS") == r->focus_ids(p.id + "-EVALUATED"));
            CHECK(r->focus_ids(p.id + "-REQUIRE") == r->focus_ids(p.id + "-EVALUATED"));
            CHECK(r->focus_ids(p.id + "-BOTH") == r->focus_ids(p.id + "-EVALUATED"));
            CHECK(r->rule(p.id + "-BOTH").checked == r->rule(p.id + "-EVALUATED").checked);
        }
    }
}

TEST_CASE("column tests: what each kind of condition selects", "[engine][columns]") {
    auto r = run(pairs(probes()), bundle_files(R"({"as_of": "2024-06-30", "period_start": "2024-01-01", "timezone": "Europe/Paris"})"));
    REQUIRE(rendered(r->diags) == "");
    using Ids = std::vector<std::string>;
    auto ids = [&](const std::string& id) { return r->focus_ids(id + "-COLUMNS"); };
    // an absent priority is neither equal nor unequal to 1
    CHECK(ids("INT-EQ") == Ids{"I1", "I5"});
    CHECK(ids("ENUM-EQ") == Ids{"I1", "I5"});
    CHECK(ids("BOOL-EQ") == Ids{"I2", "I3", "I5"});
    CHECK(ids("DATE-PARAM") == Ids{"I3", "I4"});
    CHECK(ids("INT-NE") == Ids{"I3", "I4", "I5", "I6"});
    CHECK(ids("INT-DECIMAL") == Ids{"I3", "I4", "I5", "I6"});
    // enum values are read case-insensitively
    CHECK(ids("ENUM-NE") == Ids{"I2", "I3", "I5", "I6"});
    CHECK(ids("NOT-ENUM") == Ids{"I1", "I3", "I4", "I5", "I6"});
    CHECK(ids("NOT-IN") == Ids{"I2", "I5", "I6"});
    CHECK(ids("BOOL") == Ids{"I1", "I4", "I6"});
    CHECK(ids("NOT-BOOL") == Ids{"I2", "I3", "I5"});
    // 2024-03-31T23:30Z is 1 April in Paris; 2024-06-30T23:59:59Z is 1 July there, after as_of
    CHECK(ids("DATETIME-DATE") == Ids{"I1", "I4"});
    CHECK(ids("DATETIME-AS-OF") == Ids{"I1", "I2", "I4", "I6"});
    CHECK(ids("DEFINITION") == Ids{"I1", "I2", "I6"});
    CHECK(ids("MIXED") == Ids{"I1"});
    // a dangling reference is present
    CHECK(ids("PRESENT-REF") == Ids{"I1", "I3", "I4", "I6"});
    CHECK(ids("DECIMAL-NE") == Ids{"S1"});
    // a pattern matches part of the text unless anchored; an absent text matches nothing, so
    // `not` selects it
    CHECK(ids("MATCHES") == Ids{"I1", "I4"});
    CHECK(ids("MATCHES-CASE") == Ids{"I3", "I6"});
    CHECK(ids("NOT-MATCHES") == Ids{"I2", "I3", "I5", "I6"});
    CHECK(ids("PRESENT-NOT-MATCHES") == Ids{"I3", "I6"});
    CHECK(ids("MATCHES-OR") == Ids{"I1", "I3"});
    // two fields of the record; a datetime against a date on its day
    CHECK(ids("TWO-INTS") == Ids{"I1"});
    CHECK(ids("DATE-AFTER-DATETIME") == Ids{"I1", "I4"});
    CHECK(ids("TWO-DATES") == Ids{"I1"});
    CHECK(ids("TWO-ENUMS") == Ids{"I1", "I2", "I3", "I5", "I6"});   // not I4: its status is absent
    // days before 1970 are negative
    CHECK(ids("DATE-BEFORE-1970") == Ids{"I2", "I4"});
    // least / greatest skip an absent value
    CHECK(ids("LEAST") == Ids{"I1", "I4", "I5"});
    // I1's deadline, 23:30 UTC on 11 January, is 12 January in Paris: a day after it was informed
    CHECK(ids("GREATEST-DAYS").empty());
    // only the conditions on the row's own fields went to the columns
    const std::string plan = explain(*r->program, "MIXED-COLUMNS").front();
    CHECK(plan.substr(plan.find(" for each")) ==
          " for each i in Incident: hash index Incident.resolution = done, then filter "
          "(where: 3 conditions on the columns, the rest per record)");
}

TEST_CASE("conditions that are not tested on the columns", "[engine][columns]") {
    auto r = run(pairs({
                     {"TEXT", "Incident", "i", "i.resolution = \"done\""},
                     {"NAVIGATION", "Incident", "i", "i.service.availability_target > 99"},
                     {"QUANTIFIER", "Incident", "i", "some s in Service satisfies s = i.service"},
                     {"ARITHMETIC", "Incident", "i", "i.priority + 1 > i.impact"},
                 }),
                 bundle_files(R"({"as_of": "2024-06-30"})"));
    REQUIRE(rendered(r->diags) == "");
    for (const char* id : {"TEXT", "NAVIGATION", "QUANTIFIER", "ARITHMETIC"}) {
        INFO(id);
        CHECK(explain(*r->program, std::string(id) + "-COLUMNS").front().find("on the columns") == std::string::npos);
        CHECK(explain(*r->program, std::string(id) + "-REQUIRE").front().find("on the columns") == std::string::npos);
        CHECK(r->focus_ids(std::string(id) + "-COLUMNS") == r->focus_ids(std::string(id) + "-EVALUATED"));
    }
}

TEST_CASE("column tests against an outer record's fields select what the evaluator selects", "[engine][columns]") {
    // For each outer incident o: how many incidents i meet F, and whether some does, once with
    // F on the columns (its values of o read again for each o) and once evaluated (`or false`).
    const std::vector<std::pair<std::string, std::string>> probes = {
        {"INT-LT", "i.priority < o.priority"},
        {"WINDOW", "i.opened_at >= o.opened_at and i.opened_at <= o.opened_at + 90 days"},
        {"DATE-AFTER-OUTER-DATETIME", "i.top_management_informed_on >= o.opened_at"},
        {"DATETIME-BEFORE-OUTER-DATE", "i.opened_at < o.top_management_informed_on"},
        {"DATETIME-ON-OUTER-DATE", "i.opened_at <= o.review_on"},
        {"ENUM-EQ", "i.status = o.status"},
        {"ENUM-NOT-NE", "not (i.status != o.status)"},
        {"BOOL-NE", "i.major != o.major"},
        {"NOT", "not (i.priority >= o.impact)"},
        {"ARITHMETIC", "i.priority > o.impact - 1"},
        {"DECIMAL", "i.priority < o.priority * 1.5 or i.impact > o.priority / 2"},
        {"OR", "i.impact = o.priority or i.major"},
        {"WITH-RUN-CONSTANT", "i.opened_at >= period_start and i.priority >= o.priority"},
    };
    std::string rules = "import evidence\n";
    for (const auto& [id, f] : probes)
        for (const std::string& variant : {std::string("-COLUMNS"), std::string("-EVALUATED")}) {
            const std::string where = variant == "-COLUMNS" ? f : "(" + f + ") or false";
            rules += "rule " + id + variant + " {\n  clause 9.1\n  title \"t\"\n  severity minor\n  for each o in Incident\n"
                     "  require not (some i in Incident where " + where + ")\n"
                     "  message \"{o.id}: {count(i in Incident where " + where + ")}\"\n}\n";
        }
    for (const char* zone : {"UTC", "Europe/Paris", "Pacific/Auckland"}) {
        auto r = run(rules, bundle_files(std::string(R"({"as_of": "2024-06-30", "period_start": "2024-01-01", "timezone": ")") + zone + "\"}"));
        REQUIRE(rendered(r->diags) == "");
        for (const auto& [id, f] : probes) {
            INFO(zone << " " << id << ": " << f);
            const auto plan = explain(*r->program, id + "-COLUMNS");
            // (an `=` alone goes to a hash index instead)
            CHECK(std::any_of(plan.begin(), plan.end(), [](const std::string& l) {
                return l.find("on the columns") != std::string::npos || l.find("hash index") != std::string::npos;
            }));
            const auto evaluated = explain(*r->program, id + "-EVALUATED");
            CHECK(std::none_of(evaluated.begin(), evaluated.end(), [](const std::string& l) { return l.find("on the columns") != std::string::npos; }));
            CHECK(r->focus_ids(id + "-COLUMNS") == r->focus_ids(id + "-EVALUATED"));
            CHECK(r->messages(id + "-COLUMNS") == r->messages(id + "-EVALUATED"));
        }
    }
    // what two of them count (an outer incident with none passes, so has no message)
    auto r = run(rules, bundle_files(R"({"as_of": "2024-06-30", "period_start": "2024-01-01", "timezone": "Europe/Paris"})"));
    REQUIRE(rendered(r->diags) == "");
    using Msgs = std::vector<std::string>;
    auto all = [&](const std::string& id) {
        Msgs m = r->messages(id + "-COLUMNS");
        std::sort(m.begin(), m.end());
        return m;
    };
    // priorities: I1 1, I2 absent, I3 4, I4 2, I5 3, I6 2; an absent value compares with nothing
    CHECK(all("INT-LT") == Msgs{"I3: 4", "I4: 1", "I5: 3", "I6: 1"});
    // statuses: closed, cancelled, resolved, absent, new, in_progress: each equals only itself
    CHECK(all("ENUM-EQ") == Msgs{"I1: 1", "I2: 1", "I3: 1", "I5: 1", "I6: 1"});
}
