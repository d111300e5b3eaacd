// The grammar: what parses, and the exact diagnostic (file:line:col, message, source line,
// caret) for what does not; error recovery at the next top-level declaration.
#include <catch2/catch.hpp>

#include "dsl/syntax/parser.hpp"

namespace {

using namespace shall;

struct Parsed {
    std::shared_ptr<SourceFile> source;
    Diagnostics diags;
    std::unique_ptr<ast::File> file;
    std::string text() {
        std::string out;
        for (const auto& d : diags.all()) out += render(d);
        return out;
    }
    std::vector<std::string> rule_ids() const {
        std::vector<std::string> out;
        for (const auto& r : file->rules) out.push_back(r->id);
        return out;
    }
};

std::unique_ptr<Parsed> parse(const std::string& text, const std::string& path = "mem.shall") {
    auto p = std::make_unique<Parsed>();
    p->source = std::make_shared<SourceFile>();
    p->source->path = path;
    p->source->text = text;
    p->file = parse_file(p->source, p->diags);
    return p;
}

const char* const good_rule = R"(ruleset demo version "2"
import evidence
param window = 30 days "How long"
param limit: percent = 5%
def approved(c: Change) = c.approved_on is present and c.approved_by is present
enum colour { red, green, }
type Widget "A thing" {
  name: text "its name"
  size: int
  colour: enum colour
  shape: enum(round, square)
  tags: list
  codes: list of enum(a, b)
  owner: -> Person
  parts: -> Widget*
}
mandatory type Gadget { made_on: date }
extend type Change { widget: -> Widget }
extend enum Change.kind { experimental }

rule CHG-1.a {
  clause 8.5.1.3, 8.5.1
  title "Changes are "
        "approved"
  requirement "req"
  severity major
  process change_management
  tags change, approval-x
  ref "ISO/IEC 20000-2:2019" 8.5.1.3
  prompt "Ask the change manager"
  mandatory
  grade major when failed_ratio > 5%
  grade minor when failed > 0
  for each c in Change where c.implemented_on is present and c.kind not in {standard}
  let late = c.approved_on > date(c.implemented_on) + window
  require approved(c) and not late
    and every p in c.approved_by satisfies p.active
    and count(x in c <- Incident.service) >= 0
    and no d in c.cis+ where d.status = retired
  message "Change {c.id} approved {c.approved_on} \{literal\}"
}
override rule CHG-1.a { severity minor title "t" }
override param window = 45 days
disable rule OTHER "not applicable here"
)";

}  // namespace

TEST_CASE("a file using every kind of declaration parses without diagnostics", "[dsl][parse]") {
    auto p = parse(good_rule);
    CHECK(p->text() == "");
    REQUIRE(p->file->rules.size() == 1);
    const auto& r = *p->file->rules[0];
    CHECK(r.id == "CHG-1.a");
    CHECK(r.clauses == std::vector<std::string>{"8.5.1.3", "8.5.1"});
    CHECK(r.title == "Changes are approved");
    CHECK(r.severity == "major");
    CHECK(r.process == "change_management");
    CHECK(r.tags == std::vector<std::string>{"change", "approval-x"});
    REQUIRE(r.refs.size() == 1);
    CHECK(r.refs[0].standard == "ISO/IEC 20000-2:2019");
    CHECK(r.refs[0].clause == "8.5.1.3");
    CHECK(r.prompt == "Ask the change manager");
    CHECK(r.mandatory);
    REQUIRE(r.grades.size() == 2);
    CHECK(r.grades[0].grade == "major");
    CHECK(r.grades[1].grade == "minor");
    CHECK(r.focus_var == "c");
    CHECK(r.lets.size() == 1);
    REQUIRE(r.message.has_value());
    // text, hole, text, hole, text: escaped braces stay text
    REQUIRE(r.message->pieces.size() == 5);
    CHECK(r.message->pieces[0].text == "Change ");
    CHECK(r.message->pieces[1].hole != nullptr);
    CHECK(r.message->pieces[4].text == " {literal}");
    CHECK(r.where.line == 21);
    CHECK(r.where.column == 1);

    REQUIRE(p->file->rulesets.size() == 1);
    CHECK(p->file->rulesets[0].name == "demo");
    CHECK(p->file->rulesets[0].version == "2");
    CHECK(p->file->imports.size() == 1);
    CHECK(p->file->params.size() == 3);   // two declarations and one override
    CHECK(p->file->params[2]->override_);
    CHECK(p->file->defs.size() == 1);
    CHECK(p->file->types.size() == 3);
    CHECK(p->file->types[1].mandatory);
    CHECK(p->file->types[2].extend);
    CHECK(p->file->enums.size() == 2);
    REQUIRE(p->file->overrides.size() == 1);
    CHECK(p->file->overrides[0].severity == "minor");
    REQUIRE(p->file->disables.size() == 1);
    CHECK(p->file->disables[0].rule_id == "OTHER");
    CHECK(p->file->disables[0].reason == "not applicable here");
}

