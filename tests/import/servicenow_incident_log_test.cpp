// servicenow-incident-log: the UCI ServiceNow incident event log, collapsed to incidents.
#include <catch2/catch.hpp>

#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string slice = source_path("tests/import/data/servicenow-incident-log-slice.csv");
}

TEST_CASE("servicenow-incident-log: the slice collapses to one Incident per number", "[import][servicenow]") {
    auto r = import_with("servicenow-incident-log", {slice});
    const auto& f = file_report(r, "servicenow-incident-log-slice.csv");
    CHECK(f.rows_read == 304);
    CHECK(f.records_written == 49);
    CHECK(f.rows_merged == 255);
    CHECK(f.rows_rejected == 0);
    CHECK(f.adds_up());
    CHECK(f.warnings.empty());
    CHECK(r.records("Incident") == 49);
    CHECK(r.timezone == "UTC");
}

TEST_CASE("servicenow-incident-log: INC0000045 keeps its latest state and its timestamps", "[import][servicenow]") {
    auto r = import_with("servicenow-incident-log", {slice});
    auto inc = record(r, "Incident", "INC0000045");
    CHECK(inc["status"] == "closed");
    CHECK(inc["opened_at"] == "2016-02-29T01:16:00Z");
    CHECK(inc["resolved_at"] == "2016-02-29T11:29:00Z");
    CHECK(inc["closed_at"] == "2016-03-05T12:00:00Z");
    CHECK(inc["impact"] == "2");
    CHECK(inc["urgency"] == "2");
    CHECK(inc["priority"] == "3");
    CHECK(inc["category"] == "Category 55");
    CHECK(inc["resolution"] == "code 5");
    CHECK(inc["reassignment_count"] == "0");
    CHECK(inc["reopen_count"] == "0");
    CHECK(inc["sla_met"] == "true");
    CHECK(inc["cis"] == "");
    CHECK(inc["problem"] == "");
}

TEST_CASE("servicenow-incident-log: the state history becomes StateChange records", "[import][servicenow]") {
    auto r = import_with("servicenow-incident-log", {slice});
    auto changes = records_where(r, "StateChange", "record_id", "INC0000045");
    std::vector<std::map<std::string, std::string>> status;
    for (auto& c : changes)
        if (c["field"] == "status") status.push_back(c);
    REQUIRE(status.size() == 3);
    CHECK(status[0]["id"] == "INC0000045/1");
    CHECK(status[0]["record_type"] == "Incident");
    CHECK(status[0]["at"] == "2016-02-29T01:23:00Z");
    CHECK(status[0]["from"] == "");
    CHECK(status[0]["to"] == "New");
    CHECK(status[0]["by"] == "Updated by 21");
    CHECK(status[1]["from"] == "New");
    CHECK(status[1]["to"] == "Resolved");
    CHECK(status[2]["to"] == "Closed");
    CHECK(status[2]["at"] == "2016-03-05T12:00:00Z");
}

TEST_CASE("servicenow-incident-log: --timezone reads the local times in that zone", "[import][servicenow]") {
    auto r = import_with("servicenow-incident-log", {slice}, "America/New_York");
    CHECK(r.timezone == "America/New_York");
    CHECK(record(r, "Incident", "INC0000045")["opened_at"] == "2016-02-29T06:16:00Z");
}

TEST_CASE("servicenow-incident-log: the public 3,000-incident subset gives exactly 3,000 incidents", "[import][servicenow][full]") {
    auto path = shared_data("uci-servicenow-incident-event-log/incident_event_log_first3000incidents.csv");
    auto r = import_with("servicenow-incident-log", {path});
    const auto& f = r.files.at(0);
    CHECK(f.rows_read == 21453);
    CHECK(f.records_written == 3000);
    CHECK(f.rows_merged == 18453);
    CHECK(f.rows_rejected == 0);
    CHECK(f.adds_up());
    CHECK(r.records("Incident") == 3000);
    CHECK(record(r, "Incident", "INC0004700")["status"] == "closed");
}
