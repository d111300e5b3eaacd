// bpic2013-incidents: the Volvo IT (VINST) incident log, collapsed to service requests.
#include <catch2/catch.hpp>

#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string slice = source_path("tests/import/data/bpic2013-slice.csv");
}

TEST_CASE("bpic2013-incidents: the slice collapses to one Incident per SR Number", "[import][bpic2013]") {
    auto r = import_with("bpic2013-incidents", {slice});
    const auto& f = file_report(r, "bpic2013-slice.csv");
    CHECK(f.rows_read == 301);
    CHECK(f.records_written == 11);
    CHECK(f.rows_merged == 290);
    CHECK(f.rows_rejected == 0);
    CHECK(f.adds_up());
    CHECK(f.warnings.empty());
    CHECK(r.timezone == "Europe/Brussels");
}

TEST_CASE("bpic2013-incidents: first and last events give opened, resolved and closed", "[import][bpic2013]") {
    auto r = import_with("bpic2013-incidents", {slice});
    auto inc = record(r, "Incident", "1-364285768");
    CHECK(inc["opened_at"] == "2010-03-31T14:59:42Z");
    CHECK(inc["resolved_at"] == "2012-05-03T09:10:12Z");
    CHECK(inc["closed_at"] == "2012-05-10T23:26:15Z");
    CHECK(inc["status"] == "closed");
    CHECK(inc["impact"] == "3");
    CHECK(inc["major"] == "false");
    CHECK(inc["category"] == "PROD582");
    CHECK(inc["reassignment_count"] == "5");   // V30 -> V5 3rd -> V30 -> V13 2nd 3rd -> V30 -> V5 3rd
    CHECK(inc["reopen_count"] == "1");         // Completed, then Queued again
}

TEST_CASE("bpic2013-incidents: every status change is kept", "[import][bpic2013]") {
    auto r = import_with("bpic2013-incidents", {slice});
    std::vector<std::map<std::string, std::string>> status;
    for (auto& c : records_where(r, "StateChange", "record_id", "1-364285768"))
        if (c["field"] == "status") status.push_back(c);
    REQUIRE(status.size() == 16);
    CHECK(status.front()["to"] == "Accepted-In Progress");
    CHECK(status.front()["by"] == "fr-Frederic");
    CHECK(status.back()["from"] == "Completed-Resolved");
    CHECK(status.back()["to"] == "Completed-Closed");
    CHECK(status.back()["at"] == "2012-05-10T23:26:15Z");
}

TEST_CASE("bpic2013-incidents: the full public log gives exactly 7,554 incidents", "[import][bpic2013][full]") {
    auto path = shared_data("bpic2013-volvo-incidents/VINST-new.csv");
    auto r = import_with("bpic2013-incidents", {path});
    const auto& f = r.files.at(0);
    CHECK(f.rows_read == 65533);
    CHECK(f.records_written == 7554);
    CHECK(f.rows_merged == 65533 - 7554);
    CHECK(f.rows_rejected == 0);
    CHECK(f.adds_up());
    CHECK(r.records("Incident") == 7554);
}
