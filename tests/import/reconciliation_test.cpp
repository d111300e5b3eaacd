// Reconciliation (rows read = records written + rows merged + rows rejected), value warnings,
// and the written bundle read back by the evidence loader.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../../engine/evidence/store.hpp"
#include "../../engine/importer/bundle_writer.hpp"
#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string mapping = source_path("tests/import/data/tiny.shall");
const std::string raw = source_path("tests/import/data/changes-tiny.csv");
}

TEST_CASE("reconciliation: every row is written, merged or rejected with its line and reason", "[import][reconciliation]") {
    auto r = import_with(mapping, {raw});
    const auto& f = file_report(r, "changes-tiny.csv");
    CHECK(f.rows_read == 6);
    CHECK(f.records_written == 3);
    CHECK(f.rows_merged == 0);
    CHECK(f.rows_rejected == 3);
    CHECK(f.adds_up());
    REQUIRE(f.rejections.size() == 3);
    CHECK(f.rejections[0].line == 4);
    CHECK(f.rejections[0].reason == "no key: column \"Number\" is empty");
    CHECK(f.rejections[1].line == 5);
    CHECK(f.rejections[1].reason == "duplicate key 'CHG1': first at changes-tiny.csv:2");
    CHECK(f.rejections[2].line == 6);
    CHECK(f.rejections[2].reason == "3 cells where the header has 7");
    REQUIRE(f.warnings.size() == 2);
    CHECK(f.warnings[0].line == 3);
    CHECK(f.warnings[0].field == "Change.requested_on");
    CHECK(f.warnings[1].field == "Change.backout_plan");
}

TEST_CASE("reconciliation: values are converted into the evidence model's forms", "[import][reconciliation]") {
    auto r = import_with(mapping, {raw});
    auto c1 = record(r, "Change", "CHG1");
    CHECK(c1["title"] == "Patch, with comma");
    CHECK(c1["status"] == "implemented");
    CHECK(c1["requested_on"] == "2026-03-01");
    CHECK(c1["implemented_on"] == "2026-03-02T09:00:00Z");   // Brussels, winter time
    CHECK(c1["approved_by"] == "P1;P2");
    CHECK(c1["backout_plan"] == "true");
    auto c2 = record(r, "Change", "CHG2");
    CHECK(c2["status"] == "requested");   // otherwise
    CHECK(c2["requested_on"] == "");      // 31.02.2026 is no date: warned, left absent
    CHECK(c2["implemented_on"] == "");    // n/a = missing
    auto c4 = record(r, "Change", "CHG4");
    CHECK(c4["title"] == "Quote \"inside\"");
    CHECK(c4["implemented_on"] == "2026-07-01T21:30:00Z");   // Brussels, summer time
}

TEST_CASE("reconciliation: the written bundle loads without evidence-quality errors", "[import][reconciliation]") {
    auto dir = std::filesystem::temp_directory_path() / "shall-test-import-bundle";
    std::filesystem::remove_all(dir);
    for (const auto& [m, in] : std::vector<std::pair<std::string, std::string>>{
             {mapping, raw},
             {"servicenow-incident-log", source_path("tests/import/data/servicenow-incident-log-slice.csv")},
             {"bpic2013-incidents", source_path("tests/import/data/bpic2013-slice.csv")},
             {"servicenow-table", source_path("tests/import/data/servicenow-table")},
             {"xlsx-registers", source_path("tests/import/data/xlsx/registers.xlsx")},
             {"jira-sm", source_path("tests/import/data/jira/search.json")}}) {
        INFO(m);
        auto r = import_with(m, {in});
        std::filesystem::remove_all(dir);
        importer::write_bundle(r, dir.string(), {parse_date("2026-10-31"), "Test"});
        CHECK(std::filesystem::exists(dir / "import-report.json"));
        auto store = load_bundle(evidence_schema(), dir.string());
        for (const auto& q : store.quality) {
            INFO(q.source << ": " << q.code << ": " << q.message);
            CHECK(q.level != "error");
            CHECK(q.code != "unknown-file");
        }
        for (const auto& t : r.tables) CHECK(store.tables[t.type->index].rows() == t.rows.size());
        CHECK(store.info.timezone == r.timezone);
        std::ifstream report(dir / "import-report.json");
        auto j = nlohmann::json::parse(report);
        for (const auto& f : j["files"]) {
            CHECK(f["adds_up"] == true);
            CHECK(f["rows_read"].get<int>() == f["records_written"].get<int>() + f["rows_merged"].get<int>() +
                                                   f["rows_rejected"].get<int>() + f["rows_for_other_records"].get<int>());
        }
    }
    std::filesystem::remove_all(dir);
}
