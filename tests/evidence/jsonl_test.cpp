#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace shall;
using namespace shall::test;
using Lines = std::vector<std::string>;

TEST_CASE("jsonl: objects per line, kinds converted, null and missing = absent", "[jsonl]") {
    TempBundle b;
    b.write("Person.jsonl", R"({"id": "P1", "name": "Ann"})" "\n" R"({"id": "P2"})" "\n");
    b.write("Incident.jsonl",
            R"({"id": "INC1", "priority": 2, "major": true, "cost": 99.95, "status": "Resolved", "opened_at": "2026-03-02T10:00:00+0000", "tags": [" a ", "", null, "b"], "channels": ["PORTAL"], "assigned_to": "P1"})"
            "\n\n"
            R"({"id": "INC2", "priority": null, "major": 0, "cost": 7, "title": 42, "tags": "x; y"})"
            "\r\n"
            R"({"id": 3, "major": "no"})"
            "\n");
    auto s = load(b.path());
    CHECK(quality_lines(s).empty());
    const TypeTable& t = table(s, "Incident");
    CHECK(t.file == "Incident.jsonl");
    CHECK(t.line == std::vector<std::uint32_t>{1, 3, 4});  // the blank line 2 is skipped
    CHECK(cell(s, "Incident", "INC1", "priority") == "2");
    CHECK(cell(s, "Incident", "INC1", "major") == "true");
    CHECK(cell(s, "Incident", "INC1", "cost") == "99.95");
    CHECK(cell(s, "Incident", "INC1", "status") == "resolved");
    CHECK(cell(s, "Incident", "INC1", "opened_at") == "2026-03-02T10:00:00Z");
    CHECK(cell(s, "Incident", "INC1", "tags") == "a;b");
    CHECK(cell(s, "Incident", "INC1", "channels") == "portal");
    CHECK(value_of(s, "Incident", "INC1", "assigned_to").tag == Tag::ref);
    CHECK(value_of(s, "Incident", "INC2", "priority").tag == Tag::absent);
    CHECK(cell(s, "Incident", "INC2", "major") == "false");
    CHECK(cell(s, "Incident", "INC2", "cost") == "7");
    CHECK(cell(s, "Incident", "INC2", "title") == "42");
    CHECK(cell(s, "Incident", "INC2", "tags") == "x;y");
    CHECK(cell(s, "Incident", "3", "major") == "false");  // a numeric id becomes text

    // a column is present when some object has the key (even with null)
    auto present = [&](const char* f) { return t.column_present[s.schema().type("Incident")->field(f)->index]; };
    CHECK(present("priority"));
    CHECK(present("title"));
    CHECK_FALSE(present("resolved_on"));
    CHECK_FALSE(present("problem"));
}

TEST_CASE("jsonl: lines that are not objects are rejected with their line", "[jsonl]") {
    TempBundle b;
    b.write("Problem.jsonl",
            "{\"id\": \"PRB1\"}\n"
            "[1, 2]\n"
            "{\"id\": \"PRB2\", oops}\n"
            "\"text\"\n"
            "{\"title\": \"no id\"}\n"
            "{\"id\": \"PRB1\", \"title\": \"again\"}\n"
            "{\"id\": \"PRB3\", \"opened_on\": 20260105, \"title\": {\"a\": 1}}\n");
    auto s = load(b.path());
    auto q = quality_lines(s);
    REQUIRE(q.size() == 7);
    CHECK(q[0] == "error malformed-line Problem.jsonl:2: the line is an array, not a JSON object; it is not imported");
    CHECK(q[1].rfind("error malformed-line Problem.jsonl:3: the line is not valid JSON (", 0) == 0);
    CHECK(q[2] == "error malformed-line Problem.jsonl:4: the line is a string, not a JSON object; it is not imported");
    CHECK(q[3] == "error missing-id Problem.jsonl:5: the row has no id; it is not imported");
    CHECK(q[4] == "error duplicate-id Problem.jsonl:6: duplicate id PRB1: also at Problem.jsonl:1; this row is not imported, the first one is kept");
    // within a line, keys are visited in name order (nlohmann::json keeps objects sorted)
    CHECK(q[5] == "error bad-value Problem.jsonl:7: opened_on '20260105' is not a date YYYY-MM-DD");
    CHECK(q[6] == "error bad-value Problem.jsonl:7: title '{\"a\":1}' is not text");
    CHECK(table(s, "Problem").line == std::vector<std::uint32_t>{1, 7});
    CHECK(cell(s, "Problem", "PRB1", "title") == "");
}

TEST_CASE("jsonl: arrays only for list fields; unknown keys kept once reported", "[jsonl]") {
    TempBundle b;
    b.write("Incident.jsonl",
            R"({"id": "INC1", "priority": [1], "tags": [["nested"], "ok"], "ticket_url": "http://x/1"})" "\n"
            R"({"id": "INC2", "ticket_url": "http://x/2", "extra": {"k": true}})" "\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == Lines{
        "error bad-value Incident.jsonl:1: priority '[1]' is not a whole number",
        "error bad-value Incident.jsonl:1: tags item '[\"nested\"]' is not text",
        "info unknown-column Incident.jsonl:1: key 'ticket_url' is not a field of Incident; it is kept as a text attribute",
        "info unknown-column Incident.jsonl:2: key 'extra' is not a field of Incident; it is kept as a text attribute",
    });
    const TypeTable& t = table(s, "Incident");
    CHECK(t.extra_names == std::vector<std::string>{"ticket_url", "extra"});
    REQUIRE(t.extra_columns[1].size() == 2);
    CHECK(t.extra_columns[1][0].tag == Tag::absent);  // INC1 was read before 'extra' appeared
    CHECK(s.strings.view(static_cast<std::uint32_t>(t.extra_columns[1][1].i)) == "{\"k\":true}");
    CHECK(cell(s, "Incident", "INC1", "tags") == "ok");
}

TEST_CASE("jsonl: NUL and invalid UTF-8 lines", "[jsonl]") {
    using namespace std::string_literals;
    TempBundle b;
    b.write("Problem.jsonl", "{\"id\": \"PRB1\", \"title\": \"a\0b\"}\n{\"id\": \"PRB2\", \"title\": \"M\xFCller\"}\n"s);
    auto s = load(b.path());
    CHECK(quality_lines(s) == Lines{
        "error nul-byte Problem.jsonl:1: the line contains a NUL byte; it is not imported",
        "warning invalid-utf8 Problem.jsonl:2: the line is not valid UTF-8; the bad bytes are replaced by U+FFFD",
    });
    CHECK(cell(s, "Problem", "PRB2", "title") == "M\xEF\xBF\xBDller");
}

TEST_CASE("jsonl: an empty file is an empty population with every column present", "[jsonl]") {
    TempBundle b;
    b.write("Problem.jsonl", "\n");
    auto s = load(b.path());
    CHECK(s.quality.empty());
    const TypeTable& t = table(s, "Problem");
    CHECK(t.presence == Presence::present);
    CHECK(t.rows() == 0);
    CHECK(t.column_present == std::vector<bool>{true, true, true});
}
