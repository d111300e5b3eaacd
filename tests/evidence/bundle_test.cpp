#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <fmt/format.h>

#include "test_support.hpp"

using namespace shall;
using namespace shall::test;
using Lines = std::vector<std::string>;
using namespace std::string_literals;

static std::string date_text(const std::optional<Days>& d) { return d ? format_date(*d) : "none"; }

TEST_CASE("bundle: the basic test bundle end to end", "[bundle]") {
    auto s = load(data_dir("basic"));
    CHECK(quality_lines(s) == Lines{
        "error dangling-reference Change.jsonl:1: approved_by P7 does not exist",
        "warning absent-reference-target Incident.csv: service refers to Service records, but Service is absent from the bundle: its 2 references cannot be checked",
        "error dangling-reference Incident.csv:3: problem PRB0042 does not exist",
        "error dangling-reference Person.csv:2: roles R9 does not exist",
        "warning unknown-file notes.txt: notes.txt is not a file of the evidence model (<Type>.csv or <Type>.jsonl); it is ignored",
    });

    SECTION("manifest") {
        CHECK(s.info.organization == "Northwind Managed Services Ltd");
        CHECK(s.info.source == "test bundle");
        CHECK(s.info.timezone == "Europe/Berlin");
        CHECK(date_text(s.info.as_of) == "2026-10-31");
        CHECK(date_text(s.info.period_start) == "2025-11-01");
        CHECK(date_text(s.info.period_end) == "2026-10-31");
        CHECK(s.path == data_dir("basic"));
    }
    SECTION("global record indexes: types in schema order, rows in file order") {
        CHECK(s.record_count == 9);
        std::vector<std::uint32_t> firsts;
        for (const auto& t : s.tables) firsts.push_back(t.first);
        CHECK(firsts == std::vector<std::uint32_t>{0, 2, 4, 5, 8, 9});
        CHECK(s.locate(5).type == 3);
        CHECK(s.locate(5).row == 0);
        CHECK(s.locate(4).type == 2);
        CHECK(s.locate(8).type == 4);
        CHECK(s.source_of(6) == "Incident.csv:3");
        CHECK(s.source_of(7) == "Incident.csv:5");  // INC2 spans lines 3-4
        CHECK(s.id_of(6) == "INC2");
        CHECK(s.id_of(0) == "P1");
        CHECK(s.source_of(2) == "Role.jsonl:1");
        CHECK(table(s, "Service").presence == Presence::absent);
        CHECK(table(s, "Service").file.empty());
    }
    SECTION("references: resolved links, broken links kept visible") {
        const Value& problem = value_of(s, "Incident", "INC1", "problem");
        CHECK(problem.tag == Tag::ref);
        CHECK(problem.i == 4);  // PRB1 is global record 4
        const Value& broken = value_of(s, "Incident", "INC2", "problem");
        CHECK(broken.tag == Tag::dangling_ref);
        CHECK(s.strings.view(static_cast<std::uint32_t>(broken.i)) == "PRB0042");
        CHECK(cell(s, "Incident", "INC2", "problem") == "PRB0042");
        CHECK(value_of(s, "Incident", "INC1", "service").tag == Tag::dangling_ref);  // Service is absent

        const Value& approvers = value_of(s, "Change", "CHG1", "approved_by");
        REQUIRE(approvers.tag == Tag::list);
        REQUIRE(approvers.count == 2);
        CHECK(s.list_items[approvers.i].tag == Tag::ref);
        CHECK(s.list_items[approvers.i].i == 0);
        CHECK(s.list_items[approvers.i + 1].tag == Tag::dangling_ref);
        CHECK(cell(s, "Change", "CHG1", "approved_by") == "P1;P7");
        CHECK(cell(s, "Person", "P1", "roles") == "R1;R9");
        CHECK(cell(s, "Role", "R1", "kind") == "top_management");
    }
    SECTION("row_of_id and values") {
        const TypeTable& inc = table(s, "Incident");
        CHECK(inc.row_of_id.size() == 3);
        CHECK(inc.row_of_id.find(s.strings.find("INC3")) == 2);
        CHECK(cell(s, "Incident", "INC2", "title") == "Printer\njam");
        CHECK(cell(s, "Incident", "INC3", "opened_at") == "2026-03-03T07:00:00Z");
        // the bundle's zone decides calendar days: 23:30Z on 1 March is 2 March in Berlin
        CHECK(format_date(local_day(value_of(s, "Incident", "INC1", "opened_at").i, s.info.timezone)) == "2026-03-02");
    }
    SECTION("digest: SHA-256 over sorted (path, NUL, 8-byte LE length, bytes) of bundle.json and the type files") {
        CHECK(s.digest == "sha256:e3745ff965e1341abf3fa071dcf365f44cd0ff656c401370dfe765e6340e31e6");
    }
}

