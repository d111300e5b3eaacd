// jira-sm: Jira Service Management issues (REST search JSON), split by issue type.
#include <catch2/catch.hpp>

#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string search = source_path("tests/import/data/jira/search.json");
}

TEST_CASE("jira-sm: issue types choose the record type; other issues are rejected", "[import][jira]") {
    auto r = import_with("jira-sm", {search});
    CHECK(r.records("Incident") == 1);
    CHECK(r.records("ServiceRequest") == 1);
    CHECK(r.records("Change") == 1);
    CHECK(r.records("Problem") == 1);
    REQUIRE(r.files.size() == 4);   // one reconciliation per record type reading the file
    for (const auto& f : r.files) {
        INFO(f.record_type);
        CHECK(f.rows_read == 5);
        CHECK(f.records_written == 1);
        CHECK(f.adds_up());
        CHECK(f.warnings.empty());
    }
    const auto& first = r.files.front();
    CHECK(first.record_type == "Incident");
    CHECK(first.rows_other == 3);
    REQUIRE(first.rejections.size() == 1);
    CHECK(first.rejections[0].line == 5);   // the fifth issue: an epic
    CHECK(first.rejections[0].reason == "no record of mapping jira-sm selects this row");
    CHECK(r.files[1].rows_other == 4);
}

TEST_CASE("jira-sm: nested fields, arrays and offsets are read", "[import][jira]") {
    auto r = import_with("jira-sm", {search});
    auto inc = record(r, "Incident", "ITSM-1");
    CHECK(inc["title"] == "Email down for the whole office");
    CHECK(inc["priority"] == "1");
    CHECK(inc["status"] == "resolved");
    CHECK(inc["opened_at"] == "2026-03-02T08:15:00Z");
    CHECK(inc["resolved_at"] == "2026-03-02T09:05:30Z");
    CHECK(inc["category"] == "Email;Exchange");
    CHECK(inc["assigned_to"] == "Beth Anglin");
    CHECK(inc["resolution"] == "Done");
    auto req = record(r, "ServiceRequest", "ITSM-2");
    CHECK(req["status"] == "new");
    CHECK(req["priority"] == "4");
    CHECK(req["target_fulfil_at"] == "2026-03-10T00:00:00Z");
    CHECK(req["fulfilled_at"] == "");
    CHECK(req["assigned_to"] == "");
    auto chg = record(r, "Change", "ITSM-3");
    CHECK(chg["status"] == "approved");
    CHECK(chg["requested_by"] == "Fred Luddy");
    CHECK(chg["requested_on"] == "2026-03-04");
    CHECK(record(r, "Problem", "ITSM-4")["status"] == "investigating");
}
