// xlsx-registers: SMS registers kept in an Excel workbook, one worksheet per register.
#include <catch2/catch.hpp>

#include "import_support.hpp"

using namespace shall;
using namespace shall::test;

namespace {
const std::string book = source_path("tests/import/data/xlsx/registers.xlsx");
}

TEST_CASE("xlsx-registers: each register sheet becomes its record type", "[import][xlsx]") {
    auto r = import_with("xlsx-registers", {book});
    CHECK(r.records("Document") == 2);
    CHECK(r.records("TrainingRecord") == 2);
    CHECK(r.records("Risk") == 2);
    CHECK(r.records("Supplier") == 2);
    REQUIRE(r.files.size() == 4);   // the "Read me" sheet is reported as not imported, not read
    const auto& docs = file_report(r, "registers.xlsx#Documents");
    CHECK(docs.rows_read == 2);
    CHECK(docs.records_written == 2);
    CHECK(docs.adds_up());
    for (const auto& f : r.files) {
        INFO(f.file);
        CHECK(f.warnings.empty());
    }
}

TEST_CASE("xlsx-registers: Excel dates, booleans and shared strings are read", "[import][xlsx]") {
    auto r = import_with("xlsx-registers", {book});
    auto doc = record(r, "Document", "DOC-001");
    CHECK(doc["title"] == "Service management policy");
    CHECK(doc["kind"] == "sms_policy");
    CHECK(doc["status"] == "approved");
    CHECK(doc["approved_on"] == "2026-01-15");
    CHECK(doc["review_interval_months"] == "12");
    CHECK(record(r, "Document", "DOC-002")["approved_on"] == "");
    auto tr = record(r, "TrainingRecord", "TR-2");
    CHECK(tr["completed_on"] == "2026-02-03");
    CHECK(tr["competence"] == "ISO/IEC 20000 awareness");
    auto risk = record(r, "Risk", "R-01");
    CHECK(risk["treatment"] == "mitigate");
    CHECK(risk["category"] == "continuity");
    CHECK(risk["likelihood"] == "2");
    CHECK(risk["last_assessed_on"] == "2026-03-01");
    auto s1 = record(r, "Supplier", "S-1");
    CHECK(s1["active"] == "true");
    CHECK(s1["services"] == "SVC-MAIL;SVC-WEB");
    CHECK(s1["criticality"] == "high");
    CHECK(record(r, "Supplier", "S-2")["active"] == "false");
}