TEST_CASE("bundle: --as-of overrides bundle.json and moves the default period", "[bundle]") {
    auto s = load(data_dir("basic"), parse_date("2026-06-30"));
    CHECK(date_text(s.info.as_of) == "2026-06-30");
    CHECK(date_text(s.info.period_start) == "2025-07-01");
    CHECK(date_text(s.info.period_end) == "2026-06-30");
}

TEST_CASE("bundle: audit date and period defaults", "[bundle]") {
    TempBundle b;
    SECTION("no as_of anywhere: left empty for the CLI to report") {
        b.write("bundle.json", R"({"organization": "X"})");
        auto s = load(b.path());
        CHECK_FALSE(s.info.as_of);
        CHECK_FALSE(s.info.period_start);
        CHECK_FALSE(s.info.period_end);
        CHECK(s.quality.empty());
    }
    SECTION("no bundle.json: --as-of alone") {
        auto s = load(b.path(), parse_date("2024-02-29"));
        CHECK(date_text(s.info.period_start) == "2023-03-01");
        CHECK(date_text(s.info.period_end) == "2024-02-29");
        CHECK(s.info.timezone == "UTC");
    }
    SECTION("period given explicitly") {
        b.write("bundle.json", R"({"as_of": "2026-10-31", "period_start": "2026-01-01", "period_end": "2026-06-30"})");
        auto s = load(b.path());
        CHECK(date_text(s.info.period_start) == "2026-01-01");
        CHECK(date_text(s.info.period_end) == "2026-06-30");
    }
    SECTION("only period_end: the 12 months ending on it") {
        b.write("bundle.json", R"({"as_of": "2026-10-31", "period_end": "2026-03-31"})");
        auto s = load(b.path());
        CHECK(date_text(s.info.period_start) == "2025-04-01");
        CHECK(date_text(s.info.period_end) == "2026-03-31");
    }
    SECTION("period_start after period_end: reported, defaults used") {
        b.write("bundle.json", R"({"as_of": "2026-10-31", "period_start": "2026-12-01"})");
        auto s = load(b.path());
        CHECK(quality_lines(s) == Lines{
            "error bad-value bundle.json: period_start 2026-12-01 is after period_end 2026-10-31; the default period is used"});
        CHECK(date_text(s.info.period_start) == "2025-11-01");
        CHECK(date_text(s.info.period_end) == "2026-10-31");
    }
}

TEST_CASE("bundle: problems in bundle.json are reported and the load carries on", "[bundle]") {
    TempBundle b;
    b.write("Problem.csv", "id\nPRB1\n");
    SECTION("malformed JSON") {
        b.write("bundle.json", "{\"as_of\": \"2026-10-31\",");
        auto s = load(b.path());
        REQUIRE(s.quality.size() == 1);
        CHECK(s.quality[0].code == "malformed-file");
        CHECK(s.quality[0].source == "bundle.json");
        CHECK(s.quality[0].message.rfind("bundle.json is not valid JSON (", 0) == 0);
        CHECK_FALSE(s.info.as_of);
        CHECK(table(s, "Problem").rows() == 1);
    }
    SECTION("bad values, unknown time zone, unknown key") {
        b.write("bundle.json", R"({"as_of": "2026-02-30", "organization": 7, "timezone": "Mars/Base", "owner": "me"})");
        auto s = load(b.path());
        CHECK(quality_lines(s) == Lines{
            "error bad-value bundle.json: as_of '2026-02-30' is not a date YYYY-MM-DD; ignored",
            "error bad-value bundle.json: organization should be a string, not 7; ignored",
            "info unknown-key bundle.json: bundle.json key 'owner' is not part of the evidence model; ignored",
            "error unknown-timezone bundle.json: timezone 'Mars/Base' is not a known IANA time zone; UTC is used",
        });
        CHECK(s.info.timezone == "UTC");
        CHECK_FALSE(s.info.as_of);
    }
}