TEST_CASE("closure marks and arithmetic are told apart", "[dsl][parse]") {
    auto p = parse("rule R { require a.b+ = a.c + 1 and a.d* = a.e * 2 }\n");
    CHECK(p->text() == "");
    using K = ast::Expr::Kind;
    const ast::Expr& e = *p->file->rules.at(0)->require;   // (a.b+ = a.c + 1) and (a.d* = a.e * 2)
    REQUIRE(e.kind == K::binary);
    const ast::Expr& left = *e.kids[0];
    CHECK(left.kids[0]->kind == K::closure);
    CHECK_FALSE(left.kids[0]->reflexive);
    CHECK(left.kids[1]->kind == K::binary);
    CHECK(left.kids[1]->op == ast::Op::add);
    const ast::Expr& right = *e.kids[1];
    CHECK(right.kids[0]->kind == K::closure);
    CHECK(right.kids[0]->reflexive);
    CHECK(right.kids[1]->op == ast::Op::mul);
}

TEST_CASE("a missing require expression", "[dsl][parse]") {
    auto p = parse("rule R {\n  clause 8.1\n  require\n}\n");
    CHECK(p->text() ==
          "mem.shall:4:1: error: expected an expression, found '}'\n"
          "  }\n"
          "  ^\n");
    CHECK(p->file->rules.empty());
}

TEST_CASE("an unterminated string", "[dsl][parse]") {
    auto p = parse("rule R {\n  title \"Changes are\n  severity minor\n}\n");
    CHECK(p->text() ==
          "mem.shall:2:21: error: expected a closing '\"', found end of line\n"
          "    title \"Changes are\n"
          "                      ^\n");
}

TEST_CASE("bad clause numbers", "[dsl][parse]") {
    SECTION("a word") {
        auto p = parse("rule R {\n  clause eight\n}\n");
        CHECK(p->text() ==
              "mem.shall:2:10: error: expected a clause number such as 8.5.1.3, found 'eight'\n"
              "    clause eight\n"
              "           ^\n");
    }
    SECTION("a dot not followed by digits") {
        auto p = parse("rule R {\n  clause 8.x\n}\n");
        CHECK(p->text() ==
              "mem.shall:2:12: error: expected a clause number such as 8.5.1.3, found 'x'\n"
              "    clause 8.x\n"
              "             ^\n");
    }
    SECTION("in a list") {
        auto p = parse("rule R {\n  clause 8.1, \n}\n");
        CHECK(p->text() ==
              "mem.shall:3:1: error: expected a clause number such as 8.5.1.3, found '}'\n"
              "  }\n"
              "  ^\n");
    }
}

