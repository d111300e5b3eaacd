// SARIF 2.1.0 logs validated with valijson against the shared schema: audit findings
// (locations: evidence file and line) and `shall check` diagnostics on rule files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace shall::rtest;

static std::string sarif_schema() {
    std::string path = schema_path("sarif-schema-2.1.0.json");
    INFO("the shared schemas are missing: expected " << SHALL_SCHEMAS_DIR << "/sarif-schema-2.1.0.json "
         "(a copy of shared/ next to the repository)");
    REQUIRE_FALSE(path.empty());
    return path;
}

TEST_CASE("SARIF of audit findings is valid and points at the evidence", "[report][sarif]") {
    std::string schema = sarif_schema();
    TempDir dir;
    REQUIRE(run_shall(northwind_audit_args() + " --format sarif:" + dir.path("nw.sarif")).status == 1);
    REQUIRE(run_shall(tiny_audit_args() + " --format sarif:" + dir.path("tiny.sarif")).status == 1);
    for (const std::string name : {"nw.sarif", "tiny.sarif"}) {
        std::string log = read_file(dir.path(name));
        INFO(name);
        CHECK(schema_errors(schema, log, true) == "");
    }
    auto log = nlohmann::json::parse(read_file(dir.path("tiny.sarif")));
    const auto& run = log["runs"][0];
    REQUIRE(run["results"].size() == 9);
    const auto& first = run["results"][0];
    CHECK(first["ruleId"] == "T-CHG-APPROVED");
    CHECK(first["level"] == "error");
    CHECK(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tests/report/data/bundle/Change.csv");
    CHECK(first["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(run["tool"]["driver"]["rules"][first["ruleIndex"].get<int>()]["id"] == "T-CHG-APPROVED");
    // the not-evaluated rule and the evidence-quality entry are notifications, in place
    const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 2);
    CHECK(notes[0]["message"]["text"] == "T-CHG-REVIEWED not evaluated: missing Change.pir_on");
    CHECK(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tests/report/data/bundle/Person.csv");
    CHECK(notes[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4);
}

TEST_CASE("the SARIF validation catches an invalid log", "[report][sarif]") {
    std::string schema = sarif_schema();
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format sarif:" + dir.path("t.sarif")).status == 1);
    auto log = nlohmann::json::parse(read_file(dir.path("t.sarif")));
    log["runs"][0]["results"][0]["level"] = "fatal";
    CHECK(schema_errors(schema, log.dump(), true) != "");
    log = nlohmann::json::parse(read_file(dir.path("t.sarif")));
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    CHECK(schema_errors(schema, log.dump(), true) != "");
}

TEST_CASE("shall check --format sarif reports rule errors in place", "[report][sarif][check]") {
    std::string schema = sarif_schema();
    TempDir dir;
    Run types = run_shall("check tests/report/data/broken/types.shall --include rulesets --format sarif:" + dir.path("types.sarif"));
    CHECK(types.status == 2);
    CHECK(types.err.find("types.shall:9:13: error: Change has no field 'knd'") != std::string::npos);   // text stays on stderr
    std::string text = read_file(dir.path("types.sarif"));
    CHECK(schema_errors(schema, text, true) == "");
    auto log = nlohmann::json::parse(text);
    REQUIRE(log["runs"][0]["results"].size() == 1);
    const auto& r = log["runs"][0]["results"][0];
    CHECK(r["level"] == "error");
    CHECK(r["message"]["text"] == "Change has no field 'knd'\ndid you mean 'kind'?");
    const auto& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "tests/report/data/broken/types.shall");
    CHECK(loc["region"]["startLine"] == 9);
    CHECK(loc["region"]["startColumn"] == 13);

    Run syntax = run_shall("check tests/report/data/broken/syntax.shall --include rulesets --format sarif");   // to stdout
    CHECK(syntax.status == 2);
    CHECK(schema_errors(schema, syntax.out, true) == "");
    auto log2 = nlohmann::json::parse(syntax.out);
    REQUIRE(log2["runs"][0]["results"].size() == 1);
    CHECK(log2["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 10);

    Run good = run_shall("check tests/report/data/rules --include rulesets --format sarif:" + dir.path("good.sarif"));
    CHECK(good.status == 0);
    CHECK(good.out.rfind("ok: 7 rules", 0) == 0);   // the summary still goes to stdout
    std::string clean = read_file(dir.path("good.sarif"));
    CHECK(schema_errors(schema, clean, true) == "");
    CHECK(nlohmann::json::parse(clean)["runs"][0]["results"].empty());

    Run plain = run_shall("check tests/report/data/rules --include rulesets");   // the old behaviour
    CHECK(plain.status == 0);
    CHECK(plain.out.rfind("ok: 7 rules", 0) == 0);
    Run bad = run_shall("check tests/report/data/rules --format oscal");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("unknown format 'oscal'") != std::string::npos);
}
