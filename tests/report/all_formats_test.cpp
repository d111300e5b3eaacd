// Every format from one run of the real binary, and the same bytes run after run and with
// any number of threads.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace shall::rtest;

TEST_CASE("one audit of the example organisation writes every format", "[report][all]") {
    TempDir dir;
    Run run = run_shall(northwind_audit_args() + format_args(dir.path()));
    INFO(run.err);
    REQUIRE(run.status == 1);   // the nonconforming variant has nonconformities
    CHECK(run.out.empty());     // every report went to its file
    for (const auto& f : all_formats()) {
        INFO(f);
        CHECK(read_file(dir.path("report." + f)).size() > 100);
    }
    auto json = nlohmann::json::parse(read_file(dir.path("report.json")));
    const auto& findings = json["summary"]["findings"];
    std::size_t total = findings["major"].get<std::size_t>() + findings["minor"].get<std::size_t>() +
                        findings["observation"].get<std::size_t>() + findings["ofi"].get<std::size_t>();
    CHECK(total == json["findings"].size());
    CHECK(findings["major"].get<int>() >= 1);

    std::string text = read_file(dir.path("report.text"));
    CHECK(text.find("Summary by clause") < text.find("Clause 4 "));
    CHECK(text.find("\033[") == std::string::npos);   // a file is no terminal: no colour
    CHECK(text.find("Evidence quality") != std::string::npos);

    auto sarif = nlohmann::json::parse(read_file(dir.path("report.sarif")));
    CHECK(sarif["runs"][0]["results"].size() == total);
    auto oscal = nlohmann::json::parse(read_file(dir.path("report.oscal")));
    CHECK(oscal["assessment-results"]["results"].size() == 1);
    CHECK(oscal["assessment-results"]["results"][0]["observations"].size() == total);
    CHECK(oscal["assessment-results"]["results"][0]["findings"].size() == json["rules"].size());

    std::string csv = read_file(dir.path("report.csv"));
    CHECK(csv.rfind("clause,rule,grade,", 0) == 0);
    CHECK(read_file(dir.path("report.xlsx")).rfind("PK\x03\x04", 0) == 0);
    CHECK(read_file(dir.path("report.html")).rfind("<!DOCTYPE html>", 0) == 0);
    std::string junit = read_file(dir.path("report.junit"));
    CHECK(junit.find("<testsuites>") != std::string::npos);
    CHECK(junit.find("timestamp=\"2026-10-31T00:00:00\"") != std::string::npos);
}

static void require_identical(const std::string& audit, const std::string& what) {
    TempDir a, b, c;
    Run ra = run_shall(audit + " --threads 1" + format_args(a.path()));
    Run rb = run_shall(audit + " --threads 2" + format_args(b.path()));
    Run rc = run_shall(audit + " --threads 2" + format_args(c.path()));
    REQUIRE(ra.status == rb.status);
    REQUIRE(rb.status == rc.status);
    REQUIRE(ra.status != 2);
    for (const auto& f : all_formats()) {
        INFO(what << ": " << f);
        std::string first = read_file(a.path("report." + f));
        CHECK(first == read_file(b.path("report." + f)));   // --threads 1 vs --threads 2
        CHECK(first == read_file(c.path("report." + f)));   // run after run
    }
}

TEST_CASE("every format is byte-identical across runs and thread counts", "[report][determinism]") {
    require_identical(northwind_audit_args(), "northwind-nc");
    require_identical(tiny_audit_args(), "tiny");
}

TEST_CASE("formats and files named by --format are checked before the audit runs", "[report][cli]") {
    Run unknown = run_shall(tiny_audit_args() + " --format pdf");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("unknown format 'pdf'") != std::string::npos);
    CHECK(unknown.err.find("oscal") != std::string::npos);   // the message lists the formats

    Run two_stdout = run_shall(tiny_audit_args() + " --format text --format md");
    CHECK(two_stdout.status == 2);
    CHECK(two_stdout.err.find("only one report can go to standard output") != std::string::npos);

    TempDir dir;
    Run same_file = run_shall(tiny_audit_args() + " --format md:" + dir.path("x") + " --format csv:" + dir.path("x"));
    CHECK(same_file.status == 2);
    CHECK(same_file.err.find("two reports would be written to") != std::string::npos);

    Run md = run_shall(tiny_audit_args() + " --format md");
    CHECK(md.status == 1);
    CHECK(md.out.rfind("# Audit of ", 0) == 0);
}
