// The checker: names resolved against the evidence schema, types, and the exact diagnostic
// with its did-you-mean hint for every kind of mistake.
#include <catch2/catch.hpp>

#include "../engine/support.hpp"

namespace {

using namespace shall;
using namespace shall::etest;

// Checks `text` as the file case.shall (importing the evidence model when asked); returns every
// diagnostic rendered with the path shown relative to its directory.
std::string check(const std::string& text, std::vector<std::pair<std::string, std::string>> params = {}) {
    TempDir dir;
    std::string file = dir.write("case.shall", text);
    auto loaded = load({file}, std::move(params));
    return rendered(loaded->diags, dir.path() + "/");
}

// A rule over Change with `require` (and an optional 'for each' filter) filled in.
std::string rule(const std::string& require, const std::string& filter = "") {
    return "import evidence\n"
           "rule R {\n"
           "  clause 8.5.1\n"
           "  title \"t\"\n"
           "  severity minor\n"
           "  for each c in Change" + (filter.empty() ? std::string() : " where " + filter) + "\n"
           "  require " + require + "\n"
           "}\n";
}

}  // namespace

TEST_CASE("a well-formed rule over the evidence model checks clean", "[dsl][check]") {
    CHECK(check(rule("c.approved_on is present and c.approved_on <= c.implemented_on", "c.kind in {emergency, major}")) == "");
}

TEST_CASE("a misspelt field: did you mean", "[dsl][check]") {
    CHECK(check(rule("c.aproved_on is present")) ==
          "case.shall:7:13: error: Change has no field 'aproved_on'\n"
          "    require c.aproved_on is present\n"
          "              ^\n"
          "  did you mean 'approved_on'?\n");
}

TEST_CASE("a field far from every known one gets no hint", "[dsl][check]") {
    CHECK(check(rule("c.zzzzzzzz is present")) ==
          "case.shall:7:13: error: Change has no field 'zzzzzzzz'\n"
          "    require c.zzzzzzzz is present\n"
          "              ^\n");
}

TEST_CASE("an unknown type", "[dsl][check]") {
    SECTION("as a domain") {
        CHECK(check("import evidence\nrule R {\n  clause 8.1\n  title \"t\"\n  severity minor\n  for each c in Chnage\n  require true\n}\n") ==
              "case.shall:6:17: error: unknown name 'Chnage'\n"
              "    for each c in Chnage\n"
              "                  ^\n"
              "  did you mean 'Change'?\n");
    }
    SECTION("as a reference target") {
        CHECK(check("import evidence\ntype Vendor {\n  manager: -> Persn\n}\n") ==
              "case.shall:3:3: error: unknown record type Persn\n"
              "    manager: -> Persn\n"
              "    ^\n"
              "  did you mean 'Person'?\n");
    }
    SECTION("as a definition parameter") {
        CHECK(check("import evidence\ndef ok(c: Chang) = true\n") ==
              "case.shall:2:8: error: unknown type Chang\n"
              "  def ok(c: Chang) = true\n"
              "         ^\n"
              "  did you mean 'Change'?\n");
    }
    SECTION("in reverse navigation") {
        CHECK(check(rule("count(i in c <- Incidnt.service) = 0")) ==
              "case.shall:7:27: error: unknown record type Incidnt\n"
              "    require count(i in c <- Incidnt.service) = 0\n"
              "                            ^\n"
              "  did you mean 'Incident'?\n");
    }
}

TEST_CASE("an unknown enum value", "[dsl][check]") {
    SECTION("compared with a field") {
        CHECK(check(rule("true", "c.kind = emergncy")) ==
              "case.shall:6:39: error: 'emergncy' is not a value of enum Change.kind\n"
              "    for each c in Change where c.kind = emergncy\n"
              "                                        ^\n"
              "  did you mean 'emergency'?\n");
    }
    SECTION("in a set") {
        CHECK(check(rule("c.kind in {standard, emergncy}")) ==
              "case.shall:7:32: error: 'emergncy' is not a value of enum Change.kind\n"
              "    require c.kind in {standard, emergncy}\n"
              "                                 ^\n"
              "  did you mean 'emergency'?\n");
    }
}

TEST_CASE("type errors", "[dsl][check]") {
    CHECK(check(rule("c.approved_on = c.title")) ==
          "case.shall:7:25: error: cannot compare date with text\n"
          "    require c.approved_on = c.title\n"
          "                          ^\n");
    CHECK(check(rule("c.approved_by = c.requested_by")) ==
          "case.shall:7:25: error: cannot compare set of Person with Person\n"
          "    require c.approved_by = c.requested_by\n"
          "                          ^\n"
          "  use 'in', 'contains', a quantifier or count() for sets\n");
    CHECK(check(rule("c.title in c.title")) ==
          "case.shall:7:24: error: 'in' needs a set on this side, but this is text\n"
          "    require c.title in c.title\n"
          "                         ^\n");
    CHECK(check(rule("c.title contains \"x\"")) ==
          "case.shall:7:13: error: 'contains' needs a set on this side, but this is text\n"
          "    require c.title contains \"x\"\n"
          "              ^\n");
    CHECK(check(rule("c.approved_on - c.requested_on > 3")) ==
          "case.shall:7:13: error: cannot compute date - date\n"
          "    require c.approved_on - c.requested_on > 3\n"
          "              ^\n"
          "  use days_between(a, b) for the days from a to b\n");
    CHECK(check(rule("c.title")) ==
          "case.shall:7:13: error: 'require' must be a condition (bool), but this is text\n"
          "    require c.title\n"
          "              ^\n");
    CHECK(check(rule("every d in c.title satisfies true")) ==
          "case.shall:7:24: error: 'd' ranges over a set, but this is text\n"
          "    require every d in c.title satisfies true\n"
          "                         ^\n");
    CHECK(check(rule("some d in c.cis+ satisfies true")) ==
          "case.shall:7:23: error: 'cis+' needs a reference from Change to Change itself; Change.cis is set of ConfigurationItem\n"
          "    require some d in c.cis+ satisfies true\n"
          "                        ^\n");
    CHECK(check(rule("c.approved_on = 2023-02-29")) ==
          "case.shall:7:27: error: 2023-02-29 is not a calendar date\n"
          "    require c.approved_on = 2023-02-29\n"
          "                            ^\n");
}

