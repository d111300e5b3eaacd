#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace shall;
using namespace shall::test;
using namespace std::string_literals;

TEST_CASE("csv table: values per kind, canonical text and provenance", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title,opened_on\nPRB1,Disk full,2026-01-05\n");
    b.write("Person.csv", "id,name,active\nP1,Ann,yes\n");
    b.write("Incident.csv",
            "id,title,opened_at,priority,status,major,cost,problem,assigned_to,tags,channels,resolved_on\n"
            "INC1,\"Mail down, again\",2026-03-02 11:00+01:00,2, In_Progress ,TRUE,99.950,PRB1,P1, a ;;b; ,Email;PHONE,2026-03-03\n"
            "INC2,,2026-03-02T10:00:00.250Z,,closed,0,100,,,,,\n");
    auto s = load(b.path(), parse_date("2026-10-31"));
    INFO(Catch::Detail::stringify(quality_lines(s)));
    CHECK(s.quality.empty());

    CHECK(cell(s, "Incident", "INC1", "title") == "Mail down, again");
    CHECK(cell(s, "Incident", "INC1", "opened_at") == "2026-03-02T10:00:00Z");
    CHECK(cell(s, "Incident", "INC1", "priority") == "2");
    CHECK(cell(s, "Incident", "INC1", "status") == "in_progress");
    CHECK(cell(s, "Incident", "INC1", "major") == "true");
    CHECK(cell(s, "Incident", "INC1", "cost") == "99.95");
    CHECK(cell(s, "Incident", "INC1", "problem") == "PRB1");
    CHECK(value_of(s, "Incident", "INC1", "problem").tag == Tag::ref);
    CHECK(cell(s, "Incident", "INC1", "assigned_to") == "P1");
    CHECK(cell(s, "Incident", "INC1", "tags") == "a;b");  // trimmed, empty items dropped
    CHECK(value_of(s, "Incident", "INC1", "tags").count == 2);
    CHECK(cell(s, "Incident", "INC1", "channels") == "email;phone");
    CHECK(cell(s, "Incident", "INC1", "resolved_on") == "2026-03-03");

    CHECK(value_of(s, "Incident", "INC2", "title").tag == Tag::absent);
    CHECK(value_of(s, "Incident", "INC2", "priority").tag == Tag::absent);
    CHECK(value_of(s, "Incident", "INC2", "opened_at").i % 1000 == 250);  // milliseconds kept
    CHECK(cell(s, "Incident", "INC2", "major") == "false");
    CHECK(cell(s, "Incident", "INC2", "cost") == "100");
    CHECK(value_of(s, "Incident", "INC2", "tags").tag == Tag::absent);

    const TypeTable& inc = table(s, "Incident");
    REQUIRE(inc.rows() == 2);
    CHECK(inc.file == "Incident.csv");
    CHECK(inc.line == std::vector<std::uint32_t>{2, 3});
    std::uint32_t g = inc.first + 1;
    CHECK(s.source_of(g) == "Incident.csv:3");
    CHECK(s.id_of(g) == "INC2");
    CHECK(s.locate(g).row == 1);
}

TEST_CASE("csv table: bad values are reported and left absent, the row is kept", "[csv-table]") {
    TempBundle b;
    b.write("Incident.csv",
            "id,priority,status,opened_at,cost,major,channels,resolved_on\n"
            "INC1,1.5,pending,2026-02-30T10:00,12%,maybe,email;fax;portal,2025-02-29\n"
            "INC2,99999999999999999999,new,,,,,\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error bad-value Incident.csv:2: priority '1.5' is not a whole number",
        "error unknown-enum-value Incident.csv:2: status 'pending' is not one of: new, in_progress, resolved, closed",
        "error bad-value Incident.csv:2: opened_at '2026-02-30T10:00' is not a date and time YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]",
        "error bad-value Incident.csv:2: cost '12%' is not a number such as 99.95",
        "error bad-value Incident.csv:2: major 'maybe' is not true/false, yes/no or 1/0",
        "error unknown-enum-value Incident.csv:2: channels item 'fax' is not one of: email, phone, portal",
        "error bad-value Incident.csv:2: resolved_on '2025-02-29' is not a date YYYY-MM-DD",
        "error bad-value Incident.csv:3: priority '99999999999999999999' is out of range for a whole number",
    });
    REQUIRE(table(s, "Incident").rows() == 2);
    for (auto f : {"priority", "status", "opened_at", "cost", "major", "resolved_on"})
        CHECK(value_of(s, "Incident", "INC1", f).tag == Tag::absent);
    CHECK(cell(s, "Incident", "INC1", "channels") == "email;portal");  // the bad item is dropped
    CHECK(cell(s, "Incident", "INC2", "status") == "new");
}

