// What each format says about the tiny audit: OSCAL ids and times, JUnit suites, the text
// report's population summaries, --all and colour, the HTML page's parts.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <map>
#include <regex>
#include <set>

#include "report/uuid.hpp"
#include "support.hpp"

using namespace shall::rtest;

TEST_CASE("UUIDs are version 5, from SHA-1 over the name", "[report][uuid]") {
    CHECK(shall::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK(shall::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "shall.invalid") == shall::shall_uuid_namespace);
    CHECK(shall::uuid_v5(shall::shall_uuid_namespace, "a") != shall::uuid_v5(shall::shall_uuid_namespace, "b"));
    CHECK_THROWS_AS(shall::uuid_v5("not-a-uuid", "x"), std::invalid_argument);
}

TEST_CASE("OSCAL: one result, observations with evidence, findings per requirement", "[report][oscal]") {
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format oscal:" + dir.path("r.oscal") + " --format json:" + dir.path("r.json")).status == 1);
    auto doc = nlohmann::json::parse(read_file(dir.path("r.oscal")));
    const auto& ar = doc["assessment-results"];
    std::regex v5("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    CHECK(std::regex_match(ar["uuid"].get<std::string>(), v5));
    CHECK(ar["metadata"]["oscal-version"] == "1.0.6");
    CHECK(ar["metadata"]["last-modified"] == "2026-06-30T00:00:00Z");
    REQUIRE(ar["results"].size() == 1);
    const auto& result = ar["results"][0];
    CHECK(result["start"] == "2026-06-30T00:00:00Z");
    REQUIRE(result["observations"].size() == 9);
    REQUIRE(result["findings"].size() == 7);   // one per rule

    std::set<std::string> ids = {ar["uuid"].get<std::string>(), result["uuid"].get<std::string>()};
    for (const auto& o : result["observations"]) {
        CHECK(std::regex_match(o["uuid"].get<std::string>(), v5));
        ids.insert(o["uuid"].get<std::string>());
        CHECK(o["collected"] == "2026-06-30T00:00:00Z");
    }
    const auto& first = result["observations"][0];
    CHECK(first["relevant-evidence"][0]["href"] == "tests/report/data/bundle/Change.csv#L3");
    CHECK(first["relevant-evidence"][0]["description"].get<std::string>().find("Change CHG2 at Change.csv:3") == 0);

    std::map<std::string, std::string> state;
    for (const auto& f : result["findings"]) {
        ids.insert(f["uuid"].get<std::string>());
        state[f["target"]["target-id"].get<std::string>()] = f["target"]["status"]["state"].get<std::string>() + "/" +
                                                             f["target"]["status"]["reason"].get<std::string>();
        for (const auto& rel : f.value("related-observations", nlohmann::json::array()))
            CHECK(std::any_of(result["observations"].begin(), result["observations"].end(),
                              [&](const auto& o) { return o["uuid"] == rel["observation-uuid"]; }));
    }
    CHECK(ids.size() == 2 + 9 + 7);   // every id distinct
    CHECK(state["T-CHG-APPROVED"] == "not-satisfied/fail");
    CHECK(state["T-PEOPLE-NAMED"] == "satisfied/pass");
    CHECK(state["T-CHG-REVIEWED"] == "not-satisfied/other");   // not evaluated: never a silent pass
}

TEST_CASE("JUnit: a testsuite per clause, a testcase per rule", "[report][junit]") {
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format junit:" + dir.path("r.xml")).status == 1);
    std::string xml = read_file(dir.path("r.xml"));
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = xml.find(what); at != std::string::npos; at = xml.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("<testsuite ") == 2);   // clauses 7 and 8
    CHECK(count("<testcase ") == 7);
    CHECK(count("<failure ") == 4);
    CHECK(count("<skipped ") == 1);
    CHECK(xml.find("tests=\"6\" failures=\"4\" errors=\"0\" skipped=\"1\"") != std::string::npos);
    CHECK(xml.find("timestamp=\"2026-06-30T00:00:00\"") != std::string::npos);
}

TEST_CASE("text: summary first, population summaries, --all, evidence quality apart", "[report][text]") {
    Run run = run_shall(tiny_audit_args());
    REQUIRE(run.status == 1);
    const std::string& t = run.out;
    CHECK(t.find("Summary by clause") < t.find("[MAJOR NC]"));
    CHECK(t.find("4 of 5 Incident records (80.0 %) fall short — INC4, INC5, INC6, +1 more") != std::string::npos);
    CHECK(t.find("e.g. Incident INC4 does not meet") != std::string::npos);
    CHECK(t.find("INC7 does not meet") == std::string::npos);
    CHECK(t.find("--all lists every record") != std::string::npos);
    CHECK(t.find("Evidence quality (1 entry)") > t.find("[MAJOR NC]"));
    CHECK(t.find("Person.csv:4:") != std::string::npos);
    CHECK(t.find("\033[") == std::string::npos);   // a pipe is no terminal

    Run all = run_shall(tiny_audit_args() + " --all");
    REQUIRE(all.status == 1);
    CHECK(all.out.find("INC6, +1 more") == std::string::npos);
    for (const std::string id : {"INC4", "INC5", "INC6", "INC7"})
        CHECK(all.out.find("Incident " + id + " does not meet: Incidents are prioritised  (Incident.csv:") != std::string::npos);
}

TEST_CASE("text: colour only on a terminal, and not with NO_COLOR", "[report][text]") {
    // script(1) (util-linux) runs shall on a pseudo-terminal
    std::string audit = sh_quote(shall_binary()) + " " + tiny_audit_args();
    Run tty = sh("env -u NO_COLOR script -qec " + sh_quote(audit) + " /dev/null");
    INFO(tty.err);
    CHECK(tty.out.find("\033[1m") != std::string::npos);
    CHECK(tty.out.find("\033[1;31m[MAJOR NC]") != std::string::npos);
    Run no_colour = sh("NO_COLOR=1 script -qec " + sh_quote(audit) + " /dev/null");
    CHECK(no_colour.out.find("[MAJOR NC]") != std::string::npos);
    CHECK(no_colour.out.find("\033[") == std::string::npos);
}

TEST_CASE("html: self-contained page with heat map, filters and evidence tables", "[report][html]") {
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format html:" + dir.path("r.html")).status == 1);
    std::string html = read_file(dir.path("r.html"));
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
    // nothing is loaded from elsewhere: no src=, no stylesheet links, no url(), no @import
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("rel=\"stylesheet\"") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("<table class=\"heat\">") != std::string::npos);
    for (int clause = 4; clause <= 10; ++clause) CHECK(html.find("<tr><th>" + std::to_string(clause) + " ") != std::string::npos);
    CHECK(html.find("<span class=\"cell fail\" title=\"8.5") != std::string::npos);
    CHECK(html.find("<span class=\"cell pass\" title=\"7.2") != std::string::npos);
    CHECK(html.find("data-grade=\"major\" aria-pressed=\"false\">major (2)</button>") != std::string::npos);
    CHECK(html.find("<option value=\"change_management\">") != std::string::npos);
    std::size_t findings = 0;
    for (auto at = html.find("<div class=\"finding\""); at != std::string::npos; at = html.find("<div class=\"finding\"", at + 1)) ++findings;
    CHECK(findings == 9);
    CHECK(html.find("<td class=\"source\">Change.csv:3</td>") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("id=\"evidence-quality\"") != std::string::npos);
}
