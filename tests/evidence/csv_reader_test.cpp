#include <catch2/catch.hpp>

#include "engine/evidence/csv_reader.hpp"

using namespace shall;

namespace {

struct Row {
    std::uint32_t line;
    std::vector<std::string> cells;
};

// Every record up to the end (or an unterminated quote, which ends the list).
std::vector<Row> rows(std::string_view text, CsvReader::Status* last = nullptr, std::uint32_t* quote_line = nullptr) {
    CsvReader r(text);
    CsvRecord rec;
    std::vector<Row> out;
    CsvReader::Status s;
    while ((s = r.next(rec)) == CsvReader::Status::record) out.push_back({rec.line, {rec.cells.begin(), rec.cells.end()}});
    if (last) *last = s;
    if (quote_line) *quote_line = r.quote_line();
    return out;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain records with physical line numbers", "[csv]") {
    auto r = rows("id,name\nA,Alice\nB,Bob\n");
    REQUIRE(r.size() == 3);
    CHECK(r[0].line == 1);
    CHECK(r[0].cells == Cells{"id", "name"});
    CHECK(r[1].line == 2);
    CHECK(r[1].cells == Cells{"A", "Alice"});
    CHECK(r[2].line == 3);
    CHECK(r[2].cells == Cells{"B", "Bob"});
}

TEST_CASE("csv: quotes, escaped quotes, embedded commas and newlines", "[csv]") {
    auto r = rows("id,text,n\n"
                  "A,\"hello, world\",1\n"
                  "B,\"she said \"\"hi\"\"\",2\n"
                  "C,\"two\nlines\nhere\",3\n"
                  "D,\"\",4\n"
                  "E,\"\"\"\",5\n"
                  "F,plain\"quote,6\n");
    REQUIRE(r.size() == 7);
    CHECK(r[1].cells == Cells{"A", "hello, world", "1"});
    CHECK(r[2].cells == Cells{"B", "she said \"hi\"", "2"});
    CHECK(r[3].cells == Cells{"C", "two\nlines\nhere", "3"});
    CHECK(r[3].line == 4);
    // the record after a 3-line record starts on physical line 7
    CHECK(r[4].line == 7);
    CHECK(r[4].cells == Cells{"D", "", "4"});
    CHECK(r[5].line == 8);
    CHECK(r[5].cells == Cells{"E", "\"", "5"});
    CHECK(r[6].line == 9);
    CHECK(r[6].cells == Cells{"F", "plain\"quote", "6"});  // a quote inside an unquoted cell is data
}

TEST_CASE("csv: BOM, CRLF and missing final line break", "[csv]") {
    auto r = rows("\xEF\xBB\xBFid,name\r\nA,\"x\r\ny\"\r\nB,last");
    REQUIRE(r.size() == 3);
    CHECK(r[0].cells == Cells{"id", "name"});  // no BOM in the first header name
    CHECK(r[1].cells == Cells{"A", "x\r\ny"}); // line breaks inside quotes are data, verbatim
    CHECK(r[2].line == 4);
    CHECK(r[2].cells == Cells{"B", "last"});
}

TEST_CASE("csv: CRLF after a quoted last cell and empty cells", "[csv]") {
    auto r = rows("a,b,c\r\n\"1\",,\"3\"\r\n,,\r\n");
    REQUIRE(r.size() == 3);
    CHECK(r[1].cells == Cells{"1", "", "3"});
    CHECK(r[2].cells == Cells{"", "", ""});
}

TEST_CASE("csv: blank lines are skipped, also at the end", "[csv]") {
    auto r = rows("id\n\nA\n   \nB\n\n\n  \n");
    REQUIRE(r.size() == 3);
    CHECK(r[1].line == 3);
    CHECK(r[2].line == 5);
    CHECK(rows("").empty());
    CHECK(rows("\n\n").empty());
}

TEST_CASE("csv: text after a closing quote is kept and flagged", "[csv]") {
    CsvReader r("\"abc\"def,\"x\"  ,y\n");
    CsvRecord rec;
    REQUIRE(r.next(rec) == CsvReader::Status::record);
    CHECK(rec.text_after_quote);
    CHECK(Cells(rec.cells.begin(), rec.cells.end()) == Cells{"abcdef", "x", "y"});
}

TEST_CASE("csv: unterminated quote names the line where it opened", "[csv]") {
    CsvReader::Status status;
    std::uint32_t quote_line = 0;
    auto r = rows("id,text\nA,ok\nB,\"multi\nline\",\"never closed\nC,x\nD,y\n", &status, &quote_line);
    CHECK(status == CsvReader::Status::unterminated_quote);
    REQUIRE(r.size() == 2);
    CHECK(quote_line == 4);  // the record starts on line 3, the unclosed quote opens on line 4

    CsvReader reader("id\n\"x\n");
    CsvRecord rec;
    REQUIRE(reader.next(rec) == CsvReader::Status::record);
    CHECK(reader.next(rec) == CsvReader::Status::unterminated_quote);
    CHECK(rec.line == 2);
    CHECK(reader.quote_line() == 2);
    CHECK(reader.last_line() == 2);
}

namespace {

// The reader's rules, written as plainly as possible, one byte at a time: the reference the
// reader's 16-bytes-at-a-time scan of plain cells is held to.
struct Reference {
    std::vector<Row> rows;
    bool unterminated = false;
    std::vector<bool> flagged;   // text after a closing quote, per row
};

Reference reference_rows(std::string_view t) {
    Reference out;
    std::size_t p = 0;
    std::uint32_t line = 1;
    auto at_line_end = [&](std::size_t i) { return i == t.size() || t[i] == '\n'; };
    auto strip_cr = [&](std::size_t b, std::size_t e) { return at_line_end(e) && e > b && t[e - 1] == '\r' ? e - 1 : e; };
    for (;;) {
        // blank lines (spaces, tabs, CR only) are skipped
        for (;;) {
            std::size_t q = p;
            while (q < t.size() && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r')) ++q;
            if (q == t.size()) { p = q; break; }
            if (t[q] != '\n') break;
            p = q + 1;
            ++line;
        }
        if (p >= t.size()) return out;
        Row row{line, {}};
        bool flagged = false;
        for (;;) {
            std::string cell;
            if (p < t.size() && t[p] == '"') {
                std::size_t q = p + 1;
                for (;;) {
                    if (q >= t.size()) { out.unterminated = true; return out; }
                    if (t[q] == '"' && q + 1 < t.size() && t[q + 1] == '"') { cell += '"'; q += 2; continue; }
                    if (t[q] == '"') break;
                    if (t[q] == '\n') ++line;
                    cell += t[q++];
                }
                std::size_t e = q + 1;
                while (e < t.size() && t[e] != ',' && t[e] != '\n') ++e;
                std::string_view after = t.substr(q + 1, strip_cr(q + 1, e) - (q + 1));
                if (after.find_first_not_of(" \t") != std::string_view::npos) { cell += after; flagged = true; }
                p = e;
            } else {
                std::size_t e = p;
                while (e < t.size() && t[e] != ',' && t[e] != '\n') ++e;
                cell = std::string(t.substr(p, strip_cr(p, e) - p));
                p = e;
            }
            row.cells.push_back(cell);
            if (p < t.size() && t[p] == ',') { ++p; continue; }
            break;
        }
        if (p < t.size()) { ++p; ++line; }
        out.rows.push_back(row);
        out.flagged.push_back(flagged);
    }
}

}  // namespace

TEST_CASE("csv: random texts read as the byte-by-byte reference reads them", "[csv]") {
    // long plain runs (the 16-byte scan), commas, quotes at and inside cells, escaped quotes,
    // CR, LF, blanks
    const std::string alphabet = "abcdefgh,,,,\"\"\n\r \t";
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state >> 33);
    };
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const std::size_t length = next() % 120;
        // mostly letters, so that cells and lines are long enough for whole 16-byte blocks
        for (std::size_t i = 0; i < length; ++i) text += next() % 3 ? static_cast<char>('a' + next() % 8) : alphabet[next() % alphabet.size()];
        INFO("text: " << text);
        Reference want = reference_rows(text);
        CsvReader reader(text);
        CsvRecord rec;
        std::vector<Row> got;
        std::vector<bool> flagged;
        CsvReader::Status s;
        while ((s = reader.next(rec)) == CsvReader::Status::record) {
            got.push_back({rec.line, {rec.cells.begin(), rec.cells.end()}});
            flagged.push_back(rec.text_after_quote);
        }
        REQUIRE((s == CsvReader::Status::unterminated_quote) == want.unterminated);
        REQUIRE(got.size() == want.rows.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            REQUIRE(got[i].line == want.rows[i].line);
            REQUIRE(got[i].cells == want.rows[i].cells);
            REQUIRE(flagged[i] == want.flagged[i]);
        }
    }
}
