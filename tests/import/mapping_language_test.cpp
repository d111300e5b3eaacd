// The mapping language: syntax errors and schema checks, with file:line:col and did-you-mean.
#include <catch2/catch.hpp>
#include <fstream>

#include "import_support.hpp"

using namespace shall::test;
using Catch::Matchers::Contains;

namespace {
std::string errors_of(const std::string& record_body, const std::string& type = "Incident") {
    return mapping_errors("mapping t {\n  source csv\n  record " + type + " {\n    key \"n\"\n" + record_body + "  }\n}\n");
}
}

TEST_CASE("mapping: a well-formed mapping has no diagnostics", "[import][language]") {
    CHECK(errors_of("    opened_at <- first \"o\" as datetime \"%d/%m/%Y %H:%M\"\n"
                    "    priority <- \"p\" map { \"1 - Critical\" -> 1, \"2 - High\" -> 2 }\n"
                    "    status <- \"s\" map { \"Done\" -> closed } otherwise in_progress\n"
                    "    cis <- \"c\" split \";\"\n"
                    "    reopen_count <- changes \"s\" from \"Done\"\n"
                    "    resolved_at <- last \"t\" where \"s\" in (\"Done\", \"Fixed\") as datetime\n"
                    "    major = false\n") == "");
}

TEST_CASE("mapping: unknown record types and fields are named with a suggestion", "[import][language]") {
    auto e = errors_of("", "Incidnet");
    CHECK_THAT(e, Contains("test.shall:3:3: error: unknown record type 'Incidnet'"));
    CHECK_THAT(e, Contains("did you mean 'Incident'?"));
    e = errors_of("    titel <- \"t\"\n");
    CHECK_THAT(e, Contains("test.shall:5:5: error: record type Incident has no field 'titel'"));
    CHECK_THAT(e, Contains("did you mean 'title'?"));
}

TEST_CASE("mapping: mapped values must fit the target field", "[import][language]") {
    auto e = errors_of("    status <- \"s\" map { \"Done\" -> closd }\n");
    CHECK_THAT(e, Contains("test.shall:5:35: error: mapped value 'closd' is not a valid value of enum("));
    CHECK_THAT(e, Contains("did you mean 'closed'?"));
    CHECK_THAT(errors_of("    priority <- \"p\" map { \"High\" -> high }\n"), Contains("is not a valid int for field priority"));
    CHECK_THAT(errors_of("    major = maybe\n"), Contains("value 'maybe' is not a valid bool"));
}

TEST_CASE("mapping: aggregates, splits and conversions are checked against the field's kind", "[import][language]") {
    CHECK_THAT(errors_of("    title <- count \"t\"\n"), Contains("count and changes give a number, but title is text"));
    CHECK_THAT(errors_of("    title <- \"t\" split \";\"\n"), Contains("'split' needs a list field"));
    CHECK_THAT(errors_of("    opened_at <- \"o\" as datetme\n"), Contains("unknown value kind 'datetme'"));
    CHECK_THAT(errors_of("    priority <- \"o\" as datetime\n"), Contains("values read as datetime cannot fill priority"));
    CHECK_THAT(errors_of("    id <- \"o\"\n"), Contains("Incident.id comes from the record's key"));
    CHECK_THAT(errors_of("    title <- \"a\"\n    title <- \"b\"\n"), Contains("Incident.title is assigned twice"));
    CHECK_THAT(errors_of("    history at \"t\" { status <- \"s\" }\n"), Contains("a history needs an event log"));
}

TEST_CASE("mapping: syntax errors say what was expected, where", "[import][language]") {
    auto e = mapping_errors("mapping t {\n  record Incident {\n    key \"n\"\n    title \"t\"\n  }\n}\n");
    CHECK_THAT(e, Contains("test.shall:4:11: error: expected '<-' and a quoted column, or '=' and a value, found '\"'"));
    e = mapping_errors("mapping t {\n  timezone Europe\n}\n");
    CHECK_THAT(e, Contains("test.shall:2:12: error: expected a quoted string"));
    CHECK_THAT(mapping_errors("mapping t {\n  timezone \"Mars/Olympus\"\n  record Incident { key \"n\" }\n}\n"),
               Contains("unknown time zone 'Mars/Olympus'"));
    CHECK_THAT(mapping_errors("mapping t {\n  source xls\n  record Incident { key \"n\" }\n}\n"), Contains("unknown source format 'xls'"));
    CHECK_THAT(mapping_errors("mapping t {\n  source csv \"issues\"\n  record Incident { key \"n\" }\n}\n"),
               Contains("a path to the records applies only to json sources"));
    CHECK(mapping_errors("mapping t {\n  source json \"issues\"\n  record Incident where \"type\" in (\"Incident\", \"Outage\") { key \"n\" }\n}\n") == "");
}

TEST_CASE("mapping: every shipped mapping checks against the evidence model", "[import][language]") {
    for (const char* name : {"servicenow-incident-log", "bpic2013-incidents", "servicenow-table", "xlsx-registers", "jira-sm"}) {
        INFO(name);
        auto text = [&] {
            std::ifstream f(source_path(std::string("mappings/") + name + ".shall"));
            return std::string(std::istreambuf_iterator<char>(f), {});
        }();
        CHECK(mapping_errors(text) == "");
    }
}