TEST_CASE("bundle: a missing directory cannot be audited", "[bundle]") {
    std::string dir = data_dir("no-such-bundle");
    CHECK_THROWS_WITH(load(dir), dir + ": no such bundle directory");
}

TEST_CASE("bundle: absent type, empty file, missing column", "[bundle]") {
    TempBundle b;
    b.write("Person.csv", "id,name\n");  // header only: the organisation has none
    b.write("Role.csv", "");             // not even a header
    auto s = load(b.path());
    CHECK(quality_lines(s) == Lines{
        "warning empty-file Role.csv: the file is empty, without even a header row; read as no Role records"});

    const TypeTable& person = table(s, "Person");
    CHECK(person.presence == Presence::present);
    CHECK(person.file == "Person.csv");
    CHECK(person.rows() == 0);
    CHECK(person.column_present == std::vector<bool>{true, true, false, false, false});  // active, roles, email missing

    const TypeTable& role = table(s, "Role");
    CHECK(role.presence == Presence::present);
    CHECK(role.rows() == 0);
    CHECK(role.column_present == std::vector<bool>{true, true});

    const TypeTable& problem = table(s, "Problem");  // no file
    CHECK(problem.presence == Presence::absent);
    CHECK(problem.rows() == 0);
    CHECK(problem.column_present == std::vector<bool>{false, false, false});
    CHECK(problem.columns.size() == 3);
    CHECK(s.record_count == 0);
}

TEST_CASE("bundle: which files are read, ignored or reported", "[bundle]") {
    TempBundle b;
    b.write("Problem.csv", "id,title\nPRB1,from csv\n");
    b.write("Problem.jsonl", "{\"id\": \"PRB9\"}\n");
    b.write("incident.csv", "id\nINC1\n");
    b.write("Widget.jsonl", "{}\n");
    b.write(".DS_Store", "x");
    b.write("README.txt", "read me");
    b.write("import-report.json", "{}");
    std::filesystem::create_directory(std::filesystem::path(b.path()) / "attachments");
    auto s = load(b.path());
    CHECK(quality_lines(s) == Lines{
        "error duplicate-type-file Problem.jsonl: both Problem.csv and Problem.jsonl exist; Problem.csv is read and Problem.jsonl is ignored",
        "warning unknown-file Widget.jsonl: Widget.jsonl is not a file of the evidence model (<Type>.csv or <Type>.jsonl); it is ignored",
        "warning unknown-file attachments: attachments is a directory, not a file of the evidence model; it is ignored",
        "warning unknown-file incident.csv: incident.csv is not a file of the evidence model (<Type>.csv or <Type>.jsonl); it is ignored (did you mean 'Incident.csv'?)",
    });
    CHECK(table(s, "Problem").file == "Problem.csv");
    CHECK(has_id(s, "Problem", "PRB1"));
    CHECK_FALSE(has_id(s, "Problem", "PRB9"));
    CHECK(table(s, "Incident").presence == Presence::absent);
}

TEST_CASE("bundle: an unreadable type file counts as absent", "[bundle]") {
    TempBundle b;
    b.write("Person.csv", "id\nP1\n");
    std::filesystem::create_symlink("does-not-exist.csv", std::filesystem::path(b.path()) / "Problem.csv");
    auto s = load(b.path());
    REQUIRE(s.quality.size() == 1);
    CHECK(s.quality[0].level == "error");
    CHECK(s.quality[0].code == "unreadable-file");
    CHECK(s.quality[0].source == "Problem.csv");
    CHECK(s.quality[0].message == "Problem.csv cannot be read (No such file or directory); Problem counts as absent");
    CHECK(table(s, "Problem").presence == Presence::absent);
    CHECK(table(s, "Person").rows() == 1);
}

TEST_CASE("bundle: ids are unique within a type only", "[bundle]") {
    TempBundle b;
    b.write("Person.csv", "id,name\nX1,Ann\n");
    b.write("Problem.csv", "id,title\nX1,Disk\n");
    b.write("Incident.csv", "id,assigned_to,problem\nINC1,X1,X1\n");
    auto s = load(b.path());
    CHECK(s.quality.empty());
    CHECK(value_of(s, "Incident", "INC1", "assigned_to").i == table(s, "Person").first);
    CHECK(value_of(s, "Incident", "INC1", "problem").i == table(s, "Problem").first);
}

