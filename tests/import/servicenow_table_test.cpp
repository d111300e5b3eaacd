// servicenow-table: plain ServiceNow list exports, one file per table.
#include <catch2/catch.hpp>

#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string dir = source_path("tests/import/data/servicenow-table");
}

TEST_CASE("servicenow-table: each table's export becomes its record type", "[import][servicenow-table]") {
    auto r = import_with("servicenow-table", {dir}, "Europe/London");
    CHECK(r.records("Incident") == 2);
    CHECK(r.records("Change") == 1);
    CHECK(r.records("Problem") == 1);
    CHECK(r.records("ServiceRequest") == 1);
    CHECK(r.records("ConfigurationItem") == 1);
    REQUIRE(r.files.size() == 5);
    for (const auto& f : r.files) {
        INFO(f.file);
        CHECK(f.adds_up());
        CHECK(f.rows_rejected == 0);
        CHECK(f.warnings.empty());
    }
    CHECK(file_report(r, "incident.csv").record_type == "Incident");
}

TEST_CASE("servicenow-table: display values map onto the evidence model", "[import][servicenow-table]") {
    auto r = import_with("servicenow-table", {dir}, "Europe/London");
    auto inc = record(r, "Incident", "INC0010001");
    CHECK(inc["title"] == "Email down, all users");
    CHECK(inc["opened_at"] == "2026-03-02T08:15:00Z");
    CHECK(inc["priority"] == "1");
    CHECK(inc["status"] == "closed");
    CHECK(inc["problem"] == "PRB0040001");
    CHECK(inc["sla_met"] == "false");
    CHECK(inc["reassignment_count"] == "2");
    auto chg = record(r, "Change", "CHG0030001");
    CHECK(chg["kind"] == "normal");
    CHECK(chg["risk"] == "medium");
    CHECK(chg["requested_on"] == "2026-02-20");
    CHECK(chg["implemented_on"] == "2026-03-01T22:05:00Z");
    CHECK(chg["outcome"] == "successful");
    auto prb = record(r, "Problem", "PRB0040001");
    CHECK(prb["status"] == "known_error");
    CHECK(prb["known_error"] == "true");
    CHECK(record(r, "ServiceRequest", "RITM0010001")["status"] == "closed");
    CHECK(record(r, "ConfigurationItem", "MAIL01")["status"] == "active");
}