TEST_CASE("csv table: ragged rows keep the cells that fit", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title,opened_on\nPRB1,Short\nPRB2,Long,2026-01-01,extra1,extra2\nPRB3,Fine,2026-01-02\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "warning ragged-row Problem.csv:2: the row has 2 cells but the header has 3; the missing cells are read as empty",
        "warning ragged-row Problem.csv:3: the row has 5 cells but the header has 3; the 2 extra cells are ignored",
    });
    CHECK(table(s, "Problem").rows() == 3);
    CHECK(cell(s, "Problem", "PRB1", "title") == "Short");
    CHECK(value_of(s, "Problem", "PRB1", "opened_on").tag == Tag::absent);
    CHECK(cell(s, "Problem", "PRB2", "opened_on") == "2026-01-01");
}

TEST_CASE("csv table: embedded newline keeps the line numbers of later rows right", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\r\nPRB1,\"first\r\nsecond\r\nthird\"\r\nPRB2,x\r\nPRB2,dup\r\n");
    auto s = load(b.path());
    CHECK(table(s, "Problem").line == std::vector<std::uint32_t>{2, 5});
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error duplicate-id Problem.csv:6: duplicate id PRB2: also at Problem.csv:5; this row is not imported, the first one is kept",
    });
}

TEST_CASE("csv table: every repeated id names the line of its first row, also after earlier repeats", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\nPRB1,a\nPRB2,b\nPRB1,c\nPRB3,d\nPRB2,e\nPRB1,f\nPRB4,g\nPRB3,h\n");
    for (std::size_t piece_bytes : {std::size_t{0}, std::size_t{1}, std::size_t{12}}) {   // one piece, or a row a piece, or some
        INFO("piece_bytes = " << piece_bytes);
        auto s = load(b.path(), std::nullopt, 2, piece_bytes);
        CHECK(table(s, "Problem").line == std::vector<std::uint32_t>{2, 3, 5, 8});
        CHECK(cell(s, "Problem", "PRB2", "title") == "b");
        CHECK(cell(s, "Problem", "PRB4", "title") == "g");
        CHECK(quality_lines(s) == std::vector<std::string>{
            "error duplicate-id Problem.csv:4: duplicate id PRB1: also at Problem.csv:2; this row is not imported, the first one is kept",
            "error duplicate-id Problem.csv:6: duplicate id PRB2: also at Problem.csv:3; this row is not imported, the first one is kept",
            "error duplicate-id Problem.csv:7: duplicate id PRB1: also at Problem.csv:2; this row is not imported, the first one is kept",
            "error duplicate-id Problem.csv:9: duplicate id PRB3: also at Problem.csv:5; this row is not imported, the first one is kept",
        });
    }
}

TEST_CASE("csv table: unterminated quote rejects the rest of the file as one row", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\nPRB1,ok\nPRB2,\"never closed\nPRB3,x\nPRB4,y\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error unterminated-quote Problem.csv:3: a quote opened on line 3 is never closed, so lines 3-5 read as one row; that row is not imported",
    });
    CHECK(table(s, "Problem").rows() == 1);
    CHECK(has_id(s, "Problem", "PRB1"));
}