TEST_CASE("bundle: a dangling reference is reported per row; an absent target type once per field", "[bundle]") {
    TempBundle b;
    b.write("Incident.csv", "id,problem,service\nINC1,PRB1,S1\nINC2,PRB1,S2\nINC3,,S3\n");
    b.write("Problem.csv", "id\nPRB2\n");
    auto s = load(b.path());
    CHECK(quality_lines(s) == Lines{
        "warning absent-reference-target Incident.csv: service refers to Service records, but Service is absent from the bundle: its 3 references cannot be checked",
        "error dangling-reference Incident.csv:2: problem PRB1 does not exist",
        "error dangling-reference Incident.csv:3: problem PRB1 does not exist",
    });
    CHECK(value_of(s, "Incident", "INC2", "problem").tag == Tag::dangling_ref);
    CHECK(cell(s, "Incident", "INC3", "service") == "S3");
}

TEST_CASE("bundle: the digest is stable and sees every byte of the inputs", "[bundle]") {
    TempBundle b;
    b.write("bundle.json", R"({"as_of": "2026-10-31"})");
    b.write("Problem.csv", "id,title\nPRB1,Disk full\n");
    auto first = load(b.path()).digest;
    CHECK(first.size() == 7 + 64);
    CHECK(first.rfind("sha256:", 0) == 0);
    CHECK(load(b.path()).digest == first);

    b.write("notes.txt", "not an input");
    CHECK(load(b.path()).digest == first);  // unknown files are not inputs

    b.write("Problem.csv", "id,title\nPRB1,Disk fulL\n");
    auto changed = load(b.path()).digest;
    CHECK(changed != first);

    b.write("Problem.csv", "id,title\nPRB1,Disk full\n");
    CHECK(load(b.path()).digest == first);

    b.write("bundle.json", R"({"as_of": "2026-10-30"})");
    CHECK(load(b.path()).digest != first);
}

// Everything a store holds, as text, to compare two loads byte for byte.
static std::string snapshot(const EvidenceStore& s) {
    std::string out = s.digest + "\n";
    for (std::uint32_t i = 0; i < s.strings.size(); ++i) out += fmt::format("s{}={}\n", i, s.strings.view(i));
    auto values = [&out](const auto& vs) {
        for (std::size_t r = 0; r < vs.size(); ++r) {
            const Value v = vs[r];
            out += fmt::format("{}:{}:{} ", static_cast<int>(v.tag), v.count, v.i);
        }
        out += "\n";
    };
    values(s.list_items);
    for (const auto& t : s.tables) {
        out += fmt::format("{} {} {} {}\n", t.type->name, t.file, t.first, t.rows());
        for (auto l : t.line) out += fmt::format("{} ", l);
        for (const auto& c : t.columns) values(c);
        for (const auto& c : t.extra_columns) values(c);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ids = t.row_of_id.entries();
        std::sort(ids.begin(), ids.end());
        for (auto [id, row] : ids) out += fmt::format("{}->{} ", id, row);
        out += "\n";
    }
    for (const auto& line : quality_lines(s)) out += line + "\n";
    return out;
}

TEST_CASE("bundle: one thread or many, the store is the same", "[bundle]") {
    TempBundle b;
    std::string people = "id,name,roles,nickname\n", roles = "", problems = "id,title,opened_on\n", incidents = "id,title,problem,assigned_to,priority,tags\n",
                changes = "";
    for (int i = 0; i < 300; ++i) {
        people += fmt::format("P{},Person {},R{};R{},nick{}\n", i, i % 50, i % 7, i % 11, i % 3);
        roles += fmt::format("{{\"id\": \"R{}\", \"kind\": \"{}\"}}\n", i % 9 == 8 ? i + 1000 : i, i % 2 ? "other" : "Process_Owner");
        problems += fmt::format("PRB{},Problem {},2026-01-{:02}\n", i, i % 13, i % 31 + 1);
        incidents += fmt::format("INC{},Incident {},PRB{},P{},{},a;b{}\n", i % 290, i % 17, i * 2, i, i % 5 ? std::to_string(i % 5) : "x", i % 4);
        changes += fmt::format("{{\"id\": \"CHG{}\", \"approved_by\": [\"P{}\", \"P{}\"], \"approved_on\": \"2026-02-{:02}\"}}\n", i, i, i + 400, i % 30 + 1);
    }
    b.write("Person.csv", people);
    b.write("Role.jsonl", roles);
    b.write("Problem.csv", problems);
    b.write("Incident.csv", incidents);
    b.write("Change.jsonl", changes);
    b.write("bundle.json", R"({"as_of": "2026-10-31", "colour": "blue"})");

    auto one = load(b.path(), std::nullopt, 1);
    CHECK(one.quality.size() > 300);  // the data above has plenty of problems
    std::string expected = snapshot(one);
    for (unsigned threads : {2u, 3u, 8u, 0u}) {
        INFO("threads = " << threads);
        CHECK(snapshot(load(b.path(), std::nullopt, threads)) == expected);
    }
}

