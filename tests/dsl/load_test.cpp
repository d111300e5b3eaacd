// Loading rulesets from directories (tests/data/rules/...): imports, `extends`, overrides,
// disables, duplicate ids, and a ruleset that declares its own record type.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "../engine/support.hpp"

namespace {

using namespace shall;
using namespace shall::etest;

std::string data_prefix() { return rules_data(""); }   // ".../tests/data/rules/"

const CheckedRule* find_rule(const Program& p, const std::string& id) {
    for (const auto& r : p.rules)
        if (r.id() == id) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("a file with three broken rules: three diagnostics, the good rules still parse", "[dsl][load]") {
    auto l = load({rules_data("broken")});
    CHECK(rendered(l->diags, data_prefix()) ==
          "broken/broken.shall:18:1: error: expected an expression, found '}'\n"
          "  }\n"
          "  ^\n"
          "broken/broken.shall:30:22: error: expected a closing '\"', found end of line\n"
          "    title \"Unterminated\n"
          "                       ^\n"
          "broken/broken.shall:36:14: error: expected a clause number such as 8.5.1.3, found 'x'\n"
          "    clause 8.5.x\n"
          "               ^\n");
    CHECK(l->diags.error_count() == 3);
    std::vector<std::string> ids;
    for (const auto& f : l->program->files)
        if (f->source->path.find("broken.shall") != std::string::npos)
            for (const auto& r : f->rules) ids.push_back(r->id);
    CHECK(ids == std::vector<std::string>{"GOOD-1", "GOOD-2", "GOOD-3"});
}

TEST_CASE("the same rule id twice, and overrides and disables of unknown rules", "[dsl][load]") {
    auto l = load({rules_data("duplicate")});
    CHECK(rendered(l->diags, data_prefix()) ==
          "duplicate/b.shall:1:1: error: rule DUP-1 is declared twice\n"
          "  rule DUP-1 {\n"
          "  ^\n"
          "  first declared at duplicate/a.shall:3\n"
          "duplicate/b.shall:8:1: error: cannot override unknown rule DUP-2\n"
          "  override rule DUP-2 { severity major }\n"
          "  ^\n"
          "  did you mean 'DUP-1'?\n"
          "duplicate/b.shall:9:1: error: cannot disable unknown rule DUP-X\n"
          "  disable rule DUP-X \"not here\"\n"
          "  ^\n"
          "  did you mean 'DUP-1'?\n"
          "duplicate/b.shall:10:1: error: disabling rule DUP-1 needs a reason\n"
          "  disable rule DUP-1 \"\"\n"
          "  ^\n");
}

TEST_CASE("an extension naming unknown rules and parameters", "[dsl][load]") {
    auto l = load({rules_data("bad-extension")});
    CHECK(rendered(l->diags, data_prefix()) ==
          "bad-extension/ruleset.shall:3:1: error: cannot override unknown rule BASE-CHG-APROVED\n"
          "  override rule BASE-CHG-APROVED { severity minor }\n"
          "  ^\n"
          "  did you mean 'BASE-CHG-APPROVED'?\n"
          "bad-extension/ruleset.shall:4:1: error: cannot disable unknown rule BASE-INC-RESOLUTON\n"
          "  disable rule BASE-INC-RESOLUTON \"typo\"\n"
          "  ^\n"
          "  did you mean 'BASE-INC-RESOLUTION'?\n"
          "bad-extension/ruleset.shall:5:1: error: cannot override unknown parameter aproval_lag\n"
          "  override param aproval_lag = 1 day\n"
          "  ^\n"
          "  did you mean 'approval_lag'?\n");
}

TEST_CASE("a base ruleset loads with its parameters' defaults", "[dsl][load]") {
    auto l = load({rules_data("base")});
    REQUIRE(rendered(l->diags) == "");
    const Program& p = *l->program;
    REQUIRE(p.rulesets.size() == 1);
    CHECK(p.rulesets[0].name == "base");
    CHECK(p.rulesets[0].version == "1.0");
    CHECK(p.rulesets[0].rules == 3);
    CHECK(p.rulesets[0].digest.rfind("sha256:", 0) == 0);
    CHECK(p.rulesets[0].digest.size() == 7 + 64);
    // rules sorted by clause, then id
    std::vector<std::string> ids;
    for (const auto& r : p.rules) ids.push_back(r.id());
    CHECK(ids == std::vector<std::string>{"BASE-CHG-APPROVED", "BASE-CHG-APPROVERS", "BASE-INC-RESOLUTION"});
    const Parameter* lag = p.param("approval_lag");
    REQUIRE(lag);
    CHECK(lag->origin == "default");
    CHECK(describe(lag->type) == "duration");
    CHECK(lag->doc == "How long after implementation an approval may still be dated");
    REQUIRE(lag->value);
    CHECK(lag->value->text == "0 days");
    CHECK(describe(p.param("min_approvers")->type) == "int");
}

TEST_CASE("an extending ruleset overrides severity, title, grades and a parameter and disables a rule", "[dsl][load]") {
    auto l = load({rules_data("extended")});
    REQUIRE(rendered(l->diags) == "");
    const Program& p = *l->program;
    const CheckedRule* approved = find_rule(p, "BASE-CHG-APPROVED");
    REQUIRE(approved);
    CHECK(approved->severity == "observation");
    CHECK(approved->title == "Changes are approved in time (tailored)");
    CHECK(approved->decl->severity == "major");   // the declaration itself is untouched
    CHECK(approved->ruleset == "base");
    CHECK_FALSE(approved->disabled);
    const CheckedRule* approvers = find_rule(p, "BASE-CHG-APPROVERS");
    REQUIRE(approvers);
    CHECK(approvers->severity == "minor");
    REQUIRE(approvers->grades->size() == 1);
    CHECK(approvers->grades->at(0).grade == "major");
    const CheckedRule* resolution = find_rule(p, "BASE-INC-RESOLUTION");
    REQUIRE(resolution);
    CHECK(resolution->disabled);
    CHECK(resolution->disabled_reason == "Incident management is outsourced and audited at the supplier");
    const Parameter* lag = p.param("approval_lag");
    REQUIRE(lag);
    CHECK(lag->value->text == "3 days");
    CHECK(lag->origin == "override at " + rules_data("extended") + "/ruleset.shall:12");
}

TEST_CASE("ProgramOptions::params (--param) override both the default and a ruleset's override", "[dsl][load]") {
    auto l = load({rules_data("extended")}, {{"approval_lag", "10 days"}, {"min_approvers", "2"}});
    REQUIRE(rendered(l->diags) == "");
    CHECK(l->program->param("approval_lag")->origin == "--param");
    CHECK(l->program->param("approval_lag")->value->text == "10 days");
    CHECK(l->program->param("min_approvers")->value->int_value == 2);
}

TEST_CASE("a ruleset declares a new record type and rules over it", "[dsl][load]") {
    auto l = load({rules_data("vendor")});
    REQUIRE(rendered(l->diags) == "");
    const RecordType* vendor = l->program->schema.type("Vendor");
    REQUIRE(vendor);
    CHECK(vendor->field_names() ==
          std::vector<std::string>{"id", "name", "tier", "manager", "contract_end", "certifications", "parent"});
    CHECK(vendor->field("manager")->target == l->program->schema.type("Person"));
    CHECK(vendor->field("tier")->enumeration->name == "Vendor.tier");
    CHECK(vendor->field("tier")->enumeration->values == std::vector<std::string>{"gold", "silver", "bronze"});
    CHECK(l->program->rules.size() == 3);
}

TEST_CASE("a rule reads what it ranges over and navigates to, for not_evaluated", "[dsl][load]") {
    auto l = load({rules_data("vendor")});
    REQUIRE(rendered(l->diags) == "");
    const CheckedRule* r = find_rule(*l->program, "VND-MANAGED");
    REQUIRE(r);
    std::vector<std::string> types, fields;
    for (auto* t : r->reads_types) types.push_back(t->name);
    for (auto& f : r->reads_fields) fields.push_back(f.type->name + "." + f.field->name);
    CHECK(types == std::vector<std::string>{"Person", "Vendor"});
    // not Vendor.name: what only the message reads does not count (docs/language.md 7.6, 9.2)
    CHECK(fields == std::vector<std::string>{"Person.active", "Vendor.manager", "Vendor.tier"});
}

TEST_CASE("a missing rule path", "[dsl][load]") {
    auto l = load({rules_data("no-such-dir")});
    CHECK(rendered(l->diags, data_prefix()) == "error: no-such-dir: no such rule file or ruleset directory\n");
}

TEST_CASE("clause_less compares segment by segment as numbers", "[dsl][load]") {
    CHECK(clause_less("4.1", "8.2"));
    CHECK(clause_less("8.2", "8.10"));
    CHECK(clause_less("8.10", "10.1"));
    CHECK(clause_less("8.5", "8.5.1"));
    CHECK_FALSE(clause_less("8.5.1", "8.5"));
    CHECK_FALSE(clause_less("8.5", "8.5"));
}

TEST_CASE("a module's files, parsed side by side, come out in file order with their diagnostics", "[dsl][load]") {
    TempDir dir;
    for (int i = 0; i < 12; ++i)
        dir.write(fmt::format("r{:02}.shall", i),
                  fmt::format("rule R-{:02} {{\n  clause 4.1\n  title \"t\"\n  requirement \"r\"\n  severity minor\n"
                              "  for each p in Person\n  require p.id is present\n}}\n\nrule BAD-{:02} {{\n  clause 4.{}x\n}}\n",
                              i, i, i));
    auto l = load({dir.path()});
    std::vector<std::string> ids, errors;
    for (const auto& f : l->program->files)
        for (const auto& r : f->rules) ids.push_back(r->id);
    for (const auto& d : l->diags.all()) errors.push_back(d.where.file ? d.where.file->path.substr(d.where.file->path.size() - 9) : "");
    std::vector<std::string> want_ids, want_errors;
    for (int i = 0; i < 12; ++i) {
        want_ids.push_back(fmt::format("R-{:02}", i));
        want_errors.push_back(fmt::format("r{:02}.shall", i));
    }
    CHECK(ids == want_ids);
    CHECK(errors == want_errors);
}