TEST_CASE("other syntax errors name what was expected and what was found", "[dsl][parse]") {
    auto one = [](const std::string& text) { return parse(text)->text(); };
    CHECK(one("rule R {\n  severity huge\n}\n") ==
          "mem.shall:2:12: error: expected a grade: major, minor, observation or ofi, found 'huge'\n"
          "    severity huge\n"
          "             ^\n");
    CHECK(one("rule R {\n  for c in Change\n}\n") ==
          "mem.shall:2:7: error: expected 'each' (as in 'for each c in Change'), found 'c'\n"
          "    for c in Change\n"
          "        ^\n");
    CHECK(one("rule R { require c.x is maybe }\n") ==
          "mem.shall:1:25: error: expected 'present', 'absent' or 'dangling', found 'maybe'\n"
          "  rule R { require c.x is maybe }\n"
          "                          ^\n");
    CHECK(one("rule {\n}\n") ==
          "mem.shall:1:6: error: expected a rule id, found '{'\n"
          "  rule {\n"
          "       ^\n");
    CHECK(one("type T { a: }\n") ==
          "mem.shall:1:13: error: expected a field kind (text, int, decimal, bool, date, datetime, enum(...), list, -> Type), found '}'\n"
          "  type T { a: }\n"
          "              ^\n");
    CHECK(one("rule R {\n  require (a and b\n}\n") ==
          "mem.shall:3:1: error: expected ')', found '}'\n"
          "  }\n"
          "  ^\n");
    CHECK(one("rule R {\n  require every x Change\n}\n") ==
          "mem.shall:2:19: error: expected 'NAME in DOMAIN', found 'Change'\n"
          "    require every x Change\n"
          "                    ^\n");
    CHECK(one("rule R {\n  message \"abc {c.id\"\n}\n") ==
          "mem.shall:2:21: error: expected '}', found '\"'\n"
          "    message \"abc {c.id\"\n"
          "                      ^\n");
    CHECK(one("disable rule X\n") ==
          "mem.shall:2:1: error: expected a quoted reason for disabling the rule, found end of file\n"
          "  \n"
          "  ^\n");
}

TEST_CASE("a tab before the error keeps the caret aligned", "[dsl][parse]") {
    auto p = parse("rule R {\n\tseverity huge\n}\n");
    CHECK(p->text() ==
          "mem.shall:2:11: error: expected a grade: major, minor, observation or ofi, found 'huge'\n"
          "  \tseverity huge\n"
          "  \t         ^\n");
}

TEST_CASE("CRLF line ends: positions and the quoted line are the same as with LF", "[dsl][parse]") {
    auto p = parse("rule R {\r\n  clause eight\r\n}\r\n");
    CHECK(p->text() ==
          "mem.shall:2:10: error: expected a clause number such as 8.5.1.3, found 'eight'\n"
          "    clause eight\n"
          "           ^\n");
}

TEST_CASE("three broken rules give exactly three diagnostics; the good rules around them load", "[dsl][parse]") {
    auto p = parse(R"(rule GOOD-1 {
  clause 8.1
  require true
}

rule BROKEN-1 {
  clause 8.1
  require
}

rule GOOD-2 {
  clause 8.2
  require true
}

rule BROKEN-2 {
  title "no end
  severity minor
}

rule GOOD-3 {
  clause 8.3
  require 1 < 2
}

rule BROKEN-3 {
  clause 8.x
  require true
}

# a comment, then the last good rule
rule GOOD-4 { clause 8.4 require true }
)");
    CHECK(p->text() ==
          "mem.shall:9:1: error: expected an expression, found '}'\n"
          "  }\n"
          "  ^\n"
          "mem.shall:17:16: error: expected a closing '\"', found end of line\n"
          "    title \"no end\n"
          "                 ^\n"
          "mem.shall:27:12: error: expected a clause number such as 8.5.1.3, found 'x'\n"
          "    clause 8.x\n"
          "             ^\n");
    CHECK(p->diags.error_count() == 3);
    CHECK(p->rule_ids() == std::vector<std::string>{"GOOD-1", "GOOD-2", "GOOD-3", "GOOD-4"});
}

TEST_CASE("an error on the last line of a file without a final newline", "[dsl][parse]") {
    auto p = parse("rule R { clause 8.1 require }");
    CHECK(p->text() ==
          "mem.shall:1:29: error: expected an expression, found '}'\n"
          "  rule R { clause 8.1 require }\n"
          "                              ^\n");
    CHECK(p->diags.error_count() == 1);
}

TEST_CASE("duplicate rule items are reported at the second one", "[dsl][parse]") {
    auto p = parse("rule R {\n  clause 8.1\n  title \"a\"\n  title \"b\"\n  require true\n}\n");
    CHECK(p->text() ==
          "mem.shall:4:3: error: rule R has more than one 'title'\n"
          "    title \"b\"\n"
          "    ^\n");
}