TEST_CASE("bundle: a whole number or datetime too big for 4 bytes in any piece widens the column, whichever piece and thread", "[bundle]") {
    // small values first, a big one in the middle (and one that is the 4-byte absent marker),
    // small ones after: the pieces before and after it were read at 4 bytes a row
    struct Case {
        std::string field;
        std::function<std::string(std::int64_t)> text;   // the CSV cell of a value
        std::int64_t scale;                               // the value stored for text(v) is v * scale
        std::int64_t big, marker, low;                    // low: the lowest value that stays narrow
    };
    const Case cases[] = {
        {"priority", [](std::int64_t v) { return std::to_string(v); }, 1, 9'000'000'000, INT32_MIN, -2147483647},
        // seconds since 1970; the big one has milliseconds, which 4 bytes of seconds cannot hold
        {"opened_at", [](std::int64_t v) { return format_datetime(v * 1000); }, 1000, 0, INT32_MIN, -2147483647},
    };
    for (const Case& c : cases) {
        TempBundle b;
        std::string incidents = "id,title," + c.field + "\n";
        std::vector<std::int64_t> want;
        for (int i = 0; i < 90; ++i) {
            std::int64_t v = (i % 7) * c.scale;
            std::string text = c.text(i % 7);
            if (i == 41) {
                v = c.field == "opened_at" ? 1'764'547'205'123 : c.big;
                text = c.field == "opened_at" ? "2025-12-01T00:00:05.123Z" : c.text(c.big);
            }
            if (i == 63) {
                v = c.marker * c.scale;
                text = c.text(c.marker);
            }
            want.push_back(v);
            incidents += fmt::format("INC{},t,{}\n", i, text);
        }
        b.write("Incident.csv", incidents);
        b.write("bundle.json", R"({"as_of": "2026-10-31"})");
        TempBundle small;
        small.write("Incident.csv", "id,title," + c.field + "\nINC1,t," + c.text(3) + "\nINC2,t," + c.text(c.low) + "\nINC3,t,\n");
        small.write("bundle.json", R"({"as_of": "2026-10-31"})");
        const std::size_t field = test_schema().type("Incident")->field(c.field)->index;
        for (std::size_t piece_bytes : {std::size_t{20}, std::size_t{100}, std::size_t{1} << 20}) {
            for (unsigned threads : {1u, 2u}) {
                INFO(c.field << ": piece_bytes = " << piece_bytes << ", threads = " << threads);
                auto s = load(b.path(), std::nullopt, threads, piece_bytes);
                const TypeTable& t = table(s, "Incident");
                REQUIRE(t.rows() == want.size());
                CHECK(t.columns[field].width() == CellWidth::eight);
                for (std::size_t i = 0; i < want.size(); ++i) CHECK(value_of(s, "Incident", fmt::format("INC{}", i), c.field).i == want[i]);
                auto kept = load(small.path(), std::nullopt, threads, piece_bytes);
                CHECK(table(kept, "Incident").columns[field].width() == Column::for_field(*test_schema().type("Incident")->field(c.field)).width());
                CHECK(value_of(kept, "Incident", "INC2", c.field).i == c.low * c.scale);
                CHECK(value_of(kept, "Incident", "INC3", c.field).tag == Tag::absent);
            }
        }
    }
}

TEST_CASE("bundle: a CSV file read in pieces gives the store of reading it in one go", "[bundle]") {
    // cuts land inside quoted cells with line breaks, on blank lines, CRLF ends, duplicate ids
    // (the first is kept, also across pieces, with its list items), bad values, ragged rows,
    // NUL bytes, invalid UTF-8, unknown columns, and a quote that never closes at the end
    TempBundle b;
    std::string incidents = "id,title,priority,tags,channels,assigned_to,note\r\n";
    for (int i = 0; i < 120; ++i) {
        std::string title = i % 9 == 0 ? fmt::format("\"Line one\n\nline \"\"{}\"\"\n\"", i) : fmt::format("Title {}", i % 13);
        std::string priority = i % 11 == 0 ? "high" : std::to_string(i % 5);
        std::string id = i % 17 == 5 ? fmt::format("INC{}", i - 40) : fmt::format("INC{}", i);   // some repeat an earlier id
        incidents += fmt::format("{},{},{},t{};u{},email;{},P{},n{}{}", id, title, priority, i % 4, i % 3, i % 6 ? "phone" : "fax", i % 20, i,
                                 i % 10 == 3 ? "" : "\r\n");
        if (i % 10 == 3) incidents += ",extra\n";              // a ragged row
        if (i % 23 == 0) incidents += "\n  \n";                 // blank lines
        if (i % 31 == 7) incidents += "INCX,a\0b,1\n"s;        // a NUL byte
        if (i % 37 == 2) incidents += "INCY,\xC3\x28" "bad,1\n";  // invalid UTF-8
        if (i % 29 == 4) incidents += "INCZ,\"quoted\"tail,2\n";
    }
    incidents += "INCLAST,\"never closed,1\nmore\n";
    std::string people = "id,name\n";
    for (int i = 0; i < 15; ++i) people += fmt::format("P{},Person {}\n", i, i);
    b.write("Incident.csv", incidents);
    b.write("Person.csv", people);
    b.write("bundle.json", R"({"as_of": "2026-10-31"})");

    auto whole = load(b.path(), std::nullopt, 1, std::size_t{1} << 30);
    REQUIRE(whole.tables[test_schema().type("Incident")->index].rows() > 100);
    CHECK(whole.quality.size() > 30);
    std::string expected = snapshot(whole);
    for (std::size_t piece_bytes : {1, 2, 3, 5, 8, 13, 40, 97, 256, 1000, 4096}) {
        for (unsigned threads : {1u, 2u, 3u}) {
            INFO("piece_bytes = " << piece_bytes << ", threads = " << threads);
            std::string got = snapshot(load(b.path(), std::nullopt, threads, piece_bytes));
            auto differ = std::mismatch(got.begin(), got.end(), expected.begin(), expected.end());
            auto line_start = [](const std::string& s, std::string::const_iterator at) {
                auto nl = s.rfind('\n', static_cast<std::size_t>(at - s.begin()) - (at == s.begin() ? 0 : 1));
                return s.substr(nl == std::string::npos ? 0 : nl + 1, 160);
            };
            INFO("first difference, got:      " << (differ.first == got.end() ? "<end>" : line_start(got, differ.first)));
            INFO("first difference, expected: " << (differ.second == expected.end() ? "<end>" : line_start(expected, differ.second)));
            CHECK(got == expected);
        }
    }
}

TEST_CASE("bundle: random bytes never crash the readers and keep the tables consistent", "[bundle]") {
    std::mt19937 rng(20261031);
    const std::string alphabet = "id,title\"\n\r;:{}[] 0123456789-TZabcPRB\x00\xC3\xBC\xFF\xEF\xBB\xBF"s;
    for (int round = 0; round < 200; ++round) {
        TempBundle b;
        auto noise = [&](std::string prefix) {
            std::size_t n = rng() % 200;
            for (std::size_t i = 0; i < n; ++i) prefix += alphabet[rng() % alphabet.size()];
            return prefix;
        };
        b.write("Problem.csv", noise(round % 2 ? "id,title,opened_on\n" : ""));
        b.write("Incident.jsonl", noise(round % 3 ? "{\"id\": \"INC1\", \"problem\": \"PRB1\"}\n" : ""));
        b.write("bundle.json", noise("{"));
        EvidenceStore s = load(b.path(), std::nullopt, 1 + round % 3);
        std::size_t total = 0;
        for (const TypeTable& t : s.tables) {
            CHECK(t.columns.size() == t.type->fields.size());
            for (const auto& c : t.columns) CHECK(c.size() == t.rows());
            for (const auto& c : t.extra_columns) CHECK(c.size() == t.rows());
            CHECK(t.row_of_id.size() == t.rows());
            total += t.rows();
        }
        CHECK(s.record_count == total);
        for (const auto& q : s.quality) CHECK_FALSE(q.message.empty());
    }
}