TEST_CASE("csv table: NUL bytes reject the row, invalid UTF-8 is repaired", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\nPRB1,a\0b\nPRB2,M\xFCller\nPRB3,Z\xC3\xBCrich\n"s);
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error nul-byte Problem.csv:2: the row contains a NUL byte; it is not imported",
        "warning invalid-utf8 Problem.csv:3: the row is not valid UTF-8; the bad bytes are replaced by U+FFFD",
    });
    CHECK_FALSE(has_id(s, "Problem", "PRB1"));
    CHECK(cell(s, "Problem", "PRB2", "title") == "M\xEF\xBF\xBDller");
    CHECK(cell(s, "Problem", "PRB3", "title") == "Z\xC3\xBCrich");
}

TEST_CASE("csv table: header names trimmed, unknown and duplicate columns", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "\xEF\xBB\xBF id , titel ,opened_on,opened_on,note,note\nPRB1,Disk,2026-01-05,2027-01-01,n1,n2\nPRB2,Net,,,,\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "info unknown-column Problem.csv:1: column 'titel' is not a field of Problem; it is kept as a text attribute (did you mean 'title'?)",
        "error duplicate-column Problem.csv:1: column 'opened_on' appears twice in the header (columns 3 and 4); the second is ignored",
        "info unknown-column Problem.csv:1: column 'note' is not a field of Problem; it is kept as a text attribute",
        "error duplicate-column Problem.csv:1: column 'note' appears twice in the header; the second is ignored",
    });
    const TypeTable& t = table(s, "Problem");
    CHECK(t.column_present == std::vector<bool>{true, false, true});
    CHECK(t.extra_names == std::vector<std::string>{"titel", "note"});
    REQUIRE(t.extra_columns.size() == 2);
    REQUIRE(t.extra_columns[0].size() == 2);
    CHECK(s.strings.view(static_cast<std::uint32_t>(t.extra_columns[0][0].i)) == "Disk");
    CHECK(s.strings.view(static_cast<std::uint32_t>(t.extra_columns[1][0].i)) == "n1");
    CHECK(t.extra_columns[1][1].tag == Tag::absent);
    CHECK(cell(s, "Problem", "PRB1", "opened_on") == "2026-01-05");  // the first of the two columns
}

TEST_CASE("csv table: rows without id are rejected and reported; blank rows are not rows", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\nPRB1,a\n,orphan\n,,\n\n  ,\nPRB2,b\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error missing-id Problem.csv:3: the row has no id; it is not imported",
    });
    CHECK(table(s, "Problem").line == std::vector<std::uint32_t>{2, 7});
}

TEST_CASE("csv table: a header without id makes the type absent", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "title,opened_on\nDisk,2026-01-05\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error malformed-file Problem.csv:1: the header has no 'id' column; the file is not read and Problem counts as absent",
    });
    CHECK(table(s, "Problem").presence == Presence::absent);
    CHECK(table(s, "Problem").rows() == 0);
}

TEST_CASE("csv table: UTF-16 files and unclosed header quotes make the type absent", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "\xFF\xFEi\0d\0"s);
    b.write("Person.csv", "id,\"name\nP1,Ann\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "error malformed-file Person.csv:1: a quote in the header row opened on line 1 is never closed; Person counts as absent",
        "error malformed-file Problem.csv: the file is UTF-16 encoded; save it as UTF-8. Problem counts as absent",
    });
    CHECK(table(s, "Problem").presence == Presence::absent);
    CHECK(table(s, "Person").presence == Presence::absent);
}

TEST_CASE("csv table: nameless header columns and text after a closing quote", "[csv-table]") {
    TempBundle b;
    b.write("Problem.csv", "id,title,\nPRB1,\"Disk\" full,ignored\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == std::vector<std::string>{
        "warning empty-column-name Problem.csv:1: column 3 has no name in the header; its cells are ignored",
        "warning malformed-quote Problem.csv:2: text follows a closing quote; it is kept as part of the cell",
    });
    CHECK(cell(s, "Problem", "PRB1", "title") == "Disk full");
    CHECK(table(s, "Problem").extra_names.empty());
}