TEST_CASE("ratio without 'of'", "[dsl][check]") {
    CHECK(check("import evidence\nrule R {\n  clause 8.1\n  title \"t\"\n  severity minor\n  require ratio(c in Change) > 5%\n}\n") ==
          "case.shall:6:11: error: ratio() needs 'of CONDITION'\n"
          "    require ratio(c in Change) > 5%\n"
          "            ^\n"
          "  ratio(x in D of CONDITION)\n");
}

TEST_CASE("count() with 'of' and sum() of text", "[dsl][check]") {
    CHECK(check(rule("count(p in c.approved_by of p.name) > 0")) ==
          "case.shall:7:41: error: count() takes no 'of'\n"
          "    require count(p in c.approved_by of p.name) > 0\n"
          "                                          ^\n"
          "  count(x in D where CONDITION)\n");
    CHECK(check(rule("sum(p in c.approved_by of p.name) > 0")) ==
          "case.shall:7:39: error: sum() and avg() add numbers, not text\n"
          "    require sum(p in c.approved_by of p.name) > 0\n"
          "                                        ^\n");
    CHECK(check(rule("max(p in c.approved_by of p.active) > 0")) ==
          "case.shall:7:39: error: min() and max() need numbers or dates, not bool\n"
          "    require max(p in c.approved_by of p.active) > 0\n"
          "                                        ^\n");
}

TEST_CASE("a bad RE2 pattern", "[dsl][check]") {
    CHECK(check(rule("c.title matches \"(unclosed\"")) ==
          "case.shall:7:27: error: bad pattern: missing ): (unclosed\n"
          "    require c.title matches \"(unclosed\"\n"
          "                            ^\n");
}

TEST_CASE("'failed' outside a grade condition", "[dsl][check]") {
    CHECK(check(rule("failed = 0")) ==
          "case.shall:7:11: error: 'failed' can only be used in a grade condition\n"
          "    require failed = 0\n"
          "            ^\n");
    // ...and inside one it is fine
    CHECK(check("import evidence\nrule R {\n  clause 8.1\n  title \"t\"\n  severity minor\n"
                "  grade major when failed > 3 and failed_ratio > 10% and checked > 10\n  require true\n}\n") == "");
}

TEST_CASE("unknown --param, and a --param of the wrong type", "[dsl][check]") {
    std::string text = "import evidence\nparam window = 30 days\n";
    CHECK(check(text, {{"windw", "3 days"}}) ==
          "error: --param windw: no such parameter\n"
          "  did you mean 'window'?\n");
    CHECK(check(text, {{"window", "\"soon\""}}) == "error: --param window=\"soon\": expected duration, got text\n");
    CHECK(check(text, {{"window", "45 days"}}) == "");
}

TEST_CASE("parameters: constant values, declared types, overrides of unknown ones", "[dsl][check]") {
    CHECK(check("import evidence\nparam p = as_of\n") ==
          "case.shall:2:11: error: the value of parameter p must be a constant such as 12 months, 5% or 3\n"
          "  param p = as_of\n"
          "            ^\n");
    CHECK(check("import evidence\nparam p: int = \"x\"\n") ==
          "case.shall:2:16: error: parameter p is declared int but its value is text\n"
          "  param p: int = \"x\"\n"
          "                 ^\n");
    CHECK(check("import evidence\nparam window = 1 day\noverride param windw = 2 days\n") ==
          "case.shall:3:1: error: cannot override unknown parameter windw\n"
          "  override param windw = 2 days\n"
          "  ^\n"
          "  did you mean 'window'?\n");
    CHECK(check("import evidence\nparam window = 1 day\nparam window = 2 days\n") ==
          "case.shall:3:1: error: parameter window is declared twice\n"
          "  param window = 2 days\n"
          "  ^\n"
          "  use 'override param' to change a base ruleset's value\n");
}

TEST_CASE("missing title, severity, clause and require", "[dsl][check]") {
    CHECK(check("import evidence\nrule R {\n  for each c in Change\n}\n") ==
          "case.shall:2:1: error: rule R has no 'clause'\n"
          "  rule R {\n"
          "  ^\n"
          "  e.g. clause 8.5.1.3\n"
          "case.shall:2:1: error: rule R has no 'title'\n"
          "  rule R {\n"
          "  ^\n"
          "  e.g. title \"Changes are approved before they are implemented\"\n"
          "case.shall:2:1: error: rule R has no 'severity'\n"
          "  rule R {\n"
          "  ^\n"
          "  major, minor, observation or ofi\n"
          "case.shall:2:1: error: rule R has no 'require'\n"
          "  rule R {\n"
          "  ^\n"
          "  e.g. require c.approved_on is present\n");
}

TEST_CASE("unknown import", "[dsl][check]") {
    CHECK(check("import evidenc\n") ==
          "case.shall:1:1: error: cannot find module 'evidenc' (a directory or evidenc.shall next to this ruleset)\n"
          "  import evidenc\n"
          "  ^\n");
}
